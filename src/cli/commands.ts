import { checkSite } from '../site/check-site.ts';
import { describeUnknown } from '../rules/nearest.ts';
import { listComponents } from '../files/schemas/site-config.ts';
import { formatProblem, parseIncidentFile, slugFromPath, type ValidIncidentFile } from '../files/validate.ts';
import {
  IMPACTS,
  INCIDENT_COMPONENT_STATUSES,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  UPDATE_COMPONENT_STATUSES,
  type ComponentStatus,
} from '../rules/statuses.ts';
import { timestampSchema } from '../rules/timestamp.ts';
import { staffTime } from '../model/dates.ts';
import { IMPACT_OF_STATUS, impliedImpact } from '../rules/levels.ts';
import { componentGroups, impactChoices, plainChoices, statusChoices, statusWords, type Choice } from './choices.ts';
import { Refusal } from '../files/refusal.ts';
import { incidentFilePath, incidentSlug, renderIncident, renderMaintenance } from '../files/new-incident.ts';
import { parseStartTime, TIME_FORMS } from './relative-time.ts';
import { assertValid, componentName, currentStatuses, findSource, incidentStatusesNow, loadSite, pageUrl, siteTimeZone, validEntries, type Site } from './site.ts';
import { writeAtomic } from '../files/write-atomic.ts';
import { checkTemplateFiles, readTemplates, renderTemplate, type Template } from './templates.ts';
import { insertUpdate, isoSeconds, type NewUpdate } from '../files/incident-writer.ts';

/** Asks for what the command line left out; only given when stdin is a terminal. */
export interface Prompter {
  /** `fallback` is taken when the answer is left empty; `validate` returns why an answer is refused. */
  text(message: string, options?: { placeholder?: string; initial?: string; fallback?: string; validate?: (value: string) => string | undefined }): Promise<string>;
  select(message: string, choices: readonly Choice[], initial?: string): Promise<string>;
  /** Choose among entries shown under headings; `required: false` allows choosing none. */
  groupMultiselect(message: string, groups: ReadonlyMap<string, Choice[]>, required: boolean): Promise<string[]>;
  /** Show a block of text (the file about to be written) under a title, then a line below it. */
  show(title: string, body: string, after: string): void;
  confirm(message: string): Promise<boolean>;
}

/** Everything a command reads from the outside world, so tests can fix it. */
export interface Context {
  /** The site folder (status.config.yaml and incidents/). */
  dir: string;
  /** "Now" in epoch ms: the default time of a new update and the moment `list` describes. */
  now: number;
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  prompt?: Prompter;
}

/** Parsed flags of one command (see args.ts for which each command takes). */
export type Flags = Record<string, string | boolean | string[] | undefined>;

const str = (flags: Flags, name: string): string | undefined => (typeof flags[name] === 'string' ? (flags[name] as string) : undefined);
const list = (flags: Flags, name: string): string[] =>
  ((flags[name] as string[] | undefined) ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);

/** A flag's value, else the prompt's answer, else a refusal naming the flag and an example. */
async function need(ctx: Context, flags: Flags, name: string, question: string, example: string, initial?: string): Promise<string> {
  const given = str(flags, name)?.trim();
  if (given) return given;
  if (ctx.prompt) {
    const answer = (await ctx.prompt.text(question, { placeholder: example, ...(initial ? { initial } : {}) })).trim();
    if (answer) return answer;
  }
  throw new Refusal(`missing --${name}: ${question.replace(/\?$/, '')}, e.g. --${name} ${JSON.stringify(example)}`);
}

/** The flag's word from a closed list, or undefined when absent; refuses a typo with the nearest word. */
function given(flags: Flags, name: string, what: string, allowed: readonly string[]): string | undefined {
  const value = str(flags, name)?.trim();
  if (value !== undefined && !allowed.includes(value)) throw new Refusal(`--${name}: ${describeUnknown(what, value, allowed)}`);
  return value;
}

const question = (what: string) => `${what[0]!.toUpperCase()}${what.slice(1)}?`;

