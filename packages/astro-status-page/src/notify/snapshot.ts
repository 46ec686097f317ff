import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { join } from 'node:path';
import { jsonOf, readBounded, ReadFailure, shortUrl, type BoundedAnswer } from '../net/bounded-read.ts';
import { visible } from '../rules/text.ts';
import { apiEndpointSchemas } from '../outputs/api-schema.ts';
import type { ApiIncident, ApiScheduledMaintenance } from '../outputs/api.ts';
import {
  NOTIFY_INDEX_FILE,
  notifyIndexSchema,
  type IndexedEventJson,
  type NotifyIndexJson,
} from '../outputs/notify-index.ts';
import { parseForeignJson } from '../rules/foreign-json.ts';
import { updateIds } from '../rules/update-id.ts';
import { indexOf, type BuildIndex, type IndexedEvent, type Snapshot } from './diff.ts';
import type { PageContext } from './renderers.ts';

/*
 * A published build, read from a folder or a live site: by `notify`, the
 * previous build it compares with, its notify index
 * (`/api/v2/notify-index.json`: every event), or, for a site built before
 * the index existed, its Statuspage endpoints; by `watch`, what each host
 * serves. The build just made is current-build.ts's. Nothing here computes
 * a model, so a reader of many hosts loads only what reading needs.
 */

const LEGACY_FILES = ['status.json', 'incidents.json', 'scheduled-maintenances.json'] as const;

/** `dir` itself when it holds the API files, else its `api/v2/` (a build's output folder). */
export function apiFolder(dir: string): string {
  return existsSync(join(dir, NOTIFY_INDEX_FILE)) || existsSync(join(dir, 'incidents.json'))
    ? dir
    : join(dir, 'api', 'v2');
}

const isUrl = (source: string) => /^https?:\/\//i.test(source);

/** A live site that gave no answer: `why` says it in a few words. */
export class UnreachableSource extends Error {
  readonly why: string;
  constructor(url: string, why: string, cause: unknown) {
    super(`${url}: ${why}`, { cause });
    this.why = why;
  }
}

/** Bytes one API file may hold: the notify index of 10,000 events is about 1.2 MB; the other files list at most 50 events (50 of the synthetic benchmark: 212 KB). Parsed and checked, such files take tens of MB (watch reads them on a worker of bounded heap, watch/read-host.ts). */
export const API_FILE_MAX_BYTES = 2_000_000;

/** One API file from a folder or a live site (within API_FILE_MAX_BYTES and `timeoutMs`); undefined when the site has no such file (404, or no file). */
async function readFile(source: string, file: string, timeoutMs: number): Promise<unknown> {
  if (!isUrl(source)) {
    const path = join(apiFolder(source), file);
    return existsSync(path) ? parseForeignJson(readFileSync(path, 'utf8'), path) : undefined;
  }
  const base = source.endsWith('/') ? source : `${source}/`;
  const url = new URL(base.endsWith('/api/v2/') ? file : `api/v2/${file}`, base);
  let response: BoundedAnswer;
  try {
    response = await readBounded(url, { maxBytes: API_FILE_MAX_BYTES, timeoutMs });
  } catch (error) {
    if (error instanceof ReadFailure && (error.kind === 'connect' || error.kind === 'timeout'))
      throw new UnreachableSource(url.href, error.why, error);
    throw error;
  }
  if (response.redirectedTo)
    throw new Error(`${url.href}: redirected to ${shortUrl(response.redirectedTo)}, another site, not followed`);
  if (response.status === 404) return undefined;
  if (response.status < 200 || response.status > 299)
    throw new Error(`${url.href}: ${response.status} ${visible(response.statusText)}`);
  return jsonOf(response);
}

/** Parse one file with its schema; the error names the file and the first bad field. */
function parse<T>(source: string, file: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(
    `${source} ${file}: ${visible(issue.path.join('.'), 80) || 'body'}: ${visible(issue.message, 200)}; is this a status page's API v2?`,
  );
}

const ms = (seconds: number) => Math.round(seconds * 1000);

function fromIndexJson(event: IndexedEventJson, maintenance: boolean): IndexedEvent {
  const times = event.u.map(ms);
  return {
    id: event.id,
    maintenance,
    updates: updateIds(times).map((id) => `${event.id}-${id}`),
    firstAt: times[0]!,
    resolvedAt: event.r === null ? null : ms(event.r),
    postmortemAt: event.p === undefined ? null : ms(event.p),
    window: event.w ? [ms(event.w[0]), ms(event.w[1])] : null,
  };
}

/** The comparison's view of a notify index file. */
export function indexFromJson(json: NotifyIndexJson): BuildIndex {
  return {
    at: Date.parse(json.updated_at),
    events: [
      ...json.incidents.map((event) => fromIndexJson(event, false)),
      ...json.maintenances.map((event) => fromIndexJson(event, true)),
    ],
  };
}

/**
 * A build of an earlier release lacks the fields added since: read them as
 * their "nothing to say" value, so the first deploy after an upgrade still
 * reads the live site it replaces. Builds before notifications published no
 * `postmortem_published_at`, before merging no `merged_into`, before promises
 * no `next_update_promised_by`, before imports marked their words no
 * `added_by_import`, before cancelled maintenance was told apart no `cancelled`,
 * before notices no `notice`.
 */
