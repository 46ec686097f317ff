/**
 * The closed vocabularies staff may use in incident files. They follow
 * Atlassian Statuspage's names so our API (and people used to Statuspage)
 * read them the same way.
 */

/** How bad an incident is for users, from least to most severe. */
export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type Impact = (typeof IMPACTS)[number];

/** Steps of an incident's timeline; `resolved` closes it. */
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Steps of a maintenance's timeline; `completed` or `cancelled` closes it. */
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed', 'cancelled'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/** What an incident does to a component it affects, from least to most severe. */
export const INCIDENT_COMPONENT_STATUSES = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
export type IncidentComponentStatus = (typeof INCIDENT_COMPONENT_STATUSES)[number];

/** What an update may set a component to: `operational` says it has recovered. */
export const UPDATE_COMPONENT_STATUSES = ['operational', ...INCIDENT_COMPONENT_STATUSES] as const;
export type UpdateComponentStatus = (typeof UPDATE_COMPONENT_STATUSES)[number];

/**
 * Every status a component can show, ordered by how much it should draw the
 * eye: maintenance is planned and counts as up, so any incident outranks it.
 */
export const COMPONENT_STATUSES = [
  'operational',
  'under_maintenance',
  'degraded_performance',
  'partial_outage',
  'major_outage',
] as const;
export type ComponentStatus = (typeof COMPONENT_STATUSES)[number];
