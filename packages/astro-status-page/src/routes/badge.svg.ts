import type { APIRoute } from 'astro';
import { renderBadge } from '../outputs/badge';
import { getStatusModel } from '../astro/load';

export const GET: APIRoute = async () => {
  const { overall } = await getStatusModel();
  return new Response(renderBadge('status', overall.label.toLowerCase(), overall.indicator), {
    headers: { 'content-type': 'image/svg+xml' },
  });
};
