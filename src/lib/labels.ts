import type { Impact, IncidentStatus, MaintenanceStatus } from '../schemas/statuses.ts';
import type { StatusEvent } from './events.ts';
import { formatDuration } from './format.ts';

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

export const IMPACT_LABELS: Record<Impact, string> = {
  none: 'No impact',
  minor: 'Minor impact',
  major: 'Major impact',
  critical: 'Critical impact',
};

/** "Major impact" for incidents, "Scheduled maintenance" for maintenance. */
export function severityLabel(event: StatusEvent): string {
  return event.kind === 'incident' ? IMPACT_LABELS[event.impact] : 'Scheduled maintenance';
}

/** How long the event lasted, "ongoing" while it is not over, or the planned window. */
export function durationLabel(event: StatusEvent): string {
  if (event.kind === 'incident') {
    return event.resolvedAt === null ? 'Ongoing' : `Lasted ${formatDuration(event.resolvedAt - event.startsAt)}`;
  }
  if (event.cancelled) return 'Cancelled';
  if (event.completedAt !== null) return `Lasted ${formatDuration(Math.max(0, event.completedAt - event.windowStart))}`;
  return `${event.phase === 'active' ? 'In progress' : 'Planned'}: ${formatDuration(event.windowEnd - event.windowStart)} window`;
}