/** A word from a closed list, from the flag or a menu; refuses a typo with the nearest word. */
async function choose(ctx: Context, flags: Flags, name: string, what: string, allowed: readonly string[], fallback?: string): Promise<string> {
  const value = given(flags, name, what, allowed) ?? fallback;
  if (value !== undefined) return value;
  if (ctx.prompt) return ctx.prompt.select(question(what), plainChoices(allowed));
  throw new Refusal(`missing --${name}; allowed: ${allowed.join(', ')}`);
}

/** A time flag in any zone, as UTC ISO without milliseconds; `fallback` when absent. */
function time(flags: Flags, name: string, fallback?: number): string | undefined {
  const given = str(flags, name);
  if (given === undefined) return fallback === undefined ? undefined : isoSeconds(fallback);
  const parsed = timestampSchema.safeParse(given);
  if (!parsed.success) throw new Refusal(`--${name}: ${parsed.error.issues[0]?.message ?? 'is not a time'}`);
  return isoSeconds(Date.parse(parsed.data));
}

async function requiredTime(ctx: Context, flags: Flags, name: string, question: string): Promise<string> {
  const value = await need(ctx, flags, name, question, '2022-12-30T02:00:00Z');
  return time({ [name]: value }, name)!;
}

/**
 * Print the file (dry run) or write it atomically, then say where it is and
 * where it will be published. At a terminal the file and its page are shown
 * first and written only once confirmed (`--yes` skips the question).
 */
async function publish(ctx: Context, site: Site, path: string, slug: string, text: string, flags: Flags, done: string): Promise<void> {
  if (flags['dry-run']) {
    ctx.out(`# dry run, nothing written: ${path}, page ${pageUrl(site, slug, ctx.env)}`);
    ctx.out(text.replace(/\n$/, ''));
    return;
  }
  if (ctx.prompt && !flags['yes']) {
    ctx.prompt.show(path, text.replace(/\n$/, ''), `Page: ${pageUrl(site, slug, ctx.env)}`);
    if (!(await ctx.prompt.confirm(`Write ${path}?`))) throw new Refusal(`not confirmed; nothing was written`);
  }
  writeAtomic(site.dir, path, text);
  ctx.out(`${done}: ${path}`);
  ctx.out(`Page: ${pageUrl(site, slug, ctx.env)}`);
  ctx.out(`Publish: git add ${path} && git commit -m "Status: ${slug}" && git push`);
}

type ComponentPair = [id: string, status: string];
/** A `--component` flag as typed: the status is missing from `--component web`. */
type TypedComponent = [id: string, status: string | undefined];

/** The statuses `--component id=status` takes in one command, and why a known status outside them is refused. */
interface ComponentVocabulary {
  allowed: readonly string[];
  /** Offered first at a prompt, and the example in a refusal. */
  example: string;
  refusal?: (id: string, status: string) => string;
}

/** `new`: the components an incident affects. */
const AFFECTED: ComponentVocabulary = {
  allowed: INCIDENT_COMPONENT_STATUSES,
  example: 'major_outage',
  refusal: () => 'a new incident lists only the components it affects; leave out the operational ones',
};

/** `update`: any status from this update on, `operational` once a component recovers. */
const UPDATED: ComponentVocabulary = { allowed: UPDATE_COMPONENT_STATUSES, example: 'degraded_performance' };

/** `resolve` (or `update --status resolved`): resolving returns every component to operational. */
const RESOLVED: ComponentVocabulary = {
  allowed: ['operational'],
  example: 'operational',
  refusal: (id, status) =>
    `resolving returns every component to operational, so ${id} cannot stay ${status}; leave --component out (or write ${id}=operational), ` +
    `or, if ${id} is still ${status}, post an update instead, e.g. --status monitoring --component ${id}=${status}`,
};

/** `--component id=status` flags as typed (repeatable or comma-separated), refusing an id given twice. */
function componentFlags(flags: Flags): TypedComponent[] {
  const typed = new Map<string, string>();
  return list(flags, 'component').map((pair) => {
    const [id = '', status] = pair.split('=').map((part) => part.trim());
    const first = typed.get(id);
    if (first !== undefined) throw new Refusal(`--component ${id} is given twice (${first}, ${pair}); give each component once`);
    typed.set(id, pair);
    return [id, status || undefined] satisfies TypedComponent;
  });
}

