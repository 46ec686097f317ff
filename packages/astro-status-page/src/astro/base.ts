import { pageBase } from 'virtual:astro-status-page/checked-site';

/**
 * The path every page of the status page lives under, with a trailing slash:
 * Astro's base, and below it the integration's `base` when the page is part
 * of a larger site ('/status/'). Every link and absolute URL starts here.
 */
export const PAGE_BASE: string = pageBase;
