import { existsSync, globSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative } from 'node:path';
import type { Component, SiteConfigInput } from '../files/schemas/site-config.ts';
import { LOCALES, localeFor, type Locale } from '../i18n/locales.ts';
import { type Impact, type IncidentComponentStatus } from '../rules/statuses.ts';
import { urlProblem, WEB_URL } from '../rules/urls.ts';
import { writableText } from '../rules/text.ts';
import { splitFrontmatter } from '../files/frontmatter.ts';
import { isoSeconds } from '../files/incident-writer.ts';
import { bodyUpdates, expandShortcodes, hugoTime } from './cstate-body.ts';
import { duplicateNote, parseLenient, YamlSyntaxError } from './lenient-yaml.ts';
import {
  componentIdMaker,
  ImportError,
  markReopenings,
  moveLongMessages,
  UNGROUPED,
  UnmappableError,
  updateValue,
  type ImportedEvent,
  type ImportedUpdate,
  type ImportNote,
  type ImportPlan,
  type SkippedEvent,
} from './plan.ts';

/*
 * cState (github.com/cstate/cstate), a Hugo status page: `config.yml` lists
 * systems and categories under `params`, and each `content/issues/*.md` is one
 * issue whose body holds its updates, each marked by `{{< track "time" >}}`
 * (read in cstate-body.ts). Redirects answer the issue's path lowercased and as
 * written (src/model/redirects.ts), so `disablePathToLower` needs no reading.
 */

export interface CstateSite {
  /** `config.yml` as parsed, the last of equal keys kept (as Hugo does). */
  config: unknown;
  /** What reading `config.yml` had to say: keys written twice, with their lines. */
  configNotes?: ImportNote[];
  issues: CstateIssue[];
}

/** cState's severities, as our component status and impact. */
export const SEVERITIES: Record<string, { status: IncidentComponentStatus; impact: Impact }> = {
  down: { status: 'major_outage', impact: 'critical' },
  disrupted: { status: 'partial_outage', impact: 'major' },
  notice: { status: 'degraded_performance', impact: 'minor' },
};

const ZONELESS_NOTE = 'times without a zone were read as UTC, as Hugo reads them by default';

/** A cState issue file: its text, or why it cannot be read (a folder, a dangling link, a link out of the site). */
export type CstateIssue = { name: string; text: string } | { name: string; problem: string };

/** The issue files under `content/issues`, each read only if it is a file inside the site folder. */
function readIssues(dir: string): CstateIssue[] {
  const root = realpathSync(dir);
  return globSync('content/issues/**/*.md', { cwd: dir })
    .sort()
    .map((path): CstateIssue => {
      const name = basename(path, '.md');
      const full = join(dir, path);
      let real: string;
      try {
        real = realpathSync(full);
      } catch {
        return { name, problem: `${path} is a link to a file that does not exist` };
      }
      if (relative(root, real).startsWith('..') || isAbsolute(relative(root, real)))
        return {
          name,
          problem: `${path} links to a file outside the site folder; copy the file in if it belongs to the site`,
        };
      if (!statSync(real).isFile()) return { name, problem: `${path} is a folder, not an issue file` };
      return { name, text: writableText(readFileSync(real, 'utf8')) };
    });
}

/** `config.yml` (or `config.yaml`) and `content/issues/*.md` of a cState site. */
export function readCstateFolder(dir: string): CstateSite {
  const configFile = ['config.yml', 'config.yaml'].map((name) => join(dir, name)).find((path) => existsSync(path));
  if (!configFile) throw new ImportError(`${dir} has no config.yml; give the folder of a cState site`);
  try {
    const { value, duplicates } = parseLenient(writableText(readFileSync(configFile, 'utf8')));
    const source = `cstate ${basename(configFile)}`;
    const configNotes = duplicates.map((duplicate) => ({ source, message: duplicateNote(duplicate) }));
    return { config: value, configNotes, issues: readIssues(dir) };
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    throw new ImportError(`${configFile}: YAML syntax: ${error.message}`);
  }
}

interface System {
  name: string;
  description?: string;
  category?: string;
  link?: string;
}

