import type { IncidentData } from '../files/schemas/incident.ts';
import {
  closes,
  type ComponentStatus,
  type Impact,
  type IncidentStatus,
  type MaintenanceStatus,
} from '../rules/statuses.ts';
import {
  incidentSteps,
  peakImpact,
  statusSegments,
  type StatusChange,
  type StatusSegment,
} from '../rules/incident-timeline.ts';
import { renderMarkdown } from '../rules/markdown.ts';
import { updateIds } from '../rules/update-id.ts';
import { promisedAt } from '../rules/promised-update.ts';
import type { ValidIncidentFile } from '../files/validate.ts';

/** One entry of a timeline, as published. */
export interface TimelineUpdate {
  /** Stable anchor, feed and API id, from the update's time (rules/update-id.ts): `update-20221228T125800Z`. */
  id: string;
  at: number;
  status: IncidentStatus | MaintenanceStatus;
  markdown: string;
  html: string;
  /** Component statuses this update changed (from operational, for the first). */
  changes: StatusChange[];
  /** On a `merged` update: the incident followed from then on. */
  into?: FollowedIn;
  /** Its words were written by the import (`added_by_import: true`): its source gave none. */
  addedByImport: boolean;
}

/** The incident a merged one is followed in: its slug, and its title once the model knows it. */
export interface FollowedIn {
  slug: string;
  title: string;
}

/** A component the event affected, and how. */
export interface AffectedComponent {
  id: string;
  /** Its status now under this event: operational once the event is over. */
  status: ComponentStatus;
  /** The statuses it went through, in order: ["major_outage", "degraded_performance"]. */
  path: ComponentStatus[];
  /** How long it was away from operational, up to now. */
  duration: number;
}

interface EventBase {
  slug: string;
  file: string;
  title: string;
  /** Updates published by now, oldest first. */
  updates: TimelineUpdate[];
  /** When users were first affected (or the maintenance window opens). */
  startsAt: number;
  /** Components with any stretch away from operational, in the order the event named them. */
  components: AffectedComponent[];
  /** Each stretch a component spent away from operational; `end: null` while it lasts. */
  segments: StatusSegment[];
  /** The Markdown body as written, and as HTML; both empty until it is published. */
  bodyMarkdown: string;
  bodyHtml: string;
}

export interface IncidentEvent extends EventBase {
  kind: 'incident';
  /** The level shown for it: its current impact while open, its worst once resolved. */
  impact: Impact;
  status: IncidentStatus;
  /** Time of the closing update (`resolved` or `merged`, or of `ended:`, an end without one), or null while ongoing. */
  resolvedAt: number | null;
  /**
   * Set when the incident ended as followed in another (`status: merged`):
   * it did not recover then, so pages say "Followed in <title>", never
   * "Resolved", and nothing recovered at that moment.
   */
  followedIn: FollowedIn | null;
  /** When the postmortem (the body) was published, if it has been by now. */
  postmortemAt: number | null;
  /** Who opened it: staff, or a probe from failing checks (`source: { probe: … }`). */
  openedBy: 'staff' | 'probe';
  /**
   * A notice: a post closed the moment it was made, with no impact and no
   * component affected (an announcement, or an imported cState informational
   * post). Nothing was down and nothing recovered, so pages say "Notice" with
   * its time, never "Resolved" nor "Lasted less than a minute".
   */
  notice: boolean;
  /**
   * While open, when its newest update promised the next one (`next_update:`),
   * else null: an older update's promise was kept or superseded by the newest,
   * and a closed incident promises nothing.
   */
  nextUpdateBy: number | null;
}

export interface MaintenanceEvent extends EventBase {
  kind: 'maintenance';
  status: MaintenanceStatus;
  windowStart: number;
  windowEnd: number;
  /** Time of the closing update (`completed` or `cancelled`), or null. */
  completedAt: number | null;
  /** Called off with a `cancelled` update: calendars mark it CANCELLED. */
  cancelled: boolean;
  phase: 'upcoming' | 'active' | 'over';
}

export type StatusEvent = IncidentEvent | MaintenanceEvent;

/** True once the incident's closing update (`resolved` or `merged`) has been published. */
export const isResolved = (event: IncidentEvent): boolean => event.resolvedAt !== null;

/**
 * The event as readers saw it at `now`: only updates published by then, and
 * nothing at all if its first update lies in the future. This is what lets
 * `STATUS_NOW` replay the page as it looked mid-outage.
 */
