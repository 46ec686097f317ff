import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readProbeData } from '../src/files/probe-data.ts';
import { runProbe } from '../src/probe/probe.ts';
import { REPO, ROOT, STATUS_CLI, TMP } from './helpers/build.ts';
import { startProbeServers, type ProbeServers } from './helpers/probe-servers.ts';
import { childEnv } from './helpers/child-env.ts';

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

/** A site whose web is checked on the local server, opening after `openAfter` failed runs and handing back after one passing run. */
function probedSite(dir: string, openAfter = 2): void {
  copyFileSync(join(REPO, '.gitattributes'), join(dir, '.gitattributes'));
  writeFileSync(
    join(dir, 'status.config.yaml'),
    `name: Chirp\nurl: https://status.chirp.example\ntimezone: America/New_York\ngroups:\n  - name: Apps\n    components:\n      - id: web\n        name: Web\nprobes:\n  - component: web\n    url: ${servers.url}health\n    timeout: 2000\n    open_after: ${openAfter}\n    close_after: 1\n`,
  );
}

/** The incident files under `dir`, relative to it. */
const incidentFiles = (dir: string): string[] =>
  readdirSync(join(dir, 'incidents'), { recursive: true })
    .map(String)
    .filter((name) => name.endsWith('.md'));

/** Run a shell script in `cwd`, its `npm run status -- …` running this checkout's CLI; resolves with its exit code and output. */
function shell(
  cwd: string,
  script: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const npm = `npm() { while [ "$1" != "--" ]; do shift; done; shift; "${process.execPath}" "${STATUS_CLI}" "$@"; }\n`;
  const child = spawn('bash', ['-e', '-c', npm + script], {
    cwd,
    env: {
      ...childEnv(),
      GIT_AUTHOR_NAME: 'probe',
      GIT_AUTHOR_EMAIL: 'probe@example.invalid',
      GIT_COMMITTER_NAME: 'probe',
      GIT_COMMITTER_EMAIL: 'probe@example.invalid',
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, output })));
}

describe('one checkout', () => {
  test('two probe runs at once report one "Opened" and write one incident', async () => {
    mkdirSync(TMP, { recursive: true });
    const dir = mkdtempSync(join(TMP, 'probe-twice-'));
    probedSite(dir, 1);
    servers.behaviour = 'fail';
    const runs = await Promise.all(
      ['2022-12-28T12:15:00Z', '2022-12-28T12:15:01Z'].map((now) =>
        shell(dir, 'npm run status -- probe', { STATUS_NOW: now }),
      ),
    );
    expect(runs.map((run) => run.code)).toEqual([0, 0]);
    const opened = runs.flatMap((run) => run.output.split('\n')).filter((line) => line.startsWith('Opened'));
    expect(opened).toEqual(['Opened: incidents/2022/2022-12-28-web-is-not-responding.md']);
    expect(incidentFiles(dir)).toEqual(['2022/2022-12-28-web-is-not-responding.md']);
    // Both runs' results are recorded.
    expect(readProbeData(dir).results).toHaveLength(2);
  }, 60_000);

  test('a clock set back 15 minutes follows the incident already open: no second one, none left stuck', async () => {
    const dir = mkdtempSync(join(TMP, 'probe-clock-'));
    probedSite(dir, 1);
    const at = (iso: string) => ({ dir, now: Date.parse(iso), env: {}, out: () => {} });
    servers.behaviour = 'fail';
    const first = await runProbe(at('2022-12-28T12:15:00Z'));
    expect(first.written).toContain('incidents/2022/2022-12-28-web-is-not-responding.md');
    const back = await runProbe(at('2022-12-28T12:00:00Z'));
    expect(back.written.filter((path) => path.startsWith('incidents/'))).toEqual([]);
    expect(incidentFiles(dir)).toEqual(['2022/2022-12-28-web-is-not-responding.md']);
    servers.behaviour = 'up';
    const after = await runProbe(at('2022-12-28T12:20:00Z'));
    expect(after.written).toContain('incidents/2022/2022-12-28-web-is-not-responding.md');
    expect(incidentFiles(dir)).toEqual(['2022/2022-12-28-web-is-not-responding.md']);
    const text = readFileSync(join(dir, 'incidents/2022/2022-12-28-web-is-not-responding.md'), 'utf8');
    expect(text.match(/status: (\w+)/g)).toEqual(['status: investigating', 'status: monitoring']);
  }, 60_000);
});

test("two probers in two clones, running probe.yml's own steps at once, 20 s apart: one incident, no conflict", async () => {
  const origin = mkdtempSync(join(TMP, 'probe-clones-'));
  probedSite(origin, 1);
  git(origin, 'init', '-q', '-b', 'main');
  git(origin, 'add', '-A');
  git(origin, 'commit', '-qm', 'base');
  const bare = `${origin}.git`;
  git(ROOT, 'clone', '-q', '--bare', origin, bare);
  const clones = ['a', 'b'].map((name) => {
    const dir = `${origin}-${name}`;
    git(ROOT, 'clone', '-q', bare, dir);
    return dir;
  });
  const steps: Array<{ name?: string; run?: string }> = parse(
    readFileSync(join(REPO, '.github/workflows/probe.yml'), 'utf8'),
  ).jobs.probe.steps;
  const script = steps
    .filter((step) => step.run?.includes('npm run status -- probe') || step.run?.includes('probe --follow-only'))
    .map((step) => step.run!)
    .join('\n');
  expect(script).toContain('--measure-only');
  servers.behaviour = 'fail';
  const runs = await Promise.all(
    clones.map((dir, n) =>
      shell(dir, script, {
        STATUS_NOW: n === 0 ? '2022-12-28T12:15:00Z' : '2022-12-28T12:15:20Z',
        GITHUB_REF_NAME: 'main',
        GITHUB_OUTPUT: join(dir, '..', `${dir.split('/').at(-1)}.output`),
      }),
    ),
  );
  // A push that lost the race is retried after the pull (git's "cannot lock ref" or "rejected"), never a conflict.
  for (const run of runs) expect(run.output).not.toMatch(/CONFLICT|could not apply|resolve/i);
  expect(runs.map((run) => run.code)).toEqual([0, 0]);
  for (const dir of clones) {
    git(dir, 'pull', '-q', '--rebase', 'origin', 'main');
    expect(git(dir, 'status', '--porcelain')).toBe('');
    expect(incidentFiles(dir)).toEqual(['2022/2022-12-28-web-is-not-responding.md']);
    // Both probers' results are in, each once.
    expect(readProbeData(dir).results.map((result) => result.at)).toEqual([
      '2022-12-28T12:15:00Z',
      '2022-12-28T12:15:20Z',
    ]);
  }
  const outputs = clones.map((dir) => readFileSync(join(dir, '..', `${dir.split('/').at(-1)}.output`), 'utf8'));
  // One of the two opened the incident and starts the deploy; the other found it open.
  expect(outputs.sort()).toEqual(['incidents=changed\n', 'incidents=unchanged\n']);
}, 120_000);

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
