import { TZDate } from '@date-fns/tz';
// Per-function paths: the date-fns barrel would make Node load hundreds of modules per build.
import { addDays } from 'date-fns/addDays';
import { startOfDay } from 'date-fns/startOfDay';

/*
 * Days as the site's readers live them: from midnight to midnight in the
 * site's time zone. Across a DST change a day is 23 or 25 hours long, so a
 * day is a pair of instants, never a fixed number of milliseconds.
 */

/** One calendar day in the site zone: [start, end). */
export interface ZonedDay {
  /** `2022-12-28`, the date in the site zone. */
  day: string;
  start: number;
  end: number;
}

/** What a wall clock in a zone shows at an instant. */
export interface WallClock {
  /** `2022-12-28` */
  day: string;
  hour: number;
  minute: number;
  /** `GMT-05:00`: tells EST from EDT. */
  offset: string;
}

// One Intl formatter per zone, made once: reading the wall clock is the
// build's hottest date operation (every time on every page).
const clocks = new Map<string, Intl.DateTimeFormat>();
const clockOf = (timeZone: string): Intl.DateTimeFormat => {
  let clock = clocks.get(timeZone);
  if (!clock) {
    const options = { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZoneName: 'longOffset' } as const;
    clocks.set(timeZone, (clock = new Intl.DateTimeFormat('en-US', options)));
  }
  return clock;
};

// And each instant is read once per zone: an update's time is shown on its
// incident page, the history, the component pages and the feeds, and
// formatToParts is the costly part. Frozen, since every caller shares it;
// bounded for a long-running `astro dev`.
const readings = new Map<string, Map<number, WallClock>>();
const READINGS_MAX = 200_000;

/** The wall clock in `timeZone` at `millis`. */
export function wallClock(millis: number, timeZone: string): WallClock {
  let zone = readings.get(timeZone);
  if (!zone) readings.set(timeZone, (zone = new Map()));
  let clock = zone.get(millis);
  if (clock) return clock;
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of clockOf(timeZone).formatToParts(millis)) parts[part.type] = part.value;
  clock = Object.freeze({ day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour), minute: Number(parts.minute), offset: parts.timeZoneName ?? '' });
  if (zone.size >= READINGS_MAX) zone.clear();
  zone.set(millis, clock);
  return clock;
}

/** `2022-12-28`: the calendar date of `millis` in `timeZone`. */
export const dayKey = (millis: number, timeZone: string): string => wallClock(millis, timeZone).day;

/** `2022-12`: the calendar month of `millis` in `timeZone`. */
export const monthKey = (millis: number, timeZone: string): string => dayKey(millis, timeZone).slice(0, 7);

/** Midnight in `timeZone` of the day containing `millis`. */
export const startOfZonedDay = (millis: number, timeZone: string): number => startOfDay(new TZDate(millis, timeZone)).getTime();

/** The first instant of the month containing `millis`, in `timeZone`. */
export function startOfZonedMonth(millis: number, timeZone: string): number {
  const date = new TZDate(millis, timeZone);
  return new TZDate(date.getFullYear(), date.getMonth(), 1, timeZone).getTime();
}

/** The last `count` days in `timeZone` up to and including the one holding `now`, oldest first. */
export function zonedDays(now: number, count: number, timeZone: string): ZonedDay[] {
  const today = startOfDay(new TZDate(now, timeZone));
  return Array.from({ length: count }, (_, i) => {
    const start = addDays(today, i - count + 1);
    return { day: dayKey(start.getTime(), timeZone), start: start.getTime(), end: addDays(start, 1).getTime() };
  });
}

/** Index of the day holding `millis` in days sorted oldest first, or -1 outside them. */
export function dayIndex(days: readonly ZonedDay[], millis: number): number {
  let low = 0;
  let high = days.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const day = days[mid]!;
    if (millis < day.start) high = mid - 1;
    else if (millis >= day.end) low = mid + 1;
    else return mid;
  }
  return -1;
}
