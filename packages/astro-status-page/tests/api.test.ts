import { describe, expect, test } from 'vitest';
import type { Catalog } from '../src/i18n/catalog.ts';
import type { Locale } from '../src/i18n/locales.ts';
import { siteText } from '../src/model/site-text.ts';
import { apiEndpointSchemas } from '../src/outputs/api-schema.ts';
import { notifyIndexSchema } from '../src/outputs/notify-index.ts';
import { buildFromSite } from '../src/notify/current-build.ts';
import { indexFromJson } from '../src/notify/snapshot.ts';
import type { ComponentStatus } from '../src/rules/statuses.ts';
import { TARGETS } from './helpers/build.ts';
import { componentRows, page, readBuilt, text } from './helpers/pages.ts';

const ENDPOINTS = Object.keys(apiEndpointSchemas) as Array<keyof typeof apiEndpointSchemas>;
const json = (build: string, endpoint: string) => JSON.parse(readBuilt(build, `api/v2/${endpoint}`));

describe.each(TARGETS.map((target) => [target.name, target.base ?? '/'] as const))('API of %s', (build, base) => {
  test.each(ENDPOINTS)('%s matches its schema', (endpoint) => {
    const result = apiEndpointSchemas[endpoint].safeParse(json(build, endpoint));
    expect(result.error?.issues ?? []).toEqual([]);
  });

  test('notify-index.json lists every event the build published, with the ids the pages and the API use', () => {
    const target = TARGETS.find((candidate) => candidate.name === build)!;
    const raw = readBuilt(build, 'api/v2/notify-index.json');
    const index = indexFromJson(notifyIndexSchema.parse(JSON.parse(raw)));
    const full = buildFromSite(target.siteDir, Date.parse(target.now), json(build, 'status.json').page.url);
    expect(index).toEqual(full.index);
    // Compact: some 30 to 50 bytes per event and per update (its id once, each update a number), so 10,000 incidents stay near a megabyte.
    const updates = index.events.reduce((count, event) => count + event.updates.length, 0);
    expect(raw.length / Math.max(1, index.events.length + updates)).toBeLessThan(60);
    const listed = json(build, 'incidents.json').incidents[0];
    if (listed)
      expect(index.events.find((event) => event.id === listed.id)?.updates).toEqual(
        listed.incident_updates.map((update: { id: string }) => update.id).reverse(),
      );
  });

  // The test that proves a Statuspage client reads our summary as our home page shows it.
  test('a Statuspage client reading summary.json sees what the home page shows', () => {
    const summary = json(build, 'summary.json');
    const home = page(build, '/');
    // One vocabulary: the banner says the API's level in the page's language (Statuspage's own words in English).
    const { t } = siteText({
      locale: home.querySelector('html')!.getAttribute('lang') as Locale,
      timezone: 'UTC',
      now: 0,
    });
    expect(text(home.querySelector('#overall-status'))).toContain(
      t.levels[summary.status.indicator as keyof Catalog['levels']],
    );
    if (home.querySelector('html')!.getAttribute('lang') === 'en')
      expect(text(home.querySelector('#overall-status')).toLowerCase()).toContain(
        summary.status.description.toLowerCase(),
      );

    const apiRows = Object.fromEntries(
      summary.components
        .filter((c: { group: boolean }) => !c.group)
        .map((c: { name: string; status: ComponentStatus }) => [c.name, t.componentStatus[c.status].label]),
    );
    const htmlRows = Object.fromEntries(
      Object.entries(componentRows(build)).map(([name, row]) => [name, row.status.replace(/^\S+ /, '')]),
    );
    expect(apiRows).toEqual(htmlRows);

    const activeOnPage = home.querySelectorAll('#active ~ article h3').map(text);
    const activeInApi = [
      ...summary.incidents,
      ...summary.scheduled_maintenances.filter((m: { status: string }) => m.status !== 'scheduled'),
    ].map((i: { name: string }) => i.name);
    expect(activeInApi.sort()).toEqual(activeOnPage.sort());
    const upcomingOnPage = home.querySelectorAll('#upcoming ~ article h3').map(text);
    expect(
      summary.scheduled_maintenances
        .filter((m: { status: string }) => m.status === 'scheduled')
        .map((m: { name: string }) => m.name),
    ).toEqual(upcomingOnPage);
  });

  test('every incident has an absolute shortlink to its built page', () => {
    for (const incident of json(build, 'incidents.json').incidents) {
      const { pathname } = new URL(incident.shortlink);
      expect(pathname.startsWith(base)).toBe(true);
      expect(text(page(build, pathname.slice(base.length - 1)).querySelector('h1'))).toBe(incident.name);
    }
  });
});