export function eventAt(file: ValidIncidentFile, now: number): StatusEvent | undefined {
  const published = file.data.updates
    .map((update, index) => ({ update, index, at: Date.parse(update.at) }))
    .filter(({ at }) => at <= now);
  const first = published[0];
  const last = published.at(-1);
  if (!first || !last) return undefined;
  // Ids from every update's time, published or not, so a replay names each update as the live page does.
  const ids = updateIds(file.data.updates.map((update) => Date.parse(update.at)));
  const updates = published.map(({ update, index, at }): TimelineUpdate => ({
    id: ids[index]!,
    at,
    status: update.status,
    markdown: update.message,
    html: renderMarkdown(update.message),
    changes: [],
    addedByImport: update.added_by_import === true,
    ...('into' in update && update.into !== undefined ? { into: { slug: update.into, title: update.into } } : {}),
  }));
  const base = { slug: file.slug, file: file.file, title: file.data.title, updates };
  const data = file.data;
  if (data.kind === 'incident') {
    // An end the source gave without an update (`ended:`) resolves the incident once it has passed.
    const ended = data.ended !== undefined && Date.parse(data.ended) <= now ? Date.parse(data.ended) : undefined;
    const steps = incidentSteps({
      impact: data.impact,
      components: data.components,
      started: data.started === undefined ? undefined : Date.parse(data.started),
      ended,
      // The file is an incident, so every update is an incident update.
      updates: published.map(({ update, at }) => ({ ...(update as IncidentData['updates'][number]), at })),
    });
    for (const step of steps) if (step.update !== null) updates[step.update]!.changes = step.changes;
    const current = steps.at(-1)!;
    const closed = closes('incident', last.update.status);
    const resolvedAt = closed ? last.at : (ended ?? null);
    const followedIn = last.update.status === 'merged' ? (updates.at(-1)!.into ?? null) : null;
    const postmortemAt = postmortemTime(file, now);
    const segments = statusSegments(steps);
    const startsAt = steps[0]!.at;
    const notice =
      resolvedAt === startsAt &&
      followedIn === null &&
      steps.every(
        (step) => step.impact === 'none' && [...step.statuses].every(([, status]) => status === 'operational'),
      );
    const promise = (last.update as IncidentData['updates'][number]).next_update;
    const promised = resolvedAt === null && promise !== undefined ? promisedAt(promise, last.at) : undefined;
    return {
      ...base,
      kind: 'incident',
      impact: resolvedAt === null ? current.impact : peakImpact(steps),
      // An end without an update (`ended:`) reads resolved; a closing update says itself.
      status: resolvedAt === null || closed ? (last.update.status as IncidentStatus) : 'resolved',
      startsAt,
      resolvedAt,
      followedIn,
      notice,
      postmortemAt,
      openedBy: data.source?.probe === undefined ? 'staff' : 'probe',
      nextUpdateBy: promised !== undefined && 'at' in promised ? promised.at : null,
      bodyMarkdown: postmortemAt === null ? '' : file.body.trim(),
      bodyHtml: postmortemAt === null ? '' : renderMarkdown(file.body),
      segments,
      components: affectedComponents([...current.statuses], segments, now),
    };
  }
  const windowStart = Date.parse(data.window.start);
  const windowEnd = Date.parse(data.window.end);
  const completedAt = closes('maintenance', last.update.status) ? last.at : null;
  const phase = maintenancePhase(windowStart, completedAt ?? windowEnd, now);
  const end = completedAt ?? windowEnd;
  // Each component once, however often the file lists it ([api, api]): once on the page, the calendar and the API.
  const componentIds = [...new Set(data.components)];
  // Planned components are named before the window opens too (cards and the calendar list them).
  const planned = componentIds.map((id): StatusSegment => ({
    id,
    status: 'under_maintenance',
    start: windowStart,
    end,
  }));
  // Statuspage's convention: the announcement takes the components into maintenance, the closing update brings them back.
  updates[0]!.changes = componentIds.map((id) => ({ id, from: 'operational', to: 'under_maintenance' }));
  if (completedAt !== null)
    updates.at(-1)!.changes = componentIds.map((id) => ({ id, from: 'under_maintenance', to: 'operational' }));
  const status: ComponentStatus = phase === 'active' ? 'under_maintenance' : 'operational';
  return {
    ...base,
    kind: 'maintenance',
    status: last.update.status as MaintenanceStatus,
    startsAt: windowStart,
    windowStart,
    windowEnd,
    completedAt,
    cancelled: last.update.status === 'cancelled',
    phase,
    bodyMarkdown: file.body.trim(),
    bodyHtml: renderMarkdown(file.body),
    // Called off before its window: it never touched anything.
    segments: end > windowStart ? planned : [],
    components: affectedComponents(
      componentIds.map((id) => [id, status]),
      planned,
      now,
    ),
  };
}

/**
 * The body of an incident is its postmortem, published at `postmortem_at`,
 * by default with the final resolving update of the file: a replay of an
 * earlier moment must not show what was written after it.
 */
function postmortemTime(file: ValidIncidentFile, now: number): number | null {
  if (file.data.kind !== 'incident' || file.body.trim() === '') return null;
  const last = file.data.updates.at(-1)!;
  const at = file.data.postmortem_at ?? (closes('incident', last.status) ? last.at : file.data.ended);
  const millis = at === undefined ? null : Date.parse(at);
  return millis !== null && millis <= now ? millis : null;
}

/** Each component with a stretch away from operational: its status now, its path and how long it lasted. */
function affectedComponents(
  current: Array<[string, ComponentStatus]>,
  segments: readonly StatusSegment[],
  now: number,
): AffectedComponent[] {
  return current.flatMap(([id, status]) => {
    const own = segments.filter((segment) => segment.id === id);
    if (own.length === 0) return [];
    const path = own.map((segment) => segment.status).filter((step, i, all) => step !== all[i - 1]);
    const duration = own.reduce(
      (sum, segment) => sum + Math.max(0, Math.min(segment.end ?? now, now) - segment.start),
      0,
    );
    return [{ id, status, path, duration }];
  });
}

function maintenancePhase(start: number, end: number, now: number): MaintenanceEvent['phase'] {
  if (now >= end) return 'over';
  return now < start ? 'upcoming' : 'active';
}

/** Is the event affecting users at `now`? */
export function isActive(event: StatusEvent): boolean {
  return event.kind === 'incident' ? event.resolvedAt === null : event.phase === 'active';
}
