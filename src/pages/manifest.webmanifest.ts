import type { APIRoute } from 'astro';
import { getStatusModel } from '../lib/load';

// Built from status.config.yaml so each site installs under its own name.
// Paths are relative to the manifest, so it works under any base path.
export const GET: APIRoute = async () => {
  const { config } = await getStatusModel();
  const manifest = {
    name: `${config.name} status`,
    short_name: `${config.name} status`,
    description: config.description ?? `Current status of ${config.name}`,
    start_url: './',
    scope: './',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#1d7a3b',
    icons: [{ src: 'favicon.svg', sizes: 'any', type: 'image/svg+xml' }],
  };
  return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/manifest+json' } });
};