/** A component's status from its flag, checked against the command's vocabulary; asked for at a terminal when left out. */
async function componentStatus(ctx: Context, site: Site, id: string, status: string | undefined, vocabulary: ComponentVocabulary): Promise<string> {
  const { allowed, example, refusal } = vocabulary;
  if (status === undefined && ctx.prompt) return ctx.prompt.select(`Status of ${componentName(site, id)}?`, statusChoices(allowed as readonly ComponentStatus[]), example);
  if (status === undefined) throw new Refusal(`--component ${id}: say how it is affected, e.g. ${id}=${example}; allowed: ${allowed.join(', ')}`);
  if (allowed.includes(status)) return status;
  const known = (UPDATE_COMPONENT_STATUSES as readonly string[]).includes(status);
  throw new Refusal(`--component ${id}=${status}: ${known && refusal ? refusal(id, status) : describeUnknown('component status', status, allowed)}`);
}

/** Declared component ids with their statuses, in the order given. */
async function componentStatuses(ctx: Context, site: Site, pairs: readonly TypedComponent[], vocabulary: ComponentVocabulary): Promise<ComponentPair[]> {
  const result: ComponentPair[] = [];
  for (const [id, status] of pairs) {
    if (!site.componentIds.includes(id)) throw new Refusal(`--component: ${describeUnknown('component', id, site.componentIds)}`);
    result.push([id, await componentStatus(ctx, site, id, status, vocabulary)]);
  }
  return result;
}

/** Every component a new incident affects, with its status, from `--component id=status` flags (or prompts). */
async function incidentComponents(ctx: Context, site: Site, flags: Flags): Promise<ComponentPair[]> {
  let pairs = componentFlags(flags);
  if (pairs.length === 0 && ctx.prompt) {
    const groups = componentGroups(site.config, await currentStatuses(site, ctx.now));
    pairs = (await ctx.prompt.groupMultiselect('Affected components?', groups, true)).map((id): TypedComponent => [id, undefined]);
  }
  if (pairs.length === 0) throw new Refusal(`missing --component: which components are affected and how, e.g. --component web=major_outage; components: ${site.componentIds.join(', ')}`);
  return componentStatuses(ctx, site, pairs, AFFECTED);
}

/**
 * A new incident's impact: `--impact`, else the least its components imply,
 * offered first at a terminal, or taken and said so in a script.
 */
async function incidentImpact(ctx: Context, site: Site, flags: Flags, components: readonly ComponentPair[]): Promise<string> {
  const chosen = given(flags, 'impact', 'impact', IMPACTS);
  if (chosen !== undefined) return chosen;
  const implied = impliedImpact(components.map(([, status]) => status as ComponentStatus));
  const reasons = components.filter(([, status]) => IMPACT_OF_STATUS[status as ComponentStatus] === implied);
  if (ctx.prompt) {
    const why = reasons.map(([id, status]) => `${componentName(site, id)} ${statusWords(status as ComponentStatus)}`).join(', ');
    return ctx.prompt.select(`Impact? Proposed: ${implied}, from the worst status chosen (${why})`, impactChoices(implied), implied);
  }
  ctx.out(`Impact: ${implied} (from ${reasons.map(([id, status]) => `${id}=${status}`).join(', ')}); pass --impact to change it`);
  return implied;
}

/**
 * When impact began, if before the first update at `at`: `--started` or the
 * answer to "When did it start?" (now, 15 min ago, 07:13 in the site's time
 * zone, or ISO). Undefined when it began with the first update.
 */
async function startTime(ctx: Context, site: Site, flags: Flags, at: string): Promise<string | undefined> {
  const zone = siteTimeZone(site.config);
  const reference = Date.parse(at);
  const parse = (typed: string) => parseStartTime(typed, reference, zone);
  let typed = str(flags, 'started');
  if (typed === undefined && ctx.prompt) {
    const validate = (value: string) => {
      const parsed = parse(value);
      return 'error' in parsed ? parsed.error : undefined;
    };
    typed = await ctx.prompt.text(`When did it start? (${TIME_FORMS}; clock times in ${zone})`, { placeholder: 'now', fallback: 'now', validate });
  }
  if (typed === undefined) return undefined;
  const parsed = parse(typed);
  if ('error' in parsed) throw new Refusal(`--started: ${parsed.error}`);
  return parsed.at < reference ? isoSeconds(parsed.at) : undefined;
}

