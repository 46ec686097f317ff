import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { decodeSource } from '../rules/text.ts';
import { withFileLock } from './file-lock.ts';
import { Refusal } from './refusal.ts';

/**
 * Write a file so that readers (git, a build, an editor) see the old text or
 * the new, never half of it: write a temporary file beside it, then rename.
 * A file that is replaced keeps its own bytes (`keepForm`): the texts the
 * CLI and the importer write are read with line ends as `\n` and no BOM.
 */
export function writeAtomic(dir: string, path: string, text: string): void {
  const target = join(dir, path);
  mkdirSync(dirname(target), { recursive: true });
  // Not `.md`, so a build running meanwhile never reads the temporary file.
  const temporary = join(dirname(target), `.${basename(target)}.${randomBytes(4).toString('hex')}.tmp`);
  const previous = readIfThere(target);
  try {
    writeFileSync(temporary, previous === undefined ? text : keepForm(previous, text), { flag: 'wx' });
    renameSync(temporary, target);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}

/**
 * Write `text` to `path` only if the file still holds `base` (undefined: the
 * file must not exist yet), holding the file's lock, so that two commands
 * run at once never write over each other. When another command changed the
 * file meanwhile, `rebase` makes the text again from what it holds now (and
 * may refuse); without it the write is refused. Returns what was written.
 */
export function writeIfUnchanged(
  dir: string,
  path: string,
  base: string | undefined,
  text: string,
  rebase?: (current: string) => string,
): string {
  const target = join(dir, path);
  return withFileLock(target, () => {
    const raw = readBytesIfThere(target);
    const decoded = raw === undefined ? undefined : decodeSource(raw);
    if (decoded && !decoded.ok) throw new Refusal(`${path} ${decoded.message}; nothing was written`);
    const current = decoded?.text;
    let next = text;
    if (current !== base) {
      if (current === undefined)
        throw new Refusal(`${path} was deleted by another command meanwhile; nothing was written`);
      if (base === undefined || !rebase)
        throw new Refusal(
          `${path} was ${base === undefined ? 'created' : 'changed'} by another command meanwhile; nothing was written, run this again`,
        );
      next = rebase(current);
    }
    writeAtomic(dir, path, next);
    return next;
  });
}

function readBytesIfThere(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** A file's text, or undefined if there is none (or it is no file). */
export function readIfThere(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

type Line = { text: string; end: string };

/** A text as its lines, each with the line end it had (`''` for the last). */
function linesOf(text: string): Line[] {
  const parts = text.split(/(\r\n|\r|\n)/);
  const lines: Line[] = [];
  for (let i = 0; i < parts.length; i += 2) lines.push({ text: parts[i]!, end: parts[i + 1] ?? '' });
  return lines;
}

const sameLine = (a: Line, b: Line) => a.text === b.text && (a.end === '') === (b.end === '');

/**
 * `next` as the file `previous` would hold it: `previous`'s BOM, and its
 * lines byte for byte wherever `next` did not change them (the lines before
 * and after the changed run); the changed lines take the line end most of
 * `previous` uses. So adding an update to a CRLF file (Windows editors) adds
 * CRLF lines and changes no other byte, instead of rewriting every line.
 */
export function keepForm(previous: string, next: string): string {
  const bom = previous.startsWith('\uFEFF') ? '\uFEFF' : '';
  const body = next.replace(/^\uFEFF/, '');
  if (!bom && !/\r/.test(previous)) return body;
  const old = linesOf(previous.slice(bom.length));
  const fresh = linesOf(body);
  let before = 0;
  while (before < old.length && before < fresh.length && sameLine(old[before]!, fresh[before]!)) before++;
  let after = 0;
  while (
    after < old.length - before &&
    after < fresh.length - before &&
    sameLine(old[old.length - 1 - after]!, fresh[fresh.length - 1 - after]!)
  )
    after++;
  const ends = old.filter((line) => line.end !== '').map((line) => line.end);
  const eol = ends.filter((end) => end === '\r\n').length * 2 >= ends.length && ends.length > 0 ? '\r\n' : '\n';
  const changed = fresh
    .slice(before, fresh.length - after)
    .map((line) => ({ text: line.text, end: line.end === '' ? '' : eol }));
  return (
    bom +
    [...old.slice(0, before), ...changed, ...old.slice(old.length - after)].map((line) => line.text + line.end).join('')
  );
}
