import { incidentFileSchema, type IncidentFile } from './schemas/incident.ts';
import { checkYaml, formatProblem, parseYaml, type Problem } from './yaml-file.ts';
import { textProblem } from './schemas/text.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { LIMITS } from '../rules/limits.ts';
import { forbiddenInFile } from '../rules/text.ts';
import { isSlug, SLUG_RULE, slugFromPath } from '../rules/slug.ts';

// Problems and their one-line form belong to the YAML pipeline; most readers of files know them from here.
export { formatProblem, toPlainData, type Problem } from './yaml-file.ts';

/** A file that passed every rule, ready to become part of the site. */
export interface ValidIncidentFile {
  /** The incident's slug in its page URL and every public id: its `id` when it has one, else its file name. */
  slug: string;
  file: string;
  data: IncidentFile;
  body: string;
}

export interface SourceFile {
  /** Path shown in messages, relative to the site folder. */
  path: string;
  text: string;
  /** Why the file cannot be read as an incident (a link out of the site, a folder, not UTF-8…); reported, never published. */
  unreadable?: string;
}

/** Thrown by the build when any incident file is wrong; lists every problem. */
export class IncidentValidationError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in incident files; nothing was published:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'IncidentValidationError';
    this.problems = problems;
  }
}

// Building the schema costs more than using it: one per list of component ids,
// not one per file (1,000 files check in about half the time).
const schemas = new Map<string, ReturnType<typeof incidentFileSchema>>();
function schemaFor(componentIds: readonly string[]) {
  const key = componentIds.join('\n');
  let schema = schemas.get(key);
  if (!schema) schemas.set(key, (schema = incidentFileSchema(componentIds)));
  return schema;
}

/** Check one incident file against every single-file rule. */
export function parseIncidentFile(
  source: SourceFile,
  componentIds: readonly string[],
  clock: number = Date.now(),
): { entry?: ValidIncidentFile; problems: Problem[] } {
  const problem = (line: number, field: string, message: string): Problem => ({
    file: source.path,
    line,
    field,
    message,
  });
  const slug = slugFromPath(source.path);
  const problems: Problem[] = [];
  if (!isSlug(slug)) {
    problems.push(
      problem(
        1,
        'file name',
        `"${slug}" must be ${SLUG_RULE}, e.g. 2022-12-28-login-failing.md; it becomes the page URL`,
      ),
    );
  }
  if (source.unreadable) return { problems: [...problems, problem(1, 'file', source.unreadable)] };
  const forbidden = forbiddenInFile(source.text);
  if (forbidden) return { problems: [...problems, problem(forbidden.line, 'text', forbidden.message)] };
  const split = splitFrontmatter(source.text);
  if (!split) {
    return {
      problems: [
        ...problems,
        problem(1, 'frontmatter', 'missing: start the file with a --- line, the YAML fields, and another --- line'),
      ],
    };
  }
  const read = parseYaml({ file: source.path, yaml: split.yaml, lineOffset: split.lineOffset, whole: 'frontmatter' });
  if (!('parsed' in read)) return { problems: [...problems, ...read.problems] };
  const checked = checkYaml(read.parsed, schemaFor(componentIds), { unionPath: ['kind'] });
  problems.push(...checked.problems);
  if ('data' in checked) {
    for (const { path, message } of futureProblems(checked.data, clock))
      problems.push(problem(read.parsed.lineOf(path), path.join('.'), message));
  }
  const { body } = split;
  const bodyProblem = textProblem(body.trim(), { maxBytes: LIMITS.bodyBytes, markdown: true });
  if (bodyProblem) problems.push(problem(split.bodyLine, 'body', bodyProblem));
  if (problems.length > 0 || !('data' in checked)) return { problems };
  return { entry: { slug: checked.data.id ?? slug, file: source.path, data: checked.data, body }, problems };
}

/** The line of a top-level field of a file that has already parsed (for rules across files, which see only entries). */
function fieldLine(source: SourceFile, field: string): number {
  const split = splitFrontmatter(source.text);
  const read = split && parseYaml({ file: source.path, yaml: split.yaml, lineOffset: split.lineOffset, whole: '' });
  return read && 'parsed' in read ? read.parsed.lineOf([field]) : 1;
}

const DAY = 86_400_000;
const daysAhead = (iso: string, clock: number) => (Date.parse(iso) - clock) / DAY;

