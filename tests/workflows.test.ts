import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readSiteConfig } from '../src/files/site-files.ts';
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
  test.each(['deploy.yml', 'check.yml', 'probe.yml'])('%s is a valid GitHub Actions workflow', (name) => {
    expect(validateWorkflow(read(name)).errors).toEqual([]);
  });

  test('the validator does reject a broken workflow', () => {
    const broken = read('deploy.yml').replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  test.each(['deploy.yml', 'check.yml', 'probe.yml'])('every action in %s is pinned to a commit', (name) => {
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

  test('passes notify the secret of every channel status.config.yaml declares, and nothing else', () => {
    const channels = readSiteConfig(ROOT).notify?.channels ?? [];
    const wanted = channels.flatMap((channel) => [channel.url_env, ...(channel.type === 'webhook' ? [channel.secret_env] : [])]);
    const step = deploy['notify']!.steps.find((candidate) => candidate.run?.includes('status -- notify'))!;
    expect(Object.keys(step.env ?? {}).sort()).toEqual([...wanted].sort());
    for (const [name, value] of Object.entries(step.env ?? {})) expect(value).toBe(`\${{ secrets.${name} }}`);
  });
});

describe('the probe path', () => {
  const workflow = parse(read('probe.yml'));
  const steps: Step[] = workflow.jobs.probe.steps;
  const deploy = parse(read('deploy.yml'));

  test('runs every 5 minutes, one run at a time', () => {
    expect(workflow.on.schedule).toEqual([{ cron: '*/5 * * * *' }]);
    expect(workflow.concurrency).toEqual({ group: 'probe', 'cancel-in-progress': false });
  });

  test('passes the probe every variable a check’s headers_env names, as a secret, and nothing else', () => {
    const wanted = (readSiteConfig(ROOT).probes ?? []).flatMap((probe) => Object.values(probe.headers_env ?? {}));
    const step = steps.find((candidate) => candidate.run === 'npm run status -- probe')!;
    expect(Object.keys(step.env ?? {}).sort()).toEqual([...new Set(wanted)].sort());
    for (const [name, value] of Object.entries(step.env ?? {})) expect(value).toBe(`\${{ secrets.${name} }}`);
  });

  test('commits the data and incident files, then starts the deploy by workflow_dispatch, which a push with its own token would not', () => {
    const commit = steps.find((step) => step.run?.includes('git commit'))!.run!;
    expect(commit).toContain('git add probes incidents');
    expect(commit).toContain('git pull -q --rebase');
    const publish = steps.at(-1)!;
    expect(publish.run).toBe('gh workflow run deploy.yml --ref "$GITHUB_REF_NAME"');
    expect(Object.keys(deploy.on)).toContain('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'write', actions: 'write' });
  });
});
