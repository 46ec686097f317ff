import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runStatus } from '../src/cli/entry.ts';
import { CHIRP, ROOT, STATUS_CLI } from './helpers/build.ts';
import { childEnv } from './helpers/child-env.ts';

// Each test runs the CLI as staff would (runStatus, what scripts/status.ts runs, in-process) in a fresh copy of
// the basic fixture, "now" fixed at 31 Dec 2022 10:00 UTC.
const NOW = '2022-12-31T10:00:00Z';
let site: string;

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'status-cli-'));
  cpSync(resolve(ROOT, 'tests/fixtures/basic'), site, { recursive: true });
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

function status(...args: string[]) {
  return statusWith({}, ...args);
}
async function statusWith(env: Record<string, string>, ...args: string[]) {
  // The site is the working directory, published at its configured URL unless `env` says otherwise.
  const out: string[] = [];
  const err: string[] = [];
  const code = await runStatus(args, {
    env: childEnv({ STATUS_SITE_DIR: site, STATUS_NOW: NOW, ...env }),
    out: (line) => out.push(`${line}\n`),
    err: (line) => err.push(`${line}\n`),
  });
  return { code, out: out.join(''), err: err.join('') };
}
const read = (path: string) => readFileSync(join(site, path), 'utf8');
const write = (path: string, text: string) => writeFileSync(join(site, path), text);
// Every entry under incidents/, hidden ones too (a left-over temporary file would show).
const files = () => readdirSync(join(site, 'incidents'), { recursive: true, encoding: 'utf8' }).sort();

type Flags = Record<string, string | string[]>;
/** A command line from flags, each array value repeated as its flag. */
const argv = (command: string, flags: Flags) => [
  command,
  ...Object.entries(flags).flatMap(([name, value]) =>
    (Array.isArray(value) ? value : [value]).flatMap((item) => [`--${name}`, item]),
  ),
];
const UNRATED: Flags = {
  title: 'Timelines slow to load',
  component: ['web=degraded_performance', 'ios=partial_outage'],
  message: 'Timelines load slowly.',
};
const INCIDENT: Flags = { ...UNRATED, impact: 'minor' };
const NEW_INCIDENT = argv('new', INCIDENT);

describe('new', () => {
  test('writes the incident in the format of docs/files.md and prints its path and page URL', async () => {
    const { code, out } = await status(...NEW_INCIDENT, '--started', '2022-12-31T04:40:00-05:00');
    expect(code).toBe(0);
    expect(out).toContain('Created: incidents/2022/2022-12-31-timelines-slow-to-load.md');
    expect(out).toContain('Page: https://status.fixture.example/incidents/2022-12-31-timelines-slow-to-load/');
    expect(read('incidents/2022/2022-12-31-timelines-slow-to-load.md')).toBe(`---
id: 2022-12-31-timelines-slow-to-load
title: Timelines slow to load
impact: minor
components:
  web: degraded_performance
  ios: partial_outage
started: 2022-12-31T09:40:00Z
updates:
  - at: 2022-12-31T10:00:00Z
    status: investigating
    message: Timelines load slowly.
---
`);
    expect((await status('check')).code).toBe(0);
  });

  test('the page URL follows STATUS_SITE_URL and STATUS_BASE, as the build does', async () => {
    const result = await statusWith(
      { STATUS_SITE_URL: 'https://example.github.io', STATUS_BASE: '/status/' },
      ...NEW_INCIDENT,
      '--dry-run',
    );
    expect(result.out).toContain(
      '# dry run, nothing written: incidents/2022/2022-12-31-timelines-slow-to-load.md, page https://example.github.io/status/incidents/2022-12-31-timelines-slow-to-load/',
    );
    expect(result.out).toContain('message: Timelines load slowly.');
    expect(files()).not.toContain('2022/2022-12-31-timelines-slow-to-load.md');
  });

  test.each([
    ['ログインできません', 'new', 'incident'],
    ['Не работает вход', 'new', 'incident'],
    ['🔥🔥', 'new', 'incident'],
    ['صيانة قاعدة البيانات', 'maintenance', 'maintenance'],
  ])(
    'a title with no Latin letter (%s) names its %s file after its kind and UTC time; the title is kept',
    async (title, command, kind) => {
      const flags =
        command === 'new'
          ? { ...INCIDENT, title, started: '2022-12-31T04:40:00-05:00' }
          : {
              title,
              component: ['web'],
              start: '2022-12-31T04:40:00-05:00',
              end: '2022-12-31T06:00:00-05:00',
              message: 'x',
            };
      const { code, out } = await status(...argv(command, flags));
      expect(code).toBe(0);
      const path = `incidents/2022/2022-12-31-${kind}-0940.md`;
      expect(out).toContain(`${command === 'new' ? 'Created' : 'Scheduled'}: ${path}`);
      expect(read(path)).toContain(`title: ${title}`);
      expect((await status('check')).code).toBe(0);
    },
  );

  test('a file is dated by the day it started in the site’s zone, as its page shows it: 04:40 UTC on 31 Dec is 30 Dec in Los Angeles', async () => {
    write(
      'status.config.yaml',
      read('status.config.yaml').replace('\ngroups:', '\ntimezone: America/Los_Angeles\ngroups:'),
    );
    const named = await status(...argv('new', { ...INCIDENT, started: '2022-12-31T04:40:00Z' }));
    expect(named.out).toContain('Created: incidents/2022/2022-12-30-timelines-slow-to-load.md');
    const unnamed = await status(
      ...argv('new', { ...INCIDENT, title: 'ログインできません', started: '2022-12-31T04:40:00Z' }),
    );
    expect(unnamed.out).toContain('Created: incidents/2022/2022-12-30-incident-2040.md');
    expect((await status('check')).code).toBe(0);
  });

  test('a long message becomes a folded block, and --status and --at are honoured', async () => {
    const long = 'Timelines are loading slowly for some people on the web and on iOS; we are looking into why.';
    expect(
      (
        await status(
          ...argv('new', {
            ...INCIDENT,
            message: long,
            status: 'identified',
            at: '2022-12-31T08:15:00Z',
            slug: 'slow',
          }),
        )
      ).code,
    ).toBe(0);
    expect(read('incidents/2022/2022-12-31-slow.md')).toContain(`  - at: 2022-12-31T08:15:00Z
    status: identified
    message: >-
      Timelines are loading slowly for some people on the web and on iOS; we are
      looking into why.
`);
  });

  test.each([
    {
      bad: { impact: 'majr' },
      error: 'error: --impact: unknown impact "majr". Did you mean "major"? Allowed: none, minor, major, critical',
    },
    {
      bad: { component: ['webb=major_outage'] },
      error: 'error: --component: unknown component "webb". Did you mean "web"? Allowed: web, ios, login, dm',
    },
    {
      bad: { component: ['web=major'] },
      error:
        'error: --component web=major: unknown component status "major". Did you mean "major_outage"? Allowed: degraded_performance, partial_outage, major_outage',
    },
    { bad: { component: ['web'] }, error: 'error: --component web: say how it is affected, e.g. web=major_outage' },
    {
      bad: { component: ['web=operational'] },
      error:
        'error: --component web=operational: a new incident lists only the components it affects; leave out the operational ones',
    },
    {
      bad: { component: ['web=major_outage', 'ios=partial_outage,web=degraded_performance'] },
      error:
        'error: --component web is given twice (web=major_outage, web=degraded_performance); give each component once',
    },
    {
      bad: { impact: 'none', component: ['web=major_outage'] },
      error:
        'error: refusing to write incidents/2022/2022-12-31-timelines-slow-to-load.md; the build would reject it:\n' +
        '  incidents/2022/2022-12-31-timelines-slow-to-load.md:4: impact: the impact is "none" but web is major_outage; an incident that takes a component down has an impact. Write impact: critical',
    },
    { bad: { status: 'resolvd' }, error: 'error: --status: unknown status "resolvd". Did you mean "resolved"?' },
    { bad: { at: '2022-12-31T10:00' }, error: 'error: --at: "2022-12-31T10:00" has no time zone; add "Z" for UTC' },
    { bad: { slug: 'Big Outage' }, error: 'error: --slug "Big Outage" must be lowercase letters, digits and hyphens' },
    {
      bad: { started: '2022-12-31T11:00:00Z' },
      error:
        'error: --started: 2022-12-31T11:00:00.000Z is after 2022-12-31T10:00:00.000Z, the first update; impact starts at or before it',
    },
    {
      bad: { started: 'an hour ago' },
      error: 'error: --started: "an hour ago" is not a time; write now, 15 min ago, 07:13 or 2022-12-28T07:13:00Z',
    },
  ])('refuses $bad and writes nothing', async ({ bad, error }) => {
    const before = files();
    const { code, err } = await status(...argv('new', { ...INCIDENT, ...bad }));
    expect(code).toBe(1);
    expect(err).toContain(error);
    expect(files()).toEqual(before);
  });

  test('refuses a slug that is taken', async () => {
    expect((await status(...NEW_INCIDENT)).code).toBe(0);
    const { code, err } = await status(...NEW_INCIDENT);
    expect(code).toBe(1);
    expect(err).toContain(
      'error: incidents/2022/2022-12-31-timelines-slow-to-load.md: the slug "2022-12-31-timelines-slow-to-load" is already used by incidents/2022/2022-12-31-timelines-slow-to-load.md; pass --slug to choose another',
    );
  });

  test('without --impact, takes the least impact the components imply and says so', async () => {
    const { code, out } = await status(...argv('new', UNRATED));
    expect(code).toBe(0);
    expect(out).toContain(
      'Impact: major (from ios=partial_outage); pass --impact to change it\nCreated: incidents/2022/2022-12-31-timelines-slow-to-load.md',
    );
    expect(read('incidents/2022/2022-12-31-timelines-slow-to-load.md')).toContain(
      'title: Timelines slow to load\nimpact: major\ncomponents:\n',
    );
    expect(
      (await status(...argv('new', { ...UNRATED, component: 'web=major_outage,dm=major_outage', slug: 'down' }))).out,
    ).toContain('Impact: critical (from web=major_outage, dm=major_outage)');
    expect((await status('check')).code).toBe(0);
  });

  test('with an --impact below what the statuses imply, writes it and says the page raises it, in the page’s words', async () => {
    const { code, out } = await status(
      ...argv('new', { ...UNRATED, impact: 'major', component: ['web=major_outage'] }),
    );
    expect(code).toBe(0);
    expect(out).toContain(
      'Impact: writing major ("Partial system outage"), but the page, feeds and API show critical ("Major system outage"): web=major_outage implies it\n',
    );
    expect(read('incidents/2022/2022-12-31-timelines-slow-to-load.md')).toContain('impact: major\n');
    // An impact the statuses bear out is written without a word.
    expect((await status(...argv('new', { ...UNRATED, impact: 'major', slug: 'borne-out' }))).out).not.toContain(
      'Impact:',
    );
  });

  test('without a terminal, a missing value is named with an example', async () => {
    const { code, err } = await status('new', '--impact', 'minor');
    expect(code).toBe(1);
    expect(err).toContain(
      'error: missing --title: What are users seeing, in a short headline, e.g. --title "Login failing on iOS"',
    );
  });
});