interface Category {
  name: string;
  description?: string;
  /** `untitled: true`: cState lists its systems without a heading. */
  untitled: boolean;
}

const asRecord = (value: unknown): Record<string, unknown> =>
  value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
const asList = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const asText = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value.trim() : typeof value === 'number' ? String(value) : undefined;
/** Hugo's front matter is read by Go templates, where `yes`, `"true"` and `on` are as true as `true`. */
const isTruthy = (value: unknown): boolean =>
  value === true || value === 1 || (typeof value === 'string' && /^(true|yes|y|on|1)$/i.test(value.trim()));

const optional = <K extends string>(key: K, value: string | undefined) =>
  (value ? { [key]: value } : {}) as Partial<Record<K, string>>;

function readSystems(params: Record<string, unknown>): System[] {
  return asList(params['systems']).flatMap((entry): System[] => {
    const system = typeof entry === 'string' ? { name: entry } : asRecord(entry);
    const name = asText(system['name']);
    if (!name) return [];
    return [
      {
        name,
        ...optional('description', asText(system['description'])),
        ...optional('category', asText(system['category'])),
        ...optional('link', asText(system['link'])),
      },
    ];
  });
}

function readCategories(params: Record<string, unknown>): Category[] {
  return asList(params['categories']).flatMap((entry): Category[] => {
    const record = asRecord(entry);
    const name = asText(record['name']) ?? asText(entry);
    return name
      ? [{ name, ...optional('description', asText(record['description'])), untitled: isTruthy(record['untitled']) }]
      : [];
  });
}

/**
 * cState's systems by category, in the order of `params.categories`, as our
 * groups (with the category's description); systems of `untitled` categories
 * and without one share the ungrouped group. A system's `link` is kept when
 * it is an address the page may link to, else noted.
 */
function mapSystems(
  config: unknown,
  notes: ImportNote[],
): { config: SiteConfigInput; idOf: Map<string, string>; locale: Locale } {
  const root = asRecord(config);
  const params = asRecord(root['params']);
  const systems = readSystems(params);
  if (systems.length === 0)
    throw new ImportError('config.yml lists no systems under params.systems; cState needs them and so does the page');
  const categories = readCategories(params);
  const newId = componentIdMaker();
  const idOf = new Map<string, string>();
  const component = (system: System): Component => {
    const id = newId(system.name);
    idOf.set(system.name.toLowerCase(), id);
    const linkProblem = system.link === undefined ? undefined : urlProblem(system.link, WEB_URL);
    if (linkProblem)
      notes.push({
        source: 'cstate config.yml',
        message: `left out the link of ${JSON.stringify(system.name)}: ${linkProblem}`,
      });
    return {
      id,
      name: system.name,
      ...optional('description', system.description),
      ...optional('link', linkProblem ? undefined : system.link),
    };
  };
  const titled = categories.filter((category) => !category.untitled);
  const groups: SiteConfigInput['groups'] = titled.flatMap((category) => {
    const members = systems.filter((system) => system.category === category.name);
    return members.length > 0
      ? [{ name: category.name, ...optional('description', category.description), components: members.map(component) }]
      : [];
  });
  const ungrouped = systems.filter(
    (system) => !system.category || !titled.some((category) => category.name === system.category),
  );
  if (ungrouped.length > 0) groups.push({ name: UNGROUPED, components: ungrouped.map(component) });
  const name = asText(root['title']) ?? 'Status';
  const url = asText(root['baseURL']) ?? asText(root['baseurl']) ?? '';
  const locale = siteLocale(root, notes);
  return { config: { name, url, ...(locale === 'en' ? {} : { locale }), groups }, idOf, locale };
}

/**
 * The site's language from Hugo's `defaultContentLanguage` or `languageCode`
 * (`de-de` → `de`): the page's interface and any words the import must write
 * are in it. English when the site names none, or one not shipped (noted).
 */