/**
 * The message template: `--template`, else picked from a menu at a terminal
 * when no `--message` is given (only templates of `--status`, when given).
 */
async function chooseTemplate(ctx: Context, site: Site, flags: Flags, status: string | undefined): Promise<Template | undefined> {
  const { templates, problems } = readTemplates(site.dir);
  const name = str(flags, 'template');
  if (name !== undefined) {
    const found = templates.find((template) => template.name === name);
    if (found) return found;
    const broken = problems.filter((problem) => problem.file.endsWith(`/${name}.md`));
    if (broken.length > 0) throw new Refusal(`--template ${name} has problems; fix them first:\n${broken.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`);
    throw new Refusal(`--template: ${describeUnknown('template', name, templates.length > 0 ? templates.map((template) => template.name) : ['(none in templates/)'])}`);
  }
  // In timeline order, so the first offered for a new incident is an investigating one.
  const usable = templates
    .filter((template) => status === undefined || template.status === status)
    .sort((a, b) => INCIDENT_STATUSES.indexOf(a.status) - INCIDENT_STATUSES.indexOf(b.status));
  if (!ctx.prompt || str(flags, 'message') !== undefined || usable.length === 0) return undefined;
  const choices = [...usable.map((template) => ({ value: template.name, label: `${template.label} (${template.status})` })), { value: '', label: 'No template: write my own' }];
  const chosen = await ctx.prompt.select('Start the message from a template?', choices, usable[0]!.name);
  return usable.find((template) => template.name === chosen);
}

/** The message: `--message`, else asked for (starting from the template), else the template's text in a script. */
async function messageFor(ctx: Context, site: Site, flags: Flags, template: Template | undefined, componentIds: readonly string[], example: string): Promise<string> {
  const filled = template && renderTemplate(template, componentIds.map((id) => componentName(site, id)));
  if (filled && !ctx.prompt && str(flags, 'message') === undefined) return filled;
  return need(ctx, flags, 'message', 'What should users know now?', example, filled);
}

/** Refuse a slug another file already has; slugs are page URLs. */
function assertNewSlug(site: Site, slug: string, path: string): void {
  const taken = site.sources.find((source) => slugFromPath(source.path) === slug);
  if (taken) throw new Refusal(`${path}: the slug "${slug}" is already used by ${taken.path}; pass --slug to choose another`);
}

function slugFor(flags: Flags, title: string): string {
  const slug = str(flags, 'slug') ?? incidentSlug(title);
  if (slug === '' && str(flags, 'slug') === undefined) {
    throw new Refusal(`the title "${title}" has no letters or digits to name the page after; pass --slug, e.g. --slug search-down`);
  }
  if (!/^[a-z0-9][a-z0-9-]*$/.test(slug)) {
    throw new Refusal(`--slug "${slug}" must be lowercase letters, digits and hyphens, e.g. --slug login-failing; it becomes the page URL`);
  }
  return slug;
}

/** `status new`: write a new incident with its first update. */
export async function newIncident(ctx: Context, flags: Flags): Promise<void> {
  const site = loadSite(ctx.dir);
  const title = await need(ctx, flags, 'title', 'What are users seeing, in a short headline?', 'Login failing on iOS');
  const components = await incidentComponents(ctx, site, flags);
  const impact = await incidentImpact(ctx, site, flags, components);
  const at = time(flags, 'at', ctx.now)!;
  const started = await startTime(ctx, site, flags, at);
  const template = await chooseTemplate(ctx, site, flags, given(flags, 'status', 'status', INCIDENT_STATUSES));
  const status = await choose(ctx, flags, 'status', 'status', INCIDENT_STATUSES, template?.status ?? 'investigating');
  const ids = components.map(([id]) => id);
  const message = await messageFor(ctx, site, flags, template, ids, 'We are investigating reports of failed logins.');
  const { slug, path } = incidentFilePath(started ?? at, slugFor(flags, title));
  assertNewSlug(site, slug, path);
  const text = renderIncident({ title, impact, components, ...(started ? { started } : {}), update: { at, status, message } });
  assertValid(site, path, text);
  await publish(ctx, site, path, slug, text, flags, 'Created');
}

