import type { APIRoute } from 'astro';
import { maintenanceCalendar } from '../outputs/calendar';
import { getStatusModel } from '../astro/load';

export const GET: APIRoute = async ({ site }) => {
  const body = maintenanceCalendar({ model: await getStatusModel(), site: site!, base: import.meta.env.BASE_URL });
  return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
