import type { APIRoute, GetStaticPaths } from 'astro';
import { getStatusModel } from '../../../lib/load';
import { renderRssFeed } from '../../../lib/rss';

export const getStaticPaths = (async () => {
  const model = await getStatusModel();
  return model.components.map((component) => ({ params: { id: component.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, site }) => {
  const model = await getStatusModel();
  const component = model.components.find((candidate) => candidate.id === params['id'])!;
  return renderRssFeed({
    title: `${model.config.name} status: ${component.name}`,
    description: `Every incident and maintenance update affecting ${component.name}`,
    site: site!,
    base: import.meta.env.BASE_URL,
    events: component.events,
    now: model.now,
  });
};
