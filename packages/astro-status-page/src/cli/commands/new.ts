import {
  IMPACTS,
  INCIDENT_COMPONENT_STATUSES,
  STANDALONE_INCIDENT_STATUSES,
  type ComponentStatus,
  type Impact,
} from '../../rules/statuses.ts';
import { IMPACT_OF_STATUS, impliedImpact } from '../../rules/levels.ts';
import { Refusal } from '../../files/refusal.ts';
import { incidentFilePath, renderIncident } from '../../files/new-incident.ts';
import { dayKey } from '../../model/days.ts';
import { isoSeconds } from '../../files/incident-writer.ts';
import { componentGroups, impactChoices, raisedImpactNote, statusWords } from '../choices.ts';
import type { Context, Flags } from '../context.ts';
import {
  choose,
  componentFlags,
  componentStatuses,
  given,
  need,
  nextUpdateFlag,
  str,
  time,
  type ComponentPair,
  type ComponentVocabulary,
  type TypedComponent,
} from '../flags.ts';
import { chooseTemplate, messageFor } from '../message.ts';
import { assertNewSlug, publish, slugFor } from '../publish.ts';
import { parseStartTime, TIME_FORMS } from '../relative-time.ts';
import { assertValid, componentName, currentStatuses, loadSite, siteTimeZone, type Site } from '../site.ts';

/** `new`: the components an incident affects. */
const AFFECTED: ComponentVocabulary = {
  allowed: INCIDENT_COMPONENT_STATUSES,
  example: 'major_outage',
  refusal: () => 'a new incident lists only the components it affects; leave out the operational ones',
};

/** Every component a new incident affects, with its status, from `--component id=status` flags (or prompts). */
async function incidentComponents(ctx: Context, site: Site, flags: Flags): Promise<ComponentPair[]> {
  let pairs = componentFlags(flags);
  if (pairs.length === 0 && ctx.prompt) {
    const groups = componentGroups(site.config, await currentStatuses(site, ctx.now));
    pairs = (await ctx.prompt.groupMultiselect('Affected components?', groups, true)).map((id): TypedComponent => [
      id,
      undefined,
    ]);
  }
  if (pairs.length === 0)
    throw new Refusal(
      `missing --component: which components are affected and how, e.g. --component web=major_outage; components: ${site.componentIds.join(', ')}`,
    );
  return componentStatuses(ctx, site, pairs, AFFECTED);
}

/**
 * A new incident's impact: `--impact`, else the least its components imply,
 * offered first at a terminal, or taken and said so in a script.
 */
async function incidentImpact(
  ctx: Context,
  site: Site,
  flags: Flags,
  components: readonly ComponentPair[],
): Promise<string> {
  const chosen = given(flags, 'impact', 'impact', IMPACTS);
  const implied = impliedImpact(components.map(([, status]) => status as ComponentStatus));
  const reasons = components.filter(([, status]) => IMPACT_OF_STATUS[status as ComponentStatus] === implied);
  if (chosen !== undefined) {
    const raised = raisedImpactNote(
      chosen as Impact,
      implied,
      reasons.map(([id, status]) => `${id}=${status}`),
    );
    if (raised) ctx.out(raised);
    return chosen;
  }
  if (ctx.prompt) {
    const why = reasons
      .map(([id, status]) => `${componentName(site, id)} ${statusWords(status as ComponentStatus)}`)
      .join(', ');
    return ctx.prompt.select(
      `Impact? Proposed: ${implied}, from the worst status chosen (${why})`,
      impactChoices(implied),
      implied,
    );
  }
  ctx.out(
    `Impact: ${implied} (from ${reasons.map(([id, status]) => `${id}=${status}`).join(', ')}); pass --impact to change it`,
  );
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
    typed = await ctx.prompt.text(`When did it start? (${TIME_FORMS}; clock times in ${zone})`, {
      placeholder: 'now',
      fallback: 'now',
      validate,
    });
  }
  if (typed === undefined) return undefined;
  const parsed = parse(typed);
  if ('error' in parsed) throw new Refusal(`--started: ${parsed.error}`);
  return parsed.at < reference ? isoSeconds(parsed.at) : undefined;
}

/** `status new`: write a new incident with its first update. */
export async function newIncident(ctx: Context, flags: Flags): Promise<void> {
  const site = loadSite(ctx.dir);
  const title = await need(ctx, flags, 'title', 'What are users seeing, in a short headline?', 'Login failing on iOS');
  const components = await incidentComponents(ctx, site, flags);
  const impact = await incidentImpact(ctx, site, flags, components);
  const at = time(flags, 'at', ctx.now)!;
  const started = await startTime(ctx, site, flags, at);
  const template = await chooseTemplate(
    ctx,
    site,
    flags,
    given(flags, 'status', 'status', STANDALONE_INCIDENT_STATUSES),
  );
  const status = await choose(
    ctx,
    flags,
    'status',
    'status',
    STANDALONE_INCIDENT_STATUSES,
    template?.status ?? 'investigating',
  );
  const ids = components.map(([id]) => id);
  const message = await messageFor(ctx, site, flags, template, ids, 'We are investigating reports of failed logins.');
  const next = status === 'resolved' ? undefined : nextUpdateFlag(ctx, flags, at, template?.nextUpdate);
  if (status === 'resolved' && str(flags, 'next') !== undefined)
    throw new Refusal('--next: a resolved incident promises no next update; leave --next out');
  const start = { millis: Date.parse(started ?? at), timeZone: siteTimeZone(site.config) };
  const { slug, path } = incidentFilePath(
    dayKey(start.millis, start.timeZone),
    slugFor(flags, title, 'incident', start),
  );
  assertNewSlug(site, slug, path);
  const text = renderIncident({
    id: slug,
    title,
    impact,
    components,
    ...(started ? { started } : {}),
    update: { at, status, ...(next ? { next_update: next } : {}), message },
  });
  assertValid(site, path, text);
  await publish(ctx, site, path, slug, text, flags, 'Created');
}