// A hand-written file with comments, a folded message and a body: everything
// but the new update must survive byte for byte.
const HAND_WRITTEN = `---
# Written during the outage; keep this comment.
title: Login failing everywhere
impact: critical
components: {web: major_outage,   login: partial_outage}   # odd spacing on purpose
started: 2022-12-28T12:00:00Z
updates:
  - at: 2022-12-28T12:30:00Z   # first post
    status: investigating
    message: >-
      Login is failing
      for most people.
  - at: 2022-12-28T13:30:00Z
    status: identified
    message: "A bad deploy; rolling back."
---
A summary of the outage.

<!-- notes -->
`;

describe('update and resolve', () => {
  beforeEach(() => write('incidents/outage.md', HAND_WRITTEN));

  test('update appends one item and keeps every other byte', async () => {
    const { code, out } = await status(
      'update',
      'outage',
      '--status',
      'monitoring',
      '--message',
      'Rolled back; watching.',
      '--at',
      '2022-12-28T13:45:00Z',
    );
    expect(code).toBe(0);
    expect(out).toContain('Added monitoring update to: incidents/outage.md');
    expect(out).toContain('Page: https://status.fixture.example/incidents/outage/');
    const added = '  - at: 2022-12-28T13:45:00Z\n    status: monitoring\n    message: Rolled back; watching.\n';
    expect(read('incidents/outage.md')).toBe(HAND_WRITTEN.replace('---\nA summary', `${added}---\nA summary`));
  });

  test('resolve appends the resolved update at now, with a default message', async () => {
    expect((await status('resolve', 'outage')).code).toBe(0);
    expect(read('incidents/outage.md')).toBe(
      HAND_WRITTEN.replace(
        '---\nA summary',
        '  - at: 2022-12-31T10:00:00Z\n    status: resolved\n    message: This incident has been resolved.\n---\nA summary',
      ),
    );
    const again = await status('resolve', 'outage');
    expect(again.code).toBe(1);
    expect(again.err).toContain('error: outage is already resolved (31 Dec 2022, 10:00 UTC); nothing to do');
  });

  test('an update older than the last is refused, then inserted in time order with --force', async () => {
    const args = [
      'update',
      'outage',
      '--status',
      'investigating',
      '--message',
      'Still looking.',
      '--at',
      '2022-12-28T13:00:00Z',
    ];
    const refused = await status(...args);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      'error: 2022-12-28T13:00:00Z is earlier than the last update of outage (2022-12-28T13:30:00Z, identified); updates must be in time order.',
    );
    expect(read('incidents/outage.md')).toBe(HAND_WRITTEN);
    expect((await status(...args, '--force')).code).toBe(0);
    expect(read('incidents/outage.md')).toBe(
      HAND_WRITTEN.replace(
        '  - at: 2022-12-28T13:30:00Z',
        '  - at: 2022-12-28T13:00:00Z\n    status: investigating\n    message: Still looking.\n  - at: 2022-12-28T13:30:00Z',
      ),
    );
  });

  test('a resolved incident is only updated with --reopen', async () => {
    expect((await status('resolve', 'outage', '--at', '2022-12-28T14:00:00Z')).code).toBe(0);
    const args = ['update', 'outage', '--status', 'investigating', '--message', 'It is failing again.'];
    const refused = await status(...args);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('error: outage was resolved at 28 Dec 2022, 14:00 UTC; pass --reopen to reopen it');
    expect((await status(...args, '--reopen')).code).toBe(0);
    expect(read('incidents/outage.md')).toContain(
      '    status: investigating\n    message: It is failing again.\n    reopened: true\n',
    );
    expect((await status('list')).out).toContain(
      'outage  investigating (critical) since 31 Dec 2022, 10:00 UTC: Login failing everywhere',
    );
  });

  test.each([
    {
      args: ['update', 'outag', '--status', 'identified', '--message', 'x'],
      error: 'error: unknown slug "outag". Did you mean:\n  outage  (open)\nEvery slug: npm run status -- list --all',
    },
    {
      args: ['update', 'outage', '--status', 'identifed', '--message', 'x'],
      error:
        'error: --status: unknown status "identifed". Did you mean "identified"? Allowed: investigating, identified, monitoring, resolved',
    },
    {
      args: ['update', 'outage', '--status', 'in_progress', '--message', 'x'],
      error: 'error: --status: unknown status "in_progress". Allowed: investigating, identified, monitoring, resolved',
    },
    {
      args: ['update', 'outage', '--status', 'identified'],
      error: 'error: missing --message: What should users know now',
    },
    {
      args: ['update', 'outage', '--message', 'x'],
      error: 'error: missing --status; allowed: investigating, identified, monitoring, resolved',
    },
    {
      args: ['update', 'outage', '--status', 'identified', '--message', 'x', '--at', '2022-12-28 14:00'],
      error: 'error: --at: "2022-12-28 14:00" has no time zone',
    },
    {
      args: ['update', 'outage', '--status', 'identified', '--message', 'x', '--at', '2023-02-30T10:00:00Z'],
      error: 'error: --at: "2023-02-30T10:00:00Z" is not a real date and time: 2023-02 has no day 30',
    },
    {
      args: ['update', 'outage', '--status', 'identified', '--message', 'x', '--at', '2099-01-01T00:00:00Z', '--force'],
      error: 'updates.2.at: 2099-01-01T00:00:00.000Z is',
    },
    {
      args: ['update', 'outage', '--status', 'identified', '--message', '* '.repeat(400)],
      error: 'updates.2.message: nests lists or quotes 400 levels deep',
    },
    {
      args: ['resolve', 'upgrade'],
      error: 'error: upgrade is a maintenance; resolve is not for it, use start, complete or update',
    },
    { args: ['resolve'], error: 'error: missing the slug: which incident to resolve? Open now: outage' },
    { args: ['resolve', 'outage', '--bogus'], error: "error: Unknown option '--bogus'" },
    {
      args: ['update', 'outage', '--status', 'monitoring', '--message', 'x', '--component', 'webb=operational'],
      error: 'error: --component: unknown component "webb". Did you mean "web"? Allowed: web, ios, login, dm',
    },
    {
      args: ['update', 'outage', '--status', 'monitoring', '--message', 'x', '--component', 'web=operatonal'],
      error:
        'error: --component web=operatonal: unknown component status "operatonal". Did you mean "operational"? Allowed: operational, degraded_performance, partial_outage, major_outage',
    },
    {
      args: ['update', 'outage', '--status', 'monitoring', '--message', 'x', '--component', 'login'],
      error: 'error: --component login: say how it is affected, e.g. login=degraded_performance',
    },
    {
      args: ['update', 'outage', '--status', 'monitoring', '--message', 'x', '--impact', 'minr'],
      error: 'error: --impact: unknown impact "minr". Did you mean "minor"? Allowed: none, minor, major, critical',
    },
    {
      args: [
        'update',
        'outage',
        '--status',
        'monitoring',
        '--message',
        'x',
        '--component',
        'web=major_outage',
        '--component',
        'web=operational',
      ],
      error: 'error: --component web is given twice (web=major_outage, web=operational); give each component once',
    },
    {
      args: ['resolve', 'outage', '--component', 'login=operational,web=degraded_performance'],
      error:
        'error: --component web=degraded_performance: resolving returns every component to operational, so web cannot stay degraded_performance; leave --component out (or write web=operational), or, if web is still degraded_performance, post an update instead',
    },
    {
      args: ['update', 'outage', '--status', 'resolved', '--message', 'x', '--component', 'web=major_outage'],
      error: 'error: --component web=major_outage: resolving returns every component to operational',
    },
    {
      args: ['resolve', 'outage', '--component', 'web=operatonal'],
      error:
        'error: --component web=operatonal: unknown component status "operatonal". Did you mean "operational"? Allowed: operational',
    },
    {
      args: ['update', 'outage', '--status', 'monitoring', '--message', 'x', '--impact', 'none'],
      error:
        'error: refusing to write incidents/outage.md; the build would reject it:\n  incidents/outage.md:18: updates.2.impact: the impact is "none" but web is major_outage',
    },
  ])('$args is refused and changes nothing', async ({ args, error }) => {
    const { code, err } = await status(...args);
    expect(code).toBe(1);
    expect(err).toContain(error);
    expect(read('incidents/outage.md')).toBe(HAND_WRITTEN);
  });

  test('update with an --impact below what the statuses after it imply says the page raises it', async () => {
    const { code, out } = await status(
      'update',
      'outage',
      '--status',
      'identified',
      '--message',
      'x',
      '--impact',
      'minor',
    );
    expect(code).toBe(0);
    expect(out).toContain(
      'Impact: writing minor ("Minor service outage"), but the page, feeds and API show critical ("Major system outage"): web=major_outage implies it\n',
    );
  });

  test('update writes --impact and --component onto the new item, ids in the order given, and keeps every other byte', async () => {
    const args = [
      'update',
      'outage',
      '--status',
      'monitoring',
      '--message',
      'Rolled back; watching.',
      '--at',
      '2022-12-28T13:45:00Z',
      '--impact',
      'minor',
    ];
    const { code, out } = await status(
      ...args,
      '--component',
      'web=operational',
      '--component',
      'login=degraded_performance',
    );
    expect(code).toBe(0);
    expect(out).toContain('Added monitoring update to: incidents/outage.md');
    const added =
      '  - at: 2022-12-28T13:45:00Z\n    status: monitoring\n    impact: minor\n    components:\n      web: operational\n      login: degraded_performance\n    message: Rolled back; watching.\n';
    expect(read('incidents/outage.md')).toBe(HAND_WRITTEN.replace('---\nA summary', `${added}---\nA summary`));
    expect((await status('check')).code).toBe(0);
    expect((await status('list')).out).toContain(
      'Open incidents:\n  outage  monitoring (minor) since 28 Dec 2022, 13:45 UTC: Login failing everywhere\n    web: operational, login: degraded_performance\n',
    );
  });

  test('an update inserted with --force carries its statuses to its place in the timeline', async () => {
    const { code } = await status(
      'update',
      'outage',
      '--status',
      'investigating',
      '--message',
      'Web is back.',
      '--at',
      '2022-12-28T13:00:00Z',
      '--force',
      '--component',
      'web=partial_outage,ios=degraded_performance',
    );
    expect(code).toBe(0);
    expect(read('incidents/outage.md')).toBe(
      HAND_WRITTEN.replace(
        '  - at: 2022-12-28T13:30:00Z',
        '  - at: 2022-12-28T13:00:00Z\n    status: investigating\n    components:\n      web: partial_outage\n      ios: degraded_performance\n    message: Web is back.\n  - at: 2022-12-28T13:30:00Z',
      ),
    );
    expect((await status('list')).out).toContain(
      'outage  identified (critical) since 28 Dec 2022, 13:30 UTC: Login failing everywhere\n    web: partial_outage, login: partial_outage, ios: degraded_performance\n',
    );
  });

  test('resolve takes components back to operational and a final impact', async () => {
    expect((await status('resolve', 'outage', '--component', 'web=operational', '--impact', 'major')).code).toBe(0);
    expect(read('incidents/outage.md')).toBe(
      HAND_WRITTEN.replace(
        '---\nA summary',
        '  - at: 2022-12-31T10:00:00Z\n    status: resolved\n    impact: major\n    components:\n      web: operational\n    message: This incident has been resolved.\n---\nA summary',
      ),
    );
    expect((await status('check')).code).toBe(0);
    expect((await status('list')).out).toBe('No open incidents.\nNo upcoming maintenance.\n');
  });

  test('a maintenance takes no --component or --impact on update', async () => {
    const { code, err } = await status(
      'update',
      'upgrade',
      '--status',
      'verifying',
      '--message',
      'Checking.',
      '--component',
      'dm=operational',
    );
    expect(code).toBe(1);
    expect(err).toContain(
      'error: --component and --impact are for incidents; a maintenance puts its components under maintenance for its window',
    );
  });

  test('a file that is already broken is not edited', async () => {
    write('incidents/outage.md', HAND_WRITTEN.replace('impact: critical', 'impact: catastrophic'));
    const { code, err } = await status('resolve', 'outage');
    expect(code).toBe(1);
    expect(err).toContain(
      'incidents/outage.md has problems; fix them first:\n  incidents/outage.md:4: impact: unknown impact "catastrophic"',
    );
  });

  test('--dry-run prints the new file and writes nothing', async () => {
    const { code, out } = await status('resolve', 'outage', '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain(
      'status: resolved\n    message: This incident has been resolved.\n---\nA summary of the outage.',
    );
    expect(read('incidents/outage.md')).toBe(HAND_WRITTEN);
  });
});