/** `status maintenance`: schedule a maintenance window. */
export async function newMaintenance(ctx: Context, flags: Flags): Promise<void> {
  const site = loadSite(ctx.dir);
  const title = await need(ctx, flags, 'title', 'What work is planned, in a short headline?', 'Database upgrade for direct messages');
  let components = list(flags, 'component');
  if (components.length === 0 && ctx.prompt) components = await ctx.prompt.groupMultiselect('Components under maintenance?', componentGroups(site.config, await currentStatuses(site, ctx.now)), true);
  if (components.length === 0) throw new Refusal(`missing --component: which components are under maintenance, e.g. --component api; components: ${site.componentIds.join(', ')}`);
  for (const id of components) {
    if (!site.componentIds.includes(id)) throw new Refusal(`--component: ${describeUnknown('component', id, site.componentIds)}`);
  }
  const start = await requiredTime(ctx, flags, 'start', 'When does the window open (with a zone)?');
  const end = await requiredTime(ctx, flags, 'end', 'When does it close (with a zone)?');
  const message = await need(ctx, flags, 'message', 'What should users expect?', 'Messages may take a few minutes to arrive.');
  const at = time(flags, 'at', ctx.now)!;
  const { slug, path } = incidentFilePath(start, slugFor(flags, title));
  assertNewSlug(site, slug, path);
  const text = renderMaintenance({ title, components, window: { start, end }, update: { at, status: 'scheduled', message } });
  assertValid(site, path, text);
  await publish(ctx, site, path, slug, text, flags, 'Scheduled');
}

type Kind = ValidIncidentFile['data']['kind'];

/** The slug from the command line, or picked from the open events of that kind. */
async function targetSlug(ctx: Context, site: Site, positional: string | undefined, kinds: readonly Kind[], verb: string): Promise<string> {
  if (positional) return positional;
  const open = validEntries(site).filter((entry) => kinds.includes(entry.data.kind) && !isClosed(entry));
  if (ctx.prompt && open.length > 0) return ctx.prompt.select(`Which one to ${verb}?`, open.map((entry) => ({ value: entry.slug, label: `${entry.slug}: ${entry.data.title}` })));
  throw new Refusal(`missing the slug: which ${kinds.join(' or ')} to ${verb}? Open now: ${open.map((entry) => entry.slug).join(', ') || '(none)'}`);
}

const closingStatus = (kind: Kind) => (kind === 'incident' ? 'resolved' : 'completed');
const isClosed = (entry: ValidIncidentFile) => entry.data.updates.at(-1)?.status === closingStatus(entry.data.kind);

interface UpdateRequest {
  /** Kinds of file this command may change. */
  kinds: readonly Kind[];
  verb: string;
  /** Fixed status (resolve, start, complete) or undefined to take `--status`. */
  status?: string;
  defaultMessage?: string;
}

/**
 * What an incident update changes from it on: `--impact` and `--component
 * id=status`. At a terminal with neither flag, asks which components change
 * (shown with their statuses under this incident), then proposes the impact
 * the statuses after the update imply; it is written only if it changes.
 */
async function updateLevels(ctx: Context, site: Site, flags: Flags, entry: ValidIncidentFile, status: string): Promise<Pick<NewUpdate, 'impact' | 'components'>> {
  if (entry.data.kind === 'maintenance') {
    if (flags['component'] !== undefined || flags['impact'] !== undefined) {
      throw new Refusal('--component and --impact are for incidents; a maintenance puts its components under maintenance for its window');
    }
    return {};
  }
  const impact = given(flags, 'impact', 'impact', IMPACTS);
  const vocabulary = status === 'resolved' ? RESOLVED : UPDATED;
  if (!ctx.prompt || status === 'resolved' || flags['component'] !== undefined || impact !== undefined) {
    const components = await componentStatuses(ctx, site, componentFlags(flags), vocabulary);
    return { ...(impact === undefined ? {} : { impact }), ...(components.length > 0 ? { components } : {}) };
  }
  const now = await incidentStatusesNow(entry, ctx.now);
  const ids = await ctx.prompt.groupMultiselect('Which components change with this update? (none: just press Enter)', componentGroups(site.config, now.statuses), false);
  const components = await componentStatuses(ctx, site, ids.map((id): TypedComponent => [id, undefined]), vocabulary);
  if (components.length === 0) return {};
  const after = new Map(now.statuses);
  for (const [id, changed] of components) after.set(id, changed as ComponentStatus);
  const proposed = impliedImpact(after.values());
  const chosen = await ctx.prompt.select(`Impact from this update on? Proposed: ${proposed}, from the worst status after it (now ${now.impact})`, impactChoices(proposed), proposed);
  return { components, ...(chosen === now.impact ? {} : { impact: chosen }) };
}

