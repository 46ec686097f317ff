import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { ImportError } from './plan.ts';
import {
  publicFileSchemas,
  statuspageComponentSchema,
  statuspageIncidentSchema,
  statuspagePageSchema,
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
  const problems = result.error.issues.slice(0, 3).map((issue) => `${issue.path.map(String).join('.') || '(root)'}: ${issue.message}`);
  throw new ImportError(`${where} is not Statuspage's format: ${problems.join('; ')}`);
}

/** The page, components and incidents from the public API's files; `read` returns undefined for a missing file. */
async function fromPublicFiles(read: (file: PublicFile) => Promise<unknown>, where: (file: PublicFile) => string): Promise<StatuspageExport> {
  const file = async <F extends PublicFile>(name: F, required: boolean) => {
    const json = await read(name);
    if (json === undefined && required) throw new ImportError(`${where(name)} is missing; it is the page's ${name === 'components.json' ? 'component list' : 'incident history'}`);
    return json === undefined ? undefined : (parsed(publicFileSchemas[name], json, where(name)) as z.output<(typeof publicFileSchemas)[F]>);
  };
  const components = (await file('components.json', true))!;
  const incidents = (await file('incidents.json', true))!;
  const maintenances = await file('scheduled-maintenances.json', false);
  const summary = await file('summary.json', false);
  return {
    page: { name: components.page.name, url: components.page.url ?? '', time_zone: components.page.time_zone },
    components: components.components,
    // The summary adds open incidents older than the newest 50; the mapper drops repeated ids.
    incidents: [...incidents.incidents, ...(maintenances?.scheduled_maintenances ?? []), ...(summary?.incidents ?? []), ...(summary?.scheduled_maintenances ?? [])],
  };
}

/** A folder holding `components.json`, `incidents.json` … (or a site whose `api/v2/` does). */
export function readPublicFolder(dir: string): Promise<StatuspageExport> {
  const base = existsSync(join(dir, 'api/v2/components.json')) ? join(dir, 'api/v2') : dir;
  return fromPublicFiles(
    async (name) => {
      const path = join(base, name);
      if (!existsSync(path)) return undefined;
      try {
        return JSON.parse(readFileSync(path, 'utf8')) as unknown;
      } catch (error) {
        throw new ImportError(`${path} is not JSON: ${(error as Error).message}`);
      }
    },
    (name) => join(base, name),
  );
}

/** GET a URL as JSON; undefined on 404 when the file is optional. Errors name the URL, never a credential. */
async function getJson(url: string, headers: Record<string, string> = {}): Promise<unknown> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: 'application/json', ...headers } });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new ImportError(`could not reach ${url}: ${cause?.code ?? cause?.message ?? (error as Error).message}`);
  }
  if (response.status === 404) return undefined;
  if (response.status === 401 || response.status === 403) {
    throw new ImportError(`${url} refused the API key (HTTP ${response.status}); check STATUSPAGE_API_KEY and --page-id`);
  }
  if (!response.ok) throw new ImportError(`${url} answered HTTP ${response.status} ${response.statusText}`);
  try {
    return await response.json();
  } catch {
    throw new ImportError(`${url} did not return JSON`);
  }
}

/** A public page by its root URL, e.g. https://status.example.com (its `/api/v2/` files). */
export function fetchPublicPage(root: string): Promise<StatuspageExport> {
  const api = `${root.replace(/\/+$/, '').replace(/\/api\/v2$/, '')}/api/v2/`;
  return fromPublicFiles((name) => getJson(`${api}${name}`), (name) => `${api}${name}`);
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
async function allPages<S extends z.ZodType>(source: ManagementSource, path: string, item: S): Promise<Array<z.output<S>>> {
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

const managementPageSchema = statuspagePageSchema.extend({ domain: z.string().nullish(), subdomain: z.string().nullish() });
const componentGroupSchema = z.object({ id: z.string(), name: z.string(), description: z.string().nullish(), position: z.number().nullish(), components: z.array(z.string()) });

/** The whole history through the management API; the key is sent as `Authorization: OAuth <key>` and never shown. */
export async function fetchManagement(source: ManagementSource): Promise<StatuspageExport> {
  const pageUrl = `${source.apiUrl.replace(/\/+$/, '')}/pages/${encodeURIComponent(source.pageId)}`;
  const pageJson = await getJson(pageUrl, { authorization: `OAuth ${source.apiKey}` });
  if (pageJson === undefined) throw new ImportError(`${pageUrl}: no such page; check --page-id`);
  const page = parsed(managementPageSchema, pageJson, pageUrl);
  const components: StatuspageComponent[] = await allPages(source, 'components', statuspageComponentSchema);
  const groups = await allPages(source, 'component-groups', componentGroupSchema);
  const incidents: StatuspageIncident[] = await allPages(source, 'incidents', statuspageIncidentSchema);
  return {
    page: { name: page.name, url: page.domain ? `https://${page.domain}` : page.subdomain ? `https://${page.subdomain}.statuspage.io` : (page.url ?? '') },
    // The management API lists groups apart; the public API lists them as components with `group: true`.
    components: [...components.filter((component) => !component.group), ...groups.map((group) => ({ ...group, group: true, group_id: null }))],
    incidents,
  };
}
