import { describe, expect, test } from 'vitest';
import { dayIndex, dayKey, startOfZonedDay, startOfZonedMonth, wallClock, zonedDays } from './days.ts';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
/** The day of `date` (noon UTC is inside it in every zone tested here) in `zone`, as zonedDays gives it. */
const dayOf = (date: string, zone: string) => zonedDays(at(`${date}T12:00:00Z`), 1, zone)[0]!;

describe('days in the site zone', () => {
  test.each([
    {
      zone: 'America/New_York',
      date: '2024-03-10',
      hours: 23,
      start: '2024-03-10T05:00:00Z',
      end: '2024-03-11T04:00:00Z',
    },
    {
      zone: 'America/New_York',
      date: '2024-11-03',
      hours: 25,
      start: '2024-11-03T04:00:00Z',
      end: '2024-11-04T05:00:00Z',
    },
    {
      zone: 'Europe/Berlin',
      date: '2024-03-31',
      hours: 23,
      start: '2024-03-30T23:00:00Z',
      end: '2024-03-31T22:00:00Z',
    },
    {
      zone: 'Europe/Berlin',
      date: '2024-10-27',
      hours: 25,
      start: '2024-10-26T22:00:00Z',
      end: '2024-10-27T23:00:00Z',
    },
    {
      zone: 'Europe/Berlin',
      date: '2024-07-01',
      hours: 24,
      start: '2024-06-30T22:00:00Z',
      end: '2024-07-01T22:00:00Z',
    },
    { zone: 'UTC', date: '2024-03-10', hours: 24, start: '2024-03-10T00:00:00Z', end: '2024-03-11T00:00:00Z' },
    // Midnight does not exist: 24:00 -04 is 01:00 -03, so the day starts at 01:00 and the next at its own midnight.
    {
      zone: 'America/Santiago',
      date: '2023-09-03',
      hours: 23,
      start: '2023-09-03T04:00:00Z',
      end: '2023-09-04T03:00:00Z',
    },
    {
      zone: 'America/Santiago',
      date: '2023-04-01',
      hours: 25,
      start: '2023-04-01T03:00:00Z',
      end: '2023-04-02T04:00:00Z',
    },
    {
      zone: 'America/Havana',
      date: '2023-03-12',
      hours: 23,
      start: '2023-03-12T05:00:00Z',
      end: '2023-03-13T04:00:00Z',
    },
    // Midnight comes twice (01:00 +03 goes back to 00:00 +02): the day starts at the first.
    { zone: 'Asia/Amman', date: '2010-10-29', hours: 25, start: '2010-10-28T21:00:00Z', end: '2010-10-29T22:00:00Z' },
    // Half-hour DST: 02:00 becomes 02:30, and 02:00 comes back at 01:30.
    {
      zone: 'Australia/Lord_Howe',
      date: '2023-10-01',
      hours: 23.5,
      start: '2023-09-30T13:30:00Z',
      end: '2023-10-01T13:00:00Z',
    },
    {
      zone: 'Australia/Lord_Howe',
      date: '2023-04-02',
      hours: 24.5,
      start: '2023-04-01T13:00:00Z',
      end: '2023-04-02T13:30:00Z',
    },
  ])('$date in $zone lasts $hours h', ({ zone, date, hours, start, end }) => {
    const day = dayOf(date, zone);
    expect(day).toEqual({ day: date, start: at(start), end: at(end) });
    expect(day.end - day.start).toBe(hours * HOUR);
  });

  test('consecutive days across a DST change meet exactly, oldest first, ending today', () => {
    const days = zonedDays(at('2024-03-12T15:00:00Z'), 5, 'America/New_York');
    expect(days.map((day) => day.day)).toEqual(['2024-03-08', '2024-03-09', '2024-03-10', '2024-03-11', '2024-03-12']);
    days.slice(1).forEach((day, i) => expect(day.start).toBe(days[i]!.end));
    expect(days.map((day) => (day.end - day.start) / HOUR)).toEqual([24, 24, 23, 24, 24]);
  });

  test('a time belongs to the day of its own zone', () => {
    // 04:30 UTC on the 28th is still the evening of the 27th in New York.
    expect(dayKey(at('2022-12-28T04:30:00Z'), 'America/New_York')).toBe('2022-12-27');
    expect(dayKey(at('2022-12-28T04:30:00Z'), 'UTC')).toBe('2022-12-28');
    expect(startOfZonedDay(at('2022-12-28T04:30:00Z'), 'America/New_York')).toBe(at('2022-12-27T05:00:00Z'));
    expect(startOfZonedMonth(at('2023-01-01T03:00:00Z'), 'America/New_York')).toBe(at('2022-12-01T05:00:00Z'));
  });

  test('dayIndex finds the day holding a time, or -1 outside', () => {
    const days = zonedDays(at('2024-03-12T15:00:00Z'), 5, 'America/New_York');
    expect(dayIndex(days, at('2024-03-10T04:59:59Z'))).toBe(1);
    expect(dayIndex(days, at('2024-03-10T05:00:00Z'))).toBe(2);
    expect(dayIndex(days, at('2024-03-11T03:59:59Z'))).toBe(2);
    expect(dayIndex(days, at('2024-03-01T00:00:00Z'))).toBe(-1);
    expect(dayIndex(days, at('2024-03-14T00:00:00Z'))).toBe(-1);
  });
});

