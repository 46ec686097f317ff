import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { readSiteConfig } from '../src/files/site-files.ts';
import { DEFAULT_TIME_LIMIT_MS } from '../src/notify/run.ts';
import { checkWorkflows, WORKFLOWS_DIR } from '../src/site/workflows.ts';
import { REPO, SITE_TEMPLATE } from './helpers/build.ts';

/*
 * The workflows cannot run here, so they are checked with GitHub's workflow
 * schema (action-validator) and for what the publish path promises. Their
 * owner is the site template, which `status init` copies into every new site;
 * the example at the repository root holds the same files plus the lines that
 * pass its own secrets, and engine.yml, this repository's own checks.
 * What a site's workflows must agree on with its config is the engine's
 * workflow check (src/site/workflows.ts, `status check --workflows`).
 */

const SITE_WORKFLOWS = ['deploy.yml', 'check.yml', 'watch.yml', 'probe.yml'];
const read = (name: string, from = SITE_TEMPLATE) => readFileSync(join(from, WORKFLOWS_DIR, name), 'utf8');
type Step = { uses?: string; run?: string; env?: Record<string, string>; name?: string; id?: string };
type Job = { needs?: string | string[]; if?: string; steps: Step[] };
const jobs = (name: string): Record<string, Job> => parse(read(name)).jobs;
const every = [...SITE_WORKFLOWS.map((name) => [name, SITE_TEMPLATE] as const), ['engine.yml', REPO] as const];

/**
 * The step running `command` keeps `folder` (its `flag`) from run to run: the Actions cache restores it
 * before the step and saves it after, even when the step failed; each run saves under its own key, and
 * the next restores the newest by the shared prefix.
 */
function expectKeptFolder(jobSteps: unknown, command: string, flag: string, folder: string) {
  const steps = jobSteps as Array<Step & { if?: string; with?: Record<string, string> }>;
  const at = (prefix: string) => steps.findIndex((step) => step.uses?.startsWith(prefix));
  const commandAt = steps.findIndex((step) => step.run?.includes(command));
  expect(steps[commandAt]!.run).toContain(`${flag} ${folder}`);
  const [restore, save] = [steps[at('actions/cache/restore@')]!, steps[at('actions/cache/save@')]!];
  expect(at('actions/cache/restore@')).toBeLessThan(commandAt);
  expect(at('actions/cache/save@')).toBeGreaterThan(commandAt);
  expect(save.if).toBe('always()');
  expect([restore.with!.path, save.with!.path]).toEqual([folder, folder]);
  expect(save.with!.key).toBe(restore.with!.key);
  expect(save.with!.key).toContain('${{ github.run_id }}-${{ github.run_attempt }}');
  expect(save.with!.key!.startsWith(restore.with!['restore-keys']!)).toBe(true);
}

describe('workflow files', () => {
  test.each(every)('%s is a valid GitHub Actions workflow', (name, from) => {
    expect(validateWorkflow(read(name, from)).errors).toEqual([]);
  });

  test('the validator does reject a broken workflow', () => {
    const broken = read('deploy.yml').replace('runs-on: ubuntu-24.04', 'runs_on: ubuntu-24.04');
    expect(validateWorkflow(broken).errors.length).toBeGreaterThan(0);
  });

  test.each(every)('every action in %s is pinned to a commit', (name, from) => {
    const uses = Object.values(parse(read(name, from)).jobs as Record<string, Job>).flatMap((job) =>
      job.steps.flatMap((step) => step.uses ?? []),
    );
    expect(uses.length).toBeGreaterThan(0);
    // owner/repo, or an action in a folder of it (actions/cache/save), at a commit.
    for (const action of uses) expect(action).toMatch(/^[\w.-]+\/[\w.-]+(\/[\w.-]+)*@[0-9a-f]{40}$/);
  });
});