function withLaterFields(body: unknown, list: 'incidents' | 'scheduled_maintenances'): unknown {
  const events = (body as Record<string, unknown>)[list];
  if (!Array.isArray(events)) return body;
  const eventDefaults =
    list === 'incidents'
      ? { postmortem_published_at: null, merged_into: null, next_update_promised_by: null, notice: false }
      : { cancelled: false };
  return {
    ...(body as object),
    [list]: events.map((event: { incident_updates?: unknown }) => ({
      ...eventDefaults,
      ...event,
      ...(Array.isArray(event.incident_updates)
        ? { incident_updates: event.incident_updates.map((update: object) => ({ added_by_import: false, ...update })) }
        : {}),
    })),
  };
}

/** Builds before freshness published neither the next build's due time nor a build id: read them as due at once, with no id. */
function withFreshnessFields(body: unknown): unknown {
  const page = (body as { page?: { updated_at?: unknown } }).page;
  if (typeof page !== 'object' || page === null) return body;
  return { ...(body as object), page: { next_update_by: page.updated_at, build_id: LEGACY_BUILD_ID, ...page } };
}

/** The build id read for a build published before build ids. */
export const LEGACY_BUILD_ID = 'none';
/**
 * A build from before the index: its newest 50 incidents and maintenances,
 * whose update ids counted positions (`-update-3`); each update is known by
 * its time instead, as today's ids are.
 */
async function legacyIndex(source: string, timeoutMs: number): Promise<{ index: BuildIndex; url: string }> {
  const { snapshot, index, context } = await readEndpoints(source, timeoutMs, `no ${NOTIFY_INDEX_FILE} and no`);
  const retimed = index.events.map((event, i) => {
    const events = [...snapshot.incidents, ...snapshot.maintenances];
    const updates = events[i]!.incident_updates.map((update) => Date.parse(update.display_at)).reverse();
    return { ...event, updates: updateIds(updates).map((id) => `${event.id}-${id}`) };
  });
  return { index: { at: index.at, events: retimed }, url: context.page.url };
}

export interface PreviousBuild {
  index: BuildIndex;
  /** The page it was built for (`page.url`): a build of another page is no baseline (run.ts, `baselineOf`). */
  url: string;
  /** Said in the run's first lines when the comparison is not complete. */
  note?: string;
}

/** A build's notify index, from a folder or URL, checked against its schema; undefined when it has none. */
export async function readNotifyIndex(source: string, timeoutMs: number): Promise<NotifyIndexJson | undefined> {
  const json = await readFile(source, NOTIFY_INDEX_FILE, timeoutMs);
  return json === undefined ? undefined : parse(source, NOTIFY_INDEX_FILE, notifyIndexSchema, json);
}

/** The previous build's index, from a folder or URL. */
export async function loadPrevious(source: string, timeoutMs: number): Promise<PreviousBuild> {
  try {
    const json = await readNotifyIndex(source, timeoutMs);
    if (json !== undefined) return { index: indexFromJson(json), url: json.url };
    const { index, url } = await legacyIndex(source, timeoutMs);
    return {
      index,
      url,
      note: `The previous build has no ${NOTIFY_INDEX_FILE} (it was built before it existed): compared with the newest 50 incidents and maintenances it listed.`,
    };
  } catch (error) {
    if (!(error instanceof UnreachableSource)) throw error;
    throw new Error(
      `${error.message}; give the live site's address, a saved api/v2 folder, or leave --previous out for a first run`,
      { cause: error },
    );
  }
}

export interface LoadedBuild {
  snapshot: Snapshot;
  context: PageContext;
  /** Its own index, as the diff reads it. */
  index: BuildIndex;
}

/** A build's Statuspage endpoints (status, the newest 50 incidents and maintenances), from a folder or URL. */
async function readEndpoints(source: string, timeoutMs: number, missingSays = 'no'): Promise<LoadedBuild> {
  const raw = await Promise.all(LEGACY_FILES.map((file) => readFile(source, file, timeoutMs)));
  const missing = LEGACY_FILES.filter((_, i) => raw[i] === undefined);
  if (missing.length > 0)
    throw new Error(
      `${source}: ${missingSays} ${missing.join(', ')} (give a build's output folder, its api/v2 folder, or the live site's URL)`,
    );
  const status = parse(source, 'status.json', apiEndpointSchemas['status.json'], withFreshnessFields(raw[0]));
  const incidents = parse(
    source,
    'incidents.json',
    apiEndpointSchemas['incidents.json'],
    withLaterFields(raw[1], 'incidents'),
  ).incidents as ApiIncident[];
  const maintenances = parse(
    source,
    'scheduled-maintenances.json',
    apiEndpointSchemas['scheduled-maintenances.json'],
    withLaterFields(raw[2], 'scheduled_maintenances'),
  ).scheduled_maintenances as ApiScheduledMaintenance[];
  const snapshot = { at: Date.parse(status.page.updated_at), incidents, maintenances };
  return { snapshot, context: { page: status.page, status: status.status }, index: indexOf(snapshot) };
}

/**
 * A live build as the watchdog reads it: its page and status, and every
 * update it publishes (from its notify index, complete; from its newest 50
 * incidents and maintenances when it was built before the index).
 */
export async function loadBuild(source: string, timeoutMs: number): Promise<LoadedBuild> {
  const [build, json] = await Promise.all([readEndpoints(source, timeoutMs), readNotifyIndex(source, timeoutMs)]);
  return json === undefined ? build : { ...build, index: indexFromJson(json) };
}
