import { fill } from '../i18n/catalog.ts';
import type { SiteText } from './site-text.ts';
import { uptimePercent, type DayRecord } from './uptime.ts';
import type { ComponentStatus } from '../rules/statuses.ts';

/**
 * The days a bar shows, by screen width: the newest 30 on a phone, 60 on a
 * small tablet, all of them wider. global.css holds the matching media
 * queries (CSS cannot read this list); the browser tests check they agree.
 */
export const BAR_WINDOWS = [
  { days: 30, maxWidth: 480 },
  { days: 60, maxWidth: 720 },
] as const;

/** One day of a history bar. */
export interface DayMark {
  /** `2022-12-28`: the day in the site's zone. */
  day: string;
  status: ComponentStatus;
  /** "28 Dec 2022: Major outage. Login and posting failing", in the site's language: tooltip and accessible name. */
  label: string;
  /** An incident or maintenance touched the component that day: the mark links to the day's entry on the component page. */
  eventful: boolean;
}

/** The id of a day's entry on a component page, which bar marks link to. */
export const dayAnchor = (day: string): string => `day-${day}`;

/** The id of the component page's list of days with events, where a whole bar leads on a phone. */
export const DAY_LIST = 'days';

/** "A; B and 3 more": at most `max` titles, so a busy day's label stays short. */
export function listTitles(titles: readonly string[], { t, isolate }: SiteText, max: number = Infinity): string {
  // Each title keeps its own direction among the label's words (an English title on an Arabic page keeps its full stop).
  const shown = titles.map((title) => isolate(title));
  if (shown.length <= max) return shown.join('; ');
  return fill(t.bar.andMore, { titles: shown.slice(0, max).join('; '), count: shown.length - max });
}

/**
 * A mark per day, oldest first, each labelled with its date, status and
 * events (`maxTitles` of them: the home page carries a label per component
 * per day, and must fit the first round trip).
 */
export function dayMarks(
  days: readonly DayRecord[],
  titleOf: (slug: string) => string,
  text: SiteText,
  maxTitles: number = Infinity,
): DayMark[] {
  const { t, dates } = text;
  return days.map(({ day, start, status, slugs }) => ({
    day,
    status,
    eventful: slugs.length > 0,
    label: fill(t.bar.mark, {
      dates: dates.date(start),
      status: t.componentStatus[status].label,
      events: slugs.length > 0 ? listTitles(slugs.map(titleOf), text, maxTitles) : t.bar.noIncidents,
    }),
  }));
}

/** The days an incident or maintenance touched, newest first: the entries bar marks link to. */
export function daysWithEvents(days: readonly DayRecord[]): Array<DayRecord & { beyond: string[] }> {
  return days
    .flatMap((day, i) => (day.slugs.length > 0 ? [{ ...day, beyond: beyondWindows(days.length - 1 - i) }] : []))
    .reverse();
}

/**
 * The classes of a day `age` days before today that a narrow bar does not
 * show (`beyond-30`, `beyond-60`): the day list hides it at those widths too,
 * so it lists the days its bar shows (global.css).
 */
export function beyondWindows(age: number): string[] {
  return BAR_WINDOWS.filter((window) => age >= window.days).map((window) => `beyond-${window.days}`);
}

/** What a bar shows at one width: its length in days and the uptime over them. */
export interface BarWindow {
  days: number;
  uptime: number;
  /** Class of the caption that says so: `w30` and `w60` show on narrow screens, `wall` otherwise. */
  className: string;
}

/** The caption under a bar for each width, widest first: "90 days ago · 99.87% uptime", "60 days ago · …". */
export function barWindows(days: readonly DayRecord[]): BarWindow[] {
  const narrower = BAR_WINDOWS.map((window) => window.days).filter((length) => length < days.length);
  return [
    { days: days.length, uptime: uptimePercent(days), className: 'wall' },
    ...narrower
      .reverse()
      .map((length) => ({ days: length, uptime: uptimePercent(days.slice(-length)), className: `w${length}` })),
  ];
}
