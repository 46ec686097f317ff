import type { APIRoute } from 'astro';
import { getNotifyIndex } from '../../../astro/load-api';

// Compact on purpose (no indentation): it lists every incident the site ever published.
export const GET: APIRoute = async ({ site }) =>
  new Response(JSON.stringify(await getNotifyIndex(site!)), { headers: { 'content-type': 'application/json' } });
