import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { siteConfigSchema } from '../files/schemas/site-config.ts';
import { formatProblem } from '../files/validate.ts';
import { checkWorkflows, type WorkflowFile } from './workflows.ts';

const SITE = `name: Acme
url: https://status.acme.example
groups:
  - name: Apps
    components:
      - id: web
        name: Website
`;

const SLACK = `notify:
  channels:
    - name: team-slack
      type: slack
      url_env: SLACK_WEBHOOK_URL
`;
const STAFF = `    - name: staff-slack
      type: slack
      url_env: STAFF_SLACK_WEBHOOK_URL
      audience: staff
`;
const PROBE = `probes:
  - component: web
    url: https://acme.example/health
    headers_env: { Authorization: HEALTH_TOKEN }
`;

/** A deploy workflow: hourly, building the page, then notifying with `env` lines. */
const deploy = (env = '', cron = '7 * * * *') => `on:
  schedule:
    - cron: '${cron}'
jobs:
  build:
    steps:
      - run: npm run build
  notify:
    steps:
      - name: Notify subscribers
${env}        run: npm run status -- notify --current notify/current
`;
const watch = (env = '', cron = '*/15 * * * *') => `on:
  schedule:
    - cron: '${cron}'
jobs:
  watch:
    steps:
      - name: Watch every host
${env}        run: npm run status -- watch
`;
const probe = (env = '') => `on:
  schedule:
    - cron: '*/5 * * * *'
jobs:
  probe:
    steps:
      - name: Run every check once
${env}        run: npm run status -- probe
`;
const envLines = (...names: string[]) =>
  `        env:\n${names.map((name) => `          ${name}: \${{ secrets.${name} }}\n`).join('')}`;

/** The problems of a site whose config is SITE plus `extra`, as `status check --workflows` prints them. */
function check(extra: string, workflows: Record<string, string>): string[] {
  const text = SITE + extra;
  const files: WorkflowFile[] = Object.entries(workflows).map(([name, body]) => ({
    path: `.github/workflows/${name}`,
    text: body,
  }));
  return checkWorkflows(siteConfigSchema.parse(parse(text)), text, files).map(formatProblem);
}

