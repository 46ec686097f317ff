/*
 * Days as the site's readers live them: from midnight to midnight in the
 * site's time zone (or from the first instant after a midnight that does
 * not exist). Across a DST change a day is 23 to 25 hours long, so a day is a
 * pair of instants, never a fixed number of milliseconds.
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
    const options = {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    } as const;
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
  clock = Object.freeze({
    day: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    offset: parts.timeZoneName ?? '',
  });
  if (zone.size >= READINGS_MAX) zone.clear();
  zone.set(millis, clock);
  return clock;
}

/** `2022-12-28`: the calendar date of `millis` in `timeZone`. */
export const dayKey = (millis: number, timeZone: string): string => wallClock(millis, timeZone).day;

/** `2022-12`: the calendar month of `millis` in `timeZone`. */
export const monthKey = (millis: number, timeZone: string): string => dayKey(millis, timeZone).slice(0, 7);

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The first instant of a calendar date (`2023-09-03`) in `timeZone`: its
 * midnight; where midnight does not exist (Santiago on 3 September 2023 jumps
 * from 24:00 to 01:00), the first instant after it; where it comes twice
 * (Amman goes back from 01:00 to 00:00), the first of the two. Found by
 * halving, to the minute (every offset change in tzdata falls on one), the
 * span in which any zone's midnight lies: the date on the wall only moves
 * forward. A date the zone skipped (Apia, 30 December 2011) starts where the
 * next one does.
 */
export function startOfDate(day: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${day}T00:00:00Z`);
  let low = utcMidnight - 15 * HOUR;
  let high = utcMidnight + 15 * HOUR;
  while (high - low > MINUTE) {
    const mid = low + Math.floor((high - low) / (2 * MINUTE)) * MINUTE;
    if (dayKey(mid, timeZone) >= day) high = mid;
    else low = mid;
  }
  return high;
}

/** `2022-12-28` plus `count` calendar days. */
const addToDate = (day: string, count: number): string =>
  new Date(Date.parse(`${day}T00:00:00Z`) + count * 24 * HOUR).toISOString().slice(0, 10);

/** The first instant of the day containing `millis`, in `timeZone`. */
export const startOfZonedDay = (millis: number, timeZone: string): number =>
  startOfDate(dayKey(millis, timeZone), timeZone);

/** The first instant of the month containing `millis`, in `timeZone`. */
export const startOfZonedMonth = (millis: number, timeZone: string): number =>
  startOfDate(`${monthKey(millis, timeZone)}-01`, timeZone);

/**
 * The last `count` days in `timeZone` up to and including the one holding
 * `now`, oldest first. Each runs from its own first instant to the next day's,
 * 23, 23.5, 24, 24.5 or 25 hours (more or less where a zone changed its
 * offset for good): never "start plus one day", which across a midnight that
 * does not exist starts the next day an hour late.
 */
export function zonedDays(now: number, count: number, timeZone: string): ZonedDay[] {
  const today = dayKey(now, timeZone);
  const dates = Array.from({ length: count + 1 }, (_, i) => addToDate(today, i - count + 1));
  const starts = dates.map((day) => startOfDate(day, timeZone));
  return dates
    .slice(0, count)
    .map((day, i) => ({ day, start: starts[i]!, end: starts[i + 1]! }))
    .filter((day) => day.start < day.end);
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
