import { describe, expect, test } from 'vitest';
import { CONFIG, incident, maintenance } from '../../tests/helpers/incident-files.ts';
import { buildStatusModel, HISTORY_DAYS, PAST_DAYS } from './status-model.ts';
import { formatUptime } from './uptime.ts';

const files = [
  incident('big-outage', {
    impact: 'critical',
    components: { web: 'major_outage', login: 'partial_outage' },
    started: '2022-12-28T12:00:00Z',
    updates: [
      ['2022-12-28T12:30:00Z', 'investigating'],
      ['2022-12-28T14:00:00Z', 'resolved'],
    ],
  }),
  incident('older', {
    impact: 'minor',
    components: { ios: 'degraded_performance' },
    updates: [
      ['2022-12-20T08:00:00Z', 'investigating'],
      ['2022-12-20T09:00:00Z', 'resolved'],
    ],
  }),
  maintenance('upgrade', {
    components: ['dm'],
    window: ['2022-12-30T02:00:00Z', '2022-12-30T04:00:00Z'],
    updates: [
      ['2022-12-23T10:00:00Z', 'scheduled'],
      ['2022-12-30T02:00:00Z', 'in_progress'],
      ['2022-12-30T03:50:00Z', 'completed'],
    ],
  }),
];

const modelAt = (iso: string) => buildStatusModel(CONFIG, files, Date.parse(iso));
const statusOf = (model: ReturnType<typeof modelAt>) =>
  Object.fromEntries(model.components.map((c) => [c.id, c.status]));

describe('buildStatusModel at three moments', () => {
  test('mid-outage: critical banner, affected components down, maintenance upcoming', () => {
    const model = modelAt('2022-12-28T13:00:00Z');
    expect(model.overall.label).toBe('Major system outage');
    expect(statusOf(model)).toEqual({
      web: 'major_outage',
      ios: 'operational',
      login: 'partial_outage',
      dm: 'operational',
    });
    expect(model.activeIncidents.map((event) => event.slug)).toEqual(['big-outage']);
    expect(model.upcomingMaintenances.map((event) => event.slug)).toEqual(['upgrade']);
  });

  test('after resolution: all operational, downtime kept in the history', () => {
    const model = modelAt('2022-12-29T00:00:00Z');
    expect(model.overall.label).toBe('All systems operational');
    expect(model.activeIncidents).toEqual([]);
    const web = model.components.find((c) => c.id === 'web')!;
    // 2 h of major outage in 89 whole days (today has not started).
    expect(web.uptime90).toBeCloseTo(100 * (1 - 2 / (89 * 24)), 9);
    expect(formatUptime(web.uptime90)).toBe('99.90%');
    // The bar's captions agree with the headline figures: the whole bar is the 90 days, its last 30 the 30-day figure.
    expect(web.windows.map((window) => [window.days, window.uptime])).toEqual([
      [90, web.uptime90],
      [60, expect.any(Number)],
      [30, web.uptime30],
    ]);
    const login = model.components.find((c) => c.id === 'login')!;
    expect(formatUptime(login.uptime90)).toBe('99.97%');
    expect(web.days.find((day) => day.day === '2022-12-28')).toMatchObject({
      status: 'major_outage',
      slugs: ['big-outage'],
    });
  });

  test('during maintenance: maintenance banner, component under maintenance, uptime untouched', () => {
    const model = modelAt('2022-12-30T03:00:00Z');
    expect(model.overall.label).toBe('Service under maintenance');
    expect(statusOf(model)['dm']).toBe('under_maintenance');
    expect(model.activeMaintenances.map((event) => event.slug)).toEqual(['upgrade']);
    expect(model.components.find((c) => c.id === 'dm')!.uptime90).toBe(100);
  });
});

describe('indexes', () => {
  const model = modelAt('2022-12-31T00:00:00Z');

  test('events are newest first, by when they started', () => {
    expect(model.events.map((event) => event.slug)).toEqual(['upgrade', 'big-outage', 'older']);
  });

  test('each component lists only the events that touched it', () => {
    expect(Object.fromEntries(model.components.map((c) => [c.id, c.events.map((event) => event.slug)]))).toEqual({
      web: ['big-outage'],
      ios: ['older'],
      login: ['big-outage'],
      dm: ['upgrade'],
    });
  });

  test('groups keep the declared order', () => {
    expect(model.groups.map((group) => [group.name, group.components.map((c) => c.id)])).toEqual([
      ['Apps', ['web', 'ios']],
      ['Core', ['login', 'dm']],
    ]);
  });

  test(`past days cover the last ${PAST_DAYS} days, newest first, with quiet days empty`, () => {
    expect(model.pastDays).toHaveLength(PAST_DAYS);
    expect(new Date(model.pastDays[0]!.start).toISOString()).toBe('2022-12-31T00:00:00.000Z');
    const byDay = Object.fromEntries(
      model.pastDays.map((day) => [
        new Date(day.start).toISOString().slice(0, 10),
        day.events.map((event) => event.slug),
      ]),
    );
    expect(byDay).toMatchObject({
      '2022-12-30': ['upgrade'],
      '2022-12-28': ['big-outage'],
      '2022-12-20': ['older'],
      '2022-12-29': [],
    });
  });

  test(`every component has ${HISTORY_DAYS} days of history`, () => {
    expect(model.components.every((c) => c.days.length === HISTORY_DAYS)).toBe(true);
  });
});

