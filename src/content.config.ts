import { defineCollection } from 'astro:content';
import { incidentsLoader } from './astro/incidents-loader.ts';

export const collections = {
  /** Incidents and scheduled maintenance, one Markdown file each under incidents/. */
  incidents: defineCollection({ loader: incidentsLoader() }),
};
