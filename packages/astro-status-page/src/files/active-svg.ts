import { closeSync, fstatSync, openSync, readdirSync, readSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Problem } from './validate.ts';

/*
 * public/ is published on the page's own address as it is. An SVG there is a
 * document that runs its scripts when it is opened by itself (as an <img>, the
 * way the page shows a logo, it never does): a script in it would run with the
 * status page's origin, and a host without the _headers file (GitHub Pages)
 * sends no policy to stop it. A logo or an icon needs no script, so an SVG
 * carrying one is refused, naming the line and what was found.
 */

const ACTIVE: ReadonlyArray<readonly [RegExp, string]> = [
  [/<script[\s>/]/i, 'a <script> element'],
  [/<[^>]*\son[a-z]+\s*=/i, 'an event handler attribute (onload=, onclick= …)'],
  [/<[^>]*(?:href|src)\s*=\s*["']?\s*javascript:/i, 'a javascript: link'],
  [/<foreignObject[\s>/]/i, 'a <foreignObject> (HTML inside the SVG)'],
];

/** What of an SVG is read: a logo is kilobytes; past this it is not read further. */
const SVG_MAX_BYTES = 5_000_000;

/** The start of a file, at most SVG_MAX_BYTES of it: however large the file, no more is read. */
function startOf(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(Math.min(fstatSync(fd).size, SVG_MAX_BYTES));
    return buffer.subarray(0, readSync(fd, buffer, 0, buffer.length, 0)).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Every SVG under `publicDir` that carries a script, as a located problem (paths relative to the site `dir`). */
export function activeSvgProblems(dir: string, publicDir: string): Problem[] {
  let entries: Dirent[];
  try {
    entries = readdirSync(publicDir, { recursive: true, withFileTypes: true });
  } catch {
    return []; // No public/: nothing is published from it.
  }
  // Plain files only: a link is judged where it points (site-links.ts refuses one leaving the site), never read here.
  const svgs = entries.filter((entry) => entry.isFile() && /\.svg$/i.test(entry.name));
  const problems: Problem[] = [];
  for (const path of svgs.map((entry) => join(entry.parentPath, entry.name)).sort()) {
    let text: string;
    try {
      text = startOf(path);
    } catch {
      continue; // Gone or unreadable since the listing: nothing to judge.
    }
    for (const [pattern, what] of ACTIVE) {
      const found = pattern.exec(text);
      if (!found) continue;
      problems.push({
        file: relative(dir, path).split(sep).join('/'),
        line: text.slice(0, found.index + found[0].length).split('\n').length,
        field: 'file',
        message: `is an SVG with ${what}, which would run on the page's own address when the file is opened; remove it (a logo or an icon needs no script)`,
      });
      break;
    }
  }
  return problems;
}
