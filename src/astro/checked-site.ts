import { resolve } from 'node:path';
import type { StatusModel } from '../model/status-model.ts';

/**
 * The site `npm run build` has just checked, handed to the Astro build it
 * runs in the same process, so the build renders from the check's result:
 * every file parsed and validated once, every Markdown text rendered once,
 * one model. scripts/build.ts hands it over; the content loader and
 * getStatusModel (load.ts) take it and read nothing from disk. When nothing
 * was handed over (`astro dev`, a bare `astro build`) they read the files as
 * before.
 *
 * It lives on globalThis, not in a module variable: Astro loads load.ts and
 * the loader through Vite, as module instances of their own, while
 * scripts/build.ts imports this file natively.
 */
export interface CheckedSite {
  /** The site folder it was read from, resolved. */
  dir: string;
  /** The build's now (STATUS_NOW, or the clock when the build started). */
  now: number;
  /** A promise while the check is still running beside Astro's start-up; it rejects if the check refused the site. */
  model: StatusModel | Promise<StatusModel>;
}

const KEY = Symbol.for('status-page.checked-site');
const registry = globalThis as typeof globalThis & { [KEY]?: CheckedSite };

export function handOverCheckedSite(site: CheckedSite): void {
  registry[KEY] = { ...site, dir: resolve(site.dir) };
}

/** What was handed over for this site folder (and this now, if given), or undefined: then read the files. */
export function checkedSite(dir: string, now?: number): CheckedSite | undefined {
  const site = registry[KEY];
  if (!site || site.dir !== resolve(dir) || (now !== undefined && site.now !== now)) return undefined;
  return site;
}
