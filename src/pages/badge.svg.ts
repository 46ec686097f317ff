import type { APIRoute } from 'astro';
import { renderBadge } from '../lib/badge';
import { getStatusModel } from '../lib/load';

export const GET: APIRoute = async () => {
  const { overall } = await getStatusModel();
  return new Response(renderBadge('status', overall.label.toLowerCase(), overall.indicator), { headers: { 'content-type': 'image/svg+xml' } });
};
