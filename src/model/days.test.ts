import { describe, expect, test } from 'vitest';
import { dayIndex, dayKey, startOfZonedDay, startOfZonedMonth, wallClock, zonedDays } from './days.ts';

const HOUR = 3_600_000;
const at = (iso: string) => Date.parse(iso);
/** The day of `date` (noon UTC is inside it in every zone tested here) in `zone`, as zonedDays gives it. */
const dayOf = (date: string, zone: string) => zonedDays(at(`${date}T12:00:00Z`), 1, zone)[0]!;

describe('days in the site zone', () => {
  test.each([
    { zone: 'America/New_York', date: '2024-03-10', hours: 23, start: '2024-03-10T05:00:00Z', end: '2024-03-11T04:00:00Z' },
    { zone: 'America/New_York', date: '2024-11-03', hours: 25, start: '2024-11-03T04:00:00Z', end: '2024-11-04T05:00:00Z' },
    { zone: 'Europe/Berlin', date: '2024-03-31', hours: 23, start: '2024-03-30T23:00:00Z', end: '2024-03-31T22:00:00Z' },
    { zone: 'Europe/Berlin', date: '2024-10-27', hours: 25, start: '2024-10-26T22:00:00Z', end: '2024-10-27T23:00:00Z' },
    { zone: 'Europe/Berlin', date: '2024-07-01', hours: 24, start: '2024-06-30T22:00:00Z', end: '2024-07-01T22:00:00Z' },
    { zone: 'UTC', date: '2024-03-10', hours: 24, start: '2024-03-10T00:00:00Z', end: '2024-03-11T00:00:00Z' },
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
