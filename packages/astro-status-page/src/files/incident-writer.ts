import { Document, isSeq, parseDocument, Scalar, type Node } from 'yaml';
import { Refusal } from './refusal.ts';
import { splitFrontmatter } from './frontmatter.ts';

/** One timeline entry as the CLI writes it: `at` in UTC ISO without milliseconds. */
export interface NewUpdate {
  at: string;
  status: string;
  message: string;
  /** When the next update is promised: "30 min" after this one, or a time. */
  next_update?: string;
  /** Set on the update that reopens a resolved incident. */
  reopened?: true;
  /** On a `merged` update: the incident that follows this one. */
  into?: string;
  /** The incident's impact from this update on, when it changes. */
  impact?: string;
  /** Component id → its status from this update on, in the order given. */
  components?: Array<[id: string, status: string]>;
}

/** `2022-12-28T12:31:00.000Z` → `2022-12-28T12:31:00Z`: what a person would type. */
export function isoSeconds(millis: number): string {
  return new Date(Math.floor(millis / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * Give every `message` scalar the style a person would write: a folded block
 * (`>-`) for long one-liners, a literal block (`|-`) when it has line breaks,
 * so the file stays readable in a diff and in review.
 */
export function styleMessage(node: unknown): void {
  if (!(node instanceof Scalar) || typeof node.value !== 'string') return;
  if (node.value.includes('\n')) node.type = Scalar.BLOCK_LITERAL;
  else if (node.value.length > 60) node.type = Scalar.BLOCK_FOLDED;
}

/**
 * One update as YAML will write it, keys in docs/files.md's order (at, status,
 * into, impact, components, next_update, message, reopened); a Map keeps the components in the
 * order given, whatever their ids look like.
 */
function itemValue(update: NewUpdate): Record<string, unknown> {
  return {
    at: update.at,
    status: update.status,
    ...(update.into ? { into: update.into } : {}),
    ...(update.impact ? { impact: update.impact } : {}),
    ...(update.components?.length ? { components: new Map(update.components) } : {}),
    ...(update.next_update ? { next_update: update.next_update } : {}),
    message: update.message,
    ...(update.reopened ? { reopened: true } : {}),
  };
}

/** YAML text of one `- at/status/message` item, indented to sit in the file's list. */
function renderItem(update: NewUpdate, indent: string, eol: string): string {
  const doc = new Document([itemValue(update)], { schema: 'core' });
  styleMessage(doc.getIn([0, 'message'], true));
  const text = doc.toString({ lineWidth: 80 - indent.length }).replace(/\n$/, '');
  return text
    .split('\n')
    .map((line) => (line ? indent + line : line))
    .join(eol);
}

/**
 * Insert an update into a file's `updates` list, in time order (after every
 * update at or before it), touching no other byte of the file.
 *
 * The `yaml` Document API locates the list and its items and writes the new
 * item; the item is then spliced into the original text at the list's offsets.
 * Re-printing the whole document (`doc.toString()`) would keep comments and key
 * order but re-fold `>-` messages and re-space `[a, b]` lists, so a one-line
 * update would show up in review as a rewrite of the whole timeline.
 */
export function insertUpdate(text: string, update: NewUpdate): string {
  const split = splitFrontmatter(text);
  if (!split)
    throw new Refusal(
      'the file has no frontmatter between --- lines; fix it by hand, then run `npm run status -- check`',
    );
  const { yaml: frontmatter, yamlStart: start, eol } = split;
  const end = start + frontmatter.length;
  const doc = parseDocument(frontmatter, { schema: 'core' });
  const updates = doc.get('updates', true);
  if (!isSeq(updates) || !updates.range || updates.items.length === 0) {
    throw new Refusal('the file has no `updates` list to add to; fix it by hand, then run `npm run status -- check`');
  }
  const items = updates.items as Node[];
  // The first item later than the new update, if any; the new one goes before it.
  const laterIndex = items.findIndex(
    (item) => Date.parse(String((item.toJSON() as { at?: unknown }).at)) > Date.parse(update.at),
  );
  const later = items[laterIndex];
  if (updates.flow) {
    // A one-line `[...]` list has no line to splice into: re-print that list, and only it.
    updates.items.splice(later ? laterIndex : items.length, 0, doc.createNode(itemValue(update)));
    const list = new Document(updates, { schema: 'core' }).toString({ lineWidth: 0 }).replace(/\n$/, '');
    return (
      text.slice(0, start) +
      frontmatter.slice(0, updates.range[0]) +
      list +
      frontmatter.slice(updates.range[1]) +
      text.slice(end)
    );
  }
  const firstStart = items[0]!.range![0];
  const lineStart = (offset: number) => frontmatter.lastIndexOf('\n', offset - 1) + 1;
  const indent = frontmatter.slice(lineStart(firstStart), firstStart).replace(/-\s*$/, '');
  const item = renderItem(update, indent, eol);
  let at: number;
  let insertion: string;
  if (later) {
    at = lineStart(later.range![0]);
    insertion = item + eol;
  } else {
    at = updates.range[1];
    const before = frontmatter.slice(0, at);
    insertion = (before.endsWith('\n') ? '' : eol) + item + (at < frontmatter.length ? eol : '');
  }
  return text.slice(0, start) + frontmatter.slice(0, at) + insertion + frontmatter.slice(at) + text.slice(end);
}
