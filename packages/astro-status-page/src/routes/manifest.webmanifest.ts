import type { APIRoute } from 'astro';
import { fill } from '../i18n/catalog';
import { getSiteText, getStatusModel } from '../astro/load';
import { siteIcon } from '../outputs/site-icon';
import { publicFromPageBase } from '../astro/href';

// Built from status.config.yaml so each site installs under its own name.
// Paths are relative to the manifest, so it works under any base path.
export const GET: APIRoute = async () => {
  const { config } = await getStatusModel();
  const { t, locale, dir, isolate } = await getSiteText();
  const icon = siteIcon(config);
  const title = fill(t.site.title, { name: isolate(config.name) });
  const manifest = {
    name: title,
    short_name: title,
    description: config.description ?? fill(t.site.description, { name: isolate(config.name) }),
    lang: locale,
    dir,
    start_url: './',
    scope: './',
    display: 'browser',
    background_color: '#ffffff',
    theme_color: '#1d7a3b',
    icons: [{ src: publicFromPageBase(icon.path), sizes: 'any', type: icon.type }],
  };
  return new Response(JSON.stringify(manifest), { headers: { 'content-type': 'application/manifest+json' } });
};
