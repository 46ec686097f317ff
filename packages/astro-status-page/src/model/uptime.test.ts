import { describe, expect, test } from 'vitest';
import { zonedDays } from './days.ts';
import { formatUptime, uptimeByDay, uptimePercent, weightedDowntime, type ImpactSpan } from './uptime.ts';

const at = (iso: string) => Date.parse(iso);
const span = (start: string, end: string, status: ImpactSpan['status'] = 'major_outage', slug = 'a'): ImpactSpan => ({
  start: at(start),
  end: at(end),
  status,
  slug,
});
const HOUR = 3_600_000;
const DAY_MS = 24 * HOUR;
/** The last `count` days in `zone` up to `now`, as the model computes them. */
const byDay = (spans: ImpactSpan[], count: number, now: number, zone = 'UTC') =>
  uptimeByDay(spans, zonedDays(now, count, zone), now);

describe('weightedDowntime', () => {
  const day = [at('2022-12-28T00:00:00Z'), at('2022-12-29T00:00:00Z')] as const;

  test.each([
    { name: 'one major outage counts fully', spans: [span('2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z')], hours: 2 },
    {
      name: 'a partial outage counts 30%',
      spans: [span('2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z', 'partial_outage')],
      hours: 0.6,
    },
    {
      name: 'degraded performance counts as up',
      spans: [span('2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z', 'degraded_performance')],
      hours: 0,
    },
    {
      name: 'maintenance counts as up',
      spans: [span('2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z', 'under_maintenance')],
      hours: 0,
    },
    {
      name: 'overlapping incidents are counted once',
      spans: [
        span('2022-12-28T12:00:00Z', '2022-12-28T14:00:00Z', 'major_outage', 'a'),
        span('2022-12-28T13:00:00Z', '2022-12-28T15:00:00Z', 'major_outage', 'b'),
      ],
      hours: 3,
    },
    {
      name: 'where a partial and a major outage overlap, the major one wins',
      spans: [
        span('2022-12-28T12:00:00Z', '2022-12-28T16:00:00Z', 'partial_outage'),
        span('2022-12-28T13:00:00Z', '2022-12-28T14:00:00Z'),
      ],
      hours: 1 + 3 * 0.3,
    },
    {
      name: 'a span is clipped to the window',
      spans: [span('2022-12-27T22:00:00Z', '2022-12-28T02:00:00Z')],
      hours: 2,
    },
  ])('$name', ({ spans, hours }) => {
    expect(weightedDowntime(spans, ...day)).toBeCloseTo(hours * HOUR, 3);
  });
});

describe('uptimeByDay', () => {
  const now = at('2022-12-28T13:30:00Z');

  test('returns the requested days, oldest first, ending today', () => {
    const days = byDay([], 90, now);
    expect(days).toHaveLength(90);
    expect(days[0]?.day).toBe('2022-09-30');
    expect(days.at(-1)?.day).toBe('2022-12-28');
    expect(days.every((day) => day.status === 'operational' && day.downtime === 0)).toBe(true);
  });

  test('today counts only up to now', () => {
    const today = byDay([], 1, now)[0]!;
    expect(today.length).toBe(13.5 * HOUR);
  });

  test('an incident spanning midnight marks both days and splits its downtime', () => {
    const days = byDay([span('2022-12-21T22:30:00Z', '2022-12-22T01:30:00Z', 'partial_outage', 'ios')], 90, now);
    const first = days.find((day) => day.day === '2022-12-21')!;
    const second = days.find((day) => day.day === '2022-12-22')!;
    expect([first.status, second.status]).toEqual(['partial_outage', 'partial_outage']);
    expect(first.slugs).toEqual(['ios']);
    expect(first.downtime).toBeCloseTo(1.5 * HOUR * 0.3);
    expect(second.downtime).toBeCloseTo(1.5 * HOUR * 0.3);
  });

  test('an incident spanning several days marks every day in between as fully down', () => {
    const days = byDay([span('2022-12-20T12:00:00Z', '2022-12-23T12:00:00Z')], 90, now);
    const marked = days.filter((day) => day.status === 'major_outage').map((day) => day.day);
    expect(marked).toEqual(['2022-12-20', '2022-12-21', '2022-12-22', '2022-12-23']);
    expect(days.find((day) => day.day === '2022-12-21')!.downtime).toBe(DAY_MS);
  });

  test('an ongoing incident (ending now) counts until now, not the end of the day', () => {
    const days = byDay([span('2022-12-28T12:13:00Z', '2022-12-28T13:30:00Z')], 90, now);
    expect(days.at(-1)!.downtime).toBe(77 * 60_000);
  });

  test('the worst status of the day colours it', () => {
    const days = byDay(
      [
        span('2022-12-27T01:00:00Z', '2022-12-27T02:00:00Z', 'degraded_performance', 'x'),
        span('2022-12-27T05:00:00Z', '2022-12-27T06:00:00Z', 'partial_outage', 'y'),
      ],
      2,
      now,
    );
    expect(days[0]).toMatchObject({ day: '2022-12-27', status: 'partial_outage', slugs: ['x', 'y'] });
  });

  test('an incident ending exactly at midnight does not mark the next day', () => {
    const days = byDay([span('2022-12-26T22:00:00Z', '2022-12-27T00:00:00Z')], 3, now);
    expect(days.map((day) => day.status)).toEqual(['major_outage', 'operational', 'operational']);
  });

  test('spans outside the window are ignored', () => {
    const days = byDay(
      [span('2022-01-01T00:00:00Z', '2022-01-02T00:00:00Z'), span('2023-01-01T00:00:00Z', '2023-01-02T00:00:00Z')],
      90,
      now,
    );
    expect(days.every((day) => day.status === 'operational')).toBe(true);
  });
});

