import { describe, expect, test } from 'vitest';
import { DAY_MS, formatUptime, uptimeByDay, uptimePercent, weightedDowntime, type ImpactSpan } from './uptime.ts';

const at = (iso: string) => Date.parse(iso);
const span = (start: string, end: string, status: ImpactSpan['status'] = 'major_outage', slug = 'a'): ImpactSpan => ({ start: at(start), end: at(end), status, slug });
const HOUR = 3_600_000;

describe('weightedDowntime', () => {
  const day = [at('2022-12-28T00:00:00Z'), at('2022-12-29T00:00:00Z')] as const;

  test.each([
    { name: 'one major outage counts fully', spans: [span('2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z')], hours: 2 },
    { name: 'a partial outage counts 30%', spans: [span('2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z', 'partial_outage')], hours: 0.6 },
    { name: 'degraded performance counts as up', spans: [span('2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z', 'degraded_performance')], hours: 0 },
    { name: 'maintenance counts as up', spans: [span('2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z', 'under_maintenance')], hours: 0 },
    {
      name: 'overlapping incidents are counted once',
      spans: [span('2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z', 'major_outage', 'a'), span('2022-12-28T13:00:00Z', '2022-12-28T15:00:00Z', 'major_outage', 'b')],
      hours: 3,
    },
    {
      name: 'where a partial and a major outage overlap, the major one wins',
      spans: [span('2022-12-28T12:00:00Z', '2022-12-28T16:00:00Z', 'partial_outage'), span('2022-12-28T13:00:00Z', '2022-12-28T14:00:00Z')],
      hours: 1 + 3 * 0.3,
    },
    { name: 'a span is clipped to the window', spans: [span('2022-12-27T22:00:00Z', '2022-12-28T02:00:00Z')], hours: 2 },
  ])('$name', ({ spans, hours }) => {
    expect(weightedDowntime(spans, ...day)).toBeCloseTo(hours * HOUR, 3);
  });
});

describe('uptimeByDay', () => {
  const now = at('2022-12-28T13:30:00Z');

  test('returns the requested days, oldest first, ending today', () => {
    const days = uptimeByDay([], 90, now);
    expect(days).toHaveLength(90);
    expect(days[0]?.day).toBe('2022-09-30');
    expect(days.at(-1)?.day).toBe('2022-12-28');
    expect(days.every((day) => day.status === 'operational' && day.downtime === 0)).toBe(true);
  });

  test('today counts only up to now', () => {
    const today = uptimeByDay([], 1, now)[0]!;
    expect(today.length).toBe(13.5 * HOUR);
  });

  test('an incident spanning midnight marks both days and splits its downtime', () => {
    const days = uptimeByDay([span('2022-12-21T22:30:00Z', '2022-12-22T01:30:00Z', 'partial_outage', 'ios')], 90, now);
    const first = days.find((day) => day.day === '2022-12-21')!;
    const second = days.find((day) => day.day === '2022-12-22')!;
    expect([first.status, second.status]).toEqual(['partial_outage', 'partial_outage']);
    expect(first.slugs).toEqual(['ios']);
    expect(first.downtime).toBeCloseTo(1.5 * HOUR * 0.3);
    expect(second.downtime).toBeCloseTo(1.5 * HOUR * 0.3);
  });

  test('an incident spanning several days marks every day in between as fully down', () => {
    const days = uptimeByDay([span('2022-12-20T12:00:00Z', '2022-12-23T12:00:00Z')], 90, now);
    const marked = days.filter((day) => day.status === 'major_outage').map((day) => day.day);
    expect(marked).toEqual(['2022-12-20', '2022-12-21', '2022-12-22', '2022-12-23']);
    expect(days.find((day) => day.day === '2022-12-21')!.downtime).toBe(DAY_MS);
  });

  test('an ongoing incident (ending now) counts until now, not the end of the day', () => {
    const days = uptimeByDay([span('2022-12-28T12:13:00Z', '2022-12-28T13:30:00Z')], 90, now);
    expect(days.at(-1)!.downtime).toBe(77 * 60_000);
  });

  test('the worst status of the day colours it', () => {
    const days = uptimeByDay(
      [span('2022-12-27T01:00:00Z', '2022-12-27T02:00:00Z', 'degraded_performance', 'x'), span('2022-12-27T05:00:00Z', '2022-12-27T06:00:00Z', 'partial_outage', 'y')],
      2,
      now,
    );
    expect(days[0]).toMatchObject({ day: '2022-12-27', status: 'partial_outage', slugs: ['x', 'y'] });
  });

  test('an incident ending exactly at midnight does not mark the next day', () => {
    const days = uptimeByDay([span('2022-12-26T22:00:00Z', '2022-12-27T00:00:00Z')], 3, now);
    expect(days.map((day) => day.status)).toEqual(['major_outage', 'operational', 'operational']);
  });

  test('spans outside the window are ignored', () => {
    const days = uptimeByDay([span('2022-01-01T00:00:00Z', '2022-01-02T00:00:00Z'), span('2023-01-01T00:00:00Z', '2023-01-02T00:00:00Z')], 90, now);
    expect(days.every((day) => day.status === 'operational')).toBe(true);
  });
});

describe('uptimePercent and formatUptime', () => {
  const now = at('2022-12-28T00:00:00Z');

  test('a 90-day window with 2 h 24 min of major outage is 99.88%', () => {
    // 90 days minus the part of today not yet lived: 89 whole days + 0 h.
    const days = uptimeByDay([span('2022-12-01T00:00:00Z', '2022-12-01T02:24:00Z')], 90, now);
    const length = 89 * DAY_MS;
    expect(uptimePercent(days)).toBeCloseTo(100 * (1 - (2.4 * HOUR) / length), 9);
    expect(formatUptime(uptimePercent(days))).toBe('99.88%');
  });

  test('any downtime at all never shows as 100.00%', () => {
    expect(formatUptime(99.9999)).toBe('99.99%');
    expect(formatUptime(100)).toBe('100.00%');
  });

  test('no time at all counts as fully up', () => {
    expect(uptimePercent([])).toBe(100);
  });
});
