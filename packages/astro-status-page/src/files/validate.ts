import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import { nearest } from '../rules/nearest.ts';
import { incidentFileSchema, type IncidentFile } from './schemas/incident.ts';
import { textProblem } from './schemas/text.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { LIMITS } from '../rules/limits.ts';
import { cutText, forbiddenInFile } from '../rules/text.ts';
import { isSlug, SLUG_RULE, slugFromPath } from '../rules/slug.ts';

/** One thing wrong with one file, located for the person who must fix it. */
export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
}

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

// Every field name an incident file may use, to suggest one when a key is misspelt.
const FIELD_NAMES = [
  'kind',
  'id',
  'title',
  'impact',
  'components',
  'started',
  'ended',
  'updates',
  'window',
  'at',
  'status',
  'message',
  'reopened',
  'start',
  'end',
  'postmortem_at',
  'scheduled',
];

/** `path:line: field: message`, the shape editors and CI annotate; a runaway field name is cut short. */
export function formatProblem(problem: Problem): string {
  const field = cutText(problem.field, 81);
  return `${problem.file}:${problem.line}: ${field}: ${problem.message}`;
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

// The fields of an imported file's `source`, suggested the same way.
const SOURCE_FIELD_NAMES = ['source', 'statuspage', 'cstate'];

/** The line of the YAML node at `path`, or of its nearest existing parent. */
function lineOf(doc: Document, lines: LineCounter, path: PropertyKey[], offsetLines: number): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      // A map's key line reads better than its first child's line.
      const keyNode = depth > 0 ? findKeyNode(doc, path.slice(0, depth)) : undefined;
      const start = keyNode?.range?.[0] ?? node.range[0];
      return lines.linePos(start).line + offsetLines;
    }
  }
  return 1;
}

function findKeyNode(doc: Document, path: PropertyKey[]) {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const key = path[path.length - 1];
  const pair = parent.items.find((item) => isNode(item.key) && 'value' in item.key && item.key.value === key);
  return pair && isNode(pair.key) ? pair.key : undefined;
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
  const lines = new LineCounter();
  // The core schema keeps timestamps as text, so a missing zone can be seen.
  const doc = parseDocument(split.yaml, { lineCounter: lines, schema: 'core', prettyErrors: false });
  // Warnings too: an unknown tag such as !!binary would otherwise turn a value into something else.
  const yamlProblems = [
    ...doc.errors.map((error) => ({ error, kind: 'YAML syntax' })),
    ...doc.warnings.map((error) => ({ error, kind: 'YAML' })),
  ];
  if (yamlProblems.length > 0) {
    return {
      problems: [
        ...problems,
        ...yamlProblems.map(({ error, kind }) =>
          problem(
            lines.linePos(error.pos[0]).line + split.lineOffset,
            'frontmatter',
            `${kind}: ${error.message.split('\n')[0]}`,
          ),
        ),
      ],
    };
  }
  const data = toPlainData(doc);
  if (!data.ok) return { problems: [...problems, problem(1, 'frontmatter', data.message)] };
  const result = schemaFor(componentIds).safeParse(data.value);
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === 'unrecognized_keys') {
        for (const key of issue.keys) {
          const path = [...issue.path, key];
          const guess = nearest(key, [...FIELD_NAMES, ...SOURCE_FIELD_NAMES]);
          problems.push(
            problem(
              lineOf(doc, lines, path, split.lineOffset),
              path.map(String).join('.'),
              `is not a field we know${guess ? `; did you mean "${guess}"?` : ''} Check its spelling.`,
            ),
          );
        }
        continue;
      }
      // A bad record key (unknown component id) carries its message one level down.
      const message =
        issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join('; ') : issue.message;
      const path = issue.path.length === 0 && issue.code === 'invalid_union' ? ['kind'] : issue.path;
      const field = path.length > 0 ? path.map(String).join('.') : 'frontmatter';
      problems.push(problem(lineOf(doc, lines, path, split.lineOffset), field, message));
    }
  }
  if (result.success) {
    for (const { path, message } of futureProblems(result.data, clock))
      problems.push(problem(lineOf(doc, lines, path, split.lineOffset), path.join('.'), message));
  }
  const { body } = split;
  const bodyProblem = textProblem(body.trim(), { maxBytes: LIMITS.bodyBytes, markdown: true });
  if (bodyProblem) problems.push(problem(split.bodyLine, 'body', bodyProblem));
  if (problems.length > 0 || !result.success) return { problems };
  return { entry: { slug: result.data.id ?? slug, file: source.path, data: result.data, body }, problems };
}

/** The line of a top-level field of a file that has already parsed (for rules across files, which see only entries). */
function fieldLine(source: SourceFile, field: string): number {
  const split = splitFrontmatter(source.text);
  if (!split) return 1;
  const lines = new LineCounter();
  const doc = parseDocument(split.yaml, { lineCounter: lines, schema: 'core', prettyErrors: false });
  return lineOf(doc, lines, [field], split.lineOffset);
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

/** A YAML document as plain data; aliases that expand without end (an "alias bomb") are refused. Shared by incident files and the config. */
export function toPlainData(doc: Document): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 50 }) };
  } catch {
    return {
      ok: false,
      message: 'YAML aliases (*name) expand too much; write the values out instead of referring to them',
    };
  }
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