describe('secrets: the notify step', () => {
  test('passes with every subscribers’ channel variable from a secret', () => {
    expect(check(SLACK, { 'deploy.yml': deploy(envLines('SLACK_WEBHOOK_URL')) })).toEqual([]);
  });

  test('a channel whose variable the step lacks names the file, the step and the variable, and what to add', () => {
    expect(check(SLACK, { 'deploy.yml': deploy() })).toEqual([
      '.github/workflows/deploy.yml:10: jobs.notify.steps.0.env: step "Notify subscribers" (job notify) is not given SLACK_WEBHOOK_URL, which status.config.yaml\'s notify channel "team-slack" (url_env) reads: add  SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}  under the step\'s env:, and the secret SLACK_WEBHOOK_URL in Settings → Secrets and variables → Actions',
    ]);
  });

  test('a webhook needs its signing secret too', () => {
    const webhook = `notify:\n  channels:\n    - name: hook\n      type: webhook\n      url_env: HOOK_URL\n      secret_env: HOOK_SECRET\n`;
    expect(check(webhook, { 'deploy.yml': deploy(envLines('HOOK_URL', 'HOOK_SECRET')) })).toEqual([]);
    expect(check(webhook, { 'deploy.yml': deploy(envLines('HOOK_URL')) })).toEqual([
      expect.stringContaining(
        'is not given HOOK_SECRET, which status.config.yaml\'s notify channel "hook" (secret_env) reads',
      ),
    ]);
  });

  test('a value written in the file is refused, without repeating it', () => {
    const problems = check(SLACK, {
      'deploy.yml': deploy('        env:\n          SLACK_WEBHOOK_URL: https://hooks.slack.com/services/T0/B0/token\n'),
    });
    expect(problems).toEqual([
      '.github/workflows/deploy.yml:12: jobs.notify.steps.0.env.SLACK_WEBHOOK_URL: step "Notify subscribers" (job notify) gets SLACK_WEBHOOK_URL from the file itself, where anyone can read it; notify channel "team-slack" (url_env) needs a secret: write  SLACK_WEBHOOK_URL: ${{ secrets.SLACK_WEBHOOK_URL }}',
    ]);
    expect(problems.join('')).not.toContain('token');
  });

  test('a secret no channel names, or a staff channel’s, is one too many; a job-level secret counts', () => {
    expect(
      check(SLACK + STAFF, {
        'deploy.yml': deploy(envLines('SLACK_WEBHOOK_URL', 'STAFF_SLACK_WEBHOOK_URL')),
        'watch.yml': watch(envLines('STAFF_SLACK_WEBHOOK_URL')),
      }),
    ).toEqual([
      '.github/workflows/deploy.yml:13: jobs.notify.steps.0.env.STAFF_SLACK_WEBHOOK_URL: step "Notify subscribers" (job notify) is given STAFF_SLACK_WEBHOOK_URL from a secret, but nothing in status.config.yaml names STAFF_SLACK_WEBHOOK_URL for `status notify`: remove it (a step gets only the secrets it uses), or name it in status.config.yaml',
    ]);
    const jobLevel = deploy(envLines('SLACK_WEBHOOK_URL')).replace(
      '  notify:\n',
      '  notify:\n    env:\n      OLD_TOKEN: ${{ secrets.OLD_TOKEN }}\n',
    );
    expect(check(SLACK, { 'deploy.yml': jobLevel })).toEqual([
      expect.stringMatching(
        /^\.github\/workflows\/deploy\.yml:10: jobs\.notify\.env\.OLD_TOKEN: .* is given OLD_TOKEN from a secret/,
      ),
    ]);
  });

  test('channels with no step that runs notify are the config’s problem', () => {
    const build = deploy().replace(/ {2}notify:[\s\S]*$/, '');
    expect(check(SLACK, { 'deploy.yml': build })).toEqual([
      'status.config.yaml:9: notify.channels: declares channels for subscribers, but no workflow runs `npm run status -- notify`: nobody would be told; the notify job of the deploy workflow runs it after each deploy',
    ]);
  });
});

describe('secrets: the watch and probe steps', () => {
  test('the watch step gets every staff channel’s variable and nothing else', () => {
    const config = `${SLACK}${STAFF}`;
    const workflows = { 'deploy.yml': deploy(envLines('SLACK_WEBHOOK_URL')) };
    expect(check(config, { ...workflows, 'watch.yml': watch(envLines('STAFF_SLACK_WEBHOOK_URL')) })).toEqual([]);
    expect(check(config, { ...workflows, 'watch.yml': watch(envLines('SLACK_WEBHOOK_URL')) })).toEqual([
      expect.stringMatching(
        /^\.github\/workflows\/watch\.yml:8: jobs\.watch\.steps\.0\.env: step "Watch every host" \(job watch\) is not given STAFF_SLACK_WEBHOOK_URL, which status\.config\.yaml's notify channel "staff-slack" \(url_env\) reads/,
      ),
      expect.stringMatching(
        /^\.github\/workflows\/watch\.yml:9: jobs\.watch\.steps\.0\.env\.SLACK_WEBHOOK_URL: .* is given SLACK_WEBHOOK_URL from a secret, but nothing in status\.config\.yaml names SLACK_WEBHOOK_URL for `status watch`/,
      ),
    ]);
    expect(check(config, workflows)).toEqual([
      expect.stringMatching(
        /^status\.config\.yaml:9: notify\.channels: declares staff channels \(audience: staff\), but no workflow runs `npm run status -- watch`/,
      ),
    ]);
  });

  test('the probe step gets every headers_env variable, and a site with probes needs a probe step', () => {
    const workflows = { 'deploy.yml': deploy() };
    expect(check(PROBE, { ...workflows, 'probe.yml': probe(envLines('HEALTH_TOKEN')) })).toEqual([]);
    expect(check(PROBE, { ...workflows, 'probe.yml': probe() })).toEqual([
      expect.stringContaining(
        '.github/workflows/probe.yml:7: jobs.probe.steps.0.env: step "Run every check once" (job probe) is not given HEALTH_TOKEN, which status.config.yaml\'s check "web" (headers_env Authorization) reads',
      ),
    ]);
    expect(check(PROBE, workflows)).toEqual([
      expect.stringMatching(
        /^status\.config\.yaml:8: probes: lists checks, but no workflow runs `npm run status -- probe`/,
      ),
    ]);
  });

  test('a site with no channels and no probes passes with steps that get no secrets', () => {
    expect(check('', { 'deploy.yml': deploy(), 'watch.yml': watch(), 'probe.yml': probe() })).toEqual([]);
  });
});

