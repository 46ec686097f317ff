import { defineCollection } from 'astro:content';
import { incidentsLoader } from 'astro-status-page/loaders';

export const collections = {
  /** Incidents and scheduled maintenance, one Markdown file each under incidents/, for pages of the site's own. */
  incidents: defineCollection({ loader: incidentsLoader() }),
};