/**
 * `update`, `resolve`, `start`, `complete`: add one update to an existing
 * timeline, refusing anything that would surprise readers (an update older
 * than the last, a change to a closed incident) unless asked explicitly.
 */
export async function addUpdate(ctx: Context, flags: Flags, positional: string | undefined, request: UpdateRequest): Promise<void> {
  const site = loadSite(ctx.dir);
  const source = findSource(
    site,
    await targetSlug(ctx, site, positional, request.kinds, request.verb),
    validEntries(site)
      .filter((entry) => request.kinds.includes(entry.data.kind))
      .map((entry) => ({ slug: entry.slug, open: !isClosed(entry) })),
  );
  const parsed = parseIncidentFile(source, site.componentIds);
  if (!parsed.entry) {
    throw new Refusal(`${source.path} has problems; fix them first:\n${parsed.problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`);
  }
  const { data, slug } = parsed.entry;
  if (!request.kinds.includes(data.kind)) {
    const hint = data.kind === 'maintenance' ? 'use start, complete or update' : 'use update or resolve';
    throw new Refusal(`${slug} is ${data.kind === 'maintenance' ? 'a maintenance' : 'an incident'}; ${request.verb} is not for it, ${hint}`);
  }
  const statuses = data.kind === 'incident' ? INCIDENT_STATUSES : MAINTENANCE_STATUSES;
  const statusFlag = given(flags, 'status', 'status', statuses);
  const template = data.kind === 'incident' && !request.status ? await chooseTemplate(ctx, site, flags, statusFlag) : undefined;
  const status = request.status ?? (await choose(ctx, flags, 'status', 'status', statuses, template?.status));
  const levels = await updateLevels(ctx, site, flags, parsed.entry, status);
  const named = levels.components?.map(([id]) => id) ?? Object.keys(data.components);
  const message = str(flags, 'message')?.trim() || request.defaultMessage || (await messageFor(ctx, site, flags, template, named, 'A fix is being deployed.'));
  const update: NewUpdate = { at: time(flags, 'at', ctx.now)!, status, message, ...levels };

  const last = data.updates.at(-1)!;
  const closing = closingStatus(data.kind);
  const lastTime = staffTime(Date.parse(last.at));
  if (Date.parse(update.at) < Date.parse(last.at)) {
    if (!flags['force']) {
      throw new Refusal(
        `${update.at} is earlier than the last update of ${slug} (${isoSeconds(Date.parse(last.at))}, ${last.status}); updates must be in time order. ` +
          'Check --at (times are UTC unless you add an offset), or pass --force to insert it at its place in the timeline.',
      );
    }
  } else if (last.status === closing) {
    if (data.kind === 'maintenance') throw new Refusal(`${slug} was completed at ${lastTime}; schedule new work with \`npm run status -- maintenance\``);
    if (status === closing) throw new Refusal(`${slug} is already resolved (${lastTime}); nothing to do`);
    if (!flags['reopen']) throw new Refusal(`${slug} was resolved at ${lastTime}; pass --reopen to reopen it with this ${status} update, or open a new incident with \`npm run status -- new\``);
    update.reopened = true;
  }

  const text = insertUpdate(source.text, update);
  const entry = assertValid(site, source.path, text);
  if (entry.data.updates.length !== data.updates.length + 1) throw new Refusal(`internal error: the update did not land in ${source.path}; nothing was written`);
  await publish(ctx, site, source.path, slug, text, flags, `Added ${status} update to`);
}

