import { readdirSync, readFileSync } from 'node:fs';
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

/** An SVG's first lines worth reading: a logo is kilobytes; past this it is not read further. */
const SVG_MAX_BYTES = 5_000_000;

/** Every SVG under `publicDir` that carries a script, as a located problem (paths relative to the site `dir`). */
export function activeSvgProblems(dir: string, publicDir: string): Problem[] {
  let names: string[];
  try {
    names = readdirSync(publicDir, { recursive: true, encoding: 'utf8' });
  } catch {
    return []; // No public/: nothing is published from it.
  }
  const problems: Problem[] = [];
  for (const name of names.filter((path) => /\.svg$/i.test(path)).sort()) {
    const path = join(publicDir, name);
    let text: string;
    try {
      text = readFileSync(path).subarray(0, SVG_MAX_BYTES).toString('utf8');
    } catch {
      continue; // A folder named .svg, or a link elsewhere (site-links.ts reports those).
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
