/** A day of "Past incidents" with what started on it, or a run of quiet days shown as one line. */
export type PastEntry<Event> =
  { kind: 'day'; start: number; events: Event[] } | { kind: 'quiet'; first: number; last: number };

/**
 * The past days (newest first) as the home page lists them: a day with events
 * stays a day; each run of days without any becomes one entry from its oldest
 * day (`first`) to its newest (`last`), so a quiet fortnight is one line
 * ("No incidents 16–29 Nov") instead of fifteen.
 */
export function collapseQuietDays<Event>(
  days: ReadonlyArray<{ start: number; events: Event[] }>,
): Array<PastEntry<Event>> {
  const entries: Array<PastEntry<Event>> = [];
  for (const day of days) {
    const previous = entries.at(-1);
    if (day.events.length > 0) entries.push({ kind: 'day', start: day.start, events: day.events });
    else if (previous?.kind === 'quiet') previous.first = day.start;
    else entries.push({ kind: 'quiet', first: day.start, last: day.start });
  }
  return entries;
}
