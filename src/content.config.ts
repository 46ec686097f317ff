import { defineCollection } from 'astro:content';
import { incidentsLoader } from './loaders/incidents.ts';

export const collections = {
  /** Incidents and scheduled maintenance, one Markdown file each under incidents/. */
  incidents: defineCollection({ loader: incidentsLoader() }),
};
