/** Site-relative paths of every page, so links and feeds agree. */
export const paths = {
  home: () => '/',
  incident: (slug: string) => `/incidents/${slug}/`,
  component: (id: string) => `/components/${id}/`,
  componentFeed: (id: string) => `/components/${id}/rss.xml`,
  history: () => '/history/',
  feed: () => '/rss.xml',
  atom: () => '/history.atom',
  calendar: () => '/maintenance.ics',
  badge: () => '/badge.svg',
  componentAtom: (id: string) => `/components/${id}/atom.xml`,
  componentBadge: (id: string) => `/components/${id}/badge.svg`,
  api: (endpoint: string) => `/api/v2/${endpoint}`,
  subscribe: () => '/subscribe/',
};

/** Prefix a site-relative path with the deployment's base path (e.g. `/status/`). */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

/** Absolute URL of a site-relative path, for feeds and other documents read off-site. */
export function absoluteUrl(site: URL | string, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

/** The same address for calendar apps: `webcal://` opens the reader's calendar and subscribes. */
export const webcalUrl = (url: string): string => url.replace(/^https?:/, 'webcal:');

/**
 * Where the site is served: the config's `url`, whose path (e.g. `/status/`)
 * is the base of every link, unless STATUS_SITE_URL or STATUS_BASE override
 * them (previews, GitHub Pages project sites).
 */
export function deployment(configUrl: string, env: Record<string, string | undefined> = process.env): { site: string; base: string } {
  const url = new URL(env['STATUS_SITE_URL'] || configUrl);
  const base = env['STATUS_BASE'] || url.pathname;
  return { site: `${url.origin}/`, base: base.endsWith('/') ? base : `${base}/` };
}
