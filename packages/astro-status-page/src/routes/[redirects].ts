import type { APIRoute, GetStaticPaths } from 'astro';
import { getStatusModel } from '../astro/load';
import { redirectsFile } from '../model/redirects';
import { href } from '../astro/href';

// `_redirects` (Netlify, Cloudflare Pages): a dynamic route, because Astro skips pages named with a leading "_".
export const getStaticPaths = (async () => {
  const model = await getStatusModel();
  return model.redirects.length > 0 ? [{ params: { redirects: '_redirects' } }] : [];
}) satisfies GetStaticPaths;

export const GET: APIRoute = async () =>
  new Response(redirectsFile((await getStatusModel()).redirects, href), {
    headers: { 'content-type': 'text/plain; charset=utf-8' },
  });
