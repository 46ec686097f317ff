import { z } from 'astro/zod';
import type { IncidentEvent, MaintenanceEvent, StatusEvent } from '../model/events.ts';

/*
 * `/api/v2/notify-index.json`: everything `status notify` needs to tell what
 * a build published that the previous one did not, for every incident and
 * maintenance (not the newest 50 the Statuspage endpoints list): each event's
 * id, its updates' times (their ids follow from them, rules/update-id.ts),
 * when it was resolved, its postmortem and its window. Times are Unix
 * seconds (with a fraction only when a time has milliseconds), and nothing
 * else is in it, so it stays small: about 100 bytes an incident.
 */

/** The file's name under `/api/v2/`. */
export const NOTIFY_INDEX_FILE = 'notify-index.json';
/** Its `format`: a reader refuses any other. */
export const NOTIFY_INDEX_FORMAT = 'status-notify-index/1';

const time = z.number().nonnegative();
/** One event: `u` its updates' times (file order), `r` resolved or completed, `p` postmortem published, `w` a maintenance's window. */
const eventSchema = z.object({
  id: z.string().min(1),
  u: z.array(time).min(1),
  r: time.nullable(),
  p: time.optional(),
  w: z.tuple([time, time]).optional(),
});

/** The contract: the writer's type and what a reader checks a fetched index against. */
export const notifyIndexSchema = z.object({
  format: z.literal(NOTIFY_INDEX_FORMAT),
  /** The build's now, ISO 8601 UTC: the same instant as `page.updated_at`. */
  updated_at: z.iso.datetime(),
  /** The page's root URL (base path included), as `page.url`. */
  url: z.url(),
  incidents: z.array(eventSchema),
  maintenances: z.array(eventSchema.extend({ w: z.tuple([time, time]) })),
});

export type NotifyIndexJson = z.output<typeof notifyIndexSchema>;
export type IndexedEventJson = z.output<typeof eventSchema>;

const seconds = (millis: number) => millis / 1000;

const eventFields = (event: StatusEvent) => ({ id: event.slug, u: event.updates.map((update) => seconds(update.at)) });

function incident(event: IncidentEvent): IndexedEventJson {
  return {
    ...eventFields(event),
    r: event.resolvedAt === null ? null : seconds(event.resolvedAt),
    ...(event.postmortemAt === null ? {} : { p: seconds(event.postmortemAt) }),
  };
}

function maintenance(event: MaintenanceEvent): IndexedEventJson & { w: [number, number] } {
  return {
    ...eventFields(event),
    r: event.completedAt === null ? null : seconds(event.completedAt),
    w: [seconds(event.windowStart), seconds(event.windowEnd)],
  };
}

/** The index of a build: every event the model holds at its now. */
export function notifyIndex(events: readonly StatusEvent[], now: number, url: string): NotifyIndexJson {
  return {
    format: NOTIFY_INDEX_FORMAT,
    updated_at: new Date(now).toISOString(),
    url,
    incidents: events.flatMap((event) => (event.kind === 'incident' ? [incident(event)] : [])),
    maintenances: events.flatMap((event) => (event.kind === 'maintenance' ? [maintenance(event)] : [])),
  };
}
