// defineCollection from astro/content/config, where Astro's own types for
// astro:content take it from: importing astro:content instead makes the
// content sync that starts every build (and `astro dev`) load Astro's page
// runtime through Vite, file by file, for this one function: 0.4 s of a
// one-incident build.
import { defineCollection } from 'astro/content/config';
import { incidentsLoader } from 'astro-status-page/loaders';

export const collections = {
  /** Incidents and scheduled maintenance, one Markdown file each under incidents/, for pages of the site's own. */
  incidents: defineCollection({ loader: incidentsLoader() }),
};
