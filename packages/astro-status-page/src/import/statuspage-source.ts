import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { jsonOf, readBounded, ReadFailure, shortUrl } from '../net/bounded-read.ts';
import { visible, writableStrings } from '../rules/text.ts';
import { ImportError } from './plan.ts';
import { parseForeignJson } from '../rules/foreign-json.ts';
import {
  publicFileSchemas,
  statuspageComponentSchema,
  statuspageIncidentSchema,
  statuspagePageSchema,
  type RejectedIncident,
  type StatuspageComponent,
  type StatuspageExport,
  type StatuspageIncident,
} from './statuspage-schema.ts';

/*
 * Reading a Statuspage page three ways: a folder of its public JSON, its
 * public URL (`/api/v2/*.json`, the newest 50 incidents), or the management
 * API (`api.statuspage.io/v1`, paginated, the whole history).
 */

type PublicFile = keyof typeof publicFileSchemas;

/** `where: components[2].name: expected string`, the first few problems of a payload that is not Statuspage's. */
function parsed<S extends z.ZodType>(schema: S, value: unknown, where: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const problems = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  throw new ImportError(`${where} is not Statuspage's format: ${problems.join('; ')}`);
}

/** Each entry of an incident list read on its own: the incidents, and the entries that are not one with why. */
export function readIncidents(entries: readonly unknown[]): {
  incidents: StatuspageIncident[];
  rejected: RejectedIncident[];
} {
  const incidents: StatuspageIncident[] = [];
  const rejected: RejectedIncident[] = [];
  entries.forEach((entry, i) => {
    const result = statuspageIncidentSchema.safeParse(entry);
    if (result.success) return void incidents.push(result.data);
    const record = (entry && typeof entry === 'object' ? entry : {}) as { id?: unknown; name?: unknown };
    const problems = result.error.issues
      .slice(0, 3)
      .map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
    rejected.push({
      id: typeof record.id === 'string' ? record.id : `#${i + 1}`,
      name: typeof record.name === 'string' ? record.name : '(no name)',
      reason: `it is not Statuspage's shape: ${problems.join('; ')}`,
    });
  });
  return { incidents, rejected };
}

type Listed = { id: string; name?: string | null | undefined };

/** Components named by incidents (listed, or in an update's affected components), when no component list was saved. */
function componentsFromIncidents(incidents: readonly StatuspageIncident[]): StatuspageComponent[] {
  const byId = new Map<string, string>();
  const add = ({ id, name }: Listed) => {
    if (!byId.has(id) || (name && byId.get(id) === id)) byId.set(id, name?.trim() || id);
  };
  for (const incident of incidents) {
    for (const component of incident.components ?? []) add(component);
    for (const update of incident.incident_updates)
      for (const affected of update.affected_components ?? [])
        if (affected.code) add({ id: affected.code, name: affected.name });
  }
  return [...byId].map(([id, name], position) => ({ id, name, position }));
}

/**
 * The page, components and incidents from the public API's files; `read`
 * returns undefined for a missing file. `url` (the CLI's `--url`, or the page
 * fetched) stands in for the page when no file names it (a trimmed export).
 */
async function fromPublicFiles(
  read: (file: PublicFile) => Promise<unknown>,
  where: (file: PublicFile) => string,
  url?: string,
): Promise<StatuspageExport> {
  const file = async <F extends PublicFile>(name: F) => {
    const json = await read(name);
    return json === undefined
      ? undefined
      : (parsed(publicFileSchemas[name], json, where(name)) as z.output<(typeof publicFileSchemas)[F]>);
  };
  const components = await file('components.json');
  const incidents = await file('incidents.json');
  const maintenances = await file('scheduled-maintenances.json');
  const summary = await file('summary.json');
  if (!incidents && !summary)
    throw new ImportError(
      `${where('incidents.json')} is missing, and so is summary.json; one of them holds the page's incidents`,
    );
  const notes: string[] = [];
  let page = components?.page ?? summary?.page ?? incidents?.page ?? maintenances?.page;
  const host = url && /^https?:\/\//i.test(url) ? new URL(url).hostname : undefined;
  if (!page && url && host) {
    page = { name: host, url };
    notes.push(
      `no file names the page: its address is ${url} and its name ${JSON.stringify(host)}; give it its own in status.config.yaml`,
    );
  }
  if (!page)
    throw new ImportError(
      `${where('components.json')} is missing, and no other file names the page; save components.json or summary.json, or give the page's address with --url https://status.example.com`,
    );
  // The summary adds open incidents older than the newest 50; the mapper drops repeated ids.
  const { incidents: all, rejected } = readIncidents([
    ...(incidents?.incidents ?? []),
    ...(maintenances?.scheduled_maintenances ?? []),
    ...(summary?.incidents ?? []),
    ...(summary?.scheduled_maintenances ?? []),
  ]);
  let list = components?.components ?? summary?.components;
  if (!components && list) notes.push("components.json is missing: the components are the summary's");
  if (!list) {
    list = componentsFromIncidents(all);
    notes.push(
      'components.json and summary.json are missing: the components are those the incidents name, in one group; their groups, order and descriptions could not be recovered',
    );
  }
  if (list.length === 0) {
    // The page needs a component; one named after the page holds the history.
    list = [{ id: 'page', name: page.name, position: 0 }];
    notes.push(
      `no incident names a component either: one component, ${JSON.stringify(page.name)}, stands for the whole page`,
    );
  }
  if (!incidents)
    notes.push('incidents.json is missing: only the incidents summary.json lists (the open ones) were imported');
  return {
    page: { name: page.name, url: page.url ?? '', time_zone: page.time_zone },
    components: list,
    incidents: all,
    rejected,
    notes,
  };
}