describe('update and resolve derive the impact as new does, and say it', () => {
  beforeEach(() => write('incidents/outage.md', HAND_WRITTEN));
  const update = (...flags: string[]) =>
    status('update', 'outage', '--status', 'monitoring', '--message', 'Rolled back.', ...flags);

  test('a declared impact above what the statuses after the update imply is lowered, written and said', async () => {
    const { code, out } = await update('--component', 'web=degraded_performance', '--component', 'login=operational');
    expect(code).toBe(0);
    expect(out).toContain(
      'Impact: lowered from critical to minor (from web=degraded_performance); pass --impact critical to keep critical\n',
    );
    expect(read('incidents/outage.md')).toContain(
      '    status: monitoring\n    impact: minor\n    components:\n      web: degraded_performance\n      login: operational\n',
    );
    // The banner follows: nothing is down, so the page no longer says "Major system outage".
    expect((await status('list')).out).toContain('outage  monitoring (minor)');
    expect((await status('check')).code).toBe(0);
  });

  test('with every component back, the impact goes to none until resolved', async () => {
    const { out } = await update('--component', 'web=operational,login=operational');
    expect(out).toContain(
      'Impact: lowered from critical to none (every component operational); pass --impact critical to keep critical\n',
    );
    expect((await status('check')).code).toBe(0);
  });

  test('--impact keeps a higher impact, and says so', async () => {
    const { out } = await update('--component', 'web=degraded_performance,login=operational', '--impact', 'critical');
    expect(out).toContain(
      'Impact: critical, kept by --impact, above the minor the statuses imply (from web=degraded_performance)\n',
    );
    expect(read('incidents/outage.md')).toContain('    status: monitoring\n    impact: critical\n');
  });

  test('an update that leaves the impact as the statuses imply says it and writes nothing more', async () => {
    const { out } = await update();
    expect(out).toContain('Impact: critical (from web=major_outage); pass --impact to change it\n');
    expect(read('incidents/outage.md')).not.toContain('impact: minor');
  });

  test('resolve says the level the page keeps showing', async () => {
    const { out } = await status('resolve', 'outage');
    expect(out).toContain(
      'Impact: resolving leaves every component operational; the page shows this incident at the worst level it reached, critical\n',
    );
  });
});

