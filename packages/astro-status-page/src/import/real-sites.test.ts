import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { parseIncidentFile } from '../files/validate.ts';
import { listComponents } from '../files/schemas/site-config.ts';
import { mapCstate, readCstateFolder } from './cstate.ts';
import { renderConfig, renderEvent, type ImportPlan } from './plan.ts';
import { mapStatuspage } from './statuspage.ts';
import { readPublicFolder } from './statuspage-source.ts';
import type { StatuspageExport } from './statuspage-schema.ts';
import { LIMITS } from '../rules/limits.ts';

// Fixtures from real public sites; each folder says where it comes from
// (its config.yml, or tests/fixtures/statuspage-real/README.md).
const FIXTURES = resolve(import.meta.dirname, '../../tests/fixtures');
const bySource = (plan: ImportPlan, id: string) => plan.events.find((event) => Object.values(event.source)[0] === id)!;
const updatesOf = (plan: ImportPlan, id: string) =>
  (bySource(plan, id).frontmatter['updates'] as Array<{ at: string; status: string; message: string }>).map(
    ({ at, status }) => [at, status],
  );
const validates = (plan: ImportPlan) => {
  const ids = listComponents(plan.config).map((component) => component.id);
  for (const event of plan.events)
    expect(parseIncidentFile({ path: 'incidents/x.md', text: renderEvent(event) }, ids).problems).toEqual([]);
};

describe('Jenkins (status.jenkins.io, cState)', () => {
  const plan = mapCstate(readCstateFolder(join(FIXTURES, 'cstate-jenkins')));

  test('every issue is imported and passes check', () => {
    expect(plan.events).toHaveLength(4);
    expect(plan.skipped).toEqual([]);
    validates(plan);
  });

  test('untitled categories are one ungrouped list, descriptions kept', () => {
    expect(plan.config.groups.map((group) => [group.name, group.components.map((component) => component.id)])).toEqual([
      ['Components', ['ci-jenkins-io', 'get-jenkins-io', 'javadoc-jenkins-io']],
    ]);
    expect(plan.config.groups[0]!.components[2]).toEqual({
      id: 'javadoc-jenkins-io',
      name: 'javadoc.jenkins.io',
      description: 'Jenkins javadoc',
    });
  });

  test('a one-digit hour is read as Hugo reads it; the untracked body is the first update at the date, resolvedWhen its end', () => {
    expect(updatesOf(plan, '2023-12-04-x86medium-migration')).toEqual([['2023-12-04T08:00:00Z', 'investigating']]);
    expect(bySource(plan, '2023-12-04-x86medium-migration').frontmatter['ended']).toBe('2023-12-04T10:00:00Z');
  });

  test('an HTML comment is not shown', () => {
    expect(renderEvent(bySource(plan, '2022-04-28-artifactory-ui'))).not.toContain('markdown-link-check');
    expect(renderEvent(bySource(plan, '2022-04-28-artifactory-ui'))).toContain('<https://repo.jenkins-ci.org/ui>');
  });

  test('an update of 6,979 bytes keeps its incident: its start is the update, the whole text is in the body, and it is noted', () => {
    const event = bySource(plan, '2021-05-29-no-aci-agents-for-ci-jenkins-io');
    const [first] = event.frontmatter['updates'] as Array<{ message: string }>;
    expect(Buffer.byteLength(first!.message)).toBeLessThanOrEqual(LIMITS.messageBytes);
    expect(first!.message).toMatch(/\(The full update is in the details below\.\)$/);
    expect(event.body).toContain('## Full text of long updates');
    expect(event.body).toContain('Downgraded plugin reports `NoSuchMethodError`');
    expect(plan.notes).toContainEqual({
      source: 'cstate 2021-05-29-no-aci-agents-for-ci-jenkins-io',
      message: expect.stringMatching(/^the update at 2021-05-29T22:41:00Z is 6,979 bytes, over the 2,600-byte limit/),
    });
  });
});

