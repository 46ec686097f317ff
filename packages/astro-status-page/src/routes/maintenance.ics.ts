import type { APIRoute } from 'astro';
import { maintenanceCalendar } from '../outputs/calendar';
import { getSiteText, getStatusModel } from '../astro/load';
import { PAGE_BASE } from '../astro/base';

export const GET: APIRoute = async ({ site }) => {
  const body = maintenanceCalendar({
    model: await getStatusModel(),
    site: site!,
    base: PAGE_BASE,
    text: await getSiteText(),
  });
  return new Response(body, { headers: { 'content-type': 'text/calendar; charset=utf-8' } });
};
