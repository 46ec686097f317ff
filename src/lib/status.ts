import { COMPONENT_STATUSES, IMPACTS, type ComponentStatus, type Impact } from '../schemas/statuses.ts';
import type { IncidentEvent, MaintenanceEvent, StatusEvent } from './events.ts';

/** Words shown for each component status (never colour alone). */
export const COMPONENT_STATUS_LABELS: Record<ComponentStatus, string> = {
  operational: 'Operational',
  under_maintenance: 'Under maintenance',
  degraded_performance: 'Degraded performance',
  partial_outage: 'Partial outage',
  major_outage: 'Major outage',
};

/** The worst of several statuses; operational when there are none. */
export function worstStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst = 0;
  for (const status of statuses) worst = Math.max(worst, COMPONENT_STATUSES.indexOf(status));
  return COMPONENT_STATUSES[worst]!;
}

/** Current status of every component, from the events affecting users now. */
export function deriveComponentStatuses(componentIds: readonly string[], activeEvents: readonly StatusEvent[]): Map<string, ComponentStatus> {
  const byComponent = new Map<string, ComponentStatus[]>(componentIds.map((id) => [id, []]));
  for (const event of activeEvents) {
    for (const affected of event.components) byComponent.get(affected.id)?.push(affected.status);
  }
  return new Map([...byComponent].map(([id, statuses]) => [id, worstStatus(statuses)]));
}

export type OverallIndicator = Impact | 'maintenance';

export interface OverallStatus {
  indicator: OverallIndicator;
  /** The banner's sentence. */
  label: string;
}

const OVERALL_LABELS: Record<OverallIndicator, string> = {
  none: 'All systems operational',
  minor: 'Minor outage',
  major: 'Major outage',
  critical: 'Critical outage',
  maintenance: 'Maintenance in progress',
};

/**
 * The page's one-glance answer: the worst impact among unresolved incidents;
 * with none, maintenance in progress if any; otherwise all operational.
 */
export function deriveOverallStatus(activeIncidents: readonly IncidentEvent[], activeMaintenances: readonly MaintenanceEvent[]): OverallStatus {
  const worstImpact = activeIncidents.reduce((worst, incident) => Math.max(worst, IMPACTS.indexOf(incident.impact)), 0);
  const indicator: OverallIndicator = worstImpact > 0 ? IMPACTS[worstImpact]! : activeMaintenances.length > 0 ? 'maintenance' : 'none';
  return { indicator, label: OVERALL_LABELS[indicator] };
}
