/**
 * The closed vocabularies staff may use in incident files. They follow
 * Atlassian Statuspage's names so our API (and people used to Statuspage)
 * read them the same way.
 */

/** How bad an incident is for users, from least to most severe. */
export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type Impact = (typeof IMPACTS)[number];

/**
 * Steps of an incident's timeline; `resolved` closes it, and so does `merged`
 * (with `into: <id>`): the incident is followed in another one from then on,
 * which carries its components, so merging never says they recovered.
 */
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved', 'merged'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Atlassian Statuspage's incident statuses: ours but `merged`, which its API reports as `resolved`. */
export const STATUSPAGE_INCIDENT_STATUSES = [
  'investigating',
  'identified',
  'monitoring',
  'resolved',
] as const satisfies readonly IncidentStatus[];

/** The statuses that close an incident's timeline. */
export const INCIDENT_CLOSING_STATUSES = ['resolved', 'merged'] as const satisfies readonly IncidentStatus[];

/** Steps of a maintenance's timeline; `completed` or `cancelled` closes it. */
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed', 'cancelled'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/** The statuses that close a maintenance's timeline. */
export const MAINTENANCE_CLOSING_STATUSES = ['completed', 'cancelled'] as const satisfies readonly MaintenanceStatus[];

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