/** `status list --all`: every incident and maintenance, newest first, with its slug and last status. */
function listAll(ctx: Context, site: Site): void {
  const entries = validEntries(site).sort((a, b) => Date.parse(b.data.updates[0]!.at) - Date.parse(a.data.updates[0]!.at));
  ctx.out(`${count(entries.length, 'file')}, newest first:`);
  for (const { slug, data } of entries) ctx.out(`  ${slug}  ${data.kind === 'maintenance' ? 'maintenance ' : ''}${data.updates.at(-1)!.status}: ${data.title}`);
}

/** `status list`: what is open now, with the slugs the other commands take; `--all`: every slug. */
export async function listOpen(ctx: Context, flags: Flags): Promise<void> {
  const { eventAt, isActive } = await import('../model/events.ts');
  const site = loadSite(ctx.dir);
  if (flags['all']) return listAll(ctx, site);
  const events = validEntries(site).flatMap((entry) => eventAt(entry, ctx.now) ?? []);
  const incidents = events.filter((event) => event.kind === 'incident' && isActive(event));
  const maintenances = events.filter((event) => event.kind === 'maintenance' && event.phase !== 'over');
  const line = (event: (typeof events)[number]) => {
    const extra = event.kind === 'incident' ? ` (${event.impact})` : '';
    const window = event.kind === 'maintenance' ? ` (window ${staffTime(event.windowStart)} to ${staffTime(event.windowEnd)})` : '';
    return `  ${event.slug}  ${event.status}${extra} since ${staffTime(event.updates.at(-1)!.at)}: ${event.title}${window}`;
  };
  ctx.out(incidents.length > 0 ? 'Open incidents:' : 'No open incidents.');
  for (const event of incidents) {
    ctx.out(line(event));
    // Every component the incident took away from operational, with its status now.
    if (event.components.length > 0) ctx.out(`    ${event.components.map((component) => `${component.id}: ${component.status}`).join(', ')}`);
  }
  ctx.out(maintenances.length > 0 ? 'Maintenance, upcoming or in progress:' : 'No upcoming maintenance.');
  for (const event of maintenances) ctx.out(line(event));
}

const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? '' : 's'}`;

/**
 * `status check`: every rule and message of the build, over every file.
 * Returns the exit code: 1 with every problem listed, 0 with a summary.
 */
export function check(ctx: Context): number {
  const { entries, files, problems, config } = checkSite(ctx.dir, { now: ctx.now });
  if (problems.length > 0) {
    for (const problem of problems) ctx.out(formatProblem(problem));
    const inFiles = new Set(problems.map((problem) => problem.file)).size;
    ctx.out(`${count(problems.length, 'problem')} in ${count(inFiles, 'file')}; the build would publish nothing.`);
    return 1;
  }
  const maintenances = entries.filter((entry) => entry.data.kind === 'maintenance').length;
  const components = config ? listComponents(config).length : 0;
  ctx.out(`OK: ${count(entries.length - maintenances, 'incident')} and ${count(maintenances, 'maintenance window')} in ${count(files, 'file')}, checked against ${count(components, 'component')}.`);
  return 0;
}

/**
 * `status check`, second part: every template in templates/, rendered with
 * sample components and validated with the build's rules. Returns the exit
 * code; a site whose configuration cannot be read was reported by `check`.
 */
export function checkTemplates(ctx: Context): number {
  let site: Site;
  try {
    site = loadSite(ctx.dir);
  } catch {
    return 1;
  }
  const { templates, problems } = checkTemplateFiles(site.dir, site.config);
  if (templates === 0 && problems.length === 0) return 0;
  for (const problem of problems) ctx.out(formatProblem(problem));
  if (problems.length > 0) {
    const files = new Set(problems.map((problem) => problem.file)).size;
    ctx.out(`${count(problems.length, 'problem')} in ${count(files, 'template')}; \`new\` and \`update\` cannot use them.`);
    return 1;
  }
  ctx.out(`OK: ${count(templates, 'template')} render with sample components and pass.`);
  return 0;
}
