import { parseDuration } from '../rules/duration.ts';
import { momentProblem, timestampSchema } from '../rules/timestamp.ts';

/*
 * "When did it start?" as a person answers it at 3 a.m.: "now", "15 min ago",
 * "1 h 20 min ago", a clock time "07:13" (in the site's time zone, the most
 * recent such moment), or an ISO 8601 time with a zone.
 */

export type ParsedTime = { at: number } | { error: string };

export const TIME_FORMS = 'now, 15 min ago, 07:13 or 2022-12-28T07:13:00Z';

const CLOCK = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "15 min ago", "1 h 20 min ago": the duration in ms, or undefined when it is not that form. */
function agoMs(text: string): number | undefined {
  const match = /^(.+?)\s*ago$/.exec(text);
  return match ? parseDuration(match[1]!) : undefined;
}

/** Minutes the zone is ahead of UTC at `at` (e.g. -300 for New York in winter). */
function zoneOffsetMinutes(at: number, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    })
      .formatToParts(at)
      .map((part) => [part.type, Number(part.value)]),
  );
  const wall = Date.UTC(parts['year']!, parts['month']! - 1, parts['day']!, parts['hour']!, parts['minute']!);
  return Math.round((wall - Math.floor(at / 60_000) * 60_000) / 60_000);
}

/** The latest moment at or before `now` whose wall-clock time in `timeZone` is hours:minutes. */
function latestClockTime(hours: number, minutes: number, now: number, timeZone: string): number {
  for (const daysBack of [0, 1, 2]) {
    const day = new Date(now + zoneOffsetMinutes(now, timeZone) * 60_000 - daysBack * 86_400_000);
    const wall = Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), hours, minutes);
    // Wall time to UTC; the second pass settles a day when the offset changes (daylight saving).
    let at = wall - zoneOffsetMinutes(wall, timeZone) * 60_000;
    at = wall - zoneOffsetMinutes(at, timeZone) * 60_000;
    if (at <= now) return at;
  }
  throw new Error('unreachable: a clock time two days back is always in the past');
}

/** Parse a start time typed by a person, relative to `now` (the first update's time); never after it. */
export function parseStartTime(input: string, now: number, timeZone: string): ParsedTime {
  const text = input.trim().toLowerCase();
  if (text === '' || text === 'now') return { at: now };
  const ago = agoMs(text);
  if (ago !== undefined) {
    const problem = momentProblem(now - ago);
    return problem ? { error: `"${input.trim()}" ${problem}; write ${TIME_FORMS}` } : { at: now - ago };
  }
  const clock = CLOCK.exec(text);
  if (clock) return { at: latestClockTime(Number(clock[1]), Number(clock[2]), now, timeZone) };
  if (!/^\d{4}-\d{2}-\d{2}/.test(text)) return { error: `"${input.trim()}" is not a time; write ${TIME_FORMS}` };
  const parsed = timestampSchema.safeParse(input);
  if (!parsed.success) return { error: parsed.error.issues[0]?.message ?? `"${input.trim()}" is not a time` };
  const at = Date.parse(parsed.data);
  if (at <= now) return { at };
  return {
    error: `${parsed.data} is after ${new Date(now).toISOString()}, the first update; impact starts at or before it`,
  };
}
