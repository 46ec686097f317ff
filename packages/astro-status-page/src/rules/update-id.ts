/*
 * An update's id: its anchor on the incident page, its feed item's id, its
 * API id (after the incident's id) and its notification id. It comes from the
 * update's own time, never from its position, so inserting, deleting or
 * correcting another update moves no id: `update-20221228T125800Z` (ISO 8601
 * basic format, UTC; milliseconds only when the time has them). Two updates
 * of one incident at the same moment are told apart in file order: `-2`, `-3`.
 */

/** `20221228T125800Z`, or `20221228T125800.250Z` when the time has milliseconds. */
function basicTime(millis: number): string {
  const iso = new Date(millis).toISOString();
  const compact = iso.replace(/[-:]/g, '');
  return compact.endsWith('.000Z') ? `${compact.slice(0, -5)}Z` : compact;
}

/** The ids of an event's updates, given their times in file order (oldest first). */
export function updateIds(times: readonly number[]): string[] {
  const seen = new Map<number, number>();
  return times.map((at) => {
    const n = (seen.get(at) ?? 0) + 1;
    seen.set(at, n);
    return `update-${basicTime(at)}${n === 1 ? '' : `-${n}`}`;
  });
}
