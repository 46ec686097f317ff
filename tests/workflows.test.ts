import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readSiteConfig } from '../src/files/site-files.ts';
import { DEFAULT_TIME_LIMIT_MS } from '../src/notify/run.ts';
import { ROOT } from './helpers/build.ts';

/*
 * The workflows cannot run here, so they are checked with GitHub's workflow
 * schema (action-validator) and for what the publish path promises.
 */

const read = (name: string) => readFileSync(join(ROOT, '.github/workflows', name), 'utf8');
type Step = { uses?: string; run?: string; env?: Record<string, string>; name?: string };
type Job = { needs?: string | string[]; steps: Step[] };
const jobs = (name: string): Record<string, Job> => parse(read(name)).jobs;

describe('workflow files', () => {
  test.each(['deploy.yml', 'check.yml'])('%s is a valid GitHub Actions workflow', (name) => {
    expect(validateWorkflow(read(name)).errors).toEqual([]);
  });

  test('the validator does reject a broken workflow', () => {
    const broken = read('deploy.yml').replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  test.each(['deploy.yml', 'check.yml'])('every action in %s is pinned to a commit', (name) => {
    const uses = Object.values(jobs(name)).flatMap((job) => job.steps.flatMap((step) => step.uses ?? []));
    expect(uses.length).toBeGreaterThan(0);
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
  });
});

describe('the publish path', () => {
  const deploy = jobs('deploy.yml');
  const runs = (job: Job) => job.steps.flatMap((step) => step.run ?? []);

  test('installs runtime dependencies only: no Lighthouse, Playwright, ESLint or Vitest on hourly runs', () => {
    const installs = Object.values(deploy).flatMap(runs).filter((command) => command.startsWith('npm ci'));
    expect(installs).toEqual(['npm ci --omit=dev --no-audit --no-fund', 'npm ci --omit=dev --no-audit --no-fund']);
    const { dependencies } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    for (const tool of ['lighthouse', 'playwright-core', 'eslint', 'vitest']) expect(dependencies).not.toHaveProperty(tool);
  });

  test('checks the site once: npm run build runs the check itself, so no separate status check precedes it', () => {
    const build = runs(deploy['build']!);
    expect(build).toContain('npm run build');
    expect(build.filter((command) => /status\b.*\bcheck\b/.test(command))).toEqual([]);
  });

  test('the runtime install brings its own Node, the one the scripts need (type stripping, Node 22.12+)', () => {
    const { dependencies, devDependencies, engines } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(devDependencies).not.toHaveProperty('node');
    expect(dependencies.node).toMatch(/^\d+\.\d+\.\d+$/);
    const [major, minor] = dependencies.node.split('.').map(Number);
    const [, needMajor, needMinor] = /^>=(\d+)\.(\d+)/.exec(engines.node)!.map(Number);
    expect(major > needMajor! || (major === needMajor && minor >= needMinor!)).toBe(true);
  });

  test('fetches the live API before deploying, and notifies only after a successful deploy', () => {
    const build = runs(deploy['build']!);
    expect(build.findIndex((command) => command.includes('/api/v2/'))).toBeLessThan(build.findIndex((command) => command === 'npm run build'));
    expect(deploy['notify']!.needs).toBe('deploy');
    expect(runs(deploy['notify']!).at(-1)).toContain('npm run status -- notify --current notify/current $previous');
  });

  test('fetches the live notify index (every event), and the Statuspage endpoints only when the live site has none', () => {
    const fetch = deploy['build']!.steps.find((step) => step.name === 'Fetch the live API')!.run!;
    expect(fetch.indexOf('/api/v2/notify-index.json')).toBeGreaterThan(-1);
    expect(fetch.indexOf('/api/v2/notify-index.json')).toBeLessThan(fetch.indexOf('incidents.json'));
  });

  test('the notify job outlasts notify’s own time limit, so a long burst ends with its list of what to resend, not a killed run', () => {
    const minutes = (parse(read('deploy.yml')).jobs.notify as { 'timeout-minutes': number })['timeout-minutes'];
    expect(minutes * 60_000).toBeGreaterThanOrEqual(DEFAULT_TIME_LIMIT_MS + 2 * 60_000);
  });

  test('passes notify the secret of every channel status.config.yaml declares, and nothing else', () => {
    const channels = readSiteConfig(ROOT).notify?.channels ?? [];
    const wanted = channels.flatMap((channel) => [channel.url_env, ...(channel.type === 'webhook' ? [channel.secret_env] : [])]);
    const step = deploy['notify']!.steps.find((candidate) => candidate.run?.includes('status -- notify'))!;
    expect(Object.keys(step.env ?? {}).sort()).toEqual([...wanted].sort());
    for (const [name, value] of Object.entries(step.env ?? {})) expect(value).toBe(`\${{ secrets.${name} }}`);
  });
});
