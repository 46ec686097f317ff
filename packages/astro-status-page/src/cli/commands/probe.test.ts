import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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
  writeFileSync(join(dir, 'status.config.yaml'), `name: Chirp\nurl: https://status.chirp.example\ngroups:\n  - name: Apps\n    components:\n      - id: web\n        name: Web\nprobes:\n  - component: web\n    url: ${servers.url}health\n`);
  return dir;
}

test('the command says what it measured and wrote, and refuses a site without probes', async () => {
  servers.behaviour = 'up';
  const dir = site();
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(['probe'], { dir, now: T0, env: {}, out: (line) => out.push(line) }, (line) => err.push(line));
  expect(code).toBe(0);
  expect(out[0]).toMatch(/^web \(web\): ok, HTTP 200 in \d+ ms$/);
  expect(out.at(-1)).toBe('Wrote: probes/results/2022-12-28.jsonl');
  writeFileSync(join(dir, 'status.config.yaml'), readFileSync(join(dir, 'status.config.yaml'), 'utf8').replace(/probes:[\s\S]*$/, ''));
  expect(await main(['probe'], { dir, now: T0, env: {}, out: () => {} }, (line) => err.push(line))).toBe(1);
  expect(err.at(-1)).toContain('has no probes: to run');
});