/** A folder holding `components.json`, `incidents.json` … (or a site whose `api/v2/` does). */
export function readPublicFolder(dir: string, url?: string): Promise<StatuspageExport> {
  const base = existsSync(join(dir, 'api/v2/components.json')) ? join(dir, 'api/v2') : dir;
  return fromPublicFiles(
    async (name) => {
      const path = join(base, name);
      if (!existsSync(path)) return undefined;
      try {
        return writableStrings(parseForeignJson(readFileSync(path, 'utf8'), path));
      } catch (error) {
        throw new ImportError((error as Error).message);
      }
    },
    (name) => join(base, name),
    url,
  );
}

/** Bytes one answer may hold: a page of 100 incidents with their updates is rarely 2 MB; parsing more could take the process past 300 MB. */
const IMPORT_MAX_BYTES = 5_000_000;
/** Milliseconds for one whole answer, body included. */
const IMPORT_TIMEOUT_MS = 30_000;

/**
 * GET a URL as JSON, within IMPORT_MAX_BYTES and IMPORT_TIMEOUT_MS; undefined
 * on 404 when the file is optional. Errors name the URL and the cap, never a
 * credential nor the answer's bytes.
 */
async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  try {
    const response = await readBounded(url, {
      maxBytes: IMPORT_MAX_BYTES,
      timeoutMs: IMPORT_TIMEOUT_MS,
      headers: { accept: 'application/json', ...headers },
    });
    if (response.redirectedTo)
      throw new ImportError(
        `${url} redirects to ${shortUrl(response.redirectedTo)}, another site, not followed; import from that address`,
      );
    if (response.status === 404) return undefined;
    if (response.status === 401 || response.status === 403) {
      throw new ImportError(
        `${url} refused the API key (HTTP ${response.status}); check STATUSPAGE_API_KEY and --page-id`,
      );
    }
    if (response.status < 200 || response.status > 299)
      throw new ImportError(`${url} answered HTTP ${response.status} ${visible(response.statusText)}`);
    return writableStrings(jsonOf(response));
  } catch (error) {
    if (!(error instanceof ReadFailure)) throw error;
    if (error.kind === 'connect')
      throw new ImportError(`could not reach ${url}: ${error.why.replace(/^could not connect \((.*)\)$/, '$1')}`);
    throw new ImportError(error.message);
  }
}

/** A public page by its root URL, e.g. https://status.example.com (its `/api/v2/` files). */
export function fetchPublicPage(root: string, url?: string): Promise<StatuspageExport> {
  const page = root.replace(/\/+$/, '').replace(/\/api\/v2$/, '');
  const api = `${page}/api/v2/`;
  return fromPublicFiles(
    (name) => getJson(`${api}${name}`),
    (name) => `${api}${name}`,
    url ?? page,
  );
}

export interface ManagementSource {
  /** The API's root, https://api.statuspage.io/v1 unless testing. */
  apiUrl: string;
  pageId: string;
  apiKey: string;
  /** Items per request (Statuspage allows up to 100). */
  perPage?: number;
}

export const MANAGEMENT_API = 'https://api.statuspage.io/v1';
const MAX_PAGES = 10_000;

/** Every item of a paginated management endpoint: `?page=1&per_page=100`, … until a short page. */
async function allPages<S extends z.ZodType>(
  source: ManagementSource,
  path: string,
  item: S,
): Promise<Array<z.output<S>>> {
  const perPage = source.perPage ?? 100;
  const items: Array<z.output<S>> = [];
  for (let page = 1; page <= MAX_PAGES; page++) {
    const url = `${source.apiUrl.replace(/\/+$/, '')}/pages/${encodeURIComponent(source.pageId)}/${path}?page=${page}&per_page=${perPage}`;
    const batch = parsed(z.array(item), (await getJson(url, { authorization: `OAuth ${source.apiKey}` })) ?? [], url);
    items.push(...batch);
    if (batch.length < perPage) break;
  }
  return items;
}

const managementPageSchema = statuspagePageSchema.extend({
  domain: z.string().nullish(),
  subdomain: z.string().nullish(),
});
const componentGroupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullish(),
  position: z.number().nullish(),
  components: z.array(z.string()),
});

/** The whole history through the management API; the key is sent as `Authorization: OAuth <key>` and never shown. */
export async function fetchManagement(source: ManagementSource): Promise<StatuspageExport> {
  const pageUrl = `${source.apiUrl.replace(/\/+$/, '')}/pages/${encodeURIComponent(source.pageId)}`;
  const pageJson = await getJson(pageUrl, { authorization: `OAuth ${source.apiKey}` });
  if (pageJson === undefined) throw new ImportError(`${pageUrl}: no such page; check --page-id`);
  const page = parsed(managementPageSchema, pageJson, pageUrl);
  const components: StatuspageComponent[] = await allPages(source, 'components', statuspageComponentSchema);
  const groups = await allPages(source, 'component-groups', componentGroupSchema);
  const { incidents, rejected } = readIncidents(await allPages(source, 'incidents', z.unknown()));
  return {
    page: {
      name: page.name,
      url: page.domain
        ? `https://${page.domain}`
        : page.subdomain
          ? `https://${page.subdomain}.statuspage.io`
          : (page.url ?? ''),
    },
    // The management API lists groups apart; the public API lists them as components with `group: true`.
    components: [
      ...components.filter((component) => !component.group),
      ...groups.map((group) => ({ ...group, group: true, group_id: null })),
    ],
    incidents,
    rejected,
  };
}
