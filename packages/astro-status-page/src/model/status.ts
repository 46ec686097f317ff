import type { ComponentStatus } from '../rules/statuses.ts';
import type { IncidentEvent, MaintenanceEvent, StatusEvent } from './events.ts';
import { impliedImpact, LEVELS, worseImpact, worstStatus, type Level } from '../rules/levels.ts';

/** Current status of every component, from the events affecting users now. */
export function deriveComponentStatuses(
  componentIds: readonly string[],
  activeEvents: readonly StatusEvent[],
): Map<string, ComponentStatus> {
  const byComponent = new Map<string, ComponentStatus[]>(componentIds.map((id) => [id, []]));
  for (const event of activeEvents) {
    for (const affected of event.components) byComponent.get(affected.id)?.push(affected.status);
  }
  return new Map([...byComponent].map(([id, statuses]) => [id, worstStatus(statuses)]));
}

export interface OverallStatus {
  indicator: Level;
  /** The banner's sentence. */
  label: string;
}

/**
 * The page's one-glance answer: the worse of the worst impact among open
 * incidents and the level the worst component status implies, so the banner
 * is never greener than a row below it; with neither, maintenance in
 * progress if any; otherwise all operational.
 */
export function deriveOverallStatus(
  activeIncidents: readonly IncidentEvent[],
  activeMaintenances: readonly MaintenanceEvent[],
  componentStatuses: Iterable<ComponentStatus>,
): OverallStatus {
  const impact = activeIncidents.reduce(
    (worst, incident) => worseImpact(worst, incident.impact),
    impliedImpact(componentStatuses),
  );
  const indicator: Level = impact !== 'none' ? impact : activeMaintenances.length > 0 ? 'maintenance' : 'none';
  return { indicator, label: LEVELS[indicator].label };
}
