/**
 * Every page and file the engine publishes, as Astro route patterns and the
 * files under src/routes/ that render them. One table, so the integration
 * injects exactly these and the tests can list them.
 */
export interface StatusRoute {
  /** The route pattern below the page's base (Astro's syntax: [param], [...rest]). */
  pattern: string;
  /** The file under src/routes/ that renders it. */
  entrypoint: string;
  /** Only a site of its own publishes it: a page embedded under another site's path leaves the root to that site. */
  root?: true;
}

export const STATUS_ROUTES: readonly StatusRoute[] = [
  { pattern: '/', entrypoint: 'index.astro' },
  { pattern: '/404', entrypoint: '404.astro', root: true },
  { pattern: '/subscribe', entrypoint: 'subscribe.astro' },
  { pattern: '/subscribe/[step]', entrypoint: 'subscribe/[step].astro' },
  { pattern: '/incidents/[slug]', entrypoint: 'incidents/[slug].astro' },
  { pattern: '/components/[id]', entrypoint: 'components/[id]/index.astro' },
  { pattern: '/components/[id]/rss.xml', entrypoint: 'components/[id]/rss.xml.ts' },
  { pattern: '/components/[id]/atom.xml', entrypoint: 'components/[id]/atom.xml.ts' },
  { pattern: '/components/[id]/badge.svg', entrypoint: 'components/[id]/badge.svg.ts' },
  { pattern: '/history/[...page]', entrypoint: 'history/[...page].astro' },
  { pattern: '/history.rss', entrypoint: 'history.rss.ts' },
  { pattern: '/history.atom', entrypoint: 'history.atom.ts' },
  { pattern: '/rss.xml', entrypoint: 'rss.xml.ts' },
  { pattern: '/maintenance.ics', entrypoint: 'maintenance.ics.ts' },
  { pattern: '/badge.svg', entrypoint: 'badge.svg.ts' },
  { pattern: '/manifest.webmanifest', entrypoint: 'manifest.webmanifest.ts' },
  { pattern: '/api/v2/[...endpoint].json', entrypoint: 'api/v2/[...endpoint].json.ts' },
  { pattern: '/api/v2/notify-index.json', entrypoint: 'api/v2/notify-index.json.ts' },
  { pattern: '/robots.txt', entrypoint: 'robots.txt.ts', root: true },
  { pattern: '/[redirects]', entrypoint: '[redirects].ts', root: true },
  { pattern: '/[headers]', entrypoint: '[headers].ts', root: true },
  { pattern: '/[...legacy]/index.html', entrypoint: '[...legacy]/index.html.ts', root: true },
];

/** A route's pattern under `prefix` ('' for a site of its own, '/status' embedded). */
export const prefixed = (prefix: string, pattern: string): string =>
  prefix === '' ? pattern : pattern === '/' ? prefix : `${prefix}${pattern}`;
