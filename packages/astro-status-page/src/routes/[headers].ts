import type { APIRoute, GetStaticPaths } from 'astro';
import { getStatusModel } from '../astro/load';
import { contentSecurityPolicy, formTargets } from '../outputs/csp';
import { headersFile } from '../outputs/headers-file';

// `_headers` (Netlify, Cloudflare Pages): a dynamic route, because Astro skips pages named with a leading "_".
export const getStaticPaths = (() => [{ params: { headers: '_headers' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const { config } = await getStatusModel();
  const policy = contentSecurityPolicy(formTargets(config.subscriptions?.service, site ?? config.url));
  return new Response(headersFile(policy), { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
