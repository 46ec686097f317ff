/*
 * A length of time as staff write it: "1 h", "30 min", "1 h 20 min", "90m",
 * "2 hours". One reader for the config's `freshness`, `watch --max-age` and
 * the CLI's "15 min ago".
 */

const UNIT_MS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const AMOUNT = /(\d+)\s*(s|sec|secs|seconds?|m|min|mins|minutes?|h|hr|hrs|hours?|d|days?)\b/gy;

/** What `parseDuration` reads, for error messages. */
export const DURATION_FORMS = '"1 h", "30 min", "1 h 30 min" or "90m"';

/** The duration in ms, or undefined when the text is not that form. */
export function parseDuration(text: string): number | undefined {
  const amounts = text.toLowerCase().replace(/\s+/g, ' ').trim();
  if (amounts === '') return undefined;
  let total = 0;
  AMOUNT.lastIndex = 0;
  while (AMOUNT.lastIndex < amounts.length) {
    const part = AMOUNT.exec(amounts);
    if (!part) return undefined;
    total += Number(part[1]) * UNIT_MS[part[2]![0]!]!;
    if (amounts[AMOUNT.lastIndex] === ' ') AMOUNT.lastIndex++;
  }
  return total;
}

/**
 * "1 h 30 min", "15 min", "3 d 18 h": a duration the way `parseDuration` reads
 * it back (for staff: English). Days from two on: a build years old is
 * "1440 d 4 h 10 min" old, not "34564 h 10 min"; up to then hours read best ("30 h").
 */
export function durationText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const days = minutes >= 2 * 1440 ? Math.floor(minutes / 1440) : 0;
  const [hours, rest] = [Math.floor((minutes - days * 1440) / 60), minutes % 60];
  const parts = [days && `${days} d`, hours && `${hours} h`, rest && `${rest} min`].filter(Boolean);
  return parts.length > 0 ? parts.join(' ') : '0 min';
}