test('each instant is read once per zone, and the shared reading cannot be changed by a caller', () => {
  const at = Date.parse('2022-03-13T07:30:00Z');
  const first = wallClock(at, 'America/New_York');
  expect(first).toEqual({ day: '2022-03-13', hour: 3, minute: 30, offset: 'GMT-04:00' });
  expect(wallClock(at, 'America/New_York')).toBe(first);
  expect(Object.isFrozen(first)).toBe(true);
  expect(wallClock(at, 'UTC')).toMatchObject({ day: '2022-03-13', hour: 7, minute: 30 });
});

test('an outage at 00:20 on a day after a midnight that did not exist is filed under that day, not the one before', () => {
  // America/Santiago, 4 September 2023, 00:20 -03 (the example of issue 21).
  const days = zonedDays(at('2023-09-05T12:00:00Z'), 4, 'America/Santiago');
  expect(days[dayIndex(days, at('2023-09-04T03:20:00Z'))]?.day).toBe('2023-09-04');
  expect(days[dayIndex(days, at('2023-09-04T02:59:59Z'))]?.day).toBe('2023-09-03');
});

test('a date a zone skipped is no day: Samoa went from 29 to 31 December 2011', () => {
  const days = zonedDays(at('2011-12-30T12:00:00Z'), 3, 'Pacific/Apia');
  expect(days.map((day) => day.day)).toEqual(['2011-12-29', '2011-12-31']);
  expect(days[0]!.end).toBe(days[1]!.start);
});

describe('every transition at midnight in the tzdata this runtime holds (2010–2026, every zone Intl lists)', () => {
  const offsetReaders = new Map<string, Intl.DateTimeFormat>();
  const offset = (millis: number, zone: string): string => {
    let reader = offsetReaders.get(zone);
    if (!reader)
      offsetReaders.set(
        zone,
        (reader = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })),
      );
    return reader.formatToParts(millis).find((part) => part.type === 'timeZoneName')!.value;
  };
  /** Instants where the zone's offset changes, to the minute, found week by week and then halved. */
  function transitions(zone: string): number[] {
    const WEEK = 7 * 24 * HOUR;
    const found: number[] = [];
    for (let from = at('2010-01-01T00:00:00Z'); from < at('2027-01-01T00:00:00Z'); from += WEEK) {
      if (offset(from, zone) === offset(from + WEEK, zone)) continue;
      let [low, high] = [from, from + WEEK];
      while (high - low > 60_000) {
        const mid = low + Math.floor((high - low) / 120_000) * 60_000;
        if (offset(mid, zone) === offset(low, zone)) low = mid;
        else high = mid;
      }
      found.push(high);
    }
    return found;
  }
  const clock = (millis: number, zone: string) =>
    new Intl.DateTimeFormat('en-CA', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    }).format(millis);
  // A transition touches midnight when the old clock reaches 24:00 or the new one starts at 00:00.
  const atMidnight = Intl.supportedValuesOf('timeZone').flatMap((zone) =>
    transitions(zone)
      .filter((instant) => clock(instant - 60_000, zone).endsWith('23:59') || clock(instant, zone).endsWith('00:00'))
      .map((instant) => ({ zone, instant })),
  );

  test('the list holds the zones where midnight is skipped or repeated every year (so the checks below can fail)', () => {
    const zones = new Set(atMidnight.map((transition) => transition.zone));
    for (const zone of ['America/Santiago', 'America/Asuncion', 'America/Havana', 'Asia/Beirut', 'Africa/Cairo'])
      expect(zones).toContain(zone);
  });

  test('around each, days follow each other without gap or overlap, each from its own first instant, and every time falls in its own day', () => {
    const wrong: string[] = [];
    for (const { zone, instant } of atMidnight) {
      const days = zonedDays(instant + 2 * 24 * HOUR, 5, zone);
      days.forEach((day, i) => {
        if (wallClock(day.start, zone).day !== day.day || wallClock(day.start - 1, zone).day >= day.day)
          wrong.push(`${zone} ${day.day} starts at ${new Date(day.start).toISOString()}`);
        if (i > 0 && days[i - 1]!.end !== day.start)
          wrong.push(`${zone} ${day.day} does not start where ${days[i - 1]!.day} ends`);
      });
      for (const moment of [instant - HOUR, instant - 1, instant, instant + HOUR]) {
        if (days[dayIndex(days, moment)]?.day !== wallClock(moment, zone).day)
          wrong.push(`${zone} ${new Date(moment).toISOString()} filed under the wrong day`);
      }
    }
    expect(atMidnight.length).toBeGreaterThan(50);
    expect(wrong).toEqual([]);
  });
});
