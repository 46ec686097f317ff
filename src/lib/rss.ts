import rss from '@astrojs/rss';
import { generateAtomFeed } from 'feedsmith';
import type { Catalog } from '../i18n/catalog.ts';
import type { StatusEvent } from './events.ts';
import { feedItems } from './feed.ts';
import { absoluteUrl } from './urls.ts';

/** What every feed of the site needs: the same items, in RSS or Atom. */
export interface FeedOptions {
  title: string;
  description: string;
  site: URL;
  base: string;
  /** Site-relative path of the feed itself (Atom needs its own URL). */
  path: string;
  events: readonly StatusEvent[];
  now: number;
  /** The site's language tag, e.g. `pt-BR`. */
  language: string;
  /** Update statuses in that language, for item titles. */
  words: Catalog['updateStatus'];
}

/** An RSS 2.0 response with one item per incident update, newest first. */
export function renderRssFeed({ title, description, site, base, events, now, language, words }: FeedOptions): Promise<Response> {
  return rss({
    title,
    description,
    site: absoluteUrl(site, base, '/'),
    // The channel link is the home page, `/status/` under a base path: keep its slash.
    trailingSlash: true,
    customData: `<language>${language}</language><lastBuildDate>${new Date(now).toUTCString()}</lastBuildDate>`,
    items: feedItems(events, words).map((item) => ({
      title: item.title,
      link: absoluteUrl(site, base, item.path),
      pubDate: new Date(item.publishedAt),
      description: item.html,
    })),
  });
}

/** The same items as an Atom 1.0 response. */
export function renderAtomFeed({ title, description, site, base, path, events, now, words }: FeedOptions): Response {
  const home = absoluteUrl(site, base, '/');
  const self = absoluteUrl(site, base, path);
  const xml = generateAtomFeed({
    id: self,
    title: { type: 'text', value: title },
    subtitle: { type: 'text', value: description },
    updated: new Date(now),
    authors: [{ name: title }],
    links: [
      { href: self, rel: 'self', type: 'application/atom+xml' },
      { href: home, rel: 'alternate', type: 'text/html' },
    ],
    entries: feedItems(events, words).map((item) => {
      const link = absoluteUrl(site, base, item.path);
      return {
        id: link,
        title: { type: 'text', value: item.title },
        updated: new Date(item.publishedAt),
        published: new Date(item.publishedAt),
        links: [{ href: link, rel: 'alternate', type: 'text/html' }],
        content: { type: 'html', value: item.html },
      };
    }),
  });
  return new Response(xml, { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
