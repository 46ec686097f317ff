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

const affectedComponentSchema = z.object({ code: z.string(), name: text, old_status: text, new_status: z.string() });

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
  incident_updates: z.array(updateSchema),
  components: z.array(z.object({ id: z.string() })).nullish(),
  postmortem_body: text,
  postmortem_published_at: text,
  scheduled_for: text,
  scheduled_until: text,
});

export const statuspagePageSchema = z.object({ id: text, name: z.string().min(1), url: text, time_zone: z.string().optional() });

export type StatuspageComponent = z.output<typeof statuspageComponentSchema>;
export type StatuspageIncident = z.output<typeof statuspageIncidentSchema>;
export type StatuspageUpdate = StatuspageIncident['incident_updates'][number];

/** Everything one import reads, whichever way it was fetched. */
export interface StatuspageExport {
  page: { name: string; url: string; time_zone?: string | undefined };
  components: StatuspageComponent[];
  /** Incidents and scheduled maintenance together; maintenance has `scheduled_for`. */
  incidents: StatuspageIncident[];
}

/** The public API's files, each with what the importer needs from it. */
export const publicFileSchemas = {
  'components.json': z.object({ page: statuspagePageSchema, components: z.array(statuspageComponentSchema) }),
  'incidents.json': z.object({ incidents: z.array(statuspageIncidentSchema) }),
  'scheduled-maintenances.json': z.object({ scheduled_maintenances: z.array(statuspageIncidentSchema) }),
  'summary.json': z.object({ incidents: z.array(statuspageIncidentSchema), scheduled_maintenances: z.array(statuspageIncidentSchema) }),
} as const;