/**
 * Times too far ahead of the clock (the real one, not STATUS_NOW, which
 * replays the past): an ordinary update is published when it is written, so
 * one stamped in the future is a typo (2032 for 2023) unless marked
 * `scheduled: true`; nothing may be planned more than a year ahead.
 */
function futureProblems(data: IncidentFile, clock: number): Array<{ path: PropertyKey[]; message: string }> {
  const found: Array<{ path: PropertyKey[]; message: string }> = [];
  const skew = LIMITS.clockSkewMinutes / 1440;
  const ahead = (iso: string, path: PropertyKey[], allowed: number, advice: string) => {
    const days = daysAhead(iso, clock);
    if (days > allowed)
      found.push({
        path,
        message: `${iso} is ${days < 2 ? `${Math.round(days * 1440)} minutes` : `${Math.round(days)} days`} in the future; ${advice}`,
      });
  };
  const planned = `at most ${LIMITS.futureDays} days ahead are allowed`;
  data.updates.forEach((update, i) => {
    const scheduled = 'scheduled' in update && update.scheduled;
    if (scheduled) ahead(update.at, ['updates', i, 'at'], LIMITS.futureDays, planned);
    else
      ahead(
        update.at,
        ['updates', i, 'at'],
        skew,
        'check the date, or add "scheduled: true" to publish this update at that time',
      );
  });
  if (data.kind === 'incident') {
    if (data.started) ahead(data.started, ['started'], skew, 'an incident cannot start in the future; check the date');
    if (data.postmortem_at) ahead(data.postmortem_at, ['postmortem_at'], LIMITS.futureDays, planned);
  } else {
    ahead(data.window.start, ['window', 'start'], LIMITS.futureDays, planned);
  }
  return found;
}

/**
 * Check every incident file, including rules that span files: a slug names
 * one file, so no two files have the same file name, and an `id` is neither
 * another file's id nor another file's name.
 * `unchanged` may return a file's entry from an earlier check of the very same
 * text and component ids; such files skip parsing, the costly part.
 */
export function validateIncidentFiles(
  sources: SourceFile[],
  componentIds: readonly string[],
  unchanged?: (source: SourceFile) => ValidIncidentFile | undefined,
  clock: number = Date.now(),
): { entries: ValidIncidentFile[]; problems: Problem[] } {
  const parsed: Array<{ source: SourceFile; entry: ValidIncidentFile }> = [];
  const problems: Problem[] = [];
  const fileBySlug = new Map<string, string>();
  for (const source of sources) {
    const slug = slugFromPath(source.path);
    const earlier = fileBySlug.get(slug);
    if (earlier) {
      problems.push({
        file: source.path,
        line: 1,
        field: 'file name',
        message: `slug "${slug}" is already used by ${earlier}; rename one file, slugs are page URLs and must be unique`,
      });
      continue;
    }
    fileBySlug.set(slug, source.path);
    const known = unchanged?.(source);
    if (known) {
      parsed.push({ source, entry: known });
      continue;
    }
    const result = parseIncidentFile(source, componentIds, clock);
    problems.push(...result.problems);
    if (result.entry) parsed.push({ source, entry: result.entry });
  }
  const entries: ValidIncidentFile[] = [];
  const sourceById = new Map<string, SourceFile>();
  for (const { source, entry } of parsed) {
    const id = entry.data.id;
    const named = id === undefined ? undefined : fileBySlug.get(id);
    const earlier = id === undefined ? undefined : sourceById.get(id);
    const clash =
      named !== undefined && named !== source.path
        ? `"${id}" is the file name of ${named}; a slug names one file: choose another id, or rename ${named}`
        : earlier
          ? `"${id}" is already the id of ${earlier.path}:${fieldLine(earlier, 'id')}; ids are page URLs and must be unique: change one of them`
          : undefined;
    if (clash) {
      problems.push({ file: source.path, line: fieldLine(source, 'id'), field: 'id', message: clash });
      continue;
    }
    if (id !== undefined) sourceById.set(id, source);
    entries.push(entry);
  }
  return { entries, problems };
}

/**
 * Every slug the site's files hold, each with the path of the file holding it:
 * every file's name (valid or not) and the `id` of each valid file. A new file
 * must take a slug not in here; the CLI finds a file by any of them.
 */
export function slugHolders(
  sources: readonly SourceFile[],
  entries: readonly ValidIncidentFile[],
): Map<string, string> {
  const holders = new Map(sources.map((source) => [slugFromPath(source.path), source.path]));
  for (const entry of entries) if (!holders.has(entry.slug)) holders.set(entry.slug, entry.file);
  return holders;
}
