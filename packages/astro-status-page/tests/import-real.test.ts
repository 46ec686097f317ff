import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { mapCstate, readCstateFolder } from '../src/import/cstate.ts';
import { mapStatuspage } from '../src/import/statuspage.ts';
import { readPublicFolder } from '../src/import/statuspage-source.ts';
import { writeImport } from '../src/import/write.ts';
import { splitFrontmatter } from '../src/files/frontmatter.ts';
import { apiAt } from './helpers/api-at.ts';
import { main } from '../src/cli/main.ts';
import { openSite } from '../src/files/open-site.ts';
import { buildStatusModel } from '../src/model/status-model.ts';
import { siteText } from '../src/model/site-text.ts';
import { durationLabel } from '../src/model/labels.ts';

// Round trip on real public histories (tests/fixtures/statuspage-real/README.md,
// tests/fixtures/cstate-*/config.yml): import into an empty site, then compute
// the API with the build's own model and API code, and compare with the source.
const FIXTURES = resolve(import.meta.dirname, 'fixtures');
const NOW = '2026-12-01T00:00:00Z';
const seconds = (iso: string) => new Date(Math.floor(Date.parse(iso) / 1000) * 1000).toISOString();
const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function importInto(plan: Parameters<typeof writeImport>[1]) {
  const dir = mkdtempSync(join(tmpdir(), 'status-import-real-'));
  dirs.push(dir);
  const report = writeImport(dir, plan, { dryRun: false, force: false });
  return { api: apiAt(dir, NOW), report, dir };
}