describe('API details on the basic fixture', () => {
  test('mid-outage: the unresolved incident, its updates newest first, and the upcoming maintenance', () => {
    const summary = json('basic-mid-outage', 'summary.json');
    expect(summary.status).toEqual({ indicator: 'critical', description: 'Major System Outage' });
    expect(summary.incidents).toHaveLength(1);
    const [incident] = summary.incidents;
    expect(incident).toMatchObject({
      id: 'outage',
      name: 'Login failing everywhere',
      status: 'investigating',
      impact: 'critical',
      started_at: '2022-12-28T12:00:00.000Z',
      created_at: '2022-12-28T12:30:00.000Z',
      resolved_at: null,
      monitoring_at: null,
      shortlink: 'https://status.fixture.example/incidents/outage/',
    });
    expect(incident.incident_updates.map((u: { id: string }) => u.id)).toEqual(['outage-update-20221228T123000Z']);
    expect(incident.incident_updates[0].affected_components).toEqual([
      { code: 'web', name: 'Web', old_status: 'operational', new_status: 'major_outage' },
      { code: 'login', name: 'Login', old_status: 'operational', new_status: 'partial_outage' },
    ]);
    expect(summary.scheduled_maintenances.map((m: { id: string; status: string }) => [m.id, m.status])).toEqual([
      ['upgrade', 'scheduled'],
    ]);
  });

  test('after resolution: nothing unresolved, the incident resolved with every update', () => {
    expect(json('basic-resolved', 'incidents/unresolved.json').incidents).toEqual([]);
    const outage = json('basic-resolved', 'incidents.json').incidents.find((i: { id: string }) => i.id === 'outage');
    expect(outage.resolved_at).toBe('2022-12-28T14:00:00.000Z');
    expect(outage.incident_updates.map((u: { status: string }) => u.status)).toEqual([
      'resolved',
      'identified',
      'investigating',
    ]);
  });

  test('during maintenance: active maintenance with its window, and the component under maintenance', () => {
    const active = json('basic-maintenance', 'scheduled-maintenances/active.json').scheduled_maintenances;
    expect(
      active.map(
        (m: { id: string; status: string; scheduled_for: string; scheduled_until: string; impact: string }) => [
          m.id,
          m.status,
          m.scheduled_for,
          m.scheduled_until,
          m.impact,
        ],
      ),
    ).toEqual([['upgrade', 'in_progress', '2022-12-30T02:00:00.000Z', '2022-12-30T04:00:00.000Z', 'maintenance']]);
    expect(json('basic-maintenance', 'scheduled-maintenances/upcoming.json').scheduled_maintenances).toEqual([]);
    expect(json('basic-maintenance', 'status.json').status).toEqual({
      indicator: 'maintenance',
      description: 'Service Under Maintenance',
    });
    const dm = json('basic-maintenance', 'components.json').components.find((c: { id: string }) => c.id === 'dm');
    expect(dm).toMatchObject({ status: 'under_maintenance', group_id: 'group-core-services', group: false });
  });

  test('ids are the same in every build', () => {
    const ids = (build: string) => json(build, 'components.json').components.map((c: { id: string }) => c.id);
    expect(ids('basic-mid-outage')).toEqual(ids('basic-resolved'));
    expect(ids('basic-resolved')).toEqual(['group-apps', 'web', 'ios', 'group-core-services', 'login', 'dm']);
  });
});