describe('Dogsbody Technology (cState)', () => {
  const plan = mapCstate(readCstateFolder(join(FIXTURES, 'cstate-dogsbody')));

  test('every issue is imported and passes check, a file name with ":" included', () => {
    expect(plan.events).toHaveLength(4);
    expect(plan.skipped).toEqual([]);
    validates(plan);
  });

  test('the source is the slug Hugo publishes (in its case), else the file name', () => {
    expect(plan.events.map((event) => event.source)).toEqual([
      { cstate: 'id3' },
      { cstate: 'dm9ikAwNbrwC3OJ9' },
      { cstate: 'yp2f76rUOgmawFzq' },
      { cstate: 'LIRjEImeE7u9I8SN' },
    ]);
  });

  test('informational: "true" is a notice over at its time: impact none, no component down, noted', () => {
    const event = bySource(plan, 'yp2f76rUOgmawFzq');
    expect(event.frontmatter['impact']).toBe('none');
    expect(event.frontmatter['components']).toEqual(new Map());
    expect(plan.notes).toContainEqual({
      source: 'cstate 2022-01-31_09:22:27_incident',
      message: 'an informational post: its systems are not marked as affected (impact none)',
    });
  });

  test('heading-style tracks: the text under each heading is its update, the text above the first is the description', () => {
    expect(updatesOf(plan, 'yp2f76rUOgmawFzq')).toEqual([
      ['2022-01-31T08:32:00Z', 'investigating'],
      ['2022-01-31T09:52:00Z', 'investigating'],
      ['2022-01-31T10:00:00Z', 'resolved'],
    ]);
  });

  test('three "Resolved" headings in a row: the last resolves; an untracked one-paragraph post is resolved at its date, no update made up', () => {
    expect(updatesOf(plan, 'dm9ikAwNbrwC3OJ9').map(([, status]) => status)).toEqual([
      'investigating',
      'investigating',
      'investigating',
      'resolved',
    ]);
    expect(updatesOf(plan, 'id3')).toEqual([['2012-12-04T16:26:00Z', 'resolved']]);
  });

  test('a category keeps its description, an untitled one is ungrouped, a system keeps its link', () => {
    expect(renderConfig(plan.config)).toContain(`  - name: Hosting
    description: Dogsbody Technology Hosting Services
    components:
      - id: plesk-hosting
        name: Plesk Hosting
        description: Customers on our Plesk hosting platform
        link: https://www.dogsbody.com/linux-managed-services/hosting/plesk-hosting/
`);
    expect(plan.config.groups.map((group) => group.name)).toEqual(['Hosting', 'Support', 'Components']);
  });
});

describe('Uberspace (is.uberspace.online, cState): a severity cState does not know', () => {
  const plan = mapCstate(readCstateFolder(join(FIXTURES, 'cstate-uberspace')));

  test('"degraded" is imported as cState shows it, a notice that marks no system, and noted', () => {
    const event = bySource(plan, '2019-12-18-mysql-uberspace-de-not-reachable');
    expect(plan.skipped).toEqual([]);
    expect(event.frontmatter['impact']).toBe('none');
    expect(event.frontmatter['components']).toEqual(new Map());
    expect(updatesOf(plan, '2019-12-18-mysql-uberspace-de-not-reachable')).toEqual([
      ['2019-12-18T13:02:00Z', 'investigating'],
    ]);
    expect(event.frontmatter['ended']).toBe('2019-12-19T15:00:00Z');
    expect(plan.notes).toContainEqual({
      source: 'cstate 2019-12-18-mysql-uberspace-de-not-reachable',
      message:
        'severity "degraded" is not one cState knows (down, disrupted, notice): cState lists it as a notice and marks neither its systems nor the banner, so it is imported with impact none',
    });
    validates(plan);
  });
});