type Timeline = Array<{ name: string; status: string; updates: Array<[string, string]> }>;
const published = (
  events: Array<{ name: string; status: string; incident_updates: Array<{ status: string; display_at: string }> }>,
): Timeline =>
  events
    .map((event) => ({
      name: event.name,
      status: event.status,
      updates: event.incident_updates
        .map((update): [string, string] => [seconds(update.display_at), update.status])
        .sort(([a], [b]) => a.localeCompare(b)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

describe.each(['quay-summary', 'telerik-incidents'])('Statuspage %s: import, then the API', async (name) => {
  const source = await readPublicFolder(join(FIXTURES, 'statuspage-real', name));
  const { api, report } = importInto(mapStatuspage(source));

  test('every source incident and maintenance is published, none skipped', () => {
    expect(report.skipped).toEqual([]);
    expect(
      api['incidents.json'].incidents.length + api['scheduled-maintenances.json'].scheduled_maintenances.length,
    ).toBe(source.incidents.length);
  });

  test('with the same names, statuses, update times and update statuses as the source', () => {
    const ours = published([
      ...api['incidents.json'].incidents,
      ...api['scheduled-maintenances.json'].scheduled_maintenances,
    ]);
    const theirs = published(
      source.incidents.map((incident) => ({
        ...incident,
        incident_updates: incident.incident_updates.map((update) => ({
          status: update.status,
          display_at: update.display_at ?? update.created_at,
        })),
      })),
    );
    expect(ours).toEqual(theirs);
  });
});

describe.each(['cstate-jenkins', 'cstate-dogsbody'])('cState %s: import, then the API', (name) => {
  const site = readCstateFolder(join(FIXTURES, name));
  const { api, report } = importInto(mapCstate(site));

  test('every issue is published as an incident with its title, resolved as the issue is, first reported by its date', () => {
    expect(report.skipped).toEqual([]);
    const issues = site.issues.flatMap((issue) =>
      'text' in issue
        ? [parse(splitFrontmatter(issue.text)!.yaml) as { title: string; resolved?: unknown; date: string }]
        : [],
    );
    const incidents = api['incidents.json'].incidents;
    expect(incidents.map((incident) => incident.name).sort()).toEqual(issues.map((issue) => issue.title).sort());
    for (const issue of issues) {
      const incident = incidents.find((candidate) => candidate.name === issue.title)!;
      // Every issue of these sites says `resolved: true`.
      expect([issue.resolved, incident.status]).toEqual([true, 'resolved']);
      expect(
        incident.incident_updates.at(-1)!.display_at <=
          new Date(Date.parse(String(issue.date).replace(/T(\d):/, 'T0$1:'))).toISOString(),
      ).toBe(true);
    }
  });
});

describe('cState civo (status.civo.com): updates without track shortcodes, each issue closed by resolvedWhen', () => {
  const plan = mapCstate(readCstateFolder(join(FIXTURES, 'cstate-civo')));
  const { api, report, dir } = importInto(plan);
  const incident = (name: string) => api['incidents.json'].incidents.find((candidate) => candidate.name === name)!;
  const lasted = (name: string) => {
    const { config, entries } = openSite(dir);
    const model = buildStatusModel(config, entries, Date.parse(NOW));
    const event = model.events.find((candidate) => candidate.title === name)!;
    return durationLabel(event, siteText({ locale: 'en', timezone: 'UTC', now: Date.parse(NOW) }));
  };

  test('an outage ends at resolvedWhen: its duration is what the source says, and no update was made up', () => {
    expect(report.skipped).toEqual([]);
    const gpu = incident('Partial GPU outage in LON1');
    expect([gpu.status, gpu.started_at, gpu.resolved_at]).toEqual([
      'resolved',
      '2026-03-14T08:40:00.000Z',
      '2026-03-15T09:00:00.000Z',
    ]);
    expect(lasted('Partial GPU outage in LON1')).toBe('Lasted 1 d');
    expect(gpu.incident_updates.map((update) => update.status)).toEqual(['investigating']);
    const words = api['incidents.json'].incidents.flatMap((each) => each.incident_updates.map((update) => update.body));
    expect(words).not.toContain('Resolved.');
  });

  test('status list --all says it is resolved, as the page does', async () => {
    const lines: string[] = [];
    const code = await main(
      ['list', '--all'],
      { dir, now: Date.parse(NOW), env: {}, out: (line) => lines.push(line) },
      (line) => lines.push(line),
    );
    expect(code).toBe(0);
    expect(lines).toContainEqual(expect.stringMatching(/ {2}\S+ {2}resolved: Partial GPU outage in LON1$/));
  });

  test('resolvedWhen before the issue began: its start is kept, it is resolved with its update, and a note names the file', () => {
    const latencies = incident('High latencies accessing NYC1 resources');
    expect([latencies.status, latencies.started_at, latencies.resolved_at]).toEqual([
      'resolved',
      '2026-02-06T07:21:23.000Z',
      '2026-02-06T07:21:23.000Z',
    ]);
    expect(plan.notes).toContainEqual({
      source: 'cstate 2026-02-06-NYC1-latencies',
      message:
        'resolvedWhen (2026-01-29T09:55:00Z) is before the issue began (2026-02-06T07:21:23Z): its start is kept, and it is resolved with its last update (2026-02-06T07:21:23Z)',
    });
  });
});

describe('cState civo, imported years later: the planned outage was never marked resolved there', () => {
  const plan = mapCstate(readCstateFolder(join(FIXTURES, 'cstate-civo-2021')), Date.parse(NOW));
  const { api, report } = importInto(plan);

  test('it is maintenance over at its date (an hour), not an incident open since 2021 holding the banner', () => {
    expect(report.skipped).toEqual([]);
    expect(api['incidents.json'].incidents).toEqual([]);
    expect(api['summary.json'].status.indicator).toBe('none');
    const [maintenance] = api['scheduled-maintenances.json'].scheduled_maintenances;
    expect(maintenance).toMatchObject({
      name: 'Planned Outage in LON1 on 8 July 2021',
      scheduled_for: '2021-07-08T06:00:00.000Z',
      scheduled_until: '2021-07-08T07:00:00.000Z',
    });
    expect(maintenance!.incident_updates.map((update) => [update.status, update.display_at])).toEqual([
      ['scheduled', '2021-07-08T06:00:00.000Z'],
    ]);
    expect(plan.notes.map((note) => note.message)).toContainEqual(
      expect.stringMatching(
        /^never resolved on cState, and its title announces planned work: imported as scheduled maintenance/,
      ),
    );
  });
});

describe('cState civo, as it stood on 5 July 2021: a planned outage announced three days ahead', () => {
  const announcedAt = '2021-07-05T16:00:00Z';
  const plan = mapCstate(readCstateFolder(join(FIXTURES, 'cstate-civo-2021')), Date.parse(announcedAt));
  const dir = mkdtempSync(join(tmpdir(), 'status-import-real-'));
  dirs.push(dir);
  const report = writeImport(dir, plan, { dryRun: false, force: false });

  test('it is scheduled maintenance, listed from the import on, before its date: never an incident resolved at its start', () => {
    expect(report.skipped).toEqual([]);
    const before = apiAt(dir, '2021-07-06T12:00:00Z');
    expect(before['incidents.json'].incidents).toEqual([]);
    const [maintenance] = before['scheduled-maintenances.json'].scheduled_maintenances;
    expect(maintenance).toMatchObject({
      name: 'Planned Outage in LON1 on 8 July 2021',
      status: 'scheduled',
      scheduled_for: '2021-07-08T06:00:00.000Z',
      scheduled_until: '2021-07-08T07:00:00.000Z',
    });
    expect(maintenance!.incident_updates[0]!.body).toMatch(/^On Thursday the 8th of July at 6am GMT\+1/);
    expect(maintenance!.components.map((component) => component.name)).toEqual([
      'Storage/LON1',
      'Compute/LON1',
      'Network/LON1',
    ]);
    const after = apiAt(dir, '2021-07-09T00:00:00Z');
    expect(after['incidents.json'].incidents).toEqual([]);
    expect(plan.notes).toContainEqual({
      source: 'cstate 2021-07-08-scheduled-upgrade-downtime-lon1',
      message:
        "dated 2021-07-08T06:00:00Z, after this import: an announcement, imported as scheduled maintenance from 2021-07-08T06:00:00Z to 2021-07-08T07:00:00Z (an hour, as cState's calendar link reads it), announced at the import's time (2021-07-05T16:00:00Z), as cState gives no time it was posted",
    });
  });
});
