import type { ApiIncident, ApiIncidentUpdate, ApiScheduledMaintenance } from '../outputs/api.ts';

/*
 * What is new between two builds, from their published API alone: the build
 * just deployed and the one it replaced. Every notification has a stable id,
 * so the same pair of builds always yields the same notifications, and a
 * rebuild with nothing new yields none. Pure: no I/O, no clock.
 */

/** One build's published state: `/api/v2/incidents.json` and `/api/v2/scheduled-maintenances.json`. */
export interface Snapshot {
  /** The build's "now" (`page.updated_at`), epoch milliseconds. */
  at: number;
  incidents: ApiIncident[];
  maintenances: ApiScheduledMaintenance[];
}

export type StatusEventJson = ApiIncident | ApiScheduledMaintenance;

export type NotificationKind =
  /** A new update of an incident or maintenance (the first one opens it). */
  | 'update'
  /** An incident's postmortem, published after its resolution. */
  | 'postmortem'
  /** A maintenance window opens within the hour. */
  | 'reminder'
  /** A maintenance window opened, or closed, with no update saying so. */
  | 'window-opened'
  | 'window-closed';

export interface Notification {
  /** Stable across runs: the update's API id, or `<slug>-postmortem`, `<slug>-reminder`… */
  id: string;
  kind: NotificationKind;
  event: StatusEventJson;
  maintenance: boolean;
  /** The update announced (kind `update`), else null. */
  update: ApiIncidentUpdate | null;
  /** True when this update opens the incident or maintenance. */
  first: boolean;
  /** When it happened, ISO 8601 UTC. */
  at: string;
  /** Component ids the event touches: channels filter on these. */
  components: string[];
}

/** A reminder goes out when a window opens within this long: an hourly build sends it once. */
export const REMINDER_LEAD_MS = 75 * 60_000;
/** Without a previous build, the baseline is the build before this one, this long ago (the hourly schedule). */
export const FIRST_RUN_LOOKBACK_MS = 60 * 60_000;

const millis = (iso: string) => Date.parse(iso);
const isMaintenance = (event: StatusEventJson): event is ApiScheduledMaintenance => 'scheduled_for' in event;

/**
 * What the build `lookbackMs` before `current` published: the same events with
 * only the updates (and postmortems) that existed then. The first run on a
 * new site diffs against it, so it never announces older history.
 */
export function baselineBefore(current: Snapshot, lookbackMs: number = FIRST_RUN_LOOKBACK_MS): Snapshot {
  const at = current.at - lookbackMs;
  const before = <E extends StatusEventJson>(event: E): E[] => {
    const updates = event.incident_updates.filter((update) => millis(update.display_at) <= at);
    if (updates.length === 0) return [];
    const closed = event.resolved_at !== null && millis(event.resolved_at) <= at ? event.resolved_at : null;
    const trimmed = { ...event, incident_updates: updates, resolved_at: closed };
    if (
      'postmortem_published_at' in trimmed &&
      trimmed.postmortem_published_at !== null &&
      millis(trimmed.postmortem_published_at) > at
    )
      trimmed.postmortem_published_at = null;
    return [trimmed];
  };
  return { at, incidents: current.incidents.flatMap(before), maintenances: current.maintenances.flatMap(before) };
}

/**
 * What the comparison needs of one event of a build, from its notify index
 * (`previous`) or from its full events (`current`): which updates it had,
 * and what decides postmortems and window changes. Times in epoch ms.
 */
export interface IndexedEvent {
  id: string;
  maintenance: boolean;
  /** Update ids, oldest first. */
  updates: string[];
  /** The first update's time: a renamed file keeps it. */
  firstAt: number;
  resolvedAt: number | null;
  postmortemAt: number | null;
  /** A maintenance's window; null for an incident. */
  window: [number, number] | null;
}

/** A build as the comparison sees it: its now and every event it published. */
export interface BuildIndex {
  at: number;
  events: IndexedEvent[];
}

const orNull = (iso: string | null | undefined) => (iso === null || iso === undefined ? null : millis(iso));

/** The index of a build's full events, as the build itself writes it (outputs/notify-index.ts). */
export function indexOf(snapshot: Snapshot): BuildIndex {
  const events = [...snapshot.incidents, ...snapshot.maintenances].map((event): IndexedEvent => ({
    id: event.id,
    maintenance: isMaintenance(event),
    updates: event.incident_updates.map((update) => update.id).reverse(),
    firstAt: millis(event.incident_updates.at(-1)!.display_at),
    resolvedAt: orNull(event.resolved_at),
    postmortemAt: isMaintenance(event) ? null : orNull(event.postmortem_published_at),
    window: isMaintenance(event) ? [millis(event.scheduled_for), millis(event.scheduled_until)] : null,
  }));
  return { at: snapshot.at, events };
}

/** An event's update ids without the event's id (`-update-20221228T125800Z`), which a renamed file keeps. */
const ownIds = (event: IndexedEvent) => event.updates.map((id) => id.slice(event.id.length));

/**
 * The previous build's copy of an event: by id, or, for an event this build
 * names differently (its file was renamed and has no `id:`), the previous
 * event no longer published whose first update was at the same moment; of
 * several, the one sharing the most of its updates and having the fewest others.
 */
