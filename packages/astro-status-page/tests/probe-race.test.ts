import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { readProbeData } from '../src/files/probe-data.ts';
import { runProbe } from '../src/probe/probe.ts';
import { REPO, ROOT, TMP } from './helpers/build.ts';
import { startProbeServers, type ProbeServers } from './helpers/probe-servers.ts';

/*
 * Two probe runs that race (two workflow runs, each committing on the same
 * parent) merge without a conflict, through the repository's own
 * .gitattributes: both runs' results are kept, and a day both folded is read once.
 */

let servers: ProbeServers;
beforeAll(async () => {
  servers = await startProbeServers();
});
afterAll(() => servers.close());

const git = (dir: string, ...args: string[]) =>
  execFileSync('git', args, {
    cwd: dir,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'probe',
      GIT_AUTHOR_EMAIL: 'probe@example.invalid',
      GIT_COMMITTER_NAME: 'probe',
      GIT_COMMITTER_EMAIL: 'probe@example.invalid',
    },
  });

test('two racing runs merge cleanly, keeping both runs and one copy of a day both folded', async () => {
  mkdirSync(TMP, { recursive: true });
  const origin = mkdtempSync(join(TMP, 'probe-race-'));
  copyFileSync(join(REPO, '.gitattributes'), join(origin, '.gitattributes'));
  writeFileSync(
    join(origin, 'status.config.yaml'),
    `name: Chirp\nurl: https://status.chirp.example\ntimezone: America/New_York\ngroups:\n  - name: Apps\n    components:\n      - id: web\n        name: Web\nprobes:\n  - component: web\n    url: ${servers.url}health\n`,
  );
  // A day already recorded (26 December in New York), not folded yet.
  mkdirSync(join(origin, 'probes/results'), { recursive: true });
  writeFileSync(
    join(origin, 'probes/results/2022-12-26.jsonl'),
    '{"at":"2022-12-26T12:00:00Z","check":"web","component":"web","ok":true,"code":200,"ms":120}\n',
  );
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'base');
  const bare = `${origin}.git`;
  git(ROOT, 'clone', '-q', '--bare', origin, bare);
  const [a, b] = ['a', 'b'].map((name) => {
    const dir = `${origin}-${name}`;
    git(ROOT, 'clone', '-q', bare, dir);
    return dir;
  }) as [string, string];

  servers.behaviour = 'up';
  await runProbe({ dir: a, now: Date.parse('2022-12-28T06:00:00Z'), env: {}, out: () => {} });
  servers.behaviour = 'fail';
  await runProbe({ dir: b, now: Date.parse('2022-12-28T06:01:00Z'), env: {}, out: () => {} });
  for (const dir of [a, b]) {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-qm', 'Probe results');
  }
  git(b, 'push', '-q', 'origin', 'main');
  // A pulls B's push before its own: the workflow's `git pull --rebase`.
  git(a, 'pull', '-q', '--rebase', 'origin', 'main');
  expect(git(a, 'status', '--porcelain')).toBe('');

  const data = readProbeData(a);
  expect(data.problems).toEqual([]);
  expect(data.results.map((result) => `${result.at} ${result.ok}`)).toEqual([
    '2022-12-26T12:00:00Z true',
    '2022-12-28T06:00:00Z true',
    '2022-12-28T06:01:00Z false',
  ]);
  expect(data.daily).toEqual([
    { component: 'web', day: '2022-12-26', zone: 'America/New_York', checks: 1, failures: 0, p50: 120, p95: 120 },
  ]);
  // Both runs folded the 26th into the same line; the merge may keep it twice, never a different one.
  const folded = new Set(readFileSync(join(a, 'probes/daily/web.jsonl'), 'utf8').trim().split('\n'));
  expect(folded).toEqual(
    new Set(['{"day":"2022-12-26","zone":"America/New_York","checks":1,"failures":0,"p50":120,"p95":120}']),
  );
});
