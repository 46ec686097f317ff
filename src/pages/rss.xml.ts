import type { APIRoute } from 'astro';
import { getStatusModel } from '../lib/load';
import { renderRssFeed } from '../lib/rss';

export const GET: APIRoute = async ({ site }) => {
  const model = await getStatusModel();
  return renderRssFeed({
    title: `${model.config.name} status`,
    description: `Every incident and maintenance update for ${model.config.name}`,
    site: site!,
    base: import.meta.env.BASE_URL,
    events: model.events,
    now: model.now,
  });
};
