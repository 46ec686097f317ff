import {
  IMPACTS,
  INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  UPDATE_COMPONENT_STATUSES,
  closes,
  type ComponentStatus,
  type Impact,
} from '../../rules/statuses.ts';
import { IMPACT_OF_STATUS, impliedImpact } from '../../rules/levels.ts';
import { nextUpdate } from '../../rules/next-update.ts';
import { nearest } from '../../rules/nearest.ts';
import { staffTime } from '../../model/dates.ts';
import { formatProblem, parseIncidentFile, type ValidIncidentFile } from '../../files/validate.ts';
import { Refusal } from '../../files/refusal.ts';
import { insertUpdate, isoSeconds, type NewUpdate } from '../../files/incident-writer.ts';
import { componentGroups, impactChoices, raisedImpactNote } from '../choices.ts';
import type { Context, Flags } from '../context.ts';
import {
  choose,
  componentFlags,
  componentStatuses,
  given,
  nextUpdateFlag,
  str,
  time,
  type ComponentPair,
  type ComponentVocabulary,
  type TypedComponent,
} from '../flags.ts';
import { chooseTemplate, messageFor } from '../message.ts';
import { publish } from '../publish.ts';
import { assertValid, findSource, incidentStatusesNow, loadSite, validEntries, type Site } from '../site.ts';

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

type Kind = ValidIncidentFile['data']['kind'];

/** The slug from the command line, or picked from the open events of that kind. */
async function targetSlug(
  ctx: Context,
  site: Site,
  positional: string | undefined,
  kinds: readonly Kind[],
  verb: string,
): Promise<string> {
  if (positional) return positional;
  const open = validEntries(site).filter((entry) => kinds.includes(entry.data.kind) && !isClosed(entry));
  if (ctx.prompt && open.length > 0)
    return ctx.prompt.select(
      `Which one to ${verb}?`,
      open.map((entry) => ({ value: entry.slug, label: `${entry.slug}: ${entry.data.title}` })),
    );
  throw new Refusal(
    `missing the slug: which ${kinds.join(' or ')} to ${verb}? Open now: ${open.map((entry) => entry.slug).join(', ') || '(none)'}`,
  );
}

const isClosed = (entry: ValidIncidentFile) =>
  closes(entry.data.kind, entry.data.updates.at(-1)?.status ?? '') ||
  (entry.data.kind === 'incident' && entry.data.ended !== undefined);

/**
 * `--merge-into <other>`: the incident that follows this one. It must be
 * another open incident of the site, which carries the components on, so
 * merging never has them recover here. Returns its entry.
 */
function mergeTarget(site: Site, flags: Flags, entry: ValidIncidentFile): ValidIncidentFile | undefined {
  const into = str(flags, 'merge-into')?.trim();
  if (into === undefined) return undefined;
  if (entry.data.kind !== 'incident')
    throw new Refusal('--merge-into is for incidents; a maintenance ends with complete (or --status cancelled)');
  for (const flag of ['component', 'impact'])
    if (flags[flag] !== undefined)
      throw new Refusal(
        `--${flag} cannot go with --merge-into: the incident it is merged into carries each component from now on; set them there with \`npm run status -- update ${into} --${flag} …\``,
      );
  const status = str(flags, 'status');
  if (status !== undefined && status !== 'merged')
    throw new Refusal(
      `--merge-into writes a "merged" update, not "${status}"; leave --status out, or post the ${status} update first`,
    );
  const incidents = validEntries(site).filter((candidate) => candidate.data.kind === 'incident');
  const target = incidents.find((candidate) => candidate.slug === into);
  if (!target) {
    const guess = nearest(
      into,
      incidents.map((candidate) => candidate.slug),
    );
    throw new Refusal(
      `--merge-into ${into}: no incident has that slug.${guess ? ` Did you mean ${guess}?` : ''} Open now: ${
        incidents
          .filter((candidate) => !isClosed(candidate))
          .map((candidate) => candidate.slug)
          .join(', ') || '(none)'
      }`,
    );
  }
  if (target.slug === entry.slug)
    throw new Refusal(`--merge-into ${into} names this incident itself; name the one that follows it`);
  if (isClosed(target))
    throw new Refusal(
      `--merge-into ${into}: that incident is closed (${target.data.updates.at(-1)!.status}), so it cannot carry ${entry.slug}'s components on; resolve ${entry.slug} instead, or reopen ${into} first`,
    );
  return target;
}