describe('garykim.dev (status.garykim.dev, cState): no severity, and the site’s own shortcodes', () => {
  const plan = mapCstate(readCstateFolder(join(FIXTURES, 'cstate-garykim')));
  const text = (id: string) => renderEvent(bySource(plan, id));

  test('an issue with no severity is imported, impact none, and noted; every issue passes check', () => {
    expect(plan.events).toHaveLength(3);
    expect(plan.skipped).toEqual([]);
    expect(bySource(plan, '2020-06-30-update-to-1161').frontmatter['impact']).toBe('none');
    expect(plan.notes).toContainEqual({
      source: 'cstate 2020-06-30-update-to-1161',
      message:
        'it has no severity: cState lists it as a notice and marks neither its systems nor the banner, so it is imported with impact none',
    });
    validates(plan);
  });

  test('{{< htrack "…" >}} is never shown as shortcode syntax: its time stays as text, noted once per issue', () => {
    expect(text('2020-06-07-minecraft-view-range-increase')).not.toContain('{{<');
    expect(text('2020-06-07-minecraft-view-range-increase')).toContain(
      'The restart is scheduled for **2020-06-08T12:00:00+08:00**.',
    );
    expect(text('2020-06-30-update-to-1161')).toContain('### Back up (2020-07-02T00:05:00+08:00)');
    expect(
      plan.notes.filter(
        (note) => note.source === 'cstate 2020-06-30-update-to-1161' && note.message.startsWith('the shortcode'),
      ),
    ).toEqual([
      {
        source: 'cstate 2020-06-30-update-to-1161',
        message: 'the shortcode "htrack" is the site\'s own, not cState\'s: its arguments are kept as text',
      },
    ]);
  });

  test('{{< relref "…" >}} to another issue becomes that issue’s old address, which the import redirects', () => {
    expect(text('2020-09-03-cu-modded-sevtech')).toContain(
      '[1 week scream test period](https://status.garykim.dev/issues/2020-09-31-cu-modded-revelation-scream/)',
    );
    expect(plan.notes).toContainEqual({
      source: 'cstate 2020-09-03-cu-modded-sevtech',
      message: "Hugo's relref shortcode became the issue's old address, as our pages do not run Hugo",
    });
  });
});

describe('Packit (status.packit.dev, cState): two files its own Hugo cannot read', () => {
  const plan = mapCstate(readCstateFolder(join(FIXTURES, 'cstate-packit')));

  test('each is skipped alone with the reason, named by its title as written, without its YAML quotes', () => {
    expect(plan.events).toEqual([]);
    expect(plan.skipped).toEqual([
      {
        source: 'cstate 2023-10-31-release-monitoring.org-outage',
        title: 'release-monitoring.org outage',
        reason: 'it has no frontmatter between --- lines',
      },
      {
        source: 'cstate 2024-08-13-github-outage',
        title: 'GitHub outage',
        reason:
          'date: "2024-08-13T015:00:00+02:00" is not a date and time Hugo reads, e.g. 2024-05-01T10:30:00Z or 2024-05-01 10:30:00',
      },
    ]);
  });
});

