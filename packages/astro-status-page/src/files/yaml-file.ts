import { isMap, isNode, LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'astro/zod';
import { nearest } from '../rules/nearest.ts';
import { cutText } from '../rules/text.ts';

/*
 * The one pipeline from a YAML text (an incident's or a template's front
 * matter, status.config.yaml with its probes) to located problems: YAML
 * syntax, then the file's zod schema, each problem with its file, line and
 * field, and a misspelt key answered with the nearest field name the schema
 * itself declares ("did you mean"), so no list of names can lag behind it.
 */

/** One thing wrong with one file, located for the person who must fix it. */
export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
}

/** `path:line: field: message`, the shape editors and CI annotate; a runaway field name is cut short. */
export function formatProblem(problem: Problem): string {
  const field = cutText(problem.field, 81);
  return `${problem.file}:${problem.line}: ${field}: ${problem.message}`;
}

/** A YAML text of a file, and where it sits in it. */
export interface YamlSource {
  /** Path shown in messages, relative to the site folder. */
  file: string;
  yaml: string;
  /** Lines of the file before the YAML (a front matter's opening `---`). */
  lineOffset: number;
  /** The field named by a problem of the whole text: "frontmatter", "config". */
  whole: string;
}

/** A YAML text read as plain data, with the line of any of its fields. */
export interface ParsedYaml {
  source: YamlSource;
  value: unknown;
  /** The file's line of the key at `path`, or of its nearest existing parent. */
  lineOf(path: readonly PropertyKey[]): number;
}

/** Read YAML as plain data; syntax errors (and warnings such as an unknown !!tag) are located problems. */
export function parseYaml(source: YamlSource): { parsed: ParsedYaml; problems: [] } | { problems: Problem[] } {
  const lines = new LineCounter();
  // The core schema keeps timestamps as text, so a missing zone can be seen.
  const doc = parseDocument(source.yaml, { lineCounter: lines, schema: 'core', prettyErrors: false });
  const problem = (line: number, message: string): Problem => ({
    file: source.file,
    line,
    field: source.whole,
    message,
  });
  // Warnings too: an unknown tag such as !!binary would otherwise turn a value into something else.
  const yamlProblems = [
    ...doc.errors.map((error) => ({ error, kind: 'YAML syntax' })),
    ...doc.warnings.map((error) => ({ error, kind: 'YAML' })),
  ];
  if (yamlProblems.length > 0)
    return {
      problems: yamlProblems.map(({ error, kind }) =>
        problem(
          lines.linePos(error.pos[0]).line + source.lineOffset,
          STACK_OVERFLOW.test(error.message) ? TOO_DEEP : `${kind}: ${error.message.split('\n')[0]}`,
        ),
      ),
    };
  const data = toPlainData(doc);
  if (!data.ok) return { problems: [problem(1, data.message)] };
  return {
    parsed: { source, value: data.value, lineOf: (path) => lineOf(doc, lines, path) + source.lineOffset },
    problems: [],
  };
}

/** What the parser says of lists or maps nested thousands deep ([[[[…): it ran out of stack. */
const STACK_OVERFLOW = /maximum call stack size exceeded/i;
const TOO_DEEP = 'YAML: lists or maps nest too deeply to be read (thousands of levels); write it flat';

/** A YAML document as plain data; aliases that expand without end (an "alias bomb") are refused. */
export function toPlainData(doc: Document): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: doc.toJS({ maxAliasCount: 50 }) };
  } catch (error) {
    return {
      ok: false,
      message:
        error instanceof RangeError && STACK_OVERFLOW.test(error.message)
          ? TOO_DEEP
          : 'YAML aliases (*name) expand too much; write the values out instead of referring to them',
    };
  }
}

export interface SchemaOptions {
  /** Where a problem of the whole value that no branch of a union accepted is shown (an incident's `kind`). */
  unionPath?: readonly PropertyKey[];
}

/** Check parsed YAML against the file's schema: its data, or every problem located. */
export function checkYaml<S extends z.ZodType>(
  parsed: ParsedYaml,
  schema: S,
  options: SchemaOptions = {},
): { data: z.output<S>; problems: [] } | { problems: Problem[] } {
  const result = schema.safeParse(parsed.value);
  if (result.success) return { data: result.data, problems: [] };
  const { file, whole } = parsed.source;
  const problem = (path: readonly PropertyKey[], message: string): Problem => ({
    file,
    line: parsed.lineOf(path),
    field: path.length > 0 ? path.map(String).join('.') : whole,
    message,
  });
  return {
    problems: result.error.issues.flatMap((issue) => {
      if (issue.code === 'unrecognized_keys')
        return issue.keys.map((key) => {
          const guess = nearest(key, fieldNames(schema));
          return problem(
            [...issue.path, key],
            `is not a field we know${guess ? `; did you mean "${guess}"?` : '.'} Check its spelling.`,
          );
        });
      // A bad record key (unknown component id) carries its message one level down.
      const message =
        issue.code === 'invalid_key' ? issue.issues.map((inner) => inner.message).join('; ') : issue.message;
      const path = issue.path.length === 0 && issue.code === 'invalid_union' ? (options.unionPath ?? []) : issue.path;
      return [problem(path, message)];
    }),
  };
}

/** The line (1-based, within the YAML) of the key at `path`, or of its nearest existing parent. */
function lineOf(doc: Document, lines: LineCounter, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) {
      // A map's key line reads better than its first child's line.
      const keyNode = depth > 0 ? findKeyNode(doc, path.slice(0, depth)) : undefined;
      const start = keyNode?.range?.[0] ?? node.range[0];
      return lines.linePos(start).line;
    }
  }
  return 1;
}

function findKeyNode(doc: Document, path: readonly PropertyKey[]) {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const key = path[path.length - 1];
  const pair = parent.items.find((item) => isNode(item.key) && 'value' in item.key && item.key.value === key);
  return pair && isNode(pair.key) ? pair.key : undefined;
}

const namesBySchema = new WeakMap<z.ZodType, string[]>();

/** Every field name a schema declares, at any depth: what a misspelt key is compared with. */
export function fieldNames(schema: z.ZodType): string[] {
  let names = namesBySchema.get(schema);
  if (!names) namesBySchema.set(schema, (names = [...collectNames(schema, new Set(), new Set())]));
  return names;
}

/** The parts of zod's definitions that hold other schemas (zod 4's `_zod.def`). */
interface Definition {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  options?: z.ZodType[];
  valueType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

function collectNames(schema: z.ZodType | undefined, names: Set<string>, seen: Set<z.ZodType>): Set<string> {
  if (!schema || seen.has(schema)) return names;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Definition } })._zod.def;
  for (const [name, field] of Object.entries(def.shape ?? {})) {
    names.add(name);
    collectNames(field, names, seen);
  }
  const inner = [
    def.innerType,
    def.element,
    def.valueType,
    def.in,
    def.out,
    def.left,
    def.right,
    ...(def.options ?? []),
  ];
  if (def.type === 'lazy' && def.getter) inner.push(def.getter());
  for (const child of inner) collectNames(child, names, seen);
  return names;
}
