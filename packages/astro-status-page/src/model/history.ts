import { monthKey, startOfZonedMonth } from './days.ts';
import type { StatusEvent } from './events.ts';
import { paths } from '../rules/urls.ts';

/** Events per history page: small enough to stay light after years of incidents. */
export const HISTORY_PAGE_SIZE = 30;

/**
 * Events listed on a component's page, newest first. A busy component gathers
 * thousands over the years; older ones are in the paginated history, so the
 * page stays the same size.
 */
export const COMPONENT_PAGE_EVENTS = 50;

/** The events the history lists, newest first: all but maintenance that has not begun. */
export function historyEvents(events: readonly StatusEvent[]): StatusEvent[] {
  return events.filter((event) => !(event.kind === 'maintenance' && event.phase === 'upcoming'));
}

/** Site path of the history page listing the event at `index` of `historyEvents()`. */
export function historyPagePath(index: number): string {
  const page = Math.floor(index / HISTORY_PAGE_SIZE) + 1;
  return page === 1 ? paths.history() : `${paths.history()}${page}/`;
}

/** Events grouped by the month (in the site zone) they started in, keeping their order (newest first). */
export function groupByMonth(
  events: readonly StatusEvent[],
  timeZone: string,
): Array<{ month: string; start: number; events: StatusEvent[] }> {
  const groups: Array<{ month: string; start: number; events: StatusEvent[] }> = [];
  for (const event of events) {
    const month = monthKey(event.startsAt, timeZone);
    const last = groups.at(-1);
    if (last?.month === month) last.events.push(event);
    else groups.push({ month, start: startOfZonedMonth(event.startsAt, timeZone), events: [event] });
  }
  return groups;
}
