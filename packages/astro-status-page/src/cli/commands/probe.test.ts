import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startProbeServers, type ProbeServers } from '../../../tests/helpers/probe-servers.ts';
import { main } from '../main.ts';

let servers: ProbeServers;
beforeAll(async () => {
  servers = await startProbeServers();
});
afterAll(() => servers.close());

const T0 = Date.parse('2022-12-28T12:13:00Z');

function site(): string {
  const dir = mkdtempSync(join(tmpdir(), 'status-probe-cli-'));
  writeFileSync(
    join(dir, 'status.config.yaml'),
    `name: Chirp\nurl: https://status.chirp.example\ngroups:\n  - name: Apps\n    components:\n      - id: web\n        name: Web\nprobes:\n  - component: web\n    url: ${servers.url}health\n`,
  );
  return dir;
}

test('the command says what it measured and wrote', async () => {
  servers.behaviour = 'up';
  const dir = site();
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['probe'], { dir, now: T0, env: {}, out: (line) => out.push(line) }, (line) =>
    err.push(line),
  );
  expect(code).toBe(0);
  expect(out[0]).toMatch(/^web \(web\): ok, HTTP 200 in \d+ ms$/);
  expect(out.at(-1)).toBe('Wrote: probes/results/2022-12-28.jsonl');
});

test('a site without probes: passes with one line and touches no file, even with old results (the scheduled workflow runs before checks are added)', async () => {
  servers.behaviour = 'up';
  const dir = site();
  // Results of days ago, which a run with checks would fold into probes/daily and prune.
  await main(['probe'], { dir, now: T0 - 40 * 86_400_000, env: {}, out: () => {} }, () => {});
  writeFileSync(
    join(dir, 'status.config.yaml'),
    readFileSync(join(dir, 'status.config.yaml'), 'utf8').replace(/probes:[\s\S]*$/, ''),
  );
  const before = snapshot(dir);
  const out: string[] = [];
  const err: string[] = [];
  expect(
    await main(['probe'], { dir, now: T0, env: {}, out: (line) => out.push(line) }, (line) => err.push(line)),
  ).toBe(0);
  expect(out).toEqual([
    'Nothing to probe: status.config.yaml has no probes:, so no check ran and no file was written; list checks under probes: to start.',
  ]);
  expect(err).toEqual([]);
  expect(snapshot(dir)).toEqual(before);
});

/** Every file under a folder with its bytes and modification time. */
function snapshot(dir: string): Record<string, string> {
  const files = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return Object.fromEntries(
    files.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path, `${statSync(path).mtimeMs} ${readFileSync(path, 'utf8')}`];
    }),
  );
}
