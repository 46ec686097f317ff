/**
 * The closed vocabularies staff may use in incident files. They follow
 * Atlassian Statuspage's names so our API (and people used to Statuspage)
 * read them the same way.
 */

/** How bad an incident is for users, from least to most severe. */
export const IMPACTS = ['none', 'minor', 'major', 'critical'] as const;
export type Impact = (typeof IMPACTS)[number];

/**
 * The incident statuses an update carries on its own: all but `merged`, which
 * names the incident that follows (`update --merge-into` writes it). A new
 * incident and a template start from one of these.
 */
export const STANDALONE_INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const;

/**
 * Steps of an incident's timeline; `resolved` closes it, and so does `merged`
 * (with `into: <id>`): the incident is followed in another one from then on,
 * which carries its components, so merging never says they recovered.
 */
export const INCIDENT_STATUSES = [...STANDALONE_INCIDENT_STATUSES, 'merged'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

/** Atlassian Statuspage's incident statuses: ours but `merged`, which its API reports as `resolved`. */
export const STATUSPAGE_INCIDENT_STATUSES = STANDALONE_INCIDENT_STATUSES;

/** The statuses that close an incident's timeline. */
export const INCIDENT_CLOSING_STATUSES = ['resolved', 'merged'] as const satisfies readonly IncidentStatus[];

/** Steps of a maintenance's timeline; `completed` or `cancelled` closes it. */
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed', 'cancelled'] as const;
export type MaintenanceStatus = (typeof MAINTENANCE_STATUSES)[number];

/** The statuses that close a maintenance's timeline. */
export const MAINTENANCE_CLOSING_STATUSES = ['completed', 'cancelled'] as const satisfies readonly MaintenanceStatus[];

/** Atlassian Statuspage's maintenance statuses: ours but `cancelled`, which its API reports as `completed`. */
export const STATUSPAGE_MAINTENANCE_STATUSES = [
  'scheduled',
  'in_progress',
  'verifying',
  'completed',
] as const satisfies readonly MaintenanceStatus[];

export type EventKind = 'incident' | 'maintenance';

/** Every status that closes a timeline of this kind: `resolved` or `merged`; `completed` or `cancelled`. */
export const closingStatuses = (kind: EventKind): readonly string[] =>
  kind === 'incident' ? INCIDENT_CLOSING_STATUSES : MAINTENANCE_CLOSING_STATUSES;

/**
 * Is a timeline whose newest update has this status closed? The one answer
 * for the file schema, the CLI, the model and the API.
 */
export const closes = (kind: EventKind, status: string): boolean => closingStatuses(kind).includes(status);

/**
 * Our status as Statuspage's API names it: it has no "merged" (the incident is
 * closed, so `resolved`) and no "cancelled" (the maintenance is over, so
 * `completed`); our own API fields say which it was.
 */
export function statuspageStatus(status: IncidentStatus): (typeof STATUSPAGE_INCIDENT_STATUSES)[number];
export function statuspageStatus(status: MaintenanceStatus): (typeof STATUSPAGE_MAINTENANCE_STATUSES)[number];
export function statuspageStatus(
  status: IncidentStatus | MaintenanceStatus,
): (typeof STATUSPAGE_INCIDENT_STATUSES | typeof STATUSPAGE_MAINTENANCE_STATUSES)[number];
export function statuspageStatus(status: IncidentStatus | MaintenanceStatus): string {
  if (status === 'merged') return 'resolved';
  return status === 'cancelled' ? 'completed' : status;
}

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
