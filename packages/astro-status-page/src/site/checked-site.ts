import { resolve } from 'node:path';
import type { StatusModel } from '../model/status-model.ts';

/**
 * The site the integration has checked, handed to the pages Astro renders in
 * the same process, so they render from the check's result: every file
 * parsed and validated once, every Markdown text rendered once, one model.
 * The integration (src/integration/) hands it over; the pages read it through
 * the virtual module `virtual:astro-status-page/checked-site`, and the content
 * loader skips a folder that was handed over.
 *
 * It lives on globalThis, not in a module variable: Astro loads the pages and
 * the loader through Vite, as module instances of their own, while the
 * integration runs natively (compiled, from the package's dist/).
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
