import { z } from 'astro/zod';
import {
  COMPONENT_STATUSES,
  IMPACTS,
  STATUSPAGE_INCIDENT_STATUSES,
  STATUSPAGE_MAINTENANCE_STATUSES,
} from '../rules/statuses.ts';
import { LEVELS } from '../rules/levels.ts';

/*
 * The published contract of /api/v2/*.json, field for field as Atlassian
 * Statuspage's public API v2, and the one owner of its shape: the builder's
 * types (outputs/api.ts) are inferred from these, and tests validate every
 * generated file against them; a client written for Statuspage can rely on them.
 */

/** ISO 8601 with an explicit zone. */
const timestamp = z.iso.datetime({ offset: true });
const nullableTimestamp = timestamp.nullable();
const componentStatus = z.enum(COMPONENT_STATUSES);
/** Statuspage's maintenance statuses (our `cancelled` is published as `completed`). */
const maintenanceStatus = z.enum(STATUSPAGE_MAINTENANCE_STATUSES);

export const apiPageSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  url: z.url(),
  time_zone: z.string(),
  /** This build's now. */
  updated_at: timestamp,
  /** Ours, not Statuspage's (clients ignore it): by when the next build is due; later, the page may be out of date. */
  next_update_by: timestamp,
  /** Ours: a hash of everything this build's API publishes; every host serving this build serves the same id. */
  build_id: z.string().min(1),
});

export const apiStatusSchema = z.strictObject({
  indicator: z.enum(['none', 'minor', 'major', 'critical', 'maintenance']),
  // Statuspage's descriptions, owned by the levels' vocabulary (rules/levels.ts) that the builder takes them from.
  description: z.enum(Object.values(LEVELS).map((level) => level.api) as [string, ...string[]]),
});

export const apiComponentSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  status: componentStatus,
  created_at: timestamp,
  updated_at: timestamp,
  position: z.int().positive(),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  group_id: z.string().nullable(),
  page_id: z.string(),
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
  components: z.array(z.string()).optional(),
});

const affectedComponent = z.strictObject({
  code: z.string(),
  name: z.string(),
  old_status: componentStatus,
  new_status: componentStatus,
});

const incidentUpdate = <S extends z.ZodType>(status: S) =>
  z.strictObject({
    id: z.string().min(1),
    status,
    body: z.string(),
    incident_id: z.string(),
    created_at: timestamp,
    updated_at: timestamp,
    display_at: timestamp,
    affected_components: z.array(affectedComponent).nullable(),
    deliver_notifications: z.boolean(),
    custom_tweet: z.string().nullable(),
    tweet_id: z.string().nullable(),
    /** Not in Statuspage: true when the import wrote this update's words, its source having given none. */
    added_by_import: z.boolean(),
  });

const incidentFields = {
  id: z.string().min(1),
  name: z.string(),
  created_at: timestamp,
  updated_at: timestamp,
  started_at: timestamp,
  monitoring_at: nullableTimestamp,
  resolved_at: nullableTimestamp,
  shortlink: z.url(),
  page_id: z.string(),
  components: z.array(apiComponentSchema),
};

/**
 * Statuspage's incident statuses: ours without `merged`, which the API
 * reports as `resolved` (the incident is closed) with `merged_into` naming
 * the incident that follows it, and no component recovery on that update.
 */
const API_INCIDENT_STATUSES = STATUSPAGE_INCIDENT_STATUSES;

export const apiIncidentSchema = z.strictObject({
  ...incidentFields,
  status: z.enum(API_INCIDENT_STATUSES),
  impact: z.enum(IMPACTS),
  incident_updates: z.array(incidentUpdate(z.enum(API_INCIDENT_STATUSES))),
  postmortem_published_at: nullableTimestamp,
  postmortem_body: z.string().nullable(),
  /** Not in Statuspage: `probe` when failing checks opened it (`npm run status -- probe`), else `staff`. */
  opened_by: z.enum(['staff', 'probe']),
  /** Not in Statuspage: true for a notice, over when posted with nothing affected (pages say "Notice", never "Resolved"). */
  notice: z.boolean(),
  /** Not in Statuspage: the incident this one is followed in (`status: merged`), else null. */
  merged_into: z.strictObject({ id: z.string(), name: z.string(), shortlink: z.url() }).nullable(),
  /**
   * Not in Statuspage: while open, by when its newest update promised the next
   * one (`next_update:`), else null. Past it and still the newest, the update is overdue.
   */
  next_update_promised_by: nullableTimestamp,
});

const millis = z.number().int().nonnegative();

/**
 * Not in Statuspage: what the probes measured, per component that has
 * checks. `days` are the page's 90 days in its zone (`time_zone`), oldest
 * first; response times in milliseconds, null on a day nothing answered.
 */
export const apiMeasurementsSchema = z.strictObject({
  id: z.string(),
  name: z.string(),
  /** Percentage of the 90 days' checks that passed. */
  availability: z.number().min(0).max(100),
  /** Median response time of the last 24 hours. */
  recent_p50_ms: millis.nullable(),
  days: z.array(
    z.strictObject({
      date: z.string(),
      checks: millis,
      failures: millis,
      p50_ms: millis.nullable(),
      p95_ms: millis.nullable(),
    }),
  ),
  last_day: z.array(
    z.strictObject({
      at: timestamp,
      check: z.string(),
      ok: z.boolean(),
      ms: millis.nullable(),
      why: z.string().nullable(),
    }),
  ),
});

export const apiScheduledMaintenanceSchema = z.strictObject({
  ...incidentFields,
  status: maintenanceStatus,
  impact: z.literal('maintenance'),
  incident_updates: z.array(incidentUpdate(maintenanceStatus)),
  scheduled_for: timestamp,
  scheduled_until: timestamp,
  scheduled_remind_prior: z.boolean(),
  scheduled_reminded_at: nullableTimestamp,
  /** Not in Statuspage, which has no word for it: true once called off (its last update is `cancelled`; `status` reads `completed`). */
  cancelled: z.boolean(),
});

const page = apiPageSchema;
const incidents = z.array(apiIncidentSchema);
const maintenances = z.array(apiScheduledMaintenanceSchema);

/** Every endpoint's schema, by its path under /api/v2/. */
export const apiEndpointSchemas = {
  'summary.json': z.strictObject({
    page,
    status: apiStatusSchema,
    components: z.array(apiComponentSchema),
    incidents,
    scheduled_maintenances: maintenances,
  }),
  'status.json': z.strictObject({ page, status: apiStatusSchema }),
  'components.json': z.strictObject({ page, components: z.array(apiComponentSchema) }),
  'incidents.json': z.strictObject({ page, incidents }),
  'incidents/unresolved.json': z.strictObject({ page, incidents }),
  'scheduled-maintenances.json': z.strictObject({ page, scheduled_maintenances: maintenances }),
  'scheduled-maintenances/upcoming.json': z.strictObject({ page, scheduled_maintenances: maintenances }),
  'scheduled-maintenances/active.json': z.strictObject({ page, scheduled_maintenances: maintenances }),
  'measurements.json': z.strictObject({ page, components: z.array(apiMeasurementsSchema) }),
} as const;
