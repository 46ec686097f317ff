import type { APIRoute } from 'astro';
import { renderBadge } from '../../../outputs/badge';
import { componentPaths } from '../../../astro/feed-routes';
import { getStatusModel } from '../../../astro/load';
import { COMPONENT_STATUS_WORDS } from '../../../rules/levels';

export const getStaticPaths = componentPaths;

export const GET: APIRoute = async ({ params }) => {
  const model = await getStatusModel();
  const component = model.componentById.get(params['id']!)!;
  const badge = renderBadge(
    component.name,
    COMPONENT_STATUS_WORDS[component.status].label.toLowerCase(),
    component.status,
  );
  return new Response(badge, { headers: { 'content-type': 'image/svg+xml' } });
};
