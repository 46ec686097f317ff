import { fill } from '../i18n/catalog.ts';
import type { SiteText } from '../i18n/texts.ts';
import type { DayRecord } from './uptime.ts';
import type { ComponentStatus } from '../schemas/statuses.ts';

/** Consecutive days drawn as one shape: one mark per day, one label per run. */
export interface DayRun {
  /** Offset of the first day in the bar. */
  offset: number;
  length: number;
  status: ComponentStatus;
  /** "28 Dec 2022: Major outage. Login and posting failing", in the site's language */
  label: string;
}

/** "A; B and 3 more": at most `max` titles, so a busy day's label stays short. */
export function listTitles(titles: readonly string[], { t }: SiteText, max: number = Infinity): string {
  if (titles.length <= max) return titles.join('; ');
  return fill(t.bar.andMore, { titles: titles.slice(0, max).join('; '), count: titles.length - max });
}

/**
 * Merge quiet days (same status, no events) into runs so a 90-day bar costs a
 * few shapes instead of 90; every day with an event keeps a run of its own
 * so its label can name the events (`maxTitles` of them: the home page
 * carries a label per component per day, and must fit the first round trip).
 */
export function dayRuns(days: readonly DayRecord[], titleOf: (slug: string) => string, text: SiteText, maxTitles: number = Infinity): DayRun[] {
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
    const { t, dates } = text;
    const when = length === 1 ? dates.date(first.start) : fill(t.dates.range, { from: dates.date(first.start), to: dates.date(last.start) });
    const events = first.slugs.length > 0 ? listTitles(first.slugs.map(titleOf), text, maxTitles) : t.bar.noIncidents;
    return { offset, length, status, label: fill(t.bar.mark, { dates: when, status: t.componentStatus[status].label, events }) };
  });
}