describe('schedules', () => {
  test('the scheduled build runs as often as freshness.interval promises', () => {
    expect(check('freshness:\n  interval: 30 min\n', { 'deploy.yml': deploy('', '*/30 * * * *') })).toEqual([]);
    expect(check('freshness:\n  interval: 30 min\n', { 'deploy.yml': deploy() })).toEqual([
      '.github/workflows/deploy.yml:3: on.schedule.0.cron: rebuilds the page every 1 h, but status.config.yaml promises a new build every 30 min (freshness.interval): make them agree, this cron or freshness: interval: 1 h',
    ]);
  });

  test('an uneven schedule has no interval to promise', () => {
    expect(check('', { 'deploy.yml': deploy('', '0 9-17 * * *') })).toEqual([
      ".github/workflows/deploy.yml:3: on.schedule.0.cron: builds the page on a schedule, but its runs are unevenly spaced (60, 960 min apart), so it has no one interval; use an even schedule, e.g. '7 * * * *'",
    ]);
  });

  test('no scheduled build at all breaks the promise', () => {
    expect(check('', { 'deploy.yml': deploy().replace(/on:\n {2}schedule:\n.*\n/, 'on:\n  push:\n') })).toEqual([
      "status.config.yaml:1: freshness.interval: promises a new build every 1 h, but no workflow under .github/workflows builds the page on a schedule (on: schedule: and npm run build): after a while every page would warn readers it may be out of date; give the deploy workflow a schedule, e.g. cron: '7 * * * *' for hourly",
    ]);
  });

  test('the watchdog runs within the grace, on a schedule', () => {
    expect(
      check('freshness:\n  grace: 20 min\n', { 'deploy.yml': deploy(), 'watch.yml': watch('', '*/20 * * * *') }),
    ).toEqual([]);
    expect(check('', { 'deploy.yml': deploy(), 'watch.yml': watch('', '0 * * * *') })).toEqual([
      ".github/workflows/watch.yml:3: on.schedule.0.cron: runs the watchdog every 1 h, longer than the 30 min grace (freshness.grace): a late build could go unnoticed until readers are warned; run it at least every 30 min, e.g. '*/15 * * * *'",
    ]);
    expect(
      check('', {
        'deploy.yml': deploy(),
        'watch.yml': watch().replace(/on:\n {2}schedule:\n.*\n/, 'on:\n  workflow_dispatch:\n'),
      }),
    ).toEqual([
      ".github/workflows/watch.yml:1: on: runs the watchdog (npm run status -- watch) but has no on: schedule:, so it runs only when pushed or started by hand; add one, e.g. schedule: [{ cron: '*/15 * * * *' }]",
    ]);
  });
});

test('a file that is not YAML is located', () => {
  expect(check('', { 'deploy.yml': deploy(), 'broken.yml': 'on: [push\njobs: {}\n' })).toEqual([
    expect.stringMatching(/^\.github\/workflows\/broken\.yml:\d+: workflow: YAML: /),
  ]);
});