export interface UpdateRequest {
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
async function updateLevels(
  ctx: Context,
  site: Site,
  flags: Flags,
  entry: ValidIncidentFile,
  status: string,
  landsLast: boolean,
): Promise<Pick<NewUpdate, 'impact' | 'components'>> {
  if (entry.data.kind === 'maintenance') {
    if (flags['component'] !== undefined || flags['impact'] !== undefined) {
      throw new Refusal(
        '--component and --impact are for incidents; a maintenance puts its components under maintenance for its window',
      );
    }
    return {};
  }
  const impact = given(flags, 'impact', 'impact', IMPACTS);
  const vocabulary = status === 'resolved' ? RESOLVED : UPDATED;
  if (!ctx.prompt || status === 'resolved' || flags['component'] !== undefined || impact !== undefined) {
    const components = await componentStatuses(ctx, site, componentFlags(flags), vocabulary);
    const derived = await deriveImpact(entry, impact as Impact | undefined, components, status, landsLast, ctx.now);
    if (derived.note) ctx.out(derived.note);
    const written = impact ?? derived.lowered;
    return { ...(written === undefined ? {} : { impact: written }), ...(components.length > 0 ? { components } : {}) };
  }
  const now = await incidentStatusesNow(entry, ctx.now);
  const ids = await ctx.prompt.groupMultiselect(
    'Which components change with this update? (none: just press Enter)',
    componentGroups(site.config, now.statuses),
    false,
  );
  const components = await componentStatuses(
    ctx,
    site,
    ids.map((id): TypedComponent => [id, undefined]),
    vocabulary,
  );
  if (components.length === 0) return {};
  const after = new Map(now.statuses);
  for (const [id, changed] of components) after.set(id, changed as ComponentStatus);
  const proposed = impliedImpact(after.values());
  const chosen = await ctx.prompt.select(
    `Impact from this update on? Proposed: ${proposed}, from the worst status after it (now ${now.impact})`,
    impactChoices(proposed),
    proposed,
  );
  return { components, ...(chosen === now.impact ? {} : { impact: chosen }) };
}

/** The impact declared as of the timeline's last update: the file's, or the last update's that changed it. */
function declaredImpact(entry: ValidIncidentFile): Impact {
  if (entry.data.kind !== 'incident') return 'none';
  return entry.data.updates.findLast((update) => update.impact !== undefined)?.impact ?? entry.data.impact;
}

/**
 * The impact an update leaves, derived as `new` derives it, and what to tell
 * staff: the statuses after the update imply a level; a declared impact
 * above it is lowered to it (written on the update) unless `--impact` keeps
 * it, one below it is shown raised; either way the line says which. A
 * resolving update writes none (the page shows the worst level reached), and
 * an update inserted before the last (`--force`) is only described, since
 * later updates decide what follows it.
 */
export async function deriveImpact(
  entry: ValidIncidentFile,
  given: Impact | undefined,
  components: readonly ComponentPair[],
  status: string,
  landsLast: boolean,
  now: number,
): Promise<{ lowered?: Impact; note?: string }> {
  // Reopening brings back the statuses held before the resolution: start from those.
  const updates = entry.data.updates;
  const reopens = closes(entry.data.kind, updates.at(-1)!.status) && updates.length > 1;
  const before = await incidentStatusesNow(entry, reopens ? Date.parse(updates.at(-2)!.at) : now);
  const after = new Map(before.statuses);
  for (const [id, changed] of components) after.set(id, changed as ComponentStatus);
  if (status === 'resolved') {
    return {
      note: `Impact: resolving leaves every component operational; the page shows this incident at the worst level it reached, ${(await peakOf(entry, now)) ?? before.impact}`,
    };
  }
  const implied = impliedImpact(after.values());
  const because = [...after]
    .filter(([, status]) => status !== 'operational' && IMPACT_OF_STATUS[status] === implied)
    .map(([id, status]) => `${id}=${status}`);
  const from = because.length > 0 ? `from ${because.join(', ')}` : 'every component operational';
  if (given !== undefined) {
    const raised = raisedImpactNote(given, implied, because);
    if (raised) return { note: raised };
    if (given === implied) return { note: `Impact: ${given} (${from})` };
    return { note: `Impact: ${given}, kept by --impact, above the ${implied} the statuses imply (${from})` };
  }
  const declared = declaredImpact(entry);
  if (IMPACTS.indexOf(declared) > IMPACTS.indexOf(implied) && landsLast)
    return {
      lowered: implied,
      note: `Impact: lowered from ${declared} to ${implied} (${from}); pass --impact ${declared} to keep ${declared}`,
    };
  const shown = IMPACTS.indexOf(declared) >= IMPACTS.indexOf(implied) ? declared : implied;
  return { note: `Impact: ${shown} (${from}); pass --impact to change it` };
}

/** The worst level the incident was shown at, as its page shows it once resolved. */
async function peakOf(entry: ValidIncidentFile, now: number): Promise<Impact | undefined> {
  const { eventAt } = await import('../../model/events.ts');
  const { incidentSteps, peakImpact } = await import('../../rules/incident-timeline.ts');
  const event = eventAt(entry, now);
  if (event?.kind !== 'incident' || entry.data.kind !== 'incident') return undefined;
  const data = entry.data;
  return peakImpact(
    incidentSteps({
      impact: data.impact,
      components: data.components,
      started: data.started === undefined ? undefined : Date.parse(data.started),
      updates: data.updates
        .map((update) => ({ ...update, at: Date.parse(update.at) }))
        .filter((update) => update.at <= now),
    }),
  );
}

/**
 * `update`, `resolve`, `start`, `complete`: add one update to an existing
 * timeline, refusing anything that would surprise readers (an update older
 * than the last, a change to a closed incident) unless asked explicitly.
 */
export async function addUpdate(
  ctx: Context,
  flags: Flags,
  positional: string | undefined,
  request: UpdateRequest,
): Promise<void> {
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
    throw new Refusal(
      `${source.path} has problems; fix them first:\n${parsed.problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
    );
  }
  const { data, slug } = parsed.entry;
  if (!request.kinds.includes(data.kind)) {
    const hint = data.kind === 'maintenance' ? 'use start, complete or update' : 'use update or resolve';
    throw new Refusal(
      `${slug} is ${data.kind === 'maintenance' ? 'a maintenance' : 'an incident'}; ${request.verb} is not for it, ${hint}`,
    );
  }
  const merge = mergeTarget(site, flags, parsed.entry);
  const statuses = data.kind === 'incident' ? INCIDENT_STATUSES : MAINTENANCE_STATUSES;
  const statusFlag = merge ? 'merged' : given(flags, 'status', 'status', statuses);
  if (statusFlag === 'merged' && !merge)
    throw new Refusal(
      `a merged update names the incident that follows this one: write \`npm run status -- update ${slug} --merge-into <slug>\``,
    );
  const template =
    data.kind === 'incident' && !request.status && !merge
      ? await chooseTemplate(ctx, site, flags, statusFlag)
      : undefined;
  const status = merge
    ? 'merged'
    : (request.status ?? (await choose(ctx, flags, 'status', 'status', statuses, template?.status)));
  const at = time(flags, 'at', ctx.now)!;
  const landsLast = Date.parse(at) >= Date.parse(data.updates.at(-1)!.at);
  const levels = merge ? {} : await updateLevels(ctx, site, flags, parsed.entry, status, landsLast);
  const named = levels.components?.map(([id]) => id) ?? Object.keys(data.components);
  const message =
    str(flags, 'message')?.trim() ||
    request.defaultMessage ||
    (merge
      ? `We are following this in [${merge.data.title.replace(/[[\]\\]/g, '\\$&')}](../${merge.slug}/); please read that page for updates.`
      : await messageFor(ctx, site, flags, template, named, 'A fix is being deployed.'));
  // Only an open incident's update promises the next; a closing one (resolved, merged) ends the wait.
  const promises = data.kind === 'incident' && !closes(data.kind, status);
  if (!promises && str(flags, 'next') !== undefined)
    throw new Refusal(
      data.kind === 'maintenance'
        ? '--next: a maintenance update promises no next update (its window says when); leave --next out'
        : `--next: a ${status} update closes the incident, which promises no next update; leave --next out`,
    );
  const next = promises ? nextUpdateFlag(ctx, flags, at, template?.nextUpdate) : undefined;
  const update: NewUpdate = {
    at,
    status,
    ...(merge ? { into: merge.slug } : {}),
    ...(next ? { next_update: next } : {}),
    message,
    ...levels,
  };

  /** The file's text with this update in it, from the file as it is (another command may have added one meanwhile). */
  const landOn = (base: string): string => {
    const now =
      base === source.text
        ? parsed.entry
        : parseIncidentFile({ path: source.path, text: base }, site.componentIds).entry;
    if (!now)
      throw new Refusal(
        `${source.path} was changed by another command meanwhile and now has problems; nothing was written`,
      );
    const { data: current } = now;
    const last = current.updates.at(-1)!;
    const lastTime = staffTime(Date.parse(last.at));
    const verdict = nextUpdate(
      current.kind,
      { at: Date.parse(last.at), status: last.status },
      { at: Date.parse(update.at), status },
      { force: flags['force'] === true, reopen: flags['reopen'] === true },
    );
    if (!verdict.allowed) {
      const refusals: Record<typeof verdict.why, string> = {
        earlier:
          `${update.at} is earlier than the last update of ${slug} (${isoSeconds(Date.parse(last.at))}, ${last.status}); updates must be in time order. ` +
          'Check --at (times are UTC unless you add an offset), or pass --force to insert it at its place in the timeline.',
        completed: `${slug} was ${last.status} at ${lastTime}; schedule new work with \`npm run status -- maintenance\``,
        resolved: `${slug} is already ${last.status} (${lastTime}); nothing to do`,
        reopen: `${slug} was ${last.status} at ${lastTime}; pass --reopen to reopen it with this ${status} update, or open a new incident with \`npm run status -- new\``,
      };
      throw new Refusal(refusals[verdict.why]);
    }
    const text = insertUpdate(base, verdict.reopens ? { ...update, reopened: true } : update);
    const entry = assertValid(site, source.path, text);
    if (entry.data.updates.length !== current.updates.length + 1)
      throw new Refusal(`internal error: the update did not land in ${source.path}; nothing was written`);
    return text;
  };
  const text = landOn(source.text);
  await publish(
    ctx,
    site,
    source.path,
    slug,
    text,
    flags,
    merge ? `Merged into ${merge.slug} (its components carried there, none recovered) in` : `Added ${status} update to`,
    { base: source.text, rebase: landOn },
  );
}
