import type { APIRoute } from 'astro';
import { maintenanceCalendar } from '../lib/calendar';
import { getStatusModel } from '../lib/load';

export const GET: APIRoute = async ({ site }) => {
  const body = maintenanceCalendar({ model: await getStatusModel(), site: site!, base: import.meta.env.BASE_URL });
  return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
