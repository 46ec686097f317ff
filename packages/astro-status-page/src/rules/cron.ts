/*
 * Cron lines as GitHub Actions' `on.schedule` writes them (five fields, UTC),
 * read only as far as the page's promises need: the minutes of a day a
 * schedule runs at, and whether they are evenly spaced. A schedule that
 * skips some days (day of month, month or weekday other than `*`) has no
 * interval a page could promise.
 */

const MINUTES_A_DAY = 1440;

/** The values one field allows (0–59 for minutes, 0–23 for hours), or why it cannot be read. */
function fieldValues(field: string, max: number, what: string): number[] | string {
  const values = new Set<number>();
  for (const part of field.split(',')) {
    const match = /^(\*|(\d+)(?:-(\d+))?)(?:\/(\d+))?$/.exec(part);
    if (!match) return `its ${what} field "${field}" is not a number, a range (a-b), a list (a,b) or a step (*/n)`;
    const [, all, first, last, step] = match;
    const from = all === '*' ? 0 : Number(first);
    // `5/15` runs from 5 to the end of the range, as `5-59/15` does.
    const to = all === '*' || (last === undefined && step !== undefined) ? max : Number(last ?? first);
    const every = step === undefined ? 1 : Number(step);
    if (from > max || to > max || from > to || every === 0) return `its ${what} field "${field}" is outside 0–${max}`;
    for (let value = from; value <= to; value += every) values.add(value);
  }
  return [...values];
}

/**
 * The minutes of a day (0–1439, ascending) a cron line runs at, or why it
 * cannot be read as a schedule that runs every day.
 */
export function cronMinutes(line: string): { minutes: number[] } | { problem: string } {
  const fields = line.trim().split(/\s+/);
  if (fields.length !== 5)
    return { problem: `"${line}" has ${fields.length} fields; a cron line has five: minute hour day month weekday` };
  const [minute, hour, ...days] = fields as [string, string, string, string, string];
  if (days.some((field) => field !== '*'))
    return {
      problem: `"${line}" runs only on some days (its day, month or weekday field is not *), so it has no interval`,
    };
  const minutes = fieldValues(minute, 59, 'minute');
  if (typeof minutes === 'string') return { problem: `"${line}": ${minutes}` };
  const hours = fieldValues(hour, 23, 'hour');
  if (typeof hours === 'string') return { problem: `"${line}": ${hours}` };
  return { minutes: hours.flatMap((h) => minutes.map((m) => h * 60 + m)).sort((a, b) => a - b) };
}

/**
 * The time between runs of a schedule of one or more cron lines, in ms, when
 * the runs are evenly spaced around the clock; else why there is no one interval.
 */
export function scheduleInterval(lines: readonly string[]): { interval: number } | { problem: string } {
  const minutes = new Set<number>();
  for (const line of lines) {
    const read = cronMinutes(line);
    if ('problem' in read) return read;
    for (const minute of read.minutes) minutes.add(minute);
  }
  const runs = [...minutes].sort((a, b) => a - b);
  if (runs.length === 0) return { problem: 'it has no cron line' };
  const gaps = new Set(runs.map((minute, i) => (runs[i + 1] ?? runs[0]! + MINUTES_A_DAY) - minute));
  if (gaps.size > 1)
    return {
      problem: `its runs are unevenly spaced (${[...gaps].sort((a, b) => a - b).join(', ')} min apart), so it has no one interval`,
    };
  return { interval: [...gaps][0]! * 60_000 };
}
