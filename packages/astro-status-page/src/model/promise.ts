import type { StatusEvent } from './events.ts';

/*
 * What a page says of an open incident's promised next update at `now`:
 * "Next update by 08:54 EST" until then, "Update overdue by 12 min" after
 * (the build's now; the page script keeps it true at the reader's clock).
 */

export type PromiseState =
  | { state: 'due'; by: number }
  | {
      state: 'overdue';
      by: number;
      /** How long past the promise, in ms. */
      overdueBy: number;
    };

/** The promise an event shows at `now`, or undefined when it has none. */
export function promiseAt(event: StatusEvent, now: number): PromiseState | undefined {
  if (event.kind !== 'incident' || event.nextUpdateBy === null) return undefined;
  const by = event.nextUpdateBy;
  // Overdue from a whole minute past, as the page script counts it: never "overdue by less than a minute".
  return now - by >= 60_000 ? { state: 'overdue', by, overdueBy: now - by } : { state: 'due', by };
}