describe('uptimePercent and formatUptime', () => {
  const now = at('2022-12-28T00:00:00Z');

  test('a 90-day window with 2 h 24 min of major outage is 99.88%', () => {
    // 90 days minus the part of today not yet lived: 89 whole days + 0 h.
    const days = byDay([span('2022-12-01T00:00:00Z', '2022-12-01T02:24:00Z')], 90, now);
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

describe('days in the site zone', () => {
  test('an incident across midnight in New York but not in UTC marks both New York days', () => {
    // 23:00 EST on 27 Dec to 01:00 EST on 28 Dec: all of it on 28 Dec in UTC.
    const outage = [span('2022-12-28T04:00:00Z', '2022-12-28T06:00:00Z')];
    const now = at('2022-12-28T20:00:00Z');
    const newYork = byDay(outage, 3, now, 'America/New_York');
    expect(newYork.map((day) => [day.day, day.status, day.downtime / HOUR])).toEqual([
      ['2022-12-26', 'operational', 0],
      ['2022-12-27', 'major_outage', 1],
      ['2022-12-28', 'major_outage', 1],
    ]);
    const utc = byDay(outage, 3, now, 'UTC');
    expect(utc.map((day) => [day.day, day.status, day.downtime / HOUR])).toEqual([
      ['2022-12-26', 'operational', 0],
      ['2022-12-27', 'operational', 0],
      ['2022-12-28', 'major_outage', 2],
    ]);
  });

  test('uptime over a DST week in New York, worked out by hand', () => {
    // 7–13 March 2024 in New York: six days of 24 h and 10 March of 23 h
    // (clocks jump from 02:00 EST to 03:00 EDT) = 167 h.
    // A major outage from 01:30 EST to 03:30 EDT on 10 March reads as two
    // hours on the clock but lasts one (06:30Z–07:30Z): 1 h of downtime.
    // A partial outage of 10 h on 12 March counts 30%: 3 h.
    // Uptime = 100 × (1 − 4 / 167) = 97.6047…%, shown 97.60% (97.61% if every day had 24 h).
    const spans = [
      span('2024-03-10T06:30:00Z', '2024-03-10T07:30:00Z'),
      span('2024-03-12T12:00:00Z', '2024-03-12T22:00:00Z', 'partial_outage'),
    ];
    const week = byDay(spans, 8, at('2024-03-14T12:00:00Z'), 'America/New_York').slice(0, 7);
    expect(week.map((day) => day.day)).toEqual([
      '2024-03-07',
      '2024-03-08',
      '2024-03-09',
      '2024-03-10',
      '2024-03-11',
      '2024-03-12',
      '2024-03-13',
    ]);
    expect(week.map((day) => day.length / HOUR)).toEqual([24, 24, 24, 23, 24, 24, 24]);
    expect(week.map((day) => day.downtime / HOUR)).toEqual([0, 0, 0, 1, 0, 3, 0]);
    expect(uptimePercent(week)).toBeCloseTo(100 * (1 - 4 / 167), 9);
    expect(formatUptime(uptimePercent(week))).toBe('97.60%');
  });

  test('a 25-hour day in Berlin counts 25 hours', () => {
    const [day] = byDay(
      [span('2024-10-27T00:00:00Z', '2024-10-27T02:00:00Z')],
      2,
      at('2024-10-28T12:00:00Z'),
      'Europe/Berlin',
    );
    expect(day).toMatchObject({ day: '2024-10-27', length: 25 * HOUR, downtime: 2 * HOUR });
  });
});
