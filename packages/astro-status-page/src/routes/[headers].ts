import type { APIRoute, GetStaticPaths } from 'astro';
import { HEADERS_FILE } from '../outputs/headers-file';

// `_headers` (Netlify, Cloudflare Pages): a dynamic route, because Astro skips pages named with a leading "_".
export const getStaticPaths = (() => [{ params: { headers: '_headers' } }]) satisfies GetStaticPaths;

export const GET: APIRoute = () =>
  new Response(HEADERS_FILE, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