describe('one owner: the example runs the site template’s workflows', () => {
  /** The example's own secrets: the variables its channels and checks name. */
  const config = readSiteConfig(REPO);
  const own = new Set([
    ...(config.notify?.channels ?? []).flatMap((channel) => [
      channel.url_env,
      ...(channel.type === 'webhook' ? [channel.secret_env] : []),
    ]),
    ...(config.probes ?? []).flatMap((probe) => Object.values(probe.headers_env ?? {})),
    ...(config.subscriptions ? [config.subscriptions.secret_env] : []),
  ]);

  /** A workflow without the lines passing the example's own secrets, and without an `env:` left empty by their removal. */
  function withoutOwnSecrets(text: string): string {
    const lines = text.split('\n').filter((line) => {
      const passed = /^\s+([A-Z_][A-Z0-9_]*): \$\{\{ secrets\.([A-Z_][A-Z0-9_]*) \}\}$/.exec(line);
      return !(passed && passed[1] === passed[2] && own.has(passed[1]!));
    });
    const indent = (line: string | undefined) => line?.search(/\S/) ?? -1;
    return lines.filter((line, i) => !(line.trim() === 'env:' && indent(lines[i + 1]) <= indent(line))).join('\n');
  }

  test('the example has the template’s workflows and engine.yml, nothing else', () => {
    expect(readdirSync(join(REPO, WORKFLOWS_DIR)).sort()).toEqual([...SITE_WORKFLOWS, 'engine.yml'].sort());
    expect(readdirSync(join(SITE_TEMPLATE, WORKFLOWS_DIR)).sort()).toEqual([...SITE_WORKFLOWS].sort());
  });

  test.each(SITE_WORKFLOWS)('%s is the template’s, but for the lines passing the example’s own secrets', (name) => {
    expect(withoutOwnSecrets(read(name, REPO))).toBe(read(name));
  });

  test('those lines are really there: the example passes a secret to each of notify, watch and probe', () => {
    for (const name of ['deploy.yml', 'watch.yml', 'probe.yml'])
      expect(withoutOwnSecrets(read(name, REPO))).not.toBe(read(name, REPO));
  });

  test('the example’s workflows pass the workflow check with its config', () => {
    const files = readdirSync(join(REPO, WORKFLOWS_DIR)).map((name) => ({
      path: `${WORKFLOWS_DIR}/${name}`,
      text: read(name, REPO),
    }));
    expect(checkWorkflows(config, readFileSync(join(REPO, 'status.config.yaml'), 'utf8'), files)).toEqual([]);
  });
});

