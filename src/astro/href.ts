import { withBase } from '../rules/urls.ts';

/** A link to a site-relative path in this build (Astro's base path). */
export const href = (path: string): string => withBase(import.meta.env.BASE_URL, path);
