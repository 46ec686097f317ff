import { existsSync, readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { join } from 'node:path';
import { apiEndpointSchemas } from '../outputs/api-schema.ts';
import type { ApiIncident, ApiScheduledMaintenance } from '../outputs/api.ts';
import type { Snapshot } from './diff.ts';
import type { PageContext } from './renderers.ts';

/*
 * A build's published API, read from a folder (`dist/`, or a saved copy of a
 * live site's `api/v2/`) or from a live site's URL. Each file is checked
 * against the API contract, so a diff never runs on something half-read.
 */

const FILES = ['status.json', 'incidents.json', 'scheduled-maintenances.json'] as const;
type Loaded = { [F in (typeof FILES)[number]]: unknown };

/** `dir` itself when it holds the API files, else its `api/v2/` (a build's output folder). */
function apiFolder(dir: string): string {
  return existsSync(join(dir, 'incidents.json')) ? dir : join(dir, 'api', 'v2');
}

async function readSource(source: string, timeoutMs: number): Promise<Loaded> {
  const entries = await Promise.all(
    FILES.map(async (file) => {
      if (/^https?:\/\//.test(source)) {
        const base = source.endsWith('/') ? source : `${source}/`;
        const url = new URL(base.endsWith('/api/v2/') ? file : `api/v2/${file}`, base);
        const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        if (!response.ok) throw new Error(`${url.href}: ${response.status} ${response.statusText}`);
        return [file, await response.json()] as const;
      }
      const path = join(apiFolder(source), file);
      if (!existsSync(path)) throw new Error(`${path}: not found (give a build's output folder, its api/v2 folder, or the live site's URL)`);
      return [file, JSON.parse(readFileSync(path, 'utf8'))] as const;
    }),
  );
  return Object.fromEntries(entries) as Loaded;
}

/** Parse one file with its endpoint's schema; the error names the file and the first bad field. */
function parse<T>(source: string, file: string, schema: z.ZodType<T>, value: unknown): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  throw new Error(`${source} ${file}: ${issue.path.join('.') || 'body'}: ${issue.message}; is this a status page's API v2?`);
}

/** Builds before notifications existed published no `postmortem_published_at`: read it as null. */
function withPostmortemField(body: unknown): unknown {
  const incidents = (body as { incidents?: unknown }).incidents;
  if (!Array.isArray(incidents)) return body;
  return { ...(body as object), incidents: incidents.map((incident: object) => ({ postmortem_published_at: null, ...incident })) };
}

/** Builds before freshness published neither the next build's due time nor a build id: read them as due at once, with no id. */
function withFreshnessFields(body: unknown): unknown {
  const page = (body as { page?: { updated_at?: unknown } }).page;
  if (typeof page !== 'object' || page === null) return body;
  return { ...(body as object), page: { next_update_by: page.updated_at, build_id: LEGACY_BUILD_ID, ...page } };
}

/** The build id read for a build published before build ids. */
export const LEGACY_BUILD_ID = 'none';

export interface LoadedBuild {
  snapshot: Snapshot;
  context: PageContext;
}

/** Read a build's API from a folder or URL. */
export async function loadBuild(source: string, timeoutMs: number): Promise<LoadedBuild> {
  const raw = await readSource(source, timeoutMs);
  const status = parse(source, 'status.json', apiEndpointSchemas['status.json'], withFreshnessFields(raw['status.json']));
  const incidents = parse(source, 'incidents.json', apiEndpointSchemas['incidents.json'], withPostmortemField(raw['incidents.json'])).incidents as ApiIncident[];
  const maintenances = parse(source, 'scheduled-maintenances.json', apiEndpointSchemas['scheduled-maintenances.json'], raw['scheduled-maintenances.json']).scheduled_maintenances as ApiScheduledMaintenance[];
  return { snapshot: { at: Date.parse(status.page.updated_at), incidents, maintenances }, context: { page: status.page, status: status.status } };
}
