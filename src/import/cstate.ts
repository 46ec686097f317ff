import { existsSync, globSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parse } from 'yaml';
import type { Component, SiteConfigInput } from '../files/schemas/site-config.ts';
import { INCIDENT_STATUSES, type Impact, type IncidentComponentStatus } from '../rules/statuses.ts';
import { splitFrontmatter } from '../files/frontmatter.ts';
import { toSafeMarkdown } from './markdown.ts';
import {
  componentIdMaker,
  defaultMessage,
  ImportError,
  markReopenings,
  UNGROUPED,
  UnmappableError,
  updateValue,
  utc,
  type ImportedEvent,
  type ImportedUpdate,
  type ImportPlan,
  type SkippedEvent,
} from './plan.ts';

/*
 * cState (github.com/cstate/cstate), a Hugo status page: `config.yml` lists
 * systems and categories under `params`, and each `content/issues/*.md` is one
 * issue whose body holds its updates, each ended by `{{< track "time" >}}`.
 */

export interface CstateSite {
  /** `config.yml` as parsed. */
  config: unknown;
  issues: Array<{ name: string; text: string }>;
}

/** cState's severities, as our component status and impact. */
export const SEVERITIES: Record<string, { status: IncidentComponentStatus; impact: Impact }> = {
  down: { status: 'major_outage', impact: 'critical' },
  disrupted: { status: 'partial_outage', impact: 'major' },
  notice: { status: 'degraded_performance', impact: 'minor' },
};

