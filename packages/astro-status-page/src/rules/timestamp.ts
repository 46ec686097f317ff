import { z } from 'astro/zod';
import { LIMITS } from './limits.ts';
import { quote } from './text.ts';

// Date, time and an explicit zone ("Z" or "+01:00"): a time without a zone
// means something different to every reader, so it is refused.
const ISO_WITH_ZONE = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-](\d{2}):?(\d{2}))$/i;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/**
 * Why the fields of a written time do not name a real moment (30 February,
 * 24:00, second 60, offset +25:00), or undefined. `Date.parse` would quietly
 * roll them over into another day.
 */
function impossibleField(match: RegExpExecArray): string | undefined {
  const [year, month, day, hour, minute, second = 0, , , offsetHours = 0, offsetMinutes = 0] = [
    1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
  ].map((i) => Number(match[i] ?? 0));
  if (year! < LIMITS.firstYear) return `the year ${year} is before ${LIMITS.firstYear}`;
  if (month! < 1 || month! > 12) return `there is no month ${month}`;
  if (day! < 1 || day! > daysIn(year!, month!)) return `${match[1]}-${match[2]} has no day ${day}`;
  if (hour! > 23) return `the hour ${hour} does not exist (use 00 to 23; midnight ending a day is 00:00 of the next)`;
  if (minute! > 59) return `the minute ${minute} does not exist`;
  if (second > 59) return `the second ${second} does not exist`;
  if (offsetHours > 23 || offsetMinutes > 59) return `the zone offset ${match[8]} does not exist`;
  return undefined;
}

/**
 * A moment in time written as ISO 8601 with a zone, e.g. `2022-12-28T12:13:00Z`
 * or `2022-12-28T07:13:00-05:00`. Parsed to a UTC ISO string.
 */
export const timestampSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'is required: a time such as 2022-12-28T12:13:00Z'
        : 'must be a time written as text, such as 2022-12-28T12:13:00Z',
  })
  .transform((value, ctx) => {
    const text = value.trim();
    const match = ISO_WITH_ZONE.exec(text);
    if (!match) {
      const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
      ctx.addIssue({
        code: 'custom',
        message: hasZone
          ? `${quote(text)} is not an ISO 8601 time; write it like 2022-12-28T12:13:00Z`
          : `${quote(text)} has no time zone; add "Z" for UTC or an offset such as -05:00, e.g. 2022-12-28T12:13:00Z`,
      });
      return z.NEVER;
    }
    const impossible = impossibleField(match);
    if (impossible) {
      ctx.addIssue({
        code: 'custom',
        message: `${quote(text)} is not a real date and time: ${impossible}; write it like 2022-12-28T12:13:00Z`,
      });
      return z.NEVER;
    }
    return new Date(Date.parse(text.replace(' ', 'T'))).toISOString();
  });

/** The latest year a timestamp may have: ISO 8601's four digits, so every moment can be written back. */
const LAST_YEAR = 9999;

/**
 * Why a computed moment (e.g. "9999999999 d ago" from a flag) cannot be
 * written as a timestamp, or undefined: the same years `timestampSchema`
 * reads, so what is computed can be written and read back.
 */
export function momentProblem(ms: number): string | undefined {
  const year = Number.isFinite(ms) ? new Date(ms).getUTCFullYear() : Number.NaN;
  if (Number.isNaN(year) || year < LIMITS.firstYear || year > LAST_YEAR)
    return `falls outside the years ${LIMITS.firstYear} to ${LAST_YEAR}`;
  return undefined;
}

/**
 * `2022-12-28T12:13Z` (seconds only when there are some): an instant, short
 * and in UTC, where a person or a tool reads it: a time's `<time datetime>`
 * (a page holds a hundred), the watchdog's lines.
 */
export const isoMinutes = (millis: number): string => new Date(millis).toISOString().replace(/(:00)?\.000Z$/, 'Z');
