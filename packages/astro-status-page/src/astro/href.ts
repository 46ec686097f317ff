import { onMirror, withBase } from '../rules/urls.ts';
import { PAGE_BASE } from './base.ts';

/** A link to a site-relative path in this build (Astro's base path). */
export const href = (path: string): string => withBase(PAGE_BASE, path);

/** The page at `pathname` (Astro.url.pathname) on a mirror of the site. */
export const mirrorHref = (mirror: string, pathname: string): string => onMirror(mirror, PAGE_BASE, pathname);
