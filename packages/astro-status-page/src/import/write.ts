import { join } from 'node:path';
import { parse } from 'yaml';
import { keepForm, readIfThere, writeAtomic } from '../files/write-atomic.ts';
import { incidentFilePath, incidentSlug } from '../files/new-incident.ts';
import { dayKey } from '../model/days.ts';
import { CONFIG_FILE } from '../files/site-files.ts';
import { readSite } from '../files/open-site.ts';
import { splitFrontmatter } from '../files/frontmatter.ts';
import { slugFromPath } from '../rules/slug.ts';
import { formatProblem, parseIncidentFile, type SourceFile } from '../files/validate.ts';
import { siteConfigSchema } from '../files/schemas/site-config.ts';
import {
  ImportError,
  renderConfig,
  renderEvent,
  withId,
  type ImportedEvent,
  type ImportNote,
  type ImportPlan,
  type SkippedEvent,
  type SourceRef,
} from './plan.ts';

export type Outcome = 'created' | 'updated' | 'unchanged';

export interface ImportReport {
  config: { path: string; outcome: Outcome; components: number; groups: number };
  files: Array<{ path: string; outcome: Outcome; kind: ImportedEvent['kind'] }>;
  skipped: SkippedEvent[];
  notes: ImportNote[];
  /** The first and last day any imported event began, or null if none was. */
  range: { from: string; to: string } | null;
}

export interface WriteOptions {
  dryRun: boolean;
  /** Replace files that were not imported (no `source`) and a differing config. */
  force: boolean;
}

const sourceKey = (source: SourceRef) => Object.entries(source).map(([from, id]) => `${from}:${id}`)[0]!;

/** What an existing file says of itself, if its frontmatter parses: its `source` and its `id`. */
function existingFile(file: SourceFile): Existing {
  try {
    const data = parse(splitFrontmatter(file.text)?.yaml ?? '') as { source?: SourceRef; id?: unknown } | null;
    return {
      source: data?.source ? sourceKey(data.source) : undefined,
      id: typeof data?.id === 'string' ? data.id : undefined,
    };
  } catch {
    return { source: undefined, id: undefined };
  }
}

/** An existing file's `source` (undefined for a file the importer did not write) and `id` (undefined without one). */
interface Existing {
  source: string | undefined;
  id: string | undefined;
}

/** Each existing file by path. */
type ExistingFiles = Map<string, Existing>;

/** A hand-written file at exactly this path: replaced only with --force, reported otherwise. */
const isHandWritten = (existing: ExistingFiles, path: string) =>
  existing.has(path) && existing.get(path)!.source === undefined;

/**
 * Where each imported event goes, and its id: the file that already has its
 * `source` (a re-import updates it in place, keeping its id), else a new
 * dated slug from its title, with `-2`, `-3` … when another file holds that
 * slug (as its name or its id); a file's id is its slug when it has none.
 * New files are dated by the day the event starts in the site's zone `timeZone`.
 */
function placeEvents(events: readonly ImportedEvent[], existing: ExistingFiles, timeZone: string) {
  const pathBySource = new Map(
    [...existing].flatMap(([path, { source }]) => (source ? [[source, path] as const] : [])),
  );
  const taken = new Set(
    [...existing].flatMap(([path, { id }]) => [slugFromPath(path), ...(id === undefined ? [] : [id])]),
  );
  const placed = events.map((event) => ({ event, path: pathBySource.get(sourceKey(event.source)) }));
  for (const entry of placed) {
    if (entry.path) continue;
    const slug = incidentSlug(entry.event.title) || entry.event.kind;
    const day = dayKey(Date.parse(entry.event.startsAt), timeZone);
    let target = incidentFilePath(day, slug);
    for (let n = 2; taken.has(target.slug) && !isHandWritten(existing, target.path); n++)
      target = incidentFilePath(day, `${slug}-${n}`);
    taken.add(target.slug);
    entry.path = target.path;
  }
  return placed.map(({ event, path }) => ({ event, path: path!, id: existing.get(path!)?.id ?? slugFromPath(path!) }));
}

function outcomeOf(dir: string, path: string, text: string): Outcome {
  const previous = readIfThere(join(dir, path));
  if (previous === undefined) return 'created';
  // Compared as it would be written: a CRLF or BOM file with the same lines is unchanged.
  return previous === keepForm(previous, text) ? 'unchanged' : 'updated';
}

/**
 * Write an import plan into the site at `dir`: `status.config.yaml`, then each
 * event whose file passes the build's validator. A file that would not pass,
 * or that would replace a hand-written file without --force, is skipped with
 * the reason. Each file is written atomically; with `dryRun` nothing is.
 */
export function writeImport(dir: string, plan: ImportPlan, options: WriteOptions): ImportReport {
  const checked = siteConfigSchema.safeParse(plan.config);
  if (!checked.success) {
    const problems = checked.error.issues.map((issue) => `${issue.path.map(String).join('.')}: ${issue.message}`);
    const hint = checked.error.issues.some((issue) => issue.path[0] === 'url')
      ? ` (the source gave ${JSON.stringify(plan.config.url)}; pass the page's address with --url)`
      : '';
    throw new ImportError(
      `the imported ${CONFIG_FILE} would not be valid, so nothing was written: ${problems.join('; ')}${hint}`,
    );
  }
  const configText = renderConfig(plan.config);
  const configOutcome = outcomeOf(dir, CONFIG_FILE, configText);
  if (configOutcome === 'updated' && !options.force) {
    throw new ImportError(
      `${CONFIG_FILE} exists and its components differ from the imported ones; nothing was written. Pass --force to replace it (incident files name components by id), or import into an empty folder.`,
    );
  }
  // The site as it will be: the imported config, and the incident files already there.
  const { componentIds, sources } = readSite(dir, { config: checked.data });
  const existing: ExistingFiles = new Map(sources.map((file) => [file.path, existingFile(file)]));
  const skipped = [...plan.skipped];
  const files: ImportReport['files'] = [];
  const writes: Array<{ path: string; text: string }> = [];
  const starts: string[] = [];
  for (const { event, path, id } of placeEvents(plan.events, existing, checked.data.timezone)) {
    const label = {
      source: Object.entries(event.source).map(([from, sourceId]) => `${from} ${sourceId}`)[0]!,
      title: event.title,
    };
    const text = renderEvent(withId(event, id));
    if (isHandWritten(existing, path) && !options.force) {
      skipped.push({
        ...label,
        reason: `${path} exists and was not imported (it has no source); pass --force to replace it`,
      });
      continue;
    }
    const { problems } = parseIncidentFile({ path, text }, componentIds);
    if (problems.length > 0) {
      skipped.push({ ...label, reason: `the file would not pass check: ${problems.map(formatProblem).join('; ')}` });
      continue;
    }
    const outcome = outcomeOf(dir, path, text);
    files.push({ path, outcome, kind: event.kind });
    starts.push(event.startsAt.slice(0, 10));
    if (outcome !== 'unchanged') writes.push({ path, text });
  }
  if (!options.dryRun) {
    if (configOutcome !== 'unchanged') writeAtomic(dir, CONFIG_FILE, configText);
    for (const write of writes) writeAtomic(dir, write.path, write.text);
  }
  starts.sort();
  return {
    config: {
      path: CONFIG_FILE,
      outcome: configOutcome,
      components: componentIds.length,
      groups: plan.config.groups.length,
    },
    files,
    skipped,
    notes: plan.notes,
    range: starts.length > 0 ? { from: starts[0]!, to: starts.at(-1)! } : null,
  };
}