function siteLocale(root: Record<string, unknown>, notes: ImportNote[]): Locale {
  // Hugo reads its config keys in any case.
  const setting = (name: string) => asText(Object.entries(root).find(([key]) => key.toLowerCase() === name)?.[1]);
  const tag = setting('defaultcontentlanguage') ?? setting('languagecode');
  if (tag === undefined) return 'en';
  const locale = localeFor(tag);
  if (locale === undefined)
    notes.push({
      source: 'cstate config.yml',
      message: `its language ${JSON.stringify(tag)} is not one the page ships (${LOCALES.join(', ')}): the page is in English until you set locale: in status.config.yaml`,
    });
  return locale ?? 'en';
}

/**
 * The path segment Hugo publishes an issue at, before lowercasing: its
 * `slug`, else its file name, with spaces as "-" and the characters Hugo's
 * URL sanitising drops (e.g. ":") left out. It is the file's `source.cstate`.
 */
export function hugoSegment(name: string, slug: string | undefined): string {
  return (slug ?? name)
    .trim()
    .replace(/\s+/g, '-')
    .replace(/[^\p{L}\p{M}\p{N}._-]/gu, '');
}

interface IssueContext {
  idOf: Map<string, string>;
  /** The site's language: words the import writes are in it. */
  locale: Locale;
  /** The import's now, ISO: a post dated after it is an announcement. */
  now: string;
  /** An issue's address on the old site, from its file name (Hugo's path, lowercased), if the site has a baseURL. */
  oldUrl: (issue: string) => string | undefined;
  notes: string[];
  onZoneless: () => void;
}

function unknownSeverityNote(value: unknown): string {
  const known = Object.keys(SEVERITIES).join(', ');
  const what =
    value === undefined || value === null || value === ''
      ? 'it has no severity'
      : `severity ${JSON.stringify(String(value))} is not one cState knows (${known})`;
  return `${what}: cState lists it as a notice and marks neither its systems nor the banner, so it is imported with impact none`;
}

/**
 * The front matter as Hugo reads it: the last of equal keys kept (each noted,
 * with its lines in the file), and keys in any case (`ResolvedWhen` is
 * `resolvedWhen`: Hugo lowercases them, and cState's own templates use both), so
 * `data` has lowercase keys.
 */
function frontmatterOf(text: string, notes: string[]): { data: Record<string, unknown>; body: string } {
  const split = splitFrontmatter(text);
  if (!split) throw new UnmappableError('it has no frontmatter between --- lines');
  try {
    const { value, duplicates } = parseLenient(split.yaml);
    for (const duplicate of duplicates) notes.push(duplicateNote(duplicate, split.lineOffset));
    return {
      data: Object.fromEntries(Object.entries(asRecord(value)).map(([key, field]) => [key.toLowerCase(), field])),
      body: split.body,
    };
  } catch (error) {
    if (!(error instanceof YamlSyntaxError)) throw error;
    throw new UnmappableError(`its frontmatter is not YAML: ${error.message}`);
  }
}

/**
 * A resolved issue ends at `resolvedWhen` when that is after its last update,
 * as `ended:` (no update is made up: the source gave a time, not words); else
 * its last update is the resolving one. A `resolvedWhen` before the last update
 * contradicts the issue's own times: its start is kept, and a note says so.
 * Returns the end, if it is `resolvedWhen`.
 */
function closeResolved(
  updates: ImportedUpdate[],
  resolvedWhen: string | undefined,
  notes: string[],
): string | undefined {
  const last = updates.at(-1)!;
  if (last.status === 'resolved') return undefined;
  if (resolvedWhen && resolvedWhen > last.at) return resolvedWhen;
  last.status = 'resolved';
  if (resolvedWhen && resolvedWhen < last.at) {
    const first = updates[0]!;
    notes.push(
      resolvedWhen < first.at
        ? `resolvedWhen (${resolvedWhen}) is before the issue began (${first.at}): its start is kept, and it is resolved with its last update (${last.at})`
        : `resolvedWhen (${resolvedWhen}) is before its last update (${last.at}): it is resolved with that update`,
    );
  }
  return undefined;
}

