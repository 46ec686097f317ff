import { TZDate } from '@date-fns/tz';
import { addDays, startOfDay } from 'date-fns';

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

const pad = (n: number): string => String(n).padStart(2, '0');

/** `2022-12-28`: the calendar date of `millis` in `timeZone`. */
export function dayKey(millis: number, timeZone: string): string {
  const date = new TZDate(millis, timeZone);
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

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
