import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { CONFIG, incident, maintenance } from '../../tests/helpers/incident-files.ts';
import { eventAt, type IncidentEvent, type MaintenanceEvent } from './events.ts';
import {
  IMPACTS,
  UPDATE_COMPONENT_STATUSES,
  INCIDENT_STATUSES,
  type ComponentStatus,
  type IncidentComponentStatus,
} from '../rules/statuses.ts';
import { deriveComponentStatuses, deriveOverallStatus } from './status.ts';
import { buildStatusModel } from './status-model.ts';
import { worstStatus, type Level } from '../rules/levels.ts';
import type { ValidIncidentFile } from '../files/validate.ts';

const NOW = Date.parse('2022-12-28T13:00:00Z');
const open = (slug: string, impact: IncidentEvent['impact'], components: Record<string, IncidentComponentStatus>) =>
  eventAt(
    incident(slug, { impact, components, updates: [['2022-12-28T12:00:00Z', 'investigating']] }),
    NOW,
  ) as IncidentEvent;
const working = eventAt(
  maintenance('work', {
    components: ['dm', 'web'],
    window: ['2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z'],
    updates: [['2022-12-20T00:00:00Z', 'scheduled']],
  }),
  NOW,
) as MaintenanceEvent;
const overall = (incidents: IncidentEvent[], maintenances: MaintenanceEvent[]) =>
  deriveOverallStatus(
    incidents,
    maintenances,
    deriveComponentStatuses(['web', 'ios', 'login', 'dm'], [...incidents, ...maintenances]).values(),
  );

describe('worstStatus', () => {
  test.each([
    { statuses: [], worst: 'operational' },
    { statuses: ['degraded_performance', 'partial_outage'], worst: 'partial_outage' },
    { statuses: ['under_maintenance', 'degraded_performance'], worst: 'degraded_performance' },
    { statuses: ['major_outage', 'under_maintenance'], worst: 'major_outage' },
  ] as const)('$statuses → $worst', ({ statuses, worst }) => {
    expect(worstStatus(statuses)).toBe(worst);
  });
});

describe('deriveOverallStatus', () => {
  test.each([
    { name: 'nothing active', incidents: [], maintenances: [], indicator: 'none', label: 'All systems operational' },
    {
      name: 'a minor incident',
      incidents: [open('a', 'minor', { web: 'degraded_performance' })],
      maintenances: [],
      indicator: 'minor',
      label: 'Minor service outage',
    },
    {
      name: 'the worst of several incidents',
      incidents: [
        open('a', 'minor', { web: 'degraded_performance' }),
        open('b', 'critical', { login: 'major_outage' }),
        open('c', 'major', { ios: 'partial_outage' }),
      ],
      maintenances: [],
      indicator: 'critical',
      label: 'Major system outage',
    },
    {
      name: 'maintenance only',
      incidents: [],
      maintenances: [working],
      indicator: 'maintenance',
      label: 'Service under maintenance',
    },
    {
      name: 'an incident outranks maintenance',
      incidents: [open('a', 'major', { web: 'partial_outage' })],
      maintenances: [working],
      indicator: 'major',
      label: 'Partial system outage',
    },
    {
      name: 'an impact below its components is raised to them',
      incidents: [open('a', 'minor', { web: 'major_outage' })],
      maintenances: [],
      indicator: 'critical',
      label: 'Major system outage',
    },
    {
      name: 'a declared impact above its components holds',
      incidents: [open('a', 'critical', { web: 'degraded_performance' })],
      maintenances: [],
      indicator: 'critical',
      label: 'Major system outage',
    },
  ])('$name', ({ incidents, maintenances, indicator, label }) => {
    expect(overall(incidents, maintenances)).toEqual({ indicator, label });
  });

  test('a component status raises the banner even without an incident saying so', () => {
    expect(deriveOverallStatus([], [], ['operational', 'partial_outage'])).toEqual({
      indicator: 'major',
      label: 'Partial system outage',
    });
  });
});

