import { describe, expect, test } from 'vitest';
import { incidentSteps, peakImpact, statusSegments, type IncidentTimelineInput } from './incident-timeline.ts';

const t = (hhmm: string) => Date.parse(`2022-12-28T${hhmm}:00Z`);
const statusesAt = (input: IncidentTimelineInput) =>
  incidentSteps(input).map((step) => [step.at, step.impact, Object.fromEntries(step.statuses)]);

describe('incidentSteps', () => {
  test('statuses hold from `started`, change with each update that names them, and resolution clears them', () => {
    const input: IncidentTimelineInput = {
      impact: 'critical',
      components: { web: 'major_outage', login: 'major_outage' },
      started: t('12:13'),
      updates: [
        { at: t('12:31'), status: 'investigating' },
        { at: t('13:24'), status: 'identified', components: { login: 'partial_outage' } },
        {
          at: t('13:52'),
          status: 'monitoring',
          impact: 'minor',
          components: { web: 'operational', login: 'degraded_performance' },
        },
        { at: t('14:16'), status: 'resolved' },
      ],
    };
    expect(statusesAt(input)).toEqual([
      [t('12:13'), 'critical', { web: 'major_outage', login: 'major_outage' }],
      [t('12:31'), 'critical', { web: 'major_outage', login: 'major_outage' }],
      [t('13:24'), 'critical', { web: 'major_outage', login: 'partial_outage' }],
      [t('13:52'), 'minor', { web: 'operational', login: 'degraded_performance' }],
      [t('14:16'), 'minor', { web: 'operational', login: 'operational' }],
    ]);
    expect(statusSegments(incidentSteps(input))).toEqual([
      { id: 'web', status: 'major_outage', start: t('12:13'), end: t('13:52') },
      { id: 'login', status: 'major_outage', start: t('12:13'), end: t('13:24') },
      { id: 'login', status: 'partial_outage', start: t('13:24'), end: t('13:52') },
      { id: 'login', status: 'degraded_performance', start: t('13:52'), end: t('14:16') },
    ]);
    expect(peakImpact(incidentSteps(input))).toBe('critical');
  });

  test('each update records what it changed; the first from operational, even after `started`', () => {
    const steps = incidentSteps({
      impact: 'major',
      components: { web: 'partial_outage' },
      started: t('12:00'),
      updates: [
        { at: t('12:10'), status: 'investigating', components: { ios: 'degraded_performance' } },
        { at: t('12:20'), status: 'identified' },
        { at: t('12:30'), status: 'resolved' },
      ],
    });
    expect(steps.map((step) => [step.update, step.changes])).toEqual([
      [null, []],
      [
        0,
        [
          { id: 'web', from: 'operational', to: 'partial_outage' },
          { id: 'ios', from: 'operational', to: 'degraded_performance' },
        ],
      ],
      [1, []],
      [
        2,
        [
          { id: 'web', from: 'partial_outage', to: 'operational' },
          { id: 'ios', from: 'degraded_performance', to: 'operational' },
        ],
      ],
    ]);
  });

  test('a component named first in a later update joins the incident then', () => {
    const steps = incidentSteps({
      impact: 'minor',
      components: { web: 'degraded_performance' },
      updates: [
        { at: t('12:00'), status: 'investigating' },
        { at: t('12:40'), status: 'identified', impact: 'critical', components: { api: 'major_outage' } },
      ],
    });
    expect(statusSegments(steps)).toEqual([
      { id: 'web', status: 'degraded_performance', start: t('12:00'), end: null },
      { id: 'api', status: 'major_outage', start: t('12:40'), end: null },
    ]);
    expect(steps.map((step) => step.impact)).toEqual(['minor', 'critical']);
  });

  test('the shown impact is raised to what the components imply, never lowered', () => {
    const steps = incidentSteps({
      impact: 'minor',
      components: { web: 'major_outage' },
      updates: [
        { at: t('12:00'), status: 'investigating' },
        { at: t('12:30'), status: 'monitoring', components: { web: 'degraded_performance' } },
      ],
    });
    expect(steps.map((step) => [step.declaredImpact, step.impact])).toEqual([
      ['minor', 'critical'],
      ['minor', 'minor'],
    ]);
  });

  test('reopening brings back the statuses held before the resolution, then applies its own', () => {
    const steps = incidentSteps({
      impact: 'major',
      components: { web: 'partial_outage', ios: 'partial_outage' },
      updates: [
        { at: t('12:00'), status: 'investigating' },
        { at: t('12:30'), status: 'resolved' },
        { at: t('13:00'), status: 'investigating', reopened: true, components: { ios: 'operational' } },
      ],
    });
    expect(steps.map((step) => Object.fromEntries(step.statuses))).toEqual([
      { web: 'partial_outage', ios: 'partial_outage' },
      { web: 'operational', ios: 'operational' },
      { web: 'partial_outage', ios: 'operational' },
    ]);
    expect(statusSegments(steps)).toEqual([
      { id: 'web', status: 'partial_outage', start: t('12:00'), end: t('12:30') },
      { id: 'ios', status: 'partial_outage', start: t('12:00'), end: t('12:30') },
      { id: 'web', status: 'partial_outage', start: t('13:00'), end: null },
    ]);
  });

  test('an incident posted only once it was resolved still records its components, for no time', () => {
    const steps = incidentSteps({
      impact: 'minor',
      components: { web: 'partial_outage' },
      updates: [{ at: t('12:00'), status: 'resolved' }],
    });
    expect(statusSegments(steps)).toEqual([
      { id: 'web', status: 'partial_outage', start: t('12:00'), end: t('12:00') },
    ]);
    expect(peakImpact(steps)).toBe('major');
  });
});
