import type { APIRoute } from 'astro';
import { absoluteUrl } from '../rules/urls';

// Generated rather than static so the sitemap's absolute URL follows the site and base.
export const GET: APIRoute = ({ site }) =>
  new Response(
    `User-agent: *\nAllow: /\nSitemap: ${absoluteUrl(site!, import.meta.env.BASE_URL, '/sitemap-index.xml')}\n`,
    {
      headers: { 'content-type': 'text/plain; charset=utf-8' },
    },
  );