describe('update --merge-into', () => {
  const PROBED = `---
title: Web is not responding
impact: critical
components:
  web: major_outage
started: 2022-12-28T12:00:00Z
updates:
  - at: 2022-12-28T12:10:00Z
    status: investigating
    message: Checks failed.
---
`;
  beforeEach(() => {
    write('incidents/outage.md', HAND_WRITTEN);
    write('incidents/web-down.md', PROBED);
  });

  test('writes a merged update naming the other incident, with a link, and says nothing recovered', async () => {
    const { code, out } = await status('update', 'web-down', '--merge-into', 'outage', '--at', '2022-12-28T13:35:00Z');
    expect(code).toBe(0);
    expect(out).toContain(
      'Merged into outage (its components carried there, none recovered) in: incidents/web-down.md',
    );
    expect(read('incidents/web-down.md')).toBe(
      PROBED.replace(
        /---\n$/,
        '  - at: 2022-12-28T13:35:00Z\n    status: merged\n    into: outage\n    message: >-\n      We are following this in [Login failing everywhere](../outage/); please\n      read that page for updates.\n---\n',
      ),
    );
    const again = await status('update', 'web-down', '--status', 'monitoring', '--message', 'x');
    expect(again.err).toContain('error: web-down was merged at 28 Dec 2022, 13:35 UTC; pass --reopen');
  });

  test.each([
    {
      args: ['--merge-into', 'outag'],
      error: 'error: --merge-into outag: no incident has that slug. Did you mean outage? Open now: ',
    },
    { args: ['--merge-into', 'web-down'], error: 'error: --merge-into web-down names this incident itself' },
    {
      args: ['--merge-into', 'outage', '--component', 'web=operational'],
      error: 'error: --component cannot go with --merge-into: the incident it is merged into carries each component',
    },
    {
      args: ['--merge-into', 'outage', '--status', 'resolved'],
      error: 'error: --merge-into writes a "merged" update, not "resolved"',
    },
    {
      args: ['--status', 'merged', '--message', 'x'],
      error:
        'error: a merged update names the incident that follows this one: write `npm run status -- update web-down --merge-into <slug>`',
    },
  ])('refuses $args with a reason, writing nothing', async ({ args, error }) => {
    const { code, err } = await status('update', 'web-down', ...args);
    expect(code).toBe(1);
    expect(err).toContain(error);
    expect(read('incidents/web-down.md')).toBe(PROBED);
  });

  test('refuses to merge into a closed incident', async () => {
    expect((await status('resolve', 'outage', '--at', '2022-12-28T14:00:00Z')).code).toBe(0);
    const { code, err } = await status('update', 'web-down', '--merge-into', 'outage');
    expect(code).toBe(1);
    expect(err).toContain('error: --merge-into outage: that incident is closed (resolved)');
  });
});

