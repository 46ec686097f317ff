import { COMPONENT_STATUS_WORDS } from './levels.ts';
import { formatDateUtc } from './format.ts';
import type { DayRecord } from './uptime.ts';
import type { ComponentStatus } from '../schemas/statuses.ts';

/** Consecutive days drawn as one shape: one mark per day, one label per run. */
export interface DayRun {
  /** Offset of the first day in the bar. */
  offset: number;
  length: number;
  status: ComponentStatus;
  /** "28 Dec 2022: Major outage. Login and posting failing" */
  label: string;
}

/** "A; B and 3 more": at most `max` titles, so a busy day's label stays short. */
export function listTitles(titles: readonly string[], max: number = Infinity): string {
  if (titles.length <= max) return titles.join('; ');
  return `${titles.slice(0, max).join('; ')} and ${titles.length - max} more`;
}

/**
 * Merge quiet days (same status, no events) into runs so a 90-day bar costs a
 * few shapes instead of 90; every day with an event keeps a run of its own
 * so its label can name the events (`maxTitles` of them: the home page
 * carries a label per component per day, and must fit the first round trip).
 */
export function dayRuns(days: readonly DayRecord[], titleOf: (slug: string) => string, maxTitles: number = Infinity): DayRun[] {
  const runs: Array<DayRun & { quiet: boolean; first: DayRecord; last: DayRecord }> = [];
  days.forEach((day, offset) => {
    const quiet = day.slugs.length === 0;
    const previous = runs.at(-1);
    if (previous && quiet && previous.quiet && previous.status === day.status) {
      previous.length += 1;
      previous.last = day;
      return;
    }
    runs.push({ offset, length: 1, status: day.status, label: '', quiet, first: day, last: day });
  });
  return runs.map(({ offset, length, status, first, last }) => {
    const dates = length === 1 ? formatDateUtc(first.start) : `${formatDateUtc(first.start)} to ${formatDateUtc(last.start)}`;
    const events = first.slugs.length > 0 ? listTitles(first.slugs.map(titleOf), maxTitles) : 'No incidents';
    return { offset, length, status, label: `${dates}: ${COMPONENT_STATUS_WORDS[status].label}. ${events}` };
  });
}
