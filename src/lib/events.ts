import type { ComponentStatus, Impact, IncidentStatus, MaintenanceStatus } from '../schemas/statuses.ts';
import { renderMarkdown } from './markdown.ts';
import type { ValidIncidentFile } from './validate.ts';

/** One entry of a timeline, as published. */
export interface TimelineUpdate {
  /** Stable anchor and feed id: `update-N`, counted from the first update. */
  id: string;
  at: number;
  status: IncidentStatus | MaintenanceStatus;
  markdown: string;
  html: string;
}

export interface AffectedComponent {
  id: string;
  status: ComponentStatus;
}

interface EventBase {
  slug: string;
  file: string;
  title: string;
  /** Updates published by now, oldest first. */
  updates: TimelineUpdate[];
  /** When users were first affected (or the maintenance window opens). */
  startsAt: number;
  components: AffectedComponent[];
  bodyHtml: string;
}

export interface IncidentEvent extends EventBase {
  kind: 'incident';
  impact: Impact;
  status: IncidentStatus;
  /** Time of the `resolved` update, or null while ongoing. */
  resolvedAt: number | null;
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

/** True once the incident's `resolved` update has been published. */
export const isResolved = (event: IncidentEvent): boolean => event.resolvedAt !== null;

/**
 * The event as readers saw it at `now`: only updates published by then, and
 * nothing at all if its first update lies in the future. This is what lets
 * `STATUS_NOW` replay the page as it looked mid-outage.
 */
export function eventAt(file: ValidIncidentFile, now: number): StatusEvent | undefined {
  const updates = file.data.updates
    .map((update, i) => ({ ...update, at: Date.parse(update.at), index: i }))
    .filter((update) => update.at <= now)
    .map(({ index, at, status, message }) => ({ id: `update-${index + 1}`, at, status, markdown: message, html: renderMarkdown(message) }));
  const first = updates[0];
  const last = updates.at(-1);
  if (!first || !last) return undefined;
  const base = { slug: file.slug, file: file.file, title: file.data.title, updates, bodyHtml: renderMarkdown(file.body) };
  const data = file.data;
  if (data.kind === 'incident') {
    return {
      ...base,
      kind: 'incident',
      impact: data.impact,
      status: last.status as IncidentStatus,
      startsAt: data.started ? Date.parse(data.started) : first.at,
      resolvedAt: last.status === 'resolved' ? last.at : null,
      components: Object.entries(data.components).map(([id, status]) => ({ id, status })),
    };
  }
  const windowStart = Date.parse(data.window.start);
  const windowEnd = Date.parse(data.window.end);
  const completedAt = last.status === 'completed' || last.status === 'cancelled' ? last.at : null;
  return {
    ...base,
    kind: 'maintenance',
    status: last.status as MaintenanceStatus,
    startsAt: windowStart,
    windowStart,
    windowEnd,
    completedAt,
    cancelled: last.status === 'cancelled',
    phase: maintenancePhase(windowStart, completedAt ?? windowEnd, now),
    components: data.components.map((id) => ({ id, status: 'under_maintenance' as const })),
  };
}

function maintenancePhase(start: number, end: number, now: number): MaintenanceEvent['phase'] {
  if (now >= end) return 'over';
  return now < start ? 'upcoming' : 'active';
}

/**
 * When the event affected its components, clipped to `now`; undefined for a
 * maintenance that has not begun (or was completed before its window).
 */
export function impactInterval(event: StatusEvent, now: number): { start: number; end: number } | undefined {
  if (event.kind === 'incident') return { start: event.startsAt, end: Math.min(event.resolvedAt ?? now, now) };
  const end = Math.min(event.completedAt ?? event.windowEnd, now);
  return end > event.windowStart ? { start: event.windowStart, end } : undefined;
}

/** Is the event affecting users at `now`? */
export function isActive(event: StatusEvent): boolean {
  return event.kind === 'incident' ? event.resolvedAt === null : event.phase === 'active';
}
