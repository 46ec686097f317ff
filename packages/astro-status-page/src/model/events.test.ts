import { describe, expect, test } from 'vitest';
import { incident, maintenance, SAMPLE_OUTAGE, SAMPLE_UPGRADE } from '../../tests/helpers/incident-files.ts';
import { eventAt, isActive } from './events.ts';

const at = Date.parse;
const outage = SAMPLE_OUTAGE;
const upgrade = SAMPLE_UPGRADE;

describe('eventAt: the incident as readers saw it at a moment', () => {
  test('before its first update it does not exist yet', () => {
    expect(eventAt(outage, at('2022-12-28T12:20:00Z'))).toBeUndefined();
  });

  test('mid-outage it shows only the updates published so far, and is ongoing', () => {
    const event = eventAt(outage, at('2022-12-28T13:30:00Z'));
    expect(event?.updates.map((update) => update.status)).toEqual(['investigating', 'identified']);
    expect(event).toMatchObject({
      kind: 'incident',
      status: 'identified',
      resolvedAt: null,
      startsAt: at('2022-12-28T12:13:00Z'),
    });
    expect(isActive(event!)).toBe(true);
  });

  test('after the resolved update it is resolved at that update’s time', () => {
    const event = eventAt(outage, at('2022-12-29T00:00:00Z'))!;
    expect(event).toMatchObject({ status: 'resolved', resolvedAt: at('2022-12-28T14:16:00Z') });
    expect(isActive(event)).toBe(false);
    expect(event.segments).toEqual([
      { id: 'web', status: 'major_outage', start: at('2022-12-28T12:13:00Z'), end: at('2022-12-28T14:16:00Z') },
    ]);
  });

  test('without `started`, impact begins at the first update', () => {
    const late = incident('late', {
      components: { web: 'partial_outage' },
      updates: [['2022-12-28T12:31:00Z', 'investigating']],
    });
    expect(eventAt(late, at('2022-12-28T13:00:00Z'))?.startsAt).toBe(at('2022-12-28T12:31:00Z'));
  });

  test('an ongoing incident’s impact is still open', () => {
    const event = eventAt(outage, at('2022-12-28T13:30:00Z'))!;
    expect(event.segments).toEqual([
      { id: 'web', status: 'major_outage', start: at('2022-12-28T12:13:00Z'), end: null },
    ]);
    expect(event.components).toEqual([
      { id: 'web', status: 'major_outage', path: ['major_outage'], duration: 77 * 60_000 },
    ]);
  });

  test('an end without an update (`ended:`, from an import) resolves it then: not before, and with no update added', () => {
    const quiet = incident('quiet', {
      components: { web: 'partial_outage' },
      updates: [['2022-12-28T12:31:00Z', 'investigating']],
    });
    quiet.data = { ...quiet.data, ended: '2022-12-29T13:00:00.000Z' } as typeof quiet.data;
    const before = eventAt(quiet, at('2022-12-29T12:00:00Z'))!;
    expect(before).toMatchObject({ status: 'investigating', resolvedAt: null });
    const after = eventAt(quiet, at('2023-01-01T00:00:00Z'))!;
    expect(after).toMatchObject({ status: 'resolved', resolvedAt: at('2022-12-29T13:00:00Z'), impact: 'major' });
    expect(after.updates.map((update) => update.status)).toEqual(['investigating']);
    expect(after.segments).toEqual([
      { id: 'web', status: 'partial_outage', start: at('2022-12-28T12:31:00Z'), end: at('2022-12-29T13:00:00Z') },
    ]);
    expect(isActive(after)).toBe(false);
  });

  test('update ids are stable: each update’s own time, so a replay and the live page name it alike', () => {
    const ids = ['update-20221228T123100Z', 'update-20221228T125800Z', 'update-20221228T141600Z'];
    expect(eventAt(outage, at('2023-01-01T00:00:00Z'))?.updates.map((update) => update.id)).toEqual(ids);
    expect(eventAt(outage, at('2022-12-28T13:00:00Z'))?.updates.map((update) => update.id)).toEqual(ids.slice(0, 2));
  });
});