describe("the API states how current it is, beside Statuspage's fields", () => {
  const page = (build: string, endpoint: string) =>
    json(build, endpoint).page as { updated_at: string; next_update_by: string; build_id: string };

  test("next_update_by is the build's now plus the rebuild interval (an hour)", () => {
    expect(page('example-mid-outage', 'status.json')).toMatchObject({
      updated_at: '2022-12-28T13:30:00.000Z',
      next_update_by: '2022-12-28T14:30:00.000Z',
    });
  });

  test('every endpoint of one build carries the same build id; another build, another id', () => {
    const ids = (build: string) => new Set(ENDPOINTS.map((endpoint) => page(build, endpoint).build_id));
    expect([...ids('example-mid-outage')]).toEqual([expect.stringMatching(/^[0-9a-f]{12}$/)]);
    const others = ['example-monitoring', 'example-next-day', 'basic-mid-outage'].map((build) => [...ids(build)][0]);
    expect(new Set([[...ids('example-mid-outage')][0], ...others]).size).toBe(4);
  });
});

describe('a promised next update, for tools (next_update_promised_by)', () => {
  const promised = (build: string) =>
    Object.fromEntries(
      json(build, 'incidents.json').incidents.map(
        (incident: { id: string; next_update_promised_by: string | null }) => [
          incident.id,
          incident.next_update_promised_by,
        ],
      ),
    );

  test('mid-outage, the open incident’s newest update (13:24 UTC, next_update: 30 min) promises 13:54 UTC', () => {
    expect(promised('example-mid-outage')).toMatchObject({
      '2022-12-28-login-and-posting-failing': '2022-12-28T13:54:00.000Z',
      '2022-12-28-web-is-not-responding': null,
    });
    expect(json('example-mid-outage', 'incidents/unresolved.json').incidents[0].next_update_promised_by).toBe(
      '2022-12-28T13:54:00.000Z',
    );
  });

  test('while monitoring, the newest update’s promise counts; once resolved, none', () => {
    expect(promised('example-monitoring')['2022-12-28-login-and-posting-failing']).toBe('2022-12-28T14:22:00.000Z');
    expect(promised('example-next-day')['2022-12-28-login-and-posting-failing']).toBeNull();
  });
});

describe('what the probes measured, for tools', () => {
  test('an incident a probe opened says so (opened_by), one staff opened says staff', () => {
    const openedBy = Object.fromEntries(
      json('example-mid-outage', 'incidents.json').incidents.map((incident: { id: string; opened_by: string }) => [
        incident.id,
        incident.opened_by,
      ]),
    );
    expect(openedBy).toMatchObject({
      '2022-12-28-web-is-not-responding': 'probe',
      '2022-12-28-login-and-posting-failing': 'staff',
    });
  });

  test('measurements.json: each probed component, its 90 days and its last day check by check', () => {
    const { components } = json('example-mid-outage', 'measurements.json');
    expect(components.map((component: { id: string }) => component.id)).toEqual(['web', 'api']);
    const web = components[0];
    expect(web.days).toHaveLength(90);
    // 28 Dec in New York up to 13:30 UTC: 102 checks from 05:03 UTC, 16 failed (12:13 … 13:28); the same row the page's table shows.
    expect(web.days.at(-1)).toEqual({ date: '2022-12-28', checks: 102, failures: 16, p50_ms: 156, p95_ms: 209 });
    expect(web.last_day).toHaveLength(288);
    expect(web.last_day.find((check: { ok: boolean }) => !check.ok)).toEqual({
      at: '2022-12-28T12:13:00.000Z',
      check: 'web',
      ok: false,
      ms: 40,
      why: 'HTTP 503',
    });
    expect(web.availability).toBeGreaterThan(99);
    expect(web.availability).toBeLessThan(100);
  });
});