describe('subscriptions: the service readers sign up with', () => {
  const SUBSCRIPTIONS = `subscriptions:\n  service: https://subscriptions.acme.example\n`;
  const service = `on: push
jobs:
  subscriptions:
    steps:
      - run: npx --yes wrangler@4.164.0 deploy --config node_modules/astro-status-page/subscriptions/wrangler.deploy.jsonc
`;

  test('deployed, and its secret given to the notify step: nothing to say', () => {
    expect(
      check(SUBSCRIPTIONS, {
        'deploy.yml': deploy(envLines('STATUS_SUBSCRIPTIONS_SECRET')),
        'service.yml': service,
      }),
    ).toEqual([]);
  });

  test('the notify step must get the secret it signs the handover with', () => {
    expect(check(SUBSCRIPTIONS, { 'deploy.yml': deploy(), 'service.yml': service })).toEqual([
      expect.stringContaining(
        "is not given STATUS_SUBSCRIPTIONS_SECRET, which status.config.yaml's subscriptions (secret_env) reads",
      ),
    ]);
  });

  test('a service nobody deploys is named in status.config.yaml, where it is set', () => {
    expect(check(SUBSCRIPTIONS, { 'deploy.yml': deploy(envLines('STATUS_SUBSCRIPTIONS_SECRET')) })).toEqual([
      "status.config.yaml:9: subscriptions.service: names a subscriptions service, but no workflow deploys it (a step running wrangler on node_modules/astro-status-page/subscriptions): the form on /subscribe/ would post to nothing; the subscriptions job of the site template's deploy workflow does it",
    ]);
  });
});

describe('kept folders: watch --state and notify --ledger', () => {
  const restore = (path: string) => `      - uses: actions/cache/restore@5a3ec84eff668545956fd18022155c47e93e2684
        with:
          path: ${path}
          key: ${path}-\${{ github.run_id }}
          restore-keys: ${path}-
`;
  const save = (
    path: string,
    when = 'always()',
  ) => `      - uses: actions/cache/save@5a3ec84eff668545956fd18022155c47e93e2684
        if: ${when}
        with:
          path: ${path}
          key: ${path}-\${{ github.run_id }}
`;
  const watching = (before: string, after: string, run = 'npm run status -- watch --state watch-state') => `on:
  schedule:
    - cron: '*/15 * * * *'
jobs:
  watch:
    steps:
${before}      - name: Watch every host
        run: ${run}
${after}`;
  const deployed = { 'deploy.yml': deploy() };

  test('restored before the step and saved after it, even when it failed: nothing to say', () => {
    expect(check('', { ...deployed, 'watch.yml': watching(restore('watch-state'), save('watch-state')) })).toEqual([]);
    expect(
      check('', {
        ...deployed,
        'watch.yml': watching(
          restore('./watch-state/'),
          save('watch-state'),
          'npm run status -- watch --state=watch-state/',
        ),
      }),
    ).toEqual([]);
  });

  test('a state folder nothing carries from run to run is named, with what staff would suffer and the fix', () => {
    expect(check('', { ...deployed, 'watch.yml': watching('', '') })).toEqual([
      `.github/workflows/watch.yml:8: jobs.watch.steps.0.run: step "Watch every host" (job watch) keeps what staff were told in watch-state (--state), but it is not carried from run to run: every failing run would alert staff again, and none would say when it is over; restore it before the step with actions/cache/restore (path: watch-state, restore-keys: watch-state-) and save it after with actions/cache/save (if: always()), as the site template's workflows do`,
    ]);
  });

  test('saved only when the step passed (watch fails while staff are alerted), or another folder saved: named', () => {
    for (const after of [save('watch-state', 'success()'), save('other-folder')])
      expect(check('', { ...deployed, 'watch.yml': watching(restore('watch-state'), after) })).toEqual([
        expect.stringContaining(
          'keeps what staff were told in watch-state (--state), but it is not saved after every run: every failing run would alert staff again, and none would say when it is over; save it after the step with actions/cache/save (path: watch-state, if: always(): it must be saved when the step fails too)',
        ),
      ]);
  });

  test('notify --ledger is held to the same rule; without the flag there is nothing to keep', () => {
    const ledger = `on: push
jobs:
  notify:
    steps:
      - run: npm run status -- notify --current dist --ledger notify-ledger
`;
    expect(check('', { ...deployed, 'notify.yml': ledger })).toEqual([
      expect.stringContaining(
        'keeps what each channel confirmed in notify-ledger (--ledger), but it is not carried from run to run: a rerun would send again what an earlier run delivered',
      ),
    ]);
    expect(check('', { ...deployed, 'watch.yml': watch() })).toEqual([]);
  });
});
