import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { incidentFilePath, incidentSlug, renderIncident } from '../files/new-incident.ts';
import { insertUpdate, isoSeconds } from '../files/incident-writer.ts';
import { slugHolders, type SourceFile, type ValidIncidentFile } from '../files/validate.ts';
import type { ProbeConfig } from '../files/schemas/probes-config.ts';
import { writeAtomic } from '../files/write-atomic.ts';
import { impliedImpact } from '../rules/levels.ts';
import { cutText, foreignLine, literalMarkdown } from '../rules/text.ts';
import { byteLength } from '../rules/limits.ts';
import { zoneName } from '../model/dates.ts';
import { dayKey } from '../model/days.ts';
import { assertValid } from '../site/assert-valid.ts';
import type { Action } from './follow.ts';

/*
 * The incident files a probe writes, through the CLI's own writer and
 * validator: a new file for an `open` action, one update appended (every
 * other byte kept) for an `update`. The words are what was measured.
 */

/** What writing needs: the site's files (kept current as files are written), components and zone. */
export interface WriteContext {
  dir: string;
  sources: SourceFile[];
  /** The valid files when the run began, whose ids are slugs taken too. */
  entries: readonly ValidIncidentFile[];
  componentIds: string[];
  names: ReadonlyMap<string, string>;
  probes: readonly ProbeConfig[];
  timezone: string;
}

/** "07:13 EST": a time in the site zone as staff and readers say it. */
export function clockTime(millis: number, timezone: string): string {
  return `${format(new TZDate(millis, timezone), 'HH:mm')} ${zoneName(millis, timezone, 'en')}`;
}

/** "chirp.example" or "chirp.example and api.chirp.example": the hosts a component's checks ask. */
function hostsOf(ctx: WriteContext, component: string): string {
  const hosts = [
    ...new Set(ctx.probes.filter((probe) => probe.component === component).map((probe) => new URL(probe.url).host)),
  ];
  return hosts.length <= 1 ? (hosts[0] ?? component) : `${hosts.slice(0, -1).join(', ')} and ${hosts.at(-1)}`;
}

const STATUS_WORDS = { degraded_performance: 'are slow', partial_outage: 'partly fail', major_outage: 'fail' } as const;

/** Bytes of the reasons' own text in a message: escaped at most twice as long, far under the message limit. */
const WHYS_BYTES = 600;

/**
 * The reasons as the message's words: what servers sent is data, not markup,
 * so it is quoted literally (a "[link](…)" in an answer stays text), cut at a
 * grapheme boundary to fit the message before it is written.
 */
function whyText(whys: readonly string[]): string {
  let text = foreignLine(whys.join('; '), WHYS_BYTES);
  while (byteLength(text) > WHYS_BYTES) text = cutText(text, text.length - 10);
  return literalMarkdown(text);
}

/** The first free `incidents/<year>/<date>-<slug>(-n).md` for a title. */
function freePath(ctx: WriteContext, started: string, title: string): { slug: string; path: string } {
  const taken = slugHolders(ctx.sources, ctx.entries);
  const base = incidentSlug(title);
  for (let n = 1; ; n++) {
    const place = incidentFilePath(dayKey(Date.parse(started), ctx.timezone), n === 1 ? base : `${base}-${n}`);
    if (!taken.has(place.slug)) return place;
  }
}

/** The file's new text for an action, and its path. */
function actionText(
  ctx: WriteContext,
  action: Exclude<Action, { kind: 'none' }>,
): { path: string; text: string; done: string } {
  const name = ctx.names.get(action.component) ?? action.component;
  const hosts = hostsOf(ctx, action.component);
  if (action.kind === 'open') {
    const title = action.status === 'degraded_performance' ? `${name} is slow` : `${name} is not responding`;
    const started = isoSeconds(action.started);
    const { slug, path } = freePath(ctx, started, title);
    const text = renderIncident({
      id: slug,
      title,
      impact: impliedImpact([action.status]),
      components: [[action.component, action.status]],
      started,
      source: { probe: action.component },
      update: {
        at: isoSeconds(action.at),
        status: 'investigating',
        message: `Checks of ${hosts} failed since ${clockTime(action.started, ctx.timezone)}: ${whyText(action.whys)}.`,
      },
    });
    return { path, text, done: 'Opened' };
  }
  const source = ctx.sources.find((candidate) => candidate.path === action.file)!;
  const changed = action.update.components?.[0]?.[1];
  const since = clockTime(action.since, ctx.timezone);
  const message =
    action.update.status === 'resolved'
      ? `Checks of ${hosts} have passed since ${since}.`
      : changed === 'operational'
        ? `Checks pass again since ${since}.`
        : `Checks of ${hosts} ${STATUS_WORDS[changed as keyof typeof STATUS_WORDS] ?? 'fail'} since ${since}: ${whyText(action.whys)}.`;
  return {
    path: action.file,
    text: insertUpdate(source.text, { ...action.update, message }),
    done: `Added ${action.update.status} update to`,
  };
}

/** Write what an action says (validated as the build would first), and say what was written; nothing for `none`. */
export function applyAction(ctx: WriteContext, action: Action): string | undefined {
  if (action.kind === 'none') return undefined;
  const { path, text, done } = actionText(ctx, action);
  assertValid(ctx, path, text);
  writeAtomic(ctx.dir, path, text);
  const index = ctx.sources.findIndex((source) => source.path === path);
  if (index >= 0) ctx.sources[index] = { path, text };
  else ctx.sources.push({ path, text });
  return `${done}: ${path}`;
}
