import type { IncidentStatus, MaintenanceStatus } from '../schemas/statuses.ts';
import type { AffectedComponent, StatusEvent } from './events.ts';
import { formatDuration } from './format.ts';
import { COMPONENT_STATUS_WORDS, LEVELS, NO_IMPACT_LABEL, type Level } from './levels.ts';

/** Words for timeline statuses, as shown on pages and in feed titles. */
export const UPDATE_STATUS_LABELS: Record<IncidentStatus | MaintenanceStatus, string> = {
  investigating: 'Investigating',
  identified: 'Identified',
  monitoring: 'Monitoring',
  resolved: 'Resolved',
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  verifying: 'Verifying',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

/** The level an event is shown at: its impact, or maintenance. */
export const eventLevel = (event: StatusEvent): Level => (event.kind === 'incident' ? event.impact : 'maintenance');

/** "Major system outage" for incidents (the banner's words), "Maintenance" for maintenance. */
export function severityLabel(event: StatusEvent): string {
  if (event.kind === 'maintenance') return 'Maintenance';
  return event.impact === 'none' ? NO_IMPACT_LABEL : LEVELS[event.impact].label;
}

/** When the event ended: its closing update's time, or null while it goes on. */
export const endedAt = (event: StatusEvent): number | null => (event.kind === 'incident' ? event.resolvedAt : event.completedAt);

/** "Resolved", "Completed" or "Cancelled" once over; null while it goes on. */
export function outcomeLabel(event: StatusEvent): string | null {
  return endedAt(event) === null ? null : UPDATE_STATUS_LABELS[event.status];
}

/** How long the event lasted, "ongoing" while it is not over, or the planned window. */
export function durationLabel(event: StatusEvent): string {
  if (event.kind === 'incident') {
    return event.resolvedAt === null ? 'Ongoing' : `Lasted ${formatDuration(event.resolvedAt - event.startsAt)}`;
  }
  if (event.completedAt !== null && event.completedAt <= event.windowStart) return 'Did not take place';
  if (event.completedAt !== null) return `Lasted ${formatDuration(event.completedAt - event.windowStart)}`;
  return `${event.phase === 'active' ? 'In progress' : 'Planned'}: ${formatDuration(event.windowEnd - event.windowStart)} window`;
}

/** What a component went through: "Major outage, then degraded, for 2 h 3 min". */
export function affectedSummary(affected: AffectedComponent): string {
  const path = affected.path.map((status, i) => {
    const words = COMPONENT_STATUS_WORDS[status];
    return i === 0 ? words.label : words.short;
  });
  return `${path.join(', then ')}, for ${formatDuration(affected.duration)}`;
}

/** Beside a live status: "for 1 h 17 min" while it has held that status throughout, else what it went through so far. */
export function ongoingSummary(affected: AffectedComponent): string {
  const unchanged = affected.path.length === 1 && affected.path[0] === affected.status;
  return unchanged ? `for ${formatDuration(affected.duration)}` : `so far: ${affectedSummary(affected)}`;
}
