import type { APIRoute } from 'astro';
import { renderBadge } from '../../../lib/badge';
import { componentPaths } from '../../../lib/feed-routes';
import { getStatusModel } from '../../../lib/load';
import { COMPONENT_STATUS_WORDS } from '../../../lib/levels';

export const getStaticPaths = componentPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getStatusModel();
  const component = model.componentById.get(params['id']!)!;
  const badge = renderBadge(component.name, COMPONENT_STATUS_WORDS[component.status].label.toLowerCase(), component.status);
  return new Response(badge, { headers: { 'content-type': 'image/svg+xml' } });
};
