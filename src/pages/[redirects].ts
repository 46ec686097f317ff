import type { APIRoute, GetStaticPaths } from 'astro';
import { getStatusModel } from '../lib/load';
import { redirectsFile } from '../lib/redirects';
import { href } from '../lib/urls';

// `_redirects` (Netlify, Cloudflare Pages): a dynamic route, because Astro skips pages named with a leading "_".
export const getStaticPaths = (async () => {
  const model = await getStatusModel();
  return model.redirects.length > 0 ? [{ params: { redirects: '_redirects' } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
  new Response(redirectsFile((await getStatusModel()).redirects, href), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
