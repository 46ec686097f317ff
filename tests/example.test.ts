/**
 * The example site's own tests, as any site made by `status init` has them:
 * its files pass `status check`, and its page mid-outage says what happened.
 * Everything else is the engine's, tested on fixtures in packages/astro-status-page.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { childEnv } from '../packages/astro-status-page/tests/helpers/child-env.ts';

const SITE = resolve(import.meta.dirname, '..');
const out = mkdtempSync(join(tmpdir(), 'chirp-example-'));
// Vitest exports BASE_URL=/ to its process; a build that inherits it ignores the config's base.
const env = {
  ...childEnv(),
  ASTRO_TELEMETRY_DISABLED: '1',
};
const run = (script: string, ...args: string[]) =>
  spawnSync('npm', ['run', '--silent', script, '--', ...args], {
    cwd: SITE,
    encoding: 'utf8',
    env: { ...env, STATUS_NOW: '2022-12-28T13:30:00Z', STATUS_OUT_DIR: out },
  });

beforeAll(() => {
  const build = run('build');
  expect(build.status, build.stderr).toBe(0);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

test('every file of the example passes status check', () => {
  const check = run('status', 'check');
  expect(check.status, check.stderr).toBe(0);
  expect(check.stdout).toMatch(/^OK: /m);
});

test('mid-outage, the home page says Chirp is down and names the incident', () => {
  const home = readFileSync(join(out, 'index.html'), 'utf8');
  expect(home).toContain('Major system outage');
  expect(home).toContain('Login and posting failing on web, iOS and Android');
  expect(home).toContain('<title>Major system outage · Chirp status</title>');
});

test('the API tells tools the same', () => {
  const status = JSON.parse(readFileSync(join(out, 'api/v2/status.json'), 'utf8')) as { status: { indicator: string } };
  expect(status.status.indicator).toBe('critical');
});
