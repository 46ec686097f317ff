import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseIncidentFile } from '../files/validate.ts';
import { listComponents } from '../files/schemas/site-config.ts';
import { renderConfig, renderEvent, type ImportPlan } from './plan.ts';
import { mapStatuspage } from './statuspage.ts';
import type { StatuspageExport, StatuspageIncident } from './statuspage-schema.ts';
import { readPublicFolder } from './statuspage-source.ts';

const FIXTURE = resolve(import.meta.dirname, '../../tests/fixtures/statuspage');
const fileOf = (plan: ImportPlan, id: string) =>
  renderEvent(plan.events.find((event) => Object.values(event.source)[0] === id)!);

describe('the documented public API fixture', async () => {
  const plan = mapStatuspage(await readPublicFolder(FIXTURE));

  test('groups become groups in display order; ungrouped components share one; empty groups are dropped; the page keeps its time zone', () => {
    expect(renderConfig(plan.config)).toContain(`name: Acme
url: https://status.acme.example
timezone: America/New_York
groups:
  - name: Components
    components:
      - id: website
        name: Website
        description: acme.example in a browser.
  - name: API
    components:
      - id: rest-api
        name: REST API
        description: Requests to api.acme.example.
      - id: webhooks
        name: Webhooks
        description: Deliveries to your endpoints.
  - name: Apps
    components:
      - id: ios
        name: iOS
      - id: android
        name: Android
`);
  });

  test('an incident keeps every update, oldest first at display_at, with the statuses each changed, and HTML becomes safe Markdown', () => {
    expect(fileOf(plan, 'p31zjtct2jer')).toBe(`---
title: REST API errors and failed webhooks
impact: major
components:
  rest-api: partial_outage
  webhooks: partial_outage
started: 2024-05-02T13:00:00Z
source:
  statuspage: p31zjtct2jer
updates:
  - at: 2024-05-02T13:15:00Z
    status: investigating
    message: >-
      We are investigating errors on the REST API and delayed webhooks.
  - at: 2024-05-02T13:55:00Z
    status: identified
    components:
      rest-api: major_outage
    message: |-
      A bad database migration. We are rolling it back.

      -   REST API: most writes fail
      -   Webhooks: delayed

      Details: [our blog](https://acme.example/blog).
  - at: 2024-05-02T14:50:00Z
    status: monitoring
    components:
      rest-api: degraded_performance
      webhooks: degraded_performance
    message: >-
      A fix is out. Error rates are falling; webhooks are being retried.
  - at: 2024-05-02T15:40:00Z
    status: resolved
    message: >-
      All requests succeed again and webhooks have been **redelivered**.
---
`);
  });

  test('maintenance keeps its window, components and updates', () => {
    expect(fileOf(plan, 'w9c3m1k5t7hd')).toContain(`kind: maintenance
title: Database upgrade
components: [rest-api]
window:
  start: 2024-04-28T02:00:00Z
  end: 2024-04-28T05:00:00Z
source:
  statuspage: w9c3m1k5t7hd
updates:
  - at: 2024-04-21T09:00:00Z
    status: scheduled
`);
    expect(fileOf(plan, 'h6b2n8p4s1fg')).toContain(
      'window:\n  start: 2024-05-10T01:00:00Z\n  end: 2024-05-10T03:00:00Z',
    );
  });

  test('"no impact" with a component down is raised to what the status implies, and said; an empty body gets its status in words, marked as the import’s', () => {
    expect(fileOf(plan, '7m2kq9x0vw1b')).toContain('impact: minor\ncomponents:\n  website: degraded_performance');
    expect(fileOf(plan, '7m2kq9x0vw1b')).toContain(
      '    status: resolved\n    message: Resolved.\n    added_by_import: true\n',
    );
    expect(plan.notes).toEqual([
      {
        source: 'statuspage 7m2kq9x0vw1b',
        message: 'impact raised from "none" to "minor": a component was degraded_performance',
      },
    ]);
  });

  test('an incident resolved twice in a row is skipped with the reason', () => {
    expect(plan.skipped).toEqual([
      {
        source: 'statuspage k2v8d7r1z0pq',
        title: 'Resolved twice',
        reason: 'it was resolved twice in a row (2024-04-01T11:00:00Z and 2024-04-01T12:00:00Z) with no update between',
      },
    ]);
  });

  test('every file it maps passes the build’s validator', () => {
    const ids = listComponents(plan.config).map((component) => component.id);
    for (const event of plan.events)
      expect(parseIncidentFile({ path: 'incidents/x.md', text: renderEvent(event) }, ids).problems).toEqual([]);
  });
});

