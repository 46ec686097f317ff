import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readSiteConfig } from '../src/files/site-files.ts';
import { DEFAULT_TIME_LIMIT_MS } from '../src/notify/run.ts';
import { REPO } from './helpers/build.ts';

/*
 * The workflows cannot run here, so they are checked with GitHub's workflow
 * schema (action-validator) and for what the publish path promises.
 */

const read = (name: string) => readFileSync(join(REPO, '.github/workflows', name), 'utf8');
type Step = { uses?: string; run?: string; env?: Record<string, string>; name?: string };
type Job = { needs?: string | string[]; if?: string; steps: Step[] };
const jobs = (name: string): Record<string, Job> => parse(read(name)).jobs;

describe('workflow files', () => {
  test.each(['deploy.yml', 'check.yml', 'watch.yml', 'probe.yml'])('%s is a valid GitHub Actions workflow', (name) => {
    expect(validateWorkflow(read(name)).errors).toEqual([]);
  });

  test('the validator does reject a broken workflow', () => {
    const broken = read('deploy.yml').replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  test.each(['deploy.yml', 'check.yml', 'watch.yml', 'probe.yml'])('every action in %s is pinned to a commit', (name) => {
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
    const { dependencies } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    for (const tool of ['lighthouse', 'playwright-core', 'eslint', 'vitest']) expect(dependencies).not.toHaveProperty(tool);
  });

  test('checks the site once: npm run build runs the check itself, so no separate status check precedes it', () => {
    const build = runs(deploy['build']!);
    expect(build).toContain('npm run build');
    expect(build.filter((command) => /status\b.*\bcheck\b/.test(command))).toEqual([]);
  });

  test("the runtime install leaves out the node package: the runner's setup-node gives Node 24; machines on Node 20 get it from a full npm ci", () => {
    const { dependencies, devDependencies, engines } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(dependencies).not.toHaveProperty('node');
    expect(devDependencies.node).toMatch(/^\d+\.\d+\.\d+$/);
    for (const job of Object.values(deploy)) {
      const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@')) as { with: { 'node-version': number } } | undefined;
      if (job.steps.some((step) => step.run?.startsWith('npm ci'))) expect(setup?.with['node-version']).toBe(24);
    }
    const [major, minor] = devDependencies.node.split('.').map(Number);
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

  test('passes notify the secret of every subscribers\' channel status.config.yaml declares, and nothing else', () => {
    const step = deploy['notify']!.steps.find((candidate) => candidate.run?.includes('status -- notify'))!;
    expect(Object.keys(step.env ?? {}).sort()).toEqual(channelVariables('subscribers'));
    for (const [name, value] of Object.entries(step.env ?? {})) expect(value).toBe(`\${{ secrets.${name} }}`);
  });
});

/** The variables of the config's channels for one audience (a channel without one speaks to subscribers). */
function channelVariables(audience: 'subscribers' | 'staff'): string[] {
  const channels = (readSiteConfig(REPO).notify?.channels ?? []).filter((channel) => (channel.audience ?? 'subscribers') === audience);
  return channels.flatMap((channel) => [channel.url_env, ...(channel.type === 'webhook' ? [channel.secret_env] : [])]).sort();
}

/** The minutes of a day a five-field cron line runs at (minute and hour fields; the others must be `*`). */
function cronMinutes(line: string): number[] {
  const [minute, hour, ...rest] = line.trim().split(/\s+/);
  expect(rest).toEqual(['*', '*', '*']);
  const matches = (field: string, value: number) =>
    field.split(',').some((part) => {
      const [range, step = '1'] = part.split('/');
      const [from, to] = range === '*' ? [0, 59] : range!.includes('-') ? range!.split('-').map(Number) : [Number(range), part.includes('/') ? 59 : Number(range)];
      return value >= from! && value <= to! && (value - from!) % Number(step) === 0;
    });
  return Array.from({ length: 1440 }, (_, m) => m).filter((m) => matches(hour!, Math.floor(m / 60)) && matches(minute!, m % 60));
}

/** The time between a cron line's runs, in ms, when it is regular (undefined when it is not). */
function cronInterval(line: string): number | undefined {
  const minutes = cronMinutes(line);
  const gaps = new Set(minutes.map((m, i) => ((minutes[i + 1] ?? minutes[0]! + 1440) - m) * 60_000));
  return gaps.size === 1 ? [...gaps][0] : undefined;
}

describe('freshness: the page promises what the schedules do', () => {
  const schedule = (name: string) => (parse(read(name)).on.schedule as Array<{ cron: string }>).map((entry) => entry.cron);

  test('cron intervals are read right', () => {
    expect(cronInterval('7 * * * *')).toBe(3_600_000);
    expect(cronInterval('*/15 * * * *')).toBe(900_000);
    expect(cronInterval('0 */2 * * *')).toBe(7_200_000);
    expect(cronInterval('0,30 * * * *')).toBe(1_800_000);
    expect(cronInterval('0 9-17 * * *')).toBeUndefined();
  });

  test('freshness.interval in status.config.yaml is the deploy\'s schedule, so "next update by" is what the scheduler is asked for', () => {
    const [cron, ...others] = schedule('deploy.yml');
    expect(others).toEqual([]);
    expect(cronInterval(cron!)).toBe(readSiteConfig(REPO).freshness.interval);
  });

  test('the watchdog runs on its own schedule, every 15 minutes, well inside the grace', () => {
    const [cron] = schedule('watch.yml');
    expect(cron).not.toBe(schedule('deploy.yml')[0]);
    expect(cronInterval(cron!)).toBe(900_000);
    expect(cronInterval(cron!)!).toBeLessThan(readSiteConfig(REPO).freshness.grace);
    expect(parse(read('watch.yml')).on).toHaveProperty('workflow_dispatch');
  });

  test('the watch step runs the watchdog with the secret of every staff channel, and nothing else', () => {
    const step = jobs('watch.yml')['watch']!.steps.find((candidate) => candidate.run?.includes('status -- watch'))!;
    expect(step.run).toBe('npm run status -- watch');
    expect(Object.keys(step.env ?? {}).sort()).toEqual(channelVariables('staff'));
    expect(channelVariables('staff').length).toBeGreaterThan(0);
    for (const [name, value] of Object.entries(step.env ?? {})) expect(value).toBe(`\${{ secrets.${name} }}`);
  });
});

describe('two hosts, one build', () => {
  const deploy = jobs('deploy.yml');

  test('the second host publishes the build\'s own dist/, needing only the build: Pages failing does not stop it, nor it Pages or notify', () => {
    const mirror = deploy['mirror']!;
    expect(mirror.needs).toBe('build');
    expect(deploy['deploy']!.needs).toBe('build');
    expect(deploy['notify']!.needs).toBe('deploy');
    const uploaded = deploy['build']!.steps.find((step) => step.uses?.startsWith('actions/upload-artifact@') && (step as { with?: { name?: string } }).with?.name === 'site') as { with: { path: string } } | undefined;
    expect(uploaded?.with.path).toBe('dist');
    const downloaded = mirror.steps.find((step) => step.uses?.startsWith('actions/download-artifact@')) as { with: { name: string; path: string } } | undefined;
    expect(downloaded?.with).toEqual({ name: 'site', path: 'dist' });
  });

  test('it runs a pinned wrangler on that dist/, with its credentials from secrets only', () => {
    const step = deploy['mirror']!.steps.find((candidate) => candidate.run?.includes('wrangler'))!;
    expect(step.run).toMatch(/^npx --yes wrangler@\d+\.\d+\.\d+ pages deploy dist /);
    expect(step.env).toEqual({ CLOUDFLARE_API_TOKEN: '${{ secrets.CLOUDFLARE_API_TOKEN }}', CLOUDFLARE_ACCOUNT_ID: '${{ secrets.CLOUDFLARE_ACCOUNT_ID }}', CLOUDFLARE_PROJECT: '${{ vars.CLOUDFLARE_PROJECT }}' });
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
    const wanted = (readSiteConfig(REPO).probes ?? []).flatMap((probe) => Object.values(probe.headers_env ?? {}));
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
