/**
 * astro-status-page: a status page from incidents written in Markdown, as an
 * Astro integration. `integrations: [statusPage()]` in astro.config.mjs.
 */
export { statusPage, statusPage as default, type StatusPageOptions } from './integration/index.ts';