function previousOf(before: BuildIndex, current: BuildIndex): (event: IndexedEvent) => IndexedEvent | undefined {
  const byId = new Map(before.events.map((event) => [event.id, event]));
  const stillHere = new Set(current.events.map((event) => event.id));
  const gone = new Map<string, IndexedEvent[]>();
  const key = (event: IndexedEvent) => `${event.maintenance} ${event.firstAt}`;
  for (const event of before.events)
    if (!stillHere.has(event.id)) gone.set(key(event), [...(gone.get(key(event)) ?? []), event]);
  const likeness = (event: IndexedEvent, old: IndexedEvent) => {
    const mine = new Set(ownIds(event));
    const shared = ownIds(old).filter((id) => mine.has(id)).length;
    return shared - (old.updates.length - shared);
  };
  return (event) =>
    byId.get(event.id) ??
    gone.get(key(event))?.reduce((best, old) => (likeness(event, old) > likeness(event, best) ? old : best));
}

/** Every notification `current` owes subscribers that `previous` did not, oldest first. */
export function newNotifications(previous: BuildIndex | null, current: Snapshot): Notification[] {
  const before = previous ?? indexOf(baselineBefore(current));
  const now = indexOf(current);
  const find = previousOf(before, now);
  const indexed = new Map(now.events.map((event) => [event.id, event]));
  const notifications = [...current.incidents, ...current.maintenances].flatMap((event) => {
    const mine = indexed.get(event.id)!;
    return eventNotifications(event, mine, find(mine), before.at, current.at);
  });
  return notifications.sort((a, b) => millis(a.at) - millis(b.at) || a.id.localeCompare(b.id));
}

function eventNotifications(
  event: StatusEventJson,
  mine: IndexedEvent,
  old: IndexedEvent | undefined,
  then: number,
  now: number,
): Notification[] {
  const known = new Set(old === undefined ? [] : ownIds(old));
  // Compared without the event's id, so a renamed file's updates are known by their own ids.
  const fresh = event.incident_updates.filter((update) => !known.has(update.id.slice(event.id.length))).reverse();
  const notify = (kind: NotificationKind, id: string, at: string, update: ApiIncidentUpdate | null = null) =>
    notice(event, kind, id, at, update);
  const result = fresh.map((update) => notify('update', update.id, update.display_at, update));
  if (!isMaintenance(event)) {
    const published = event.postmortem_published_at;
    const wasPublished = old !== undefined && old.postmortemAt !== null;
    // Published after the previous build's now, too: a build from before the API carried
    // `postmortem_published_at` reads as "none", and must not bring back old postmortems.
    const isNew = published !== null && !wasPublished && millis(published) > then;
    if (isNew && event.resolved_at !== null && published > event.resolved_at)
      result.push(notify('postmortem', `${event.id}-postmortem`, published));
    return result;
  }
  // Window changes only matter for a maintenance subscribers already knew of.
  if (old === undefined || old.window === null) return result;
  const freshStatuses = new Set(fresh.map((update) => update.status));
  const [was, is] = [windowPhase(old, then), windowPhase(mine, now)];
  const iso = new Date(now).toISOString();
  if (is === 'upcoming' && was === 'upcoming' && remindsAt(mine, now) && !remindsAt(old, then))
    result.push(notify('reminder', `${event.id}-reminder`, iso));
  if (is === 'active' && was === 'upcoming' && !freshStatuses.has('in_progress'))
    result.push(notify('window-opened', `${event.id}-window-opened`, event.scheduled_for));
  if (is === 'over' && was !== 'over' && event.resolved_at === null)
    result.push(notify('window-closed', `${event.id}-window-closed`, event.scheduled_until));
  return result;
}

/** Where a maintenance stands at `at`: its window and closing update decide. */
export function windowPhase(
  event: Pick<IndexedEvent, 'resolvedAt' | 'window'>,
  at: number,
): 'upcoming' | 'active' | 'over' {
  const [start, end] = event.window!;
  if (event.resolvedAt !== null && event.resolvedAt <= at) return 'over';
  if (at >= end) return 'over';
  return at >= start ? 'active' : 'upcoming';
}

const remindsAt = (event: IndexedEvent, at: number) => event.window![0] - at <= REMINDER_LEAD_MS;

/** One notification about `event`. */
function notice(
  event: StatusEventJson,
  kind: NotificationKind,
  id: string,
  at: string,
  update: ApiIncidentUpdate | null = null,
): Notification {
  return {
    id,
    kind,
    event,
    maintenance: isMaintenance(event),
    update,
    first: update !== null && update.id === event.incident_updates.at(-1)?.id,
    at,
    components: componentsOf(event, update),
  };
}

function componentsOf(event: StatusEventJson, update: ApiIncidentUpdate | null): string[] {
  const ids = new Set(event.components.map((component) => component.id));
  for (const change of update?.affected_components ?? []) ids.add(change.code);
  return [...ids];
}

/**
 * The notification with this id in `current`, whatever the previous build
 * held (`notify --resend`): any update or postmortem, and a maintenance's
 * reminder and window notices, as this build words them.
 */
export function findNotification(current: Snapshot, id: string): Notification | undefined {
  const everything = newNotifications({ at: -Infinity, events: [] }, current);
  const found = everything.find((notification) => notification.id === id);
  if (found) return found;
  const now = new Date(current.at).toISOString();
  const notices = current.maintenances.flatMap((event) => [
    notice(event, 'reminder', `${event.id}-reminder`, now),
    notice(event, 'window-opened', `${event.id}-window-opened`, event.scheduled_for),
    notice(event, 'window-closed', `${event.id}-window-closed`, event.scheduled_until),
  ]);
  return notices.find((notification) => notification.id === id);
}
