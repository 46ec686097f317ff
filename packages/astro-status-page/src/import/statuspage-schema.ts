import { z } from 'astro/zod';

/*
 * The parts of Atlassian Statuspage's JSON the importer reads: the public API
 * v2 (`/api/v2/*.json`) and the management API (`api.statuspage.io/v1`) share
 * these shapes. Other fields are ignored, so newer payloads still import.
 */

const text = z.string().nullish();

export const statuspageComponentSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  description: text,
  position: z.number().nullish(),
  group_id: text,
  group: z.boolean().nullish(),
  components: z.array(z.string()).nullish(),
});

// Statuspage wrote `[{"name": "No components were affected by this update."}]` (no code, no status) for years.
const affectedComponentSchema = z.object({ code: text, name: text, old_status: text, new_status: text });

const updateSchema = z.object({
  status: z.string(),
  body: text,
  created_at: z.string(),
  display_at: text,
  affected_components: z.array(affectedComponentSchema).nullish(),
});

export const statuspageIncidentSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  status: z.string(),
  impact: z.string().nullish(),
  created_at: z.string(),
  started_at: text,
  resolved_at: text,
  incident_updates: z.array(updateSchema),
  components: z.array(z.object({ id: z.string(), name: text })).nullish(),
  postmortem_body: text,
  postmortem_published_at: text,
  scheduled_for: text,
  scheduled_until: text,
});

export const statuspagePageSchema = z.object({
  id: text,
  name: z.string().min(1),
  url: text,
  time_zone: z.string().optional(),
});

export type StatuspageComponent = z.output<typeof statuspageComponentSchema>;
export type StatuspageIncident = z.output<typeof statuspageIncidentSchema>;
export type StatuspageUpdate = StatuspageIncident['incident_updates'][number];

/** An incident the source held that is not Statuspage's shape: skipped alone, with the reason. */
export interface RejectedIncident {
  id: string;
  name: string;
  reason: string;
}

/** Everything one import reads, whichever way it was fetched. */
export interface StatuspageExport {
  page: { name: string; url: string; time_zone?: string | undefined };
  components: StatuspageComponent[];
  /** Incidents and scheduled maintenance together; maintenance has `scheduled_for`. */
  incidents: StatuspageIncident[];
  /** Entries of the incident lists that could not be read as incidents. */
  rejected?: RejectedIncident[];
  /** What the source lacked and how it was made up for (a partial dump). */
  notes?: string[];
}

// Incidents are checked one by one (see statuspage-source.ts), so one odd entry costs only itself.
const incidentList = z.array(z.unknown());
const page = statuspagePageSchema.optional();

/** The public API's files, each with what the importer needs from it. */
export const publicFileSchemas = {
  'components.json': z.object({ page: statuspagePageSchema, components: z.array(statuspageComponentSchema) }),
  'incidents.json': z.object({ page, incidents: incidentList }),
  'scheduled-maintenances.json': z.object({ page, scheduled_maintenances: incidentList }),
  'summary.json': z.object({
    page,
    components: z.array(statuspageComponentSchema).optional(),
    incidents: incidentList,
    scheduled_maintenances: incidentList.optional(),
  }),
} as const;
