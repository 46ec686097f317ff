import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { main } from '../main.ts';

// STATUS_SITE_URL and STATUS_BASE stand in for the config's url: every command that reads them refuses a wrong one
// as check refuses a wrong url, naming the variable and what is allowed, never with a stack trace or "a bug".
const NOW = Date.parse('2022-12-28T13:00:00Z');

async function run(argv: string[], env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), 'status-env-address-'));
  cpSync(resolve(import.meta.dirname, '../../../tests/fixtures/basic'), dir, { recursive: true });
  const lines: string[] = [];
  const collect = (line: string) => lines.push(line);
  const code = await main(argv, { dir, now: NOW, env, out: collect }, collect);
  return { code, output: lines.join('\n') };
}

test.each([
  [['check'], { STATUS_SITE_URL: 'status.chirp.example' }, 'environment:1: STATUS_SITE_URL: is not an absolute URL'],
  [
    ['check'],
    { STATUS_SITE_URL: 'ftp://status.chirp.example/' },
    'STATUS_SITE_URL: uses ftp:, but only https: or http:',
  ],
  [['check'], { STATUS_BASE: 'status' }, 'environment:1: STATUS_BASE: must start with /'],
  [
    ['watch'],
    { STATUS_SITE_URL: 'status.chirp.example' },
    'error: the environment variable STATUS_SITE_URL is not an absolute URL',
  ],
  [['watch', '--live', 'status.chirp.example'], {}, 'error: --live: "status.chirp.example" is not an absolute URL'],
])('%j with %j is refused, naming the variable', async (argv, env, message) => {
  const { code, output } = await run(argv, env);
  expect(code).toBe(1);
  expect(output).toContain(message);
  expect(output).toContain('such as ');
  expect(output).not.toMatch(/bug|^\s+at\s/m);
});