describe('careless and hostile cState folders', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cstate-hostile-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(FIXTURES, 'cstate'), dir, { recursive: true });
  const issues = join(dir, 'content/issues');
  const issue = (frontmatter: string, body = 'Something happened.') =>
    `---\ntitle: Test\n${frontmatter}\nseverity: down\naffected:\n  - API\n---\n${body}\n`;
  mkdirSync(join(issues, 'folder.md'));
  symlinkSync(join(issues, 'nowhere.md'), join(issues, 'dangling.md'));
  writeFileSync(join(dir, '..', 'outside-cstate-issue.md'), issue('date: 2024-05-01T10:00:00Z'));
  symlinkSync(join(dir, '..', 'outside-cstate-issue.md'), join(issues, 'outside.md'));
  writeFileSync(join(issues, '2024-05-02-actualización-de-red.md'), issue('date: 2024-05-02T10:00:00Z\nresolved: yes'));
  writeFileSync(join(issues, '2024-05-03-string-true.md'), issue('date: 2024-05-03T10:00:00Z\nresolved: "true"'));
  writeFileSync(join(issues, '2024-05-04-feb-30.md'), issue('date: 2024-02-30T10:00:00Z'));
  writeFileSync(
    join(issues, '2024-05-08-empty-link.md'),
    issue(
      'date: 2024-05-08T10:00:00Z',
      'Write to [computing.support@example.org](<>) for help, or see [the notice](javascript:alert(1)).',
    ),
  );
  writeFileSync(
    join(issues, '2024-05-09-pinned.md'),
    '---\ntitle: Read this\ndate: 2024-05-09T10:00:00Z\ninformational: true\npin: true\n---\nA notice.\n',
  );
  writeFileSync(join(issues, '2024-05-06-draft.md'), issue('date: 2024-05-06T10:00:00Z\ndraft: true'));
  writeFileSync(join(issues, '2024-05-07-not-draft.md'), issue('date: 2024-05-07T10:00:00Z\ndraft: false'));
  writeFileSync(
    join(issues, '2024-05-05-deep.md'),
    issue('date: 2024-05-05T10:00:00Z', `${'<div>'.repeat(3000)}deep${'</div>'.repeat(3000)}`),
  );
  const plan = mapCstate(readCstateFolder(dir));
  const reasonOf = (name: string) => plan.skipped.find((skip) => skip.source === `cstate ${name}`)?.reason;

  test('a folder, a dangling link and a link out of the site are each skipped with the reason; the rest imports', () => {
    expect(reasonOf('folder')).toBe('content/issues/folder.md is a folder, not an issue file');
    expect(reasonOf('dangling')).toBe('content/issues/dangling.md is a link to a file that does not exist');
    expect(reasonOf('outside')).toMatch(/^content\/issues\/outside\.md links to a file outside the site folder/);
  });

  test('a file name in another alphabet makes a source check accepts; resolved: yes and "true" close the issue', () => {
    expect(bySource(plan, '2024-05-02-actualización-de-red')).toBeDefined();
    expect(updatesOf(plan, '2024-05-02-actualización-de-red').at(-1)?.[1]).toBe('resolved');
    expect(updatesOf(plan, '2024-05-03-string-true').at(-1)?.[1]).toBe('resolved');
    validates(plan);
  });

  test('a draft stays a draft: not imported, listed as skipped with the reason; draft: false is imported', () => {
    expect(bySource(plan, '2024-05-06-draft')).toBeUndefined();
    expect(reasonOf('2024-05-06-draft')).toBe(
      "it is a draft (draft: true): the site's own Hugo build never published it, so it is not imported; publish it there, or write it here, to have it",
    );
    expect(bySource(plan, '2024-05-07-not-draft')).toBeDefined();
  });

  test('an empty or unsafe link costs only the link: its text stays, the incident is imported, each is noted', () => {
    expect(renderEvent(bySource(plan, '2024-05-08-empty-link'))).toContain(
      'Write to computing.support@example.org for help, or see the notice.\n',
    );
    const notes = plan.notes.filter((note) => note.source === 'cstate 2024-05-08-empty-link');
    expect(notes.map((note) => note.message)).toEqual([
      'a link to "" was left out, its text kept: links may only be https:, http:, mailto: or a path',
      'a link to "javascript:alert(1)" was left out, its text kept: links may only be https:, http:, mailto: or a path',
      'unresolved on cState since 2024-05-08T10:00:00Z: it is open on the page, as cState shows it, and holds the banner until `status resolve` closes it',
    ]);
  });

  test('a pinned post is imported as a notice, and the note says our page does not pin it', () => {
    expect(bySource(plan, '2024-05-09-pinned').frontmatter['impact']).toBe('none');
    expect(plan.notes).toContainEqual({
      source: 'cstate 2024-05-09-pinned',
      message:
        'pinned (pin: true): cState keeps it in the announcement box above its systems; our page has no pinned notices, so it is in the history at its date',
    });
  });

  test('30 February is refused for that issue alone', () => {
    expect(reasonOf('2024-05-04-feb-30')).toBe(
      'date: "2024-02-30T10:00:00Z" is not a real date and time: 2024-02 has no day 30; write it like 2022-12-28T12:13:00Z',
    );
  });

  test('3,000 nested tags never crash: the text is kept, flattened, and noted', () => {
    expect(renderEvent(bySource(plan, '2024-05-05-deep'))).toContain('message: deep');
    expect(plan.notes).toContainEqual({
      source: 'cstate 2024-05-05-deep',
      message: 'HTML nested 3000 tags deep (at most 200 are read) was kept as plain text, its tags dropped',
    });
  });
});