describe('the publish path', () => {
  const deploy = jobs('deploy.yml');
  const runs = (job: Job) => job.steps.flatMap((step) => step.run ?? []);

  test('installs runtime dependencies only: no Lighthouse, Playwright, ESLint or Vitest on hourly runs', () => {
    const installs = Object.values(deploy)
      .flatMap(runs)
      .filter((command) => command.startsWith('npm ci'));
    expect(installs).toEqual([
      'npm ci --omit=dev --no-audit --no-fund',
      'npm ci --omit=dev --no-audit --no-fund',
      'npm ci --omit=dev --no-audit --no-fund',
    ]);
    const { dependencies } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    for (const tool of ['lighthouse', 'playwright-core', 'eslint', 'vitest'])
      expect(dependencies).not.toHaveProperty(tool);
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
      const setup = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@')) as
        { with: { 'node-version': number } } | undefined;
      if (job.steps.some((step) => step.run?.startsWith('npm ci'))) expect(setup?.with['node-version']).toBe(24);
    }
    const [major, minor] = devDependencies.node.split('.').map(Number);
    const [, needMajor, needMinor] = /^>=(\d+)\.(\d+)/.exec(engines.node)!.map(Number);
    expect(major > needMajor! || (major === needMajor && minor >= needMinor!)).toBe(true);
  });

  test('fetches the live API before deploying, and notifies only after a successful deploy', () => {
    const build = runs(deploy['build']!);
    expect(build.findIndex((command) => command.includes('/api/v2/'))).toBeLessThan(
      build.findIndex((command) => command === 'npm run build'),
    );
    expect(deploy['notify']!.needs).toBe('deploy');
    expect(runs(deploy['notify']!).at(-1)).toContain('npm run status -- notify --current notify/current $previous');
  });

  test('notify keeps its ledger from run to run: restored before it, saved after it even when it failed or was cancelled', () => {
    expectKeptFolder(deploy['notify']!.steps, 'npm run status -- notify', '--ledger', 'notify-ledger');
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

  test('pull requests run the site’s check (content, templates, workflows) and its build; the engine’s own checks run in engine.yml', () => {
    expect(runs(jobs('check.yml')['check']!)).toEqual([
      'npm ci --no-audit --no-fund',
      'npm run status -- check --workflows',
      'npm run build',
    ]);
    const engine = parse(read('engine.yml', REPO)).jobs.engine as Job;
    expect(runs(engine)).toEqual(['npm ci --no-audit --no-fund', 'npm run check', 'npm run lint', 'npm test']);
  });
});

describe('the watchdog', () => {
  const workflow = parse(read('watch.yml'));
  const steps: Step[] = workflow.jobs.watch.steps;
  const deploy = parse(read('deploy.yml'));

  test('runs on a schedule of its own, not the deploy’s, whose delays it must catch, and by hand', () => {
    expect(workflow.on.schedule).not.toEqual(deploy.on.schedule);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
  });

  test('is told the page was never deployed only when GitHub lists no github-pages deployment, which the deploy job makes', () => {
    const asked = steps.find((step) => step.id === 'pages')!;
    expect(asked.run).toContain('deployments?environment=github-pages');
    expect(asked.run).toContain(
      'if [ "$deployments" = 0 ]; then echo "flags=--before-first-deploy" >> "$GITHUB_OUTPUT"; fi',
    );
    expect(asked.env).toEqual({ GH_TOKEN: '${{ github.token }}' });
    expect(workflow.permissions).toEqual({ contents: 'read', deployments: 'read' });
    expect(deploy.jobs.deploy.environment.name).toBe('github-pages');
    const watch = steps.find((step) => step.run?.includes('status -- watch'))!;
    expect(watch.run).toBe('npm run status -- watch --state watch-state ${{ steps.pages.outputs.flags }}');
    expect(steps.indexOf(asked)).toBeLessThan(steps.indexOf(watch));
  });

  test('keeps what staff were told from run to run: restored before watch, saved after it even when it failed (exit 1 while staff are alerted)', () => {
    expectKeptFolder(steps, 'status -- watch', '--state', 'watch-state');
  });
});

describe('two hosts, one build', () => {
  const deploy = jobs('deploy.yml');

  test("the second host publishes the build's own dist/, needing only the build: Pages failing does not stop it, nor it Pages or notify", () => {
    const mirror = deploy['mirror']!;
    expect(mirror.needs).toBe('build');
    expect(deploy['deploy']!.needs).toBe('build');
    expect(deploy['notify']!.needs).toBe('deploy');
    const uploaded = deploy['build']!.steps.find(
      (step) =>
        step.uses?.startsWith('actions/upload-artifact@') &&
        (step as { with?: { name?: string } }).with?.name === 'site',
    ) as { with: { path: string } } | undefined;
    expect(uploaded?.with.path).toBe('dist');
    const downloaded = mirror.steps.find((step) => step.uses?.startsWith('actions/download-artifact@')) as
      { with: { name: string; path: string } } | undefined;
    expect(downloaded?.with).toEqual({ name: 'site', path: 'dist' });
  });

  test('it runs a pinned wrangler on that dist/, with its credentials from secrets only, and only once the repository variable is set', () => {
    const step = deploy['mirror']!.steps.find((candidate) => candidate.run?.includes('wrangler'))!;
    expect(step.run).toMatch(/^npx --yes wrangler@\d+\.\d+\.\d+ pages deploy dist /);
    expect(step.env).toEqual({
      CLOUDFLARE_API_TOKEN: '${{ secrets.CLOUDFLARE_API_TOKEN }}',
      CLOUDFLARE_ACCOUNT_ID: '${{ secrets.CLOUDFLARE_ACCOUNT_ID }}',
      CLOUDFLARE_PROJECT: '${{ vars.CLOUDFLARE_PROJECT }}',
    });
    expect(deploy['mirror']!.if).toBe("${{ vars.CLOUDFLARE_PROJECT != '' }}");
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

  test('commits the data and incident folders there are (a site without probes has no probes/), then starts the deploy by workflow_dispatch, which a push with its own token would not', () => {
    const commit = steps.find((step) => step.run?.includes('git commit'))!.run!;
    expect(commit).toContain('if [ -d probes ]; then git add -A -- probes; fi');
    expect(commit).toContain('if [ -d incidents ]; then git add -A -- incidents; fi');
    // Incidents are written after the pull, and a lost push drops the incident commit rather than rebasing it (tests/probe-race.test.ts runs this script).
    expect(commit.indexOf('git pull -q --rebase')).toBeLessThan(commit.indexOf('probe --follow-only'));
    expect(commit).toContain('git reset -q --hard HEAD~1');
    const publish = steps.at(-1)!;
    expect(publish.run).toBe('gh workflow run deploy.yml --ref "$GITHUB_REF_NAME"');
    expect(Object.keys(deploy.on)).toContain('workflow_dispatch');
    expect(workflow.permissions).toEqual({ contents: 'write', actions: 'write' });
  });
});

describe('the subscriptions service', () => {
  const deploy = jobs('deploy.yml');
  const job = deploy['subscriptions']!;
  const step = job.steps.find((candidate) => candidate.name === 'Deploy the subscriptions service')!;
  const lines = step.run!.split('\n');
  const at = (pattern: RegExp) => lines.findIndex((line) => pattern.test(line));

  test('is deployed only once its repository variables are set, from the build, beside the Pages deploy', () => {
    expect(job.if).toBe("${{ vars.STATUS_SUBSCRIPTIONS_DATABASE_ID != '' && vars.STATUS_SUBSCRIPTIONS_FROM != '' }}");
    expect(job.needs).toBe('build');
    expect(step.env?.['SITE_URL']).toBe('${{ needs.build.outputs.site }}/');
  });

  test('applies the database migrations before deploying the Worker, with a pinned wrangler, on the engine’s own copy', () => {
    expect(step.run).toContain('service=node_modules/astro-status-page/subscriptions');
    expect(step.run).toContain('wrangler="npx --yes wrangler@4.164.0"');
    const migrations = at(/\$wrangler d1 migrations apply status-subscriptions --remote \$config$/);
    const worker = at(/^\$wrangler deploy \$config /);
    expect(migrations).toBeGreaterThan(-1);
    expect(worker).toBeGreaterThan(migrations);
    // Secrets reach wrangler on its standard input, never on a command line the log would show.
    for (const name of ['SUBSCRIPTIONS_SECRET', 'EMAIL_API_KEY', 'EMAIL_WEBHOOK_SECRET'])
      expect(step.run).toContain(`printf '%s' "$${name}" | $wrangler secret put ${name} $config`);
  });

  test('the webhook secret for bounces and complaints is optional: put only when the repository has it', () => {
    const put = at(/\| \$wrangler secret put EMAIL_WEBHOOK_SECRET /);
    expect(lines[put - 1]!.trim()).toBe('if [ -n "$EMAIL_WEBHOOK_SECRET" ]; then');
    expect(lines[put + 1]!.trim()).toBe('fi');
  });

  test('every credential comes from a secret, every setting from a variable', () => {
    expect(step.env).toEqual({
      CLOUDFLARE_API_TOKEN: '${{ secrets.CLOUDFLARE_API_TOKEN }}',
      CLOUDFLARE_ACCOUNT_ID: '${{ secrets.CLOUDFLARE_ACCOUNT_ID }}',
      DATABASE_ID: '${{ vars.STATUS_SUBSCRIPTIONS_DATABASE_ID }}',
      EMAIL_FROM: '${{ vars.STATUS_SUBSCRIPTIONS_FROM }}',
      SITE_URL: '${{ needs.build.outputs.site }}/',
      SUBSCRIPTIONS_SECRET: '${{ secrets.STATUS_SUBSCRIPTIONS_SECRET }}',
      EMAIL_API_KEY: '${{ secrets.RESEND_API_KEY }}',
      EMAIL_WEBHOOK_SECRET: '${{ secrets.RESEND_WEBHOOK_SECRET }}',
    });
  });

  test('the template the workflow fills in is the engine’s: its database placeholder, migrations and entry point', () => {
    const template = readFileSync(join(REPO, 'packages/astro-status-page/subscriptions/wrangler.jsonc'), 'utf8');
    expect(step.run).toContain('sed "s/filled-in-by-the-deploy-workflow/$DATABASE_ID/"');
    expect(template).toContain('"database_id": "filled-in-by-the-deploy-workflow"');
    expect(template).toContain('"migrations_dir": "migrations"');
    expect(template).toContain('"main": "worker.ts"');
  });
});