const TRACK = /\{\{<\s*track\s+"([^"]+)"\s*>\}\}/g;
const STATUS_PREFIX = /^\*{1,2}([A-Za-z ]+?)\*{1,2}\s*[-—–:]\s*/;
const ZONELESS_DATE = /^date:\s*["']?\d{4}-\d\d-\d\d[ T][\d:.]+["']?\s*$/m;

/** `config.yml` (or `config.yaml`) and `content/issues/*.md` of a cState site. */
export function readCstateFolder(dir: string): CstateSite {
  const configFile = ['config.yml', 'config.yaml'].map((name) => join(dir, name)).find((path) => existsSync(path));
  if (!configFile) throw new ImportError(`${dir} has no config.yml; give the folder of a cState site`);
  let config: unknown;
  try {
    config = parse(readFileSync(configFile, 'utf8'));
  } catch (error) {
    throw new ImportError(`${configFile}: YAML syntax: ${(error as Error).message.split('\n')[0]}`);
  }
  const issues = globSync('content/issues/**/*.md', { cwd: dir })
    .sort()
    .map((path) => ({ name: basename(path, '.md'), text: readFileSync(join(dir, path), 'utf8') }));
  return { config, issues };
}

interface System {
  name: string;
  description?: string;
  category?: string;
}

const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' ? (value as Record<string, unknown>) : {});
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

/** cState's systems by category, in the order of `params.categories`, as our groups. */
function mapSystems(config: unknown): { config: SiteConfigInput; idOf: Map<string, string> } {
  const root = asRecord(config);
  const params = asRecord(root['params']);
  const systems = asList(params['systems']).flatMap((entry): System[] => {
    const system = typeof entry === 'string' ? { name: entry } : asRecord(entry);
    const name = asText(system['name']);
    if (!name) return [];
    const description = asText(system['description']);
    const category = asText(system['category']);
    return [{ name, ...(description ? { description } : {}), ...(category ? { category } : {}) }];
  });
  if (systems.length === 0) throw new ImportError('config.yml lists no systems under params.systems; cState needs them and so does the page');
  const categories = asList(params['categories']).flatMap((entry) => asText(asRecord(entry)['name']) ?? asText(entry) ?? []);
  const newId = componentIdMaker();
  const idOf = new Map<string, string>();
  const component = (system: System): Component => {
    const id = newId(system.name);
    idOf.set(system.name.toLowerCase(), id);
    return { id, name: system.name, ...(system.description ? { description: system.description } : {}) };
  };
  const groups = categories.flatMap((name) => {
    const members = systems.filter((system) => system.category === name);
    return members.length > 0 ? [{ name, components: members.map(component) }] : [];
  });
  const uncategorised = systems.filter((system) => !system.category || !categories.includes(system.category));
  if (uncategorised.length > 0) groups.push({ name: UNGROUPED, components: uncategorised.map(component) });
  const name = asText(root['title']) ?? 'Status';
  const url = asText(root['baseURL']) ?? asText(root['baseurl']) ?? '';
  return { config: { name, url, groups }, idOf };
}

/** A cState time: with a zone as is; without one, as UTC (Hugo's default zone). */
const cstateTime = (value: unknown, field: string): string => {
  const text = String(value instanceof Date ? value.toISOString() : value ?? '').trim().replace(' ', 'T');
  return utc(/(Z|[+-]\d{2}:?\d{2})$/i.test(text) ? text : `${text}Z`, field);
};

/** The body's `… {{< track "time" >}}` paragraphs as updates, oldest first; text after the last one is the first report. */
function bodyUpdates(body: string, startedAt: string): ImportedUpdate[] {
  const parts = body.split(TRACK);
  const updates: ImportedUpdate[] = [];
  let previous = 'investigating';
  const entries: Array<{ text: string; at: string }> = [];
  for (let i = 0; i + 1 < parts.length; i += 2) entries.push({ text: parts[i]!, at: cstateTime(parts[i + 1], 'track') });
  const untracked = parts.at(-1)!.trim();
  if (untracked || entries.length === 0) entries.push({ text: untracked, at: startedAt });
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  for (const entry of entries) {
    const text = entry.text.trim();
    const prefix = STATUS_PREFIX.exec(text);
    const word = prefix?.[1]?.trim().toLowerCase();
    const status = INCIDENT_STATUSES.find((known) => known === word) ?? previous;
    previous = status;
    const message = toSafeMarkdown(prefix ? text.slice(prefix[0].length) : text) || defaultMessage(status);
    updates.push({ at: entry.at, status, message });
  }
  return updates;
}

function mapIssue(name: string, text: string, idOf: Map<string, string>, notes: string[]): ImportedEvent {
  const split = splitFrontmatter(text);
  if (!split) throw new UnmappableError('it has no frontmatter between --- lines');
  let data: Record<string, unknown>;
  try {
    data = asRecord(parse(split.yaml));
  } catch (error) {
    throw new UnmappableError(`its frontmatter is not YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const title = asText(data['title']);
  if (!title) throw new UnmappableError('it has no title');
  const severity = SEVERITIES[String(data['severity'] ?? '').toLowerCase()];
  if (!severity) throw new UnmappableError(`severity "${String(data['severity'] ?? '')}" is not one of ${Object.keys(SEVERITIES).join(', ')}`);
  const date = cstateTime(data['date'], 'date');
  const updates = bodyUpdates(split.body, date);
  if (data['resolved'] === true && updates.at(-1)!.status !== 'resolved') {
    const when = data['resolvedWhen'] ? cstateTime(data['resolvedWhen'], 'resolvedWhen') : updates.at(-1)!.at;
    updates.push({ at: when < updates.at(-1)!.at ? updates.at(-1)!.at : when, status: 'resolved', message: defaultMessage('resolved') });
  }
  markReopenings(updates);
  const components = new Map<string, IncidentComponentStatus>();
  for (const system of asList(data['affected'])) {
    const id = idOf.get(String(system).toLowerCase());
    if (id) components.set(id, severity.status);
    else notes.push(`left out "${String(system)}": it is not among the systems in config.yml`);
  }
  const first = updates[0]!;
  const started = date < first.at ? date : undefined;
  return {
    kind: 'incident',
    source: { cstate: name },
    title,
    startsAt: started ?? first.at,
    frontmatter: { title, impact: severity.impact, components, ...(started ? { started } : {}), source: { cstate: name }, updates: updates.map(updateValue) },
    body: '',
  };
}

/** A cState site's systems and issues as our config and incident files. Pure. */
export function mapCstate(site: CstateSite): ImportPlan {
  const { config, idOf } = mapSystems(site.config);
  const events: ImportedEvent[] = [];
  const skipped: SkippedEvent[] = [];
  const notes: ImportPlan['notes'] = [];
  for (const issue of site.issues) {
    const source = `cstate ${issue.name}`;
    const issueNotes: string[] = [];
    try {
      events.push(mapIssue(issue.name, issue.text, idOf, issueNotes));
      notes.push(...issueNotes.map((message) => ({ source, message })));
    } catch (error) {
      if (!(error instanceof UnmappableError)) throw error;
      skipped.push({ source, title: /^title:\s*(.+)$/m.exec(issue.text)?.[1]?.trim() ?? issue.name, reason: error.message });
    }
  }
  if (site.issues.some((issue) => ZONELESS_DATE.test(issue.text))) notes.push({ source: 'cstate', message: 'times without a zone were read as UTC, as Hugo reads them by default' });
  return { config, events, skipped, notes };
}
