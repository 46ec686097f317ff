import { posix } from 'node:path';
import { onMirror, withBase } from '../rules/urls.ts';
import { PAGE_BASE } from './base.ts';

/** A link to a page of the status page: below Astro's base and, embedded in a larger site, the integration's base. */
export const href = (path: string): string => withBase(PAGE_BASE, path);

/** The page at `pathname` (Astro.url.pathname) on a mirror of the site. */
export const mirrorHref = (mirror: string, pathname: string): string => onMirror(mirror, PAGE_BASE, pathname);

/**
 * A file of the site's public/ folder (logo, favicon): Astro copies it under
 * its own base, which a status page embedded in a larger site lies below.
 */
export const publicHref = (path: string): string => withBase(import.meta.env.BASE_URL, path);

/** The same file relative to the page's base (a manifest's icons are relative to the manifest). */
export const publicFromPageBase = (path: string): string => posix.relative(PAGE_BASE, publicHref(path));
