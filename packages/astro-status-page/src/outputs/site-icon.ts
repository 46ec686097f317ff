import type { SiteConfig } from '../files/schemas/site-config.ts';

/** The page's icon (favicon and manifest): the platform's logo when the config names one, else ours. */
export function siteIcon(config: Pick<SiteConfig, 'logo'>): { path: string; type: 'image/svg+xml' | 'image/png' } {
  const path = config.logo ?? '/favicon.svg';
  return { path, type: path.toLowerCase().endsWith('.png') ? 'image/png' : 'image/svg+xml' };
}
