/**
 * For a site's src/content.config.ts: the incidents as an Astro content
 * collection, validated by the same rules as `status check`, for pages a site
 * writes itself (`getCollection('incidents')`). The engine's own pages do not
 * need it.
 */
export { incidentsLoader } from './astro/incidents-loader.ts';