describe('maintenance phases', () => {
  test.each([
    { now: '2022-12-28T13:30:00Z', phase: 'upcoming', active: false },
    { now: '2022-12-30T03:00:00Z', phase: 'active', active: true },
    { now: '2022-12-30T03:55:00Z', phase: 'over', active: false },
  ])('at $now it is $phase', ({ now, phase, active }) => {
    const event = eventAt(upgrade, at(now))!;
    expect(event).toMatchObject({ kind: 'maintenance', phase });
    expect(isActive(event)).toBe(active);
  });

  test('an upcoming maintenance names its components but has not affected them yet', () => {
    expect(eventAt(upgrade, at('2022-12-28T13:30:00Z'))!.components).toEqual([
      { id: 'dm', status: 'operational', path: ['under_maintenance'], duration: 0 },
    ]);
  });

  test('a maintenance completed early ends at its completed update, its components back to operational', () => {
    const event = eventAt(upgrade, at('2022-12-31T00:00:00Z'))!;
    expect(event.segments).toEqual([
      { id: 'dm', status: 'under_maintenance', start: at('2022-12-30T02:00:00Z'), end: at('2022-12-30T03:50:00Z') },
    ]);
    expect(event.components).toEqual([
      { id: 'dm', status: 'operational', path: ['under_maintenance'], duration: 110 * 60_000 },
    ]);
  });
});

describe('the postmortem (the body) is published at a time', () => {
  const withBody = (postmortemAt?: string) => {
    const file = incident('pm', {
      components: { web: 'major_outage' },
      updates: [
        ['2022-12-28T12:00:00Z', 'investigating'],
        ['2022-12-28T14:00:00Z', 'resolved'],
      ],
    });
    file.body = 'What happened.';
    if (postmortemAt && file.data.kind === 'incident') file.data.postmortem_at = new Date(postmortemAt).toISOString();
    return file;
  };

  test.each([
    { when: 'before the resolution, by default', postmortemAt: undefined, now: '2022-12-28T13:00:00Z', shown: false },
    {
      when: 'with the resolving update, by default',
      postmortemAt: undefined,
      now: '2022-12-28T14:00:00Z',
      shown: true,
    },
    {
      when: 'after the resolution but before postmortem_at',
      postmortemAt: '2022-12-29T10:00:00Z',
      now: '2022-12-28T20:00:00Z',
      shown: false,
    },
    { when: 'from postmortem_at on', postmortemAt: '2022-12-29T10:00:00Z', now: '2022-12-29T10:00:00Z', shown: true },
    {
      when: 'while still open, when postmortem_at says so',
      postmortemAt: '2022-12-28T12:30:00Z',
      now: '2022-12-28T13:00:00Z',
      shown: true,
    },
  ])('$when: shown $shown', ({ postmortemAt, now, shown }) => {
    const event = eventAt(withBody(postmortemAt), at(now))!;
    expect(event.bodyHtml.includes('What happened.')).toBe(shown);
    expect(event.kind === 'incident' && event.postmortemAt !== null).toBe(shown);
  });

  test('an incident that is reopened later keeps it hidden while open, as the file’s last update decides the default', () => {
    const file = withBody();
    if (file.data.kind === 'incident')
      file.data.updates.push({
        at: '2022-12-28T15:00:00.000Z',
        status: 'investigating',
        reopened: true,
        message: 'Again.',
      });
    expect(eventAt(file, at('2022-12-28T14:30:00Z'))!.bodyHtml).toBe('');
  });
});

describe('resolution returns every component to operational, and the event shows its worst level', () => {
  test('a resolved incident that recovered step by step is shown at its peak impact, components operational', () => {
    const file = incident('steps', {
      impact: 'critical',
      components: { web: 'major_outage' },
      updates: [
        ['2022-12-28T12:00:00Z', 'investigating'],
        ['2022-12-28T13:00:00Z', 'monitoring'],
        ['2022-12-28T14:00:00Z', 'resolved'],
      ],
    });
    if (file.data.kind === 'incident')
      Object.assign(file.data.updates[1]!, { impact: 'minor', components: { web: 'degraded_performance' } });
    expect(eventAt(file, at('2022-12-28T13:30:00Z'))).toMatchObject({
      impact: 'minor',
      components: [{ id: 'web', status: 'degraded_performance' }],
    });
    expect(eventAt(file, at('2022-12-29T00:00:00Z'))).toMatchObject({
      impact: 'critical',
      components: [
        { id: 'web', status: 'operational', path: ['major_outage', 'degraded_performance'], duration: 2 * 3_600_000 },
      ],
    });
  });
});

test('a maintenance listing a component twice ([dm, dm]) names it once, in its components and its timeline', () => {
  const twice = maintenance('twice', {
    components: ['dm', 'web', 'dm'],
    window: ['2022-12-30T02:00:00Z', '2022-12-30T04:00:00Z'],
    updates: [['2022-12-23T10:00:00Z', 'scheduled']],
  });
  const event = eventAt(twice, Date.parse('2022-12-30T03:00:00Z'))!;
  expect(event.components.map((affected) => affected.id)).toEqual(['dm', 'web']);
  expect(event.updates[0]!.changes.map((change) => change.id)).toEqual(['dm', 'web']);
  expect(event.segments.map((segment) => segment.id)).toEqual(['dm', 'web']);
});