describe('a promised next update: --next, and a template’s default', () => {
  beforeEach(() => {
    write('incidents/outage.md', HAND_WRITTEN);
    cpSync(resolve(CHIRP, 'templates'), join(site, 'templates'), { recursive: true });
  });
  const update = (...more: string[]) =>
    status(
      'update',
      'outage',
      '--status',
      'identified',
      '--message',
      'Rolling back.',
      '--at',
      '2022-12-28T13:45:00Z',
      ...more,
    );

  test('--next 30m writes next_update: 30 min on the new item, before its message, and says by when', async () => {
    const { code, out } = await update('--next', '30m');
    expect(code).toBe(0);
    expect(out).toContain(
      'Next update promised by 28 Dec 2022, 14:15 UTC (--next 30m): readers see "Update overdue" after it',
    );
    expect(read('incidents/outage.md')).toContain(
      '  - at: 2022-12-28T13:45:00Z\n    status: identified\n    next_update: 30 min\n    message: Rolling back.\n',
    );
  });

  test('--next takes a time with a zone, written in UTC', async () => {
    expect((await update('--next', '2022-12-28T09:15:00-05:00')).code).toBe(0);
    expect(read('incidents/outage.md')).toContain('    next_update: 2022-12-28T14:15:00Z\n');
  });

  test.each([
    [
      '2022-12-28T13:00:00Z',
      'error: --next 2022-12-28T13:00:00Z: "2022-12-28T13:00:00Z" is not after the update it is on (2022-12-28T13:45:00.000Z)',
    ],
    ['30 h', 'error: --next 30 h: "30 h" is 30 h after the update; at most 24 h may be promised'],
    [
      'soon',
      'error: --next soon: "soon" is not a length of time after the update ("1 h", "30 min", "1 h 30 min" or "90m") or a time with a zone',
    ],
  ])('--next %s is refused, naming the flag, and nothing is written', async (next, error) => {
    const { code, err } = await update('--next', next);
    expect(code).toBe(1);
    expect(err).toContain(error);
    expect(read('incidents/outage.md')).toBe(HAND_WRITTEN);
  });

  test('a closing update promises nothing: --next is refused on resolved', async () => {
    const { code, err } = await status(
      'update',
      'outage',
      '--status',
      'resolved',
      '--message',
      'Fixed.',
      '--next',
      '30m',
    );
    expect(code).toBe(1);
    expect(err).toContain('error: --next: a resolved update closes the incident, which promises no next update');
  });

  test('a template’s next_update is written by default, and --next wins over it', async () => {
    expect(
      (await status('update', 'outage', '--template', 'investigating-cause-unknown', '--at', '2022-12-28T13:40:00Z'))
        .code,
    ).toBe(0);
    expect((await status('update', 'outage', '--template', 'identified-rolling-back', '--next', '1h')).code).toBe(0);
    const text = read('incidents/outage.md');
    expect(text).toContain('  - at: 2022-12-28T13:40:00Z\n    status: investigating\n    next_update: 30 min\n');
    expect(text).toContain('  - at: 2022-12-31T10:00:00Z\n    status: identified\n    next_update: 1 h\n');
  });

  test('check refuses a file whose promise is before its update, or a day away, naming file, line and field', async () => {
    write(
      'incidents/outage.md',
      HAND_WRITTEN.replace(
        '    status: identified\n',
        '    status: identified\n    next_update: 2022-12-28T13:00:00Z\n',
      ).replace('    status: investigating\n', '    status: investigating\n    next_update: 90 h\n'),
    );
    const { code, out, err } = await status('check');
    expect(code).toBe(1);
    const said = out + err;
    expect(said).toMatch(
      /incidents\/outage\.md:\d+: updates\.0\.next_update: "90 h" is 90 h after the update; at most 24 h/,
    );
    expect(said).toMatch(
      /incidents\/outage\.md:\d+: updates\.1\.next_update: "2022-12-28T13:00:00Z" is not after the update it is on/,
    );
  });

  test('a template’s next_update must be a length of time', async () => {
    write(
      'templates/late.md',
      '---\nlabel: Late\nstatus: monitoring\nnext_update: 2022-12-28T13:00:00Z\n---\nWatching {components}.\n',
    );
    const { code, out, err } = await status('check');
    expect(code).toBe(1);
    expect(out + err).toContain(
      'templates/late.md:4: next_update: must be a length of time after the update ("1 h", "30 min", "1 h 30 min" or "90m"), e.g. "next_update: 30 min"',
    );
  });
});