describe('lenient where Hugo is: the Civo site with keys written twice (added here; Hugo builds such a site)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cstate-twice-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(FIXTURES, 'cstate-civo'), dir, { recursive: true });
  const config = readFileSync(join(dir, 'config.yml'), 'utf8');
  // Its title is on line 8; these are lines 25 to 27.
  writeFileSync(
    join(dir, 'config.yml'),
    `${config}  disableDarkMode: false\n  disableDarkMode: true\ntitle: Civo Status\n`,
  );
  const gpu = join(dir, 'content/issues/2026-03-14-partial-GPU-outage-LON1.md');
  writeFileSync(
    gpu,
    readFileSync(gpu, 'utf8').replace('severity: disrupted\n', 'severity: down\nseverity: disrupted\n'),
  );
  const plan = mapCstate(readCstateFolder(dir));

  test('a config key set twice takes the last value, noted with both lines; every issue still imports', () => {
    expect(plan.config.name).toBe('Civo Status');
    expect(plan.notes).toContainEqual({
      source: 'cstate config.yml',
      message: 'title is set on lines 8 and 27: the last (line 27) is used, as Hugo does',
    });
    expect(plan.notes).toContainEqual({
      source: 'cstate config.yml',
      message: 'params.disableDarkMode is set on lines 25 and 26: the last (line 26) is used, as Hugo does',
    });
    expect(plan.events).toHaveLength(3);
    validates(plan);
  });

  test('a front matter key set twice takes the last value, noted with its lines in the issue file', () => {
    expect(bySource(plan, '2026-03-14-partial-GPU-outage-LON1').frontmatter['impact']).toBe('major');
    expect(plan.notes).toContainEqual({
      source: 'cstate 2026-03-14-partial-GPU-outage-LON1',
      message: 'severity is set on lines 6 and 7: the last (line 7) is used, as Hugo does',
    });
  });

  test('front matter keys in any case, as Hugo reads them: ResolvedWhen is resolvedWhen', () => {
    const issue = join(dir, 'content/issues/2026-03-14-partial-GPU-outage-LON1.md');
    const other = mkdtempSync(join(tmpdir(), 'cstate-case-'));
    try {
      cpSync(join(FIXTURES, 'cstate-civo'), other, { recursive: true });
      writeFileSync(
        join(other, 'content/issues/2026-03-14-partial-GPU-outage-LON1.md'),
        readFileSync(issue, 'utf8').replace('resolvedWhen:', 'ResolvedWhen:'),
      );
      const cased = mapCstate(readCstateFolder(other));
      expect(bySource(cased, '2026-03-14-partial-GPU-outage-LON1').frontmatter['ended']).toBe('2026-03-15T09:00:00Z');
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('Quay.io (Statuspage), summary.json alone', async () => {
  const plan = mapStatuspage(await readPublicFolder(join(FIXTURES, 'statuspage-real/quay-summary')));

  test('components come from the summary, every incident imports, and the note says what was missing', () => {
    expect(listComponents(plan.config).map((component) => component.name)).toEqual([
      'Frontend and API',
      'Build system',
      'GitHub',
    ]);
    expect(plan.events.map((event) => Object.values(event.source)[0])).toEqual([
      '8kxqfd750j11',
      'fq032cl5k8c7',
      '71rmbb4drm25',
    ]);
    expect(plan.skipped).toEqual([]);
    expect(plan.notes.map((note) => note.message)).toEqual([
      "components.json is missing: the components are the summary's",
      'incidents.json is missing: only the incidents summary.json lists (the open ones) were imported',
    ]);
    validates(plan);
  });

  test('"No components were affected by this update." is no component, not an error', () => {
    expect(bySource(plan, '8kxqfd750j11').frontmatter['components']).toEqual(new Map());
    expect(updatesOf(plan, '8kxqfd750j11')).toEqual([
      ['2016-06-02T14:43:09Z', 'investigating'],
      ['2016-06-02T19:59:13Z', 'monitoring'],
      ['2016-06-03T18:02:34Z', 'resolved'],
    ]);
  });
});

describe('Telerik Platform (Statuspage), incidents.json alone', async () => {
  const exported = await readPublicFolder(join(FIXTURES, 'statuspage-real/telerik-incidents'));
  const plan = mapStatuspage(exported);

  test('every incident imports; with no component named anywhere, one component stands for the page, noted', () => {
    expect(plan.events).toHaveLength(3);
    expect(listComponents(plan.config).map((component) => component.name)).toEqual(['Telerik Platform']);
    expect(plan.notes.map((note) => note.message)).toContain(
      'no incident names a component either: one component, "Telerik Platform", stands for the whole page',
    );
    validates(plan);
  });

  test('an incident Statuspage calls resolved, saved without its resolving update, ends at resolved_at with no update made up, noted', () => {
    const [first] = exported.incidents;
    const cut: StatuspageExport = {
      ...exported,
      incidents: [{ ...first!, incident_updates: first!.incident_updates.slice(1) }],
    };
    const mapped = mapStatuspage(cut);
    expect(updatesOf(mapped, 'gzrdn0ymmjp1').map(([, status]) => status)).not.toContain('resolved');
    expect(bySource(mapped, 'gzrdn0ymmjp1').frontmatter['ended']).toBe('2016-06-09T12:59:33Z');
    expect(mapped.notes).toContainEqual({
      source: 'statuspage gzrdn0ymmjp1',
      message:
        'it is resolved on Statuspage but no saved update says so: it ends at resolved_at (2016-06-09T12:59:33Z), with no update made up',
    });
    validates(mapped);
  });

  test('one entry that is not an incident is skipped alone, with the reason', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'statuspage-odd-'));
    try {
      const odd = { id: 'odd1', name: 'Half an incident', status: 'resolved' };
      writeFileSync(
        join(dir, 'incidents.json'),
        JSON.stringify({ page: exported.page, incidents: [odd, ...exported.incidents] }),
      );
      const mapped = mapStatuspage(await readPublicFolder(dir));
      expect(mapped.events).toHaveLength(3);
      expect(mapped.skipped).toEqual([
        {
          source: 'statuspage odd1',
          title: 'Half an incident',
          reason: expect.stringMatching(/^it is not Statuspage's shape: created_at: /),
        },
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('a page zone the project knows is kept; one it does not is noted, never dropped silently', () => {
    // Which names the zone rule knows is issue 21's (e.g. Asia/Kolkata); the importer only passes them through it.
    expect(mapStatuspage({ ...exported, page: { ...exported.page, time_zone: 'Europe/Berlin' } }).config.timezone).toBe(
      'Europe/Berlin',
    );
    const unknown = mapStatuspage({ ...exported, page: { ...exported.page, time_zone: 'Mars/Olympus_Mons' } });
    expect(unknown.config.timezone).toBeUndefined();
    expect(unknown.notes.map((note) => note.message).find((message) => message.includes('time zone'))).toMatch(
      /^the page's time zone "Mars\/Olympus_Mons" was left out, so times show in UTC: /,
    );
  });
});
