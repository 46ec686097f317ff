import { isMap, isScalar, isSeq, LineCounter, parseDocument } from 'yaml';
import { toPlainData } from '../files/validate.ts';

/*
 * YAML as the source's own tool reads it. Hugo (cState's builder) keeps the
 * last of two equal keys in a map and builds; our own files refuse them (a
 * typo there would hide a value), but an import takes the site as Hugo
 * published it, and says which lines it chose between.
 */

/** A key written twice (or more) in one map: its path and the line of each. */
export interface DuplicateKey {
  path: string;
  lines: number[];
}

/** Thrown for text that is not YAML at all (or whose aliases expand without end). */
export class YamlSyntaxError extends Error {}

/** The YAML text as plain data, each map keeping the last of equal keys, and the keys written more than once. */
export function parseLenient(text: string): { value: unknown; duplicates: DuplicateKey[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { uniqueKeys: false, lineCounter });
  const [error] = doc.errors;
  if (error) throw new YamlSyntaxError(error.message.split('\n')[0]);
  const duplicates: DuplicateKey[] = [];
  const walk = (node: unknown, path: string[]): void => {
    if (isMap(node)) {
      const lines = new Map<string, number[]>();
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
        const range = (pair.key as { range?: [number, number, number] } | null)?.range;
        lines.set(key, [...(lines.get(key) ?? []), range ? lineCounter.linePos(range[0]).line : 0]);
        walk(pair.value, [...path, key]);
      }
      for (const [key, at] of lines) if (at.length > 1) duplicates.push({ path: [...path, key].join('.'), lines: at });
    } else if (isSeq(node)) node.items.forEach((item, i) => walk(item, [...path, String(i)]));
  };
  walk(doc.contents, []);
  const plain = toPlainData(doc);
  if (!plain.ok) throw new YamlSyntaxError(plain.message);
  return { value: plain.value, duplicates };
}

/** "disableDarkMode is set on lines 3 and 9: the last (line 9) is used, as Hugo does". */
export function duplicateNote({ path, lines }: DuplicateKey, offset = 0): string {
  const shown = lines.map((line) => line + offset);
  const list =
    shown.length === 2 ? `${shown[0]} and ${shown[1]}` : `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}`;
  return `${path} is set on lines ${list}: the last (line ${shown.at(-1)}) is used, as Hugo does`;
}