const EXPORT: StatuspageExport = {
  page: { name: 'Acme', url: 'https://status.acme.example' },
  components: [
    { id: 'c1', name: 'API', position: 1 },
    { id: 'c2', name: 'Web', position: 2 },
  ],
  incidents: [],
};
const update = (status: string, at: string, affected: Array<[string, string]> = [], body = `${status} body`) => ({
  status,
  body,
  created_at: at,
  display_at: at,
  affected_components: affected.map(([code, new_status]) => ({
    code,
    name: code,
    old_status: 'operational',
    new_status,
  })),
});
/** One incident, its updates given oldest first (the export lists them newest first). */
function mapOne(fields: Partial<StatuspageIncident> & { incident_updates: StatuspageIncident['incident_updates'] }) {
  const incident: StatuspageIncident = {
    id: 'i1',
    name: 'Something broke',
    status: 'resolved',
    impact: 'minor',
    created_at: '2024-01-01T10:00:00Z',
    ...fields,
    incident_updates: [...fields.incident_updates].reverse(),
  };
  return mapStatuspage({ ...EXPORT, incidents: [incident] });
}

describe('mapping rules', () => {
  test('an update after a resolution reopens the incident', () => {
    const plan = mapOne({
      incident_updates: [
        update('investigating', '2024-01-01T10:00:00Z', [['c1', 'major_outage']]),
        update('resolved', '2024-01-01T11:00:00Z'),
        update('identified', '2024-01-01T12:00:00Z', [['c1', 'partial_outage']]),
      ],
    });
    expect(renderEvent(plan.events[0]!)).toContain(
      '  - at: 2024-01-01T12:00:00Z\n    status: identified\n    components:\n      api: partial_outage\n    message: identified body\n    reopened: true\n',
    );
  });

  test('the postmortem becomes the body, published at postmortem_published_at', () => {
    const plan = mapOne({
      incident_updates: [
        update('investigating', '2024-01-01T10:00:00Z', [['c1', 'major_outage']]),
        update('resolved', '2024-01-01T11:00:00Z'),
        update('postmortem', '2024-01-02T09:00:00Z'),
      ],
      postmortem_body: '<h2>What happened</h2><p>A disk filled up.</p>',
      postmortem_published_at: '2024-01-02T09:00:00Z',
    });
    const text = renderEvent(plan.events[0]!);
    expect(text).toContain('postmortem_at: 2024-01-02T09:00:00Z\n');
    expect(text).toMatch(/---\n## What happened\n\nA disk filled up\.\n$/);
    expect(text).not.toContain('status: postmortem');
  });

  test('statuses an incident cannot set are left out and noted; a resolution never leaves a component down', () => {
    const plan = mapOne({
      incident_updates: [
        update('investigating', '2024-01-01T10:00:00Z', [
          ['c1', 'major_outage'],
          ['gone', 'major_outage'],
          ['c2', 'under_maintenance'],
        ]),
        update('resolved', '2024-01-01T11:00:00Z', [['c1', 'degraded_performance']]),
      ],
    });
    expect(renderEvent(plan.events[0]!)).toContain('components:\n  api: major_outage\nsource:');
    expect(renderEvent(plan.events[0]!)).not.toContain('degraded_performance');
    expect(plan.notes.map((note) => note.message)).toEqual([
      'left out component "gone": it is not on the page any more',
      'left out web: under_maintenance during an incident (allowed: operational, degraded_performance, partial_outage, major_outage)',
      'the resolving update at 2024-01-01T11:00:00Z left a component down; resolving returns every component to operational',
    ]);
  });

  test('components no update gave a status are affected from the start at the status the impact implies', () => {
    const plan = mapOne({
      impact: 'critical',
      components: [{ id: 'c2' }],
      incident_updates: [update('resolved', '2024-01-01T11:00:00Z')],
    });
    expect(renderEvent(plan.events[0]!)).toContain('impact: critical\ncomponents:\n  web: major_outage\n');
  });

  test('a component the incident lists that every update left operational is affected, at the impact, until resolved', () => {
    const plan = mapOne({
      impact: 'major',
      components: [{ id: 'c2' }],
      incident_updates: [
        update('investigating', '2024-01-01T10:00:00Z', [['c2', 'operational']]),
        update('monitoring', '2024-01-01T10:30:00Z', [['c2', 'operational']]),
        update('resolved', '2024-01-01T11:00:00Z', [['c2', 'operational']]),
      ],
    });
    const text = renderEvent(plan.events[0]!);
    expect(text).toContain('impact: major\ncomponents:\n  web: partial_outage\n');
    expect(text).not.toContain('operational');
    expect(plan.notes.map((note) => note.message)).toContain(
      'no update took web away from operational, but the incident lists it; set to partial_outage from the start until resolved, as its impact (major) implies',
    );
  });

  test('an unknown update status or impact skips the incident with the reason', () => {
    expect(mapOne({ incident_updates: [update('fixing', '2024-01-01T10:00:00Z')] }).skipped[0]?.reason).toBe(
      'an update at 2024-01-01T10:00:00Z has status "fixing"; allowed: investigating, identified, monitoring, resolved',
    );
    expect(
      mapOne({ impact: 'huge', incident_updates: [update('investigating', '2024-01-01T10:00:00Z')] }).skipped[0]
        ?.reason,
    ).toBe('impact "huge" is not one of none, minor, major, critical');
  });
});