describe('deriveComponentStatuses', () => {
  test('each component shows the worst status of the events affecting it, maintenance below incidents', () => {
    const statuses = deriveComponentStatuses(
      ['web', 'ios', 'login', 'dm'],
      [
        open('a', 'minor', { web: 'degraded_performance' }),
        open('b', 'major', { web: 'major_outage', ios: 'partial_outage' }),
        working,
      ],
    );
    expect(Object.fromEntries(statuses)).toEqual({
      web: 'major_outage',
      ios: 'partial_outage',
      login: 'operational',
      dm: 'under_maintenance',
    });
  });

  test('ids that are not declared are ignored', () => {
    expect(Object.fromEntries(deriveComponentStatuses(['web'], [open('a', 'minor', { api: 'major_outage' })]))).toEqual(
      { web: 'operational' },
    );
  });
});

// The banner's promise, as a property (fast-check): whatever incidents are
// open, whatever their updates set, the banner is never greener than a row,
// nor than a "Happening now" card.
const RANK: Record<Level, number> = { none: 0, maintenance: 1, minor: 2, major: 3, critical: 4 };
const ROW_LEVEL: Record<ComponentStatus, Level> = {
  operational: 'none',
  under_maintenance: 'maintenance',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};
const IDS = ['web', 'ios', 'login', 'dm'];
const statusMap = (statuses: readonly string[]) =>
  fc.dictionary(fc.constantFrom(...IDS), fc.constantFrom(...statuses), { maxKeys: 4 });
const anUpdate = fc.record({
  status: fc.constantFrom(...INCIDENT_STATUSES),
  impact: fc.option(fc.constantFrom(...IMPACTS), { nil: undefined }),
  components: fc.option(statusMap(UPDATE_COMPONENT_STATUSES), { nil: undefined }),
});
const anIncident = fc.record({
  impact: fc.constantFrom(...IMPACTS),
  components: statusMap(['degraded_performance', 'partial_outage', 'major_outage']),
  updates: fc.array(anUpdate, { minLength: 1, maxLength: 5 }),
});

function toFile(
  slug: string,
  generated: typeof anIncident extends fc.Arbitrary<infer T> ? T : never,
): ValidIncidentFile {
  const updates = generated.updates.map((update, i) => ({
    at: new Date(NOW - (generated.updates.length - i) * 60_000).toISOString(),
    message: 'm',
    ...update,
    // Any update after a resolution reopens, as the validator requires.
    ...(i > 0 && generated.updates[i - 1]!.status === 'resolved' ? { reopened: true } : {}),
  }));
  return {
    slug,
    file: `incidents/${slug}.md`,
    body: '',
    data: {
      kind: 'incident',
      title: slug,
      impact: generated.impact,
      components: generated.components,
      updates,
    } as ValidIncidentFile['data'],
  };
}

test('property: the banner is never better than any component row or open incident', () => {
  fc.assert(
    fc.property(fc.array(anIncident, { maxLength: 4 }), fc.boolean(), (incidents, withMaintenance) => {
      const files = incidents.map((generated, i) => toFile(`i${i}`, generated));
      if (withMaintenance)
        files.push(
          maintenance('work', {
            components: ['dm'],
            window: ['2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z'],
            updates: [['2022-12-20T00:00:00Z', 'scheduled']],
          }),
        );
      const model = buildStatusModel(CONFIG, files, NOW);
      const banner = RANK[model.overall.indicator];
      for (const row of model.components) expect(banner).toBeGreaterThanOrEqual(RANK[ROW_LEVEL[row.status]]);
      for (const event of model.activeIncidents) expect(banner).toBeGreaterThanOrEqual(RANK[event.impact]);
      if (model.activeIncidents.length === 0 && model.components.every((row) => row.status === 'operational'))
        expect(model.overall.indicator).toBe('none');
    }),
    { numRuns: 500 },
  );
});