describe('past days and what is live', () => {
  test('an open incident is happening now, not a past incident; once resolved it is listed on the day it started', () => {
    const outage = incident('outage', {
      components: { web: 'major_outage' },
      updates: [
        ['2022-12-28T12:00:00Z', 'investigating'],
        ['2022-12-28T14:00:00Z', 'resolved'],
      ],
    });
    const listed = (now: string) =>
      buildStatusModel(CONFIG, [outage], Date.parse(now)).pastDays.flatMap((day) =>
        day.events.map((event) => event.slug),
      );
    expect(
      buildStatusModel(CONFIG, [outage], Date.parse('2022-12-28T13:00:00Z')).activeIncidents.map((event) => event.slug),
    ).toEqual(['outage']);
    expect(listed('2022-12-28T13:00:00Z')).toEqual([]);
    expect(listed('2022-12-28T15:00:00Z')).toEqual(['outage']);
  });
});

describe('in the site zone', () => {
  test('an incident at 03:00 UTC is listed on the previous day in New York, and the days are New York days', () => {
    const late = incident('late', {
      components: { web: 'major_outage' },
      updates: [
        ['2022-12-28T03:00:00Z', 'investigating'],
        ['2022-12-28T03:30:00Z', 'resolved'],
      ],
    });
    const model = buildStatusModel(
      { ...CONFIG, timezone: 'America/New_York' },
      [late],
      Date.parse('2022-12-28T13:00:00Z'),
    );
    expect(
      model.pastDays
        .slice(0, 2)
        .map((day) => [new Date(day.start).toISOString(), day.events.map((event) => event.slug)]),
    ).toEqual([
      ['2022-12-28T05:00:00.000Z', []],
      ['2022-12-27T05:00:00.000Z', ['late']],
    ]);
    const web = model.componentById.get('web')!;
    expect(web.days.at(-2)).toMatchObject({ day: '2022-12-27', status: 'major_outage', slugs: ['late'] });
    expect(web.days.at(-1)).toMatchObject({ day: '2022-12-28', status: 'operational', length: 8 * 3_600_000 });
  });
});

describe('overlapping incidents whose statuses move', () => {
  test('each moment counts once, at the worst status any incident gives it then', () => {
    // a: web major 10:00–11:00, then degraded until 12:00. b: web partial 10:30–13:00.
    // Worst per moment: major 10:00–11:00 (60 min × 1), partial 11:00–13:00 (120 min × 0.3) = 96 min.
    const a = incident('a', {
      impact: 'critical',
      components: { web: 'major_outage' },
      updates: [
        ['2022-12-28T10:00:00Z', 'investigating'],
        ['2022-12-28T11:00:00Z', 'monitoring'],
        ['2022-12-28T12:00:00Z', 'resolved'],
      ],
    });
    if (a.data.kind === 'incident') a.data.updates[1]!.components = { web: 'degraded_performance' };
    const b = incident('b', {
      impact: 'major',
      components: { web: 'partial_outage' },
      updates: [
        ['2022-12-28T10:30:00Z', 'investigating'],
        ['2022-12-28T13:00:00Z', 'resolved'],
      ],
    });
    const model = buildStatusModel(CONFIG, [a, b], Date.parse('2022-12-29T00:00:00Z'));
    const web = model.componentById.get('web')!;
    const day = web.days.find((record) => record.day === '2022-12-28')!;
    expect(day.downtime).toBe(96 * 60_000);
    expect(day.status).toBe('major_outage');
    expect(day.slugs.sort()).toEqual(['a', 'b']);
  });

  test('mid-way, the row shows the worst current status and the banner follows it', () => {
    const a = incident('a', {
      impact: 'minor',
      components: { web: 'degraded_performance' },
      updates: [['2022-12-28T10:00:00Z', 'investigating']],
    });
    const b = incident('b', {
      impact: 'critical',
      components: { web: 'major_outage' },
      updates: [
        ['2022-12-28T10:30:00Z', 'investigating'],
        ['2022-12-28T11:00:00Z', 'monitoring'],
      ],
    });
    if (b.data.kind === 'incident')
      Object.assign(b.data.updates[1]!, { impact: 'major', components: { web: 'partial_outage' } });
    const model = buildStatusModel(CONFIG, [a, b], Date.parse('2022-12-28T11:30:00Z'));
    expect(model.componentById.get('web')!.status).toBe('partial_outage');
    expect(model.overall).toEqual({ indicator: 'major', label: 'Partial system outage' });
    // The most severe open incident first.
    expect(model.activeIncidents.map((event) => event.slug)).toEqual(['b', 'a']);
  });
});