describe('files keep their bytes', () => {
  test('update and resolve keep a BOM and CRLF line ends: every byte stays but the new items, which end in CRLF too', async () => {
    const head =
      '\uFEFF---\r\ntitle: Search slow\r\nimpact: minor\r\ncomponents:\r\n  web: degraded_performance\r\nupdates:\r\n  - at: 2022-12-31T09:00:00Z\r\n    status: investigating\r\n    message: Search is slow.\r\n';
    const tail = '---\r\nNotes for later.\r\n';
    write('incidents/search-slow.md', head + tail);
    expect((await status('update', 'search-slow', '--status', 'monitoring', '--message', 'Watching.')).code).toBe(0);
    expect((await status('resolve', 'search-slow')).code).toBe(0);
    const after = read('incidents/search-slow.md');
    expect(after.startsWith(head)).toBe(true);
    expect(after.endsWith(tail)).toBe(true);
    const added = after.slice(head.length, after.length - tail.length);
    expect(added).toMatch(
      /^ {2}- at: 2022-12-31T10:00:00Z\r\n {4}status: monitoring\r\n {4}message: Watching\.\r\n {2}- at: 2022-12-31T10:00:00Z\r\n {4}status: resolved\r\n/,
    );
    expect(added.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect((await status('check')).code).toBe(0);
  });
});

describe('slugs in a long history', () => {
  /** Two hundred resolved incidents about login, one open one, and the open one misspelt. */
  beforeEach(() => {
    const incident = (title: string, at: string, resolved: boolean) =>
      `---\ntitle: ${title}\nimpact: major\ncomponents:\n  login: partial_outage\nupdates:\n  - at: ${at}\n    status: investigating\n    message: Looking.\n` +
      (resolved ? `  - at: ${at.replace('T09', 'T10')}\n    status: resolved\n    message: Fixed.\n` : '') +
      '---\n';
    for (let day = 0; day < 200; day++) {
      const date = new Date(Date.UTC(2022, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);
      write(`incidents/${date}-login-failing-on-ios.md`, incident('Login failing on iOS', `${date}T09:00:00Z`, true));
    }
    write(
      'incidents/2022-12-30-login-failing-on-ios.md',
      incident('Login failing on iOS', '2022-12-30T09:00:00Z', false),
    );
  });

  test('a misspelt slug gets at most five near matches, the open one first, and where the full list is', async () => {
    const { code, err } = await status('update', 'login-failng-on-ios', '--status', 'identified', '--message', 'x');
    expect(code).toBe(1);
    expect(err.trim().split('\n')).toEqual([
      'error: unknown slug "login-failng-on-ios". Did you mean:',
      '  2022-12-30-login-failing-on-ios  (open)',
      '  2022-07-19-login-failing-on-ios',
      '  2022-07-18-login-failing-on-ios',
      '  2022-07-17-login-failing-on-ios',
      '  2022-07-16-login-failing-on-ios',
      'Every slug: npm run status -- list --all',
    ]);
  });

  test('list --all lists every slug, newest first', async () => {
    const lines = (await status('list', '--all')).out.trim().split('\n');
    expect(lines).toHaveLength(1 + 204);
    expect(lines.slice(0, 3)).toEqual([
      '204 files, newest first:',
      '  2022-12-30-login-failing-on-ios  investigating: Login failing on iOS',
      '  outage  resolved: Login failing everywhere',
    ]);
  });
});

describe('a cancelled maintenance is closed for every command', () => {
  const CANCELLED = `---
kind: maintenance
title: Search index rebuild
components: [dm]
window:
  start: 2023-01-05T02:00:00Z
  end: 2023-01-05T04:00:00Z
updates:
  - at: 2022-12-30T10:00:00Z
    status: scheduled
    message: Planned.
  - at: 2022-12-31T09:00:00Z
    status: cancelled
    message: Called off.
---
`;
  beforeEach(() => write('incidents/rebuild.md', CANCELLED));

  test('update refuses it as cancelled, and neither update nor list offers it as open', async () => {
    const refused = await status('update', 'rebuild', '--status', 'scheduled', '--message', 'x');
    expect(refused.code).toBe(1);
    expect(refused.err).toContain(
      'error: rebuild was cancelled at 31 Dec 2022, 09:00 UTC; schedule new work with `npm run status -- maintenance`',
    );
    expect(refused.err).not.toContain('reopened');
    expect((await status('start')).err).not.toContain('rebuild');
    expect((await status('list')).out).not.toContain('rebuild');
    expect(read('incidents/rebuild.md')).toBe(CANCELLED);
  });
});

describe('maintenance, start, complete', () => {
  test('schedules a window, starts and completes it, then refuses to restart it', async () => {
    const scheduled = await status(
      'maintenance',
      '--title',
      'API upgrade',
      '--component',
      'web,dm',
      '--start',
      '2023-01-02T02:00:00Z',
      '--end',
      '2023-01-02T03:00:00Z',
      '--message',
      'Short pauses.',
    );
    expect(scheduled.code).toBe(0);
    expect(scheduled.out).toContain('Scheduled: incidents/2023/2023-01-02-api-upgrade.md');
    expect(read('incidents/2023/2023-01-02-api-upgrade.md')).toBe(`---
kind: maintenance
id: 2023-01-02-api-upgrade
title: API upgrade
components: [web, dm]
window:
  start: 2023-01-02T02:00:00Z
  end: 2023-01-02T03:00:00Z
updates:
  - at: 2022-12-31T10:00:00Z
    status: scheduled
    message: Short pauses.
---
`);
    expect((await status('list')).out).toContain(
      'Maintenance, upcoming or in progress:\n  2023-01-02-api-upgrade  scheduled since 31 Dec 2022, 10:00 UTC: API upgrade (window 2 Jan 2023, 02:00 UTC to 2 Jan 2023, 03:00 UTC)',
    );
    expect((await status('start', 'api-upgrade', '--at', '2023-01-02T02:01:00Z')).code).toBe(0);
    expect(
      (await status('complete', 'api-upgrade', '--at', '2023-01-02T02:40:00Z', '--message', 'Done early.')).code,
    ).toBe(0);
    expect(read('incidents/2023/2023-01-02-api-upgrade.md')).toMatch(
      /status: scheduled\n {4}message: Short pauses\.\n {2}- at: 2023-01-02T02:01:00Z\n {4}status: in_progress\n {4}message: Maintenance is in progress\.\n {2}- at: 2023-01-02T02:40:00Z\n {4}status: completed\n {4}message: Done early\.\n---\n$/,
    );
    const again = await status('start', 'api-upgrade', '--at', '2023-01-02T02:50:00Z');
    expect(again.code).toBe(1);
    expect(again.err).toContain(
      'error: 2023-01-02-api-upgrade was completed at 2 Jan 2023, 02:40 UTC; schedule new work',
    );
  });

  const MAINTENANCE: Flags = {
    title: 'API upgrade',
    component: 'dm',
    start: '2023-01-02T02:00:00Z',
    end: '2023-01-02T03:00:00Z',
    message: 'Short.',
  };

  test.each([
    { bad: { component: 'api' }, error: 'error: --component: unknown component "api". Allowed: web, ios, login, dm' },
    {
      bad: { end: '2023-01-02T01:00:00Z' },
      error:
        'end: 2023-01-02T01:00:00.000Z is not after the start (2023-01-02T02:00:00.000Z); a window must end after it starts',
    },
    { bad: { start: 'tomorrow' }, error: 'error: --start: "tomorrow" has no time zone' },
  ])('refuses $bad', async ({ bad, error }) => {
    const { code, err } = await status(...argv('maintenance', { ...MAINTENANCE, ...bad }));
    expect(code).toBe(1);
    expect(err).toContain(error);
    expect(files()).not.toContain('2023');
  });

  test('start refuses an incident', async () => {
    const { code, err } = await status('start', 'outage');
    expect(code).toBe(1);
    expect(err).toContain('error: outage is an incident; start is not for it, use update or resolve');
  });
});

describe('templates', () => {
  beforeEach(() => cpSync(resolve(CHIRP, 'templates'), join(site, 'templates'), { recursive: true }));

  test('--template fills in the message with the component names, and its status', async () => {
    const { code } = await status(
      'new',
      '--title',
      'Login failing',
      '--component',
      'login=major_outage,dm=partial_outage',
      '--template',
      'identified-rolling-back',
    );
    expect(code).toBe(0);
    expect(read('incidents/2022/2022-12-31-login-failing.md')).toContain(
      // The template's default promise comes with it.
      '    status: identified\n    next_update: 30 min\n    message: >-\n      We found the cause of the problems with Login and Direct messages: a\n      recent change. We are rolling it back now.\n',
    );
    expect((await status('update', 'login-failing', '--template', 'resolved')).code).toBe(0);
    expect(read('incidents/2022/2022-12-31-login-failing.md')).toContain(
      '    status: resolved\n    message: >-\n      Everything is working normally again for Login and Direct messages.',
    );
  });

  test('--message and --status win over the template', async () => {
    expect(
      (
        await status(
          'new',
          '--title',
          'Login failing',
          '--component',
          'login=major_outage',
          '--template',
          'monitoring',
          '--status',
          'identified',
          '--dry-run',
        )
      ).out,
    ).toContain('    status: identified\n    message: >-\n      A fix is in place and Login should be working again.');
    expect(
      (
        await status(
          'new',
          '--title',
          'Login failing',
          '--component',
          'login=major_outage',
          '--template',
          'investigating-cause-unknown',
          '--message',
          'Own words.',
          '--dry-run',
        )
      ).out,
      // Own words, and still the template's promise (--next changes that).
    ).toContain('    status: investigating\n    next_update: 30 min\n    message: Own words.\n');
  });

  test('an unknown template is refused with the nearest name', async () => {
    const { code, err } = await status(
      'new',
      '--title',
      'Login failing',
      '--component',
      'login=major_outage',
      '--template',
      'monitorng',
    );
    expect(code).toBe(1);
    expect(err).toContain(
      'error: --template: unknown template "monitorng". Did you mean "monitoring"? Allowed: identified-rolling-back, investigating-cause-unknown, monitoring, resolved',
    );
  });

  test("check renders every template with sample components and validates it with the build's rules", async () => {
    expect((await status('check')).out).toBe(
      'OK: 2 incidents and 1 maintenance window in 3 files, checked against 4 components.\nOK: 4 templates render with every component and pass.\n',
    );
    write('templates/typo.md', '---\nlabel: Typo\nstatus: resolvd\ncolour: red\n---\nProblems with {component}.\n');
    write('templates/empty.md', '---\nlabel: Empty\nstatus: monitoring\n---\n\n');
    const { code, out } = await status('check');
    expect(code).toBe(1);
    expect(out.split('\n')).toEqual([
      'OK: 2 incidents and 1 maintenance window in 3 files, checked against 4 components.',
      'templates/empty.md:5: message: is empty: write the message users read below the frontmatter',
      'templates/typo.md:3: status: unknown status "resolvd". Did you mean "resolved"? Allowed: investigating, identified, monitoring, resolved',
      'templates/typo.md:4: colour: is not a field we know. Check its spelling.',
      'templates/typo.md:6: message: unknown placeholder {component}; templates may use {components}',
      '4 problems in 2 templates; `new` and `update` cannot use them.',
      '',
    ]);
  });

  test('templates/ follows the rule of incidents/: a folder named x.md is a located problem for check, and new still works', async () => {
    mkdirSync(join(site, 'templates/broken.md'));
    const checked = await status('check');
    expect(checked.code).toBe(1);
    expect(checked.err).toBe('');
    expect(checked.out).toContain(
      'templates/broken.md:1: file: is a folder, not a file; a folder under templates/ must not end in .md\n',
    );
    const created = await status(...NEW_INCIDENT, '--template', 'monitoring', '--dry-run');
    expect(created.err).toBe('');
    expect(created.code).toBe(0);
    expect((await status(...NEW_INCIDENT, '--template', 'broken')).err).toContain(
      'error: --template broken has problems; fix them first:\n  templates/broken.md:1: file: is a folder',
    );
  });

  test('check renders templates with every component, so a third component whose name holds Markdown is caught before an incident uses it', async () => {
    const config = read('status.config.yaml');
    const withNames = (...names: string[]) =>
      write(
        'status.config.yaml',
        config.replace(
          '      - id: dm\n        name: Direct messages\n',
          (dm) =>
            dm + names.map((name, i) => `      - id: extra-${i}\n        name: ${JSON.stringify(name)}\n`).join(''),
        ),
      );
    // Markdown characters that render as text are fine.
    withNames('Search *beta*', 'Maps_v2 <new> `x` [1]');
    expect((await status('check')).out).toContain('OK: 4 templates render with every component and pass.');
    // One name alone holding a link users must never get.
    withNames('Docs [help](javascript:alert(1))');
    const alone = await status('check');
    expect(alone.code).toBe(1);
    expect(alone.out).toContain(
      'templates/monitoring.md:5: message: rendered with Docs [help](javascript:alert(1)): updates.1.message: links to "javascript:alert(1)"',
    );
    // Two names that are harmless alone but make that link together, in the order staff may choose them.
    withNames('](javascript:alert(1)) Search', 'Maps [beta');
    const together = await status('check');
    expect(together.code).toBe(1);
    expect(together.out).toMatch(
      /templates\/monitoring\.md:5: message: rendered with Maps \[beta, \]\(javascript:alert\(1\)\) Search, .*: updates\.1\.message: links to/,
    );
    // The incident the check foresaw is indeed refused.
    expect(
      (
        await status(
          'new',
          '--title',
          'Maps down',
          '--component',
          'extra-1=major_outage,extra-0=major_outage',
          '--template',
          'monitoring',
        )
      ).err,
    ).toContain('refusing to write');
  });

  test("the repository's own templates pass check", async () => {
    const result = spawnSync(process.execPath, [STATUS_CLI, 'check'], {
      cwd: CHIRP,
      encoding: 'utf8',
      env: { ...process.env, STATUS_SITE_DIR: CHIRP },
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/\nOK: 4 templates render with every component and pass\.\n$/);
  });
});

describe('list and check', () => {
  test('list names what is open, by slug', async () => {
    expect((await status('list')).out).toBe('No open incidents.\nNo upcoming maintenance.\n');
    expect((await status(...NEW_INCIDENT)).code).toBe(0);
    // The level shown is the declared impact raised to what the components imply (ios=partial_outage: major).
    expect((await status('list')).out).toContain(
      'Open incidents:\n  2022-12-31-timelines-slow-to-load  investigating (major) since 31 Dec 2022, 10:00 UTC: Timelines slow to load\n    web: degraded_performance, ios: partial_outage\n',
    );
  });

  test('check passes a valid site with a summary', async () => {
    const { code, out } = await status('check');
    expect(code).toBe(0);
    expect(out).toBe('OK: 2 incidents and 1 maintenance window in 3 files, checked against 4 components.\n');
  });

  test('check lists every problem in every file, with the build’s messages, and exits 1', async () => {
    write(
      'incidents/outage.md',
      read('incidents/outage.md')
        .replace('web: major_outage', 'webb: major_outage')
        .replace('impact: critical', 'impact: critcal'),
    );
    write('incidents/Bad Name.md', read('incidents/older.md').replace('2022-12-20T09:00:00Z', '2022-12-20T09:00:00'));
    const { code, out } = await status('check');
    expect(code).toBe(1);
    expect(out.split('\n')).toEqual([
      'incidents/Bad Name.md:1: file name: "Bad Name" must be lowercase letters, digits and hyphens, e.g. 2022-12-28-login-failing.md; it becomes the page URL',
      'incidents/Bad Name.md:10: updates.1.at: "2022-12-20T09:00:00" has no time zone; add "Z" for UTC or an offset such as -05:00, e.g. 2022-12-28T12:13:00Z',
      'incidents/outage.md:3: impact: unknown impact "critcal". Did you mean "critical"? Allowed: none, minor, major, critical',
      'incidents/outage.md:5: components.webb: unknown component "webb". Did you mean "web"? Allowed: web, ios, login, dm',
      '4 problems in 2 files; the build would publish nothing.',
      '',
    ]);
  });

  test('check names a broken status.config.yaml', async () => {
    write(
      'status.config.yaml',
      read('status.config.yaml').replace('url: https://status.fixture.example', 'url: status.fixture.example'),
    );
    const { code, out } = await status('check');
    expect(code).toBe(1);
    expect(out).toContain(
      "status.config.yaml:2: url: is not an absolute URL; write the page's public address, such as https://status.example.com",
    );
    expect(out).toContain('the build would publish nothing');
  });
});

describe('careless times and flag values: one rule each, refused with a message, never a stack trace', () => {
  const MAINTENANCE: Flags = {
    title: 'Upgrade',
    component: 'web',
    start: '2023-01-02T10:00:00Z',
    end: '2023-01-02T11:00:00Z',
    message: 'Brief pauses.',
  };
  const NO_ZONE = 'has no time zone; add "Z" for UTC or an offset such as -05:00';
  const cases: Array<{ name: string; env?: Record<string, string>; args: string[]; error: string }> = [
    // The timestamp rule, wherever a time comes from: STATUS_NOW, a flag, a relative time.
    {
      name: 'STATUS_NOW without a zone (list)',
      env: { STATUS_NOW: '2022-12-31T10:00' },
      args: ['list'],
      error: `error: STATUS_NOW: "2022-12-31T10:00" ${NO_ZONE}`,
    },
    {
      name: 'STATUS_NOW without a zone (new)',
      env: { STATUS_NOW: '2022-12-31 10:00' },
      args: NEW_INCIDENT,
      error: `error: STATUS_NOW: "2022-12-31 10:00" ${NO_ZONE}`,
    },
    {
      name: 'STATUS_NOW on 30 February',
      env: { STATUS_NOW: '2022-02-30T10:00:00Z' },
      args: ['check'],
      error: 'error: STATUS_NOW: "2022-02-30T10:00:00Z" is not a real date and time: 2022-02 has no day 30',
    },
    {
      name: '--at without a zone',
      args: [...NEW_INCIDENT, '--at', '2022-12-31T09:00'],
      error: `error: --at: "2022-12-31T09:00" ${NO_ZONE}`,
    },
    {
      name: '--start without a zone',
      args: argv('maintenance', { ...MAINTENANCE, start: '2023-01-02T10:00' }),
      error: `error: --start: "2023-01-02T10:00" ${NO_ZONE}`,
    },
    {
      name: '--started too far back',
      args: [...NEW_INCIDENT, '--started', '9999999999 d ago'],
      error:
        'error: --started: "9999999999 d ago" falls outside the years 1970 to 9999; write now, 15 min ago, 07:13 or 2022-12-28T07:13:00Z',
    },
    {
      name: '--started beyond any number',
      args: [...NEW_INCIDENT, '--started', `${'9'.repeat(400)} min ago`],
      error: 'falls outside the years 1970 to 9999',
    },
    // `key=value` flags: the form is refused whole, never cut.
    {
      name: '--component with a second "="',
      args: argv('new', { ...INCIDENT, component: ['web=major_outage=x'] }),
      error:
        'error: --component web=major_outage=x: has more than one "="; write id=status, e.g. --component web=major_outage, one pair per --component',
    },
    {
      name: '--component without an id',
      args: argv('new', { ...INCIDENT, component: ['=major_outage'] }),
      error: 'error: --component =major_outage: names nothing before "="; write id=status',
    },
    {
      name: 'a maintenance --component with a status',
      args: argv('maintenance', { ...MAINTENANCE, component: 'web=major_outage' }),
      error:
        'error: --component web=major_outage: a maintenance puts its components under maintenance, so give the id only, e.g. --component web',
    },
  ];
  test.each(cases)('$name', async ({ env, args, error }) => {
    const before = files();
    const { code, err } = await statusWith(env ?? {}, ...args);
    expect(err).toContain(error);
    expect(err).not.toMatch(/^\s+at /m);
    expect(code).toBe(1);
    expect(files()).toEqual(before);
  });
});

describe('help and safety', () => {
  test.each(['init', 'new', 'update', 'resolve', 'maintenance', 'start', 'complete', 'list', 'check'])(
    '%s --help shows its usage',
    async (command) => {
      const { code, out } = await status(command, '--help');
      expect(code).toBe(0);
      expect(out).toMatch(new RegExp(`^Usage: npm run status -- ${command}`));
      expect(out).toContain('--help');
    },
  );

  test.each(['update', 'resolve'])('%s --help lists --component and --impact', async (command) => {
    const { out } = await status(command, '--help');
    expect(out).toMatch(/\[--component id=\w+ …\] \[--impact I\]/);
    expect(out).toMatch(/--component <value> +\S/);
    expect(out).toMatch(/--impact <value> +\S.*none, minor, major, critical/);
  });

  test('an unknown command names the nearest', async () => {
    const { code, err } = await status('resolv', 'outage');
    expect(code).toBe(1);
    expect(err).toContain('error: unknown command "resolv". Did you mean "resolve"?');
  });

  test('writes leave no temporary files behind', async () => {
    expect((await status(...NEW_INCIDENT)).code).toBe(0);
    expect((await status('resolve', 'timelines-slow-to-load')).code).toBe(0);
    expect(files()).toEqual([
      '2022',
      '2022/2022-12-31-timelines-slow-to-load.md',
      'older.md',
      'outage.md',
      'upgrade.md',
    ]);
    expect(existsSync(join(site, 'incidents/2022/2022-12-31-timelines-slow-to-load.md'))).toBe(true);
  });
});
