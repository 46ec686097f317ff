import { describe, expect, test } from 'vitest';
import { incident, maintenance } from '../../tests/helpers/incident-files.ts';
import { eventAt, type IncidentEvent, type MaintenanceEvent } from './events.ts';
import type { IncidentComponentStatus } from '../schemas/statuses.ts';
import { deriveComponentStatuses, deriveOverallStatus, worstStatus } from './status.ts';

const NOW = Date.parse('2022-12-28T13:00:00Z');
const open = (slug: string, impact: IncidentEvent['impact'], components: Record<string, IncidentComponentStatus>) =>
  eventAt(incident(slug, { impact, components, updates: [['2022-12-28T12:00:00Z', 'investigating']] }), NOW) as IncidentEvent;
const working = eventAt(
  maintenance('work', { components: ['dm', 'web'], window: ['2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z'], updates: [['2022-12-20T00:00:00Z', 'scheduled']] }),
  NOW,
) as MaintenanceEvent;

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
    { name: 'a minor incident', incidents: [open('a', 'minor', { web: 'degraded_performance' })], maintenances: [], indicator: 'minor', label: 'Minor outage' },
    {
      name: 'the worst of several incidents',
      incidents: [open('a', 'minor', { web: 'degraded_performance' }), open('b', 'critical', { login: 'major_outage' }), open('c', 'major', { ios: 'partial_outage' })],
      maintenances: [],
      indicator: 'critical',
      label: 'Critical outage',
    },
    { name: 'maintenance only', incidents: [], maintenances: [working], indicator: 'maintenance', label: 'Maintenance in progress' },
    { name: 'an incident outranks maintenance', incidents: [open('a', 'major', { web: 'partial_outage' })], maintenances: [working], indicator: 'major', label: 'Major outage' },
    { name: 'an incident with no impact leaves the page operational', incidents: [open('a', 'none', { web: 'degraded_performance' })], maintenances: [], indicator: 'none', label: 'All systems operational' },
  ])('$name', ({ incidents, maintenances, indicator, label }) => {
    expect(deriveOverallStatus(incidents, maintenances)).toEqual({ indicator, label });
  });
});

describe('deriveComponentStatuses', () => {
  test('each component shows the worst status of the events affecting it, maintenance below incidents', () => {
    const statuses = deriveComponentStatuses(['web', 'ios', 'login', 'dm'], [open('a', 'minor', { web: 'degraded_performance' }), open('b', 'major', { web: 'major_outage', ios: 'partial_outage' }), working]);
    expect(Object.fromEntries(statuses)).toEqual({ web: 'major_outage', ios: 'partial_outage', login: 'operational', dm: 'under_maintenance' });
  });

  test('ids that are not declared are ignored', () => {
    expect(Object.fromEntries(deriveComponentStatuses(['web'], [open('a', 'minor', { api: 'major_outage' })]))).toEqual({ web: 'operational' });
  });
});