function mapIssue(name: string, text: string, context: IssueContext): ImportedEvent {
  const { data, body } = frontmatterOf(text, context.notes);
  // Hugo never publishes a draft, so neither does the import: it is listed as skipped, with the reason.
  if (isTruthy(data['draft']))
    throw new UnmappableError(
      "it is a draft (draft: true): the site's own Hugo build never published it, so it is not imported; publish it there, or write it here, to have it",
    );
  const title = asText(data['title']);
  if (!title) throw new UnmappableError('it has no title');
  const informational = isTruthy(data['informational']);
  const severity = SEVERITIES[String(data['severity'] ?? '').toLowerCase()];
  // cState lists an issue whose severity it does not know (or that has none) as a notice, and marks neither its systems nor the banner.
  const unmarked = informational || !severity;
  if (!severity && !informational) context.notes.push(unknownSeverityNote(data['severity']));
  const time = (value: unknown, field: string) => {
    const parsed = hugoTime(value, field);
    if (parsed.zoneless) context.onZoneless();
    return parsed.at;
  };
  const date = time(data['date'], 'date');
  const updates = bodyUpdates(
    expandShortcodes(body, context.oldUrl, context.notes),
    date,
    context.notes,
    context.onZoneless,
    context.locale,
  );
  const resolvedWhen = data['resolvedwhen'] ? time(data['resolvedwhen'], 'resolvedWhen') : undefined;
  if (date > context.now) return announcement(name, data, title, updates, { date, resolvedWhen }, context);
  const resolved = isTruthy(data['resolved']);
  if (!resolved && !informational && PLANNED_WORK.test(title))
    return announcement(name, data, title, updates, { date, resolvedWhen }, context);
  if (!resolved && !informational)
    context.notes.push(
      `unresolved on cState since ${date}: it is open on the page, as cState shows it, and holds the banner until \`status resolve\` closes it`,
    );
  const ended = resolved || informational ? closeResolved(updates, resolvedWhen, context.notes) : undefined;
  if (isTruthy(data['pin']))
    context.notes.push(
      'pinned (pin: true): cState keeps it in the announcement box above its systems; our page has no pinned notices, so it is in the history at its date',
    );
  if (informational && !resolved)
    context.notes.push('an informational post: imported as a notice that is over, as cState never shows it as open');
  markReopenings(updates);
  const components = new Map<string, IncidentComponentStatus>();
  for (const system of asList(data['affected'])) {
    const id = context.idOf.get(String(system).toLowerCase());
    if (!id) context.notes.push(`left out "${String(system)}": it is not among the systems in config.yml`);
    else if (!unmarked) components.set(id, severity.status);
  }
  if (informational && asList(data['affected']).length > 0)
    context.notes.push('an informational post: its systems are not marked as affected (impact none)');
  const moved = moveLongMessages(updates, '', context.locale);
  context.notes.push(...moved.notes);
  const first = updates[0]!;
  const started = date < first.at ? date : undefined;
  const source = { cstate: hugoSegment(name, asText(data['slug'])) };
  if (!source.cstate)
    throw new UnmappableError(
      `its file name ${JSON.stringify(name)} has no Latin letter or digit (a–z, 0–9) to make a link of`,
    );
  return {
    kind: 'incident',
    source,
    title,
    startsAt: started ?? first.at,
    frontmatter: {
      title,
      impact: unmarked ? 'none' : severity.impact,
      components,
      ...(started ? { started } : {}),
      ...(ended ? { ended } : {}),
      source,
      updates: updates.map(updateValue),
    },
    body: moved.body,
  };
}

/**
 * The words of a title announcing planned work, in the languages the page
 * ships: an unresolved post so titled and dated in the past ("Planned Outage
 * in LON1 on 8 July 2021", never resolved on Civo's site) was work planned for
 * its date, not an outage going on for years.
 */
const PLANNED_WORK =
  /(?<!\p{L})(planned|scheduled|maintenance|geplante?|wartung|planifiée?|programad[oa]|mantenimiento|manutenção)(?!\p{L})|メンテナンス|صيانة/iu;

