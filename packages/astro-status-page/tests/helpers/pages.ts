import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { outDir } from './build.ts';

/** The text of a built file, e.g. `readBuilt('basic-resolved', 'rss.xml')`. */
export function readBuilt(build: string, path: string): string {
  return readFileSync(join(outDir(build), path), 'utf8');
}

/** A built page by URL path (`/`, `/incidents/x/`), parsed. */
export function page(build: string, urlPath: string): HTMLElement {
  const file = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  return parse(readBuilt(build, file));
}

/** Whitespace-collapsed text of an element. */
export const text = (element: HTMLElement | null | undefined): string =>
  (element?.structuredText ?? '').replace(/\s+/g, ' ').trim();

/** Every HTML file of a build, as URL paths. */
export function builtPages(build: string): string[] {
  const root = outDir(build);
  const walk = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const full = join(dir, name);
      return statSync(full).isDirectory()
        ? walk(full)
        : full.endsWith('.html')
          ? [full.slice(root.length).replace(/index\.html$/, '')]
          : [];
    });
  return existsSync(root) ? walk(root).sort() : [];
}

/** Component name → status text, uptime text as shown on the home page. */
export function componentRows(build: string): Record<string, { status: string; uptime: string }> {
  return Object.fromEntries(
    page(build, '/')
      .querySelectorAll('li.row')
      .map((row) => [
        text(row.querySelector('.head a')),
        { status: text(row.querySelector('.label')), uptime: text(row.querySelectorAll('.foot .wall').at(-1)) },
      ]),
  );
}