/**
 * A post dated after the import (cState lists it at once, in its
 * announcement box when unresolved) announces work ahead: it is scheduled
 * maintenance of its `affected` systems, from its date to `resolvedWhen`, else
 * for an hour (how cState's own "add to calendar" reads it), announced at the
 * import's time, since the source says not when it was posted. So is an
 * unresolved post of the past whose title announces planned work, announced
 * at its date. Its text is the announcement; it is never an incident resolved
 * at its start, nor one going on for good.
 */
function announcement(
  name: string,
  data: Record<string, unknown>,
  title: string,
  updates: ImportedUpdate[],
  { date, resolvedWhen }: { date: string; resolvedWhen: string | undefined },
  context: IssueContext,
): ImportedEvent {
  const end = resolvedWhen && resolvedWhen > date ? resolvedWhen : isoSeconds(Date.parse(date) + 3_600_000);
  const components: string[] = [];
  for (const system of asList(data['affected'])) {
    const id = context.idOf.get(String(system).toLowerCase());
    if (!id) context.notes.push(`left out "${String(system)}": it is not among the systems in config.yml`);
    else if (!components.includes(id)) components.push(id);
  }
  const message = updates.map((update) => update.message).join('\n\n');
  const ahead = date > context.now;
  const announced: ImportedUpdate[] = [{ at: ahead ? context.now : date, status: 'scheduled', message }];
  const moved = moveLongMessages(announced, '', context.locale);
  context.notes.push(...moved.notes);
  const window = `scheduled maintenance from ${date} to ${end}${resolvedWhen && resolvedWhen > date ? ' (resolvedWhen)' : " (an hour, as cState's calendar link reads it)"}`;
  context.notes.push(
    ahead
      ? `dated ${date}, after this import: an announcement, imported as ${window}, announced at the import's time (${context.now}), as cState gives no time it was posted`
      : `never resolved on cState, and its title announces planned work: imported as ${window}, announced at its date, not as an outage going on since then`,
  );
  const source = { cstate: hugoSegment(name, asText(data['slug'])) };
  return {
    kind: 'maintenance',
    source,
    title,
    startsAt: date,
    frontmatter: {
      kind: 'maintenance',
      title,
      components,
      window: { start: date, end },
      source,
      updates: announced.map(updateValue),
    },
    body: moved.body,
  };
}

/** The title line of a file that could not be read as a whole, without the YAML quotes around it. */
function titleAsWritten(text: string): string | undefined {
  const raw = /^title:\s*(.+)$/m.exec(text)?.[1]?.trim();
  const quoted = raw ? /^(["'])(.*)\1$/.exec(raw) : null;
  return quoted ? quoted[2] : raw;
}

/** A cState site's systems and issues as our config and incident files, as of `now` (epoch ms). Pure. */
export function mapCstate(site: CstateSite, now: number = Date.now()): ImportPlan {
  const notes: ImportNote[] = [...(site.configNotes ?? [])];
  const { config, idOf, locale } = mapSystems(site.config, notes);
  const base = /^https?:\/\//i.test(config.url) ? config.url.replace(/\/?$/, '/') : undefined;
  const oldUrl = (issue: string) =>
    base && hugoSegment(issue, undefined) ? `${base}issues/${hugoSegment(issue, undefined).toLowerCase()}/` : undefined;
  const events: ImportedEvent[] = [];
  const skipped: SkippedEvent[] = [];
  let zoneless = false;
  for (const issue of site.issues) {
    const source = `cstate ${issue.name}`;
    if ('problem' in issue) {
      skipped.push({ source, title: issue.name, reason: issue.problem });
      continue;
    }
    const context: IssueContext = {
      idOf,
      locale,
      now: isoSeconds(now),
      oldUrl,
      notes: [],
      onZoneless: () => (zoneless = true),
    };
    try {
      events.push(mapIssue(issue.name, issue.text, context));
      notes.push(...[...new Set(context.notes)].map((message) => ({ source, message })));
    } catch (error) {
      if (!(error instanceof UnmappableError)) throw error;
      skipped.push({ source, title: titleAsWritten(issue.text) ?? issue.name, reason: error.message });
    }
  }
  if (zoneless) notes.push({ source: 'cstate', message: ZONELESS_NOTE });
  return { config, events, skipped, notes };
}
