import rss from '@astrojs/rss';
import { generateAtomFeed } from 'feedsmith';
import type { Catalog } from '../i18n/catalog.ts';
import type { StatusEvent } from '../model/events.ts';
import { feedHtml, feedItems } from './feed.ts';
import { escapeHtml } from '../rules/markdown.ts';
import { xmlSafe } from '../rules/text.ts';
import { absoluteUrl } from '../rules/urls.ts';

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
  /** A WebSub hub: the feed declares it (with its own URL as `self`), and `notify` pings it. */
  hub?: string | undefined;
  /** The site's language tag, e.g. `pt-BR`. */
  language: string;
  /** Update statuses in that language, for item titles. */
  words: Catalog['updateStatus'];
  /** "Followed in {title}" in that language, closing a merged update's item. */
  followedIn: string;
  /** That language's direction: in a right-to-left one every title is isolated among its words. */
  dir: 'ltr' | 'rtl';
  /** Minutes until the next build (RSS `<ttl>`): readers need not poll sooner. */
  ttl: number;
}

/** An RSS 2.0 response with one item per incident update, newest first. */
export async function renderRssFeed({
  title,
  description,
  site,
  base,
  path,
  events,
  now,
  hub,
  language,
  words,
  followedIn,
  dir,
  ttl,
}: FeedOptions): Promise<Response> {
  // WebSub discovery in RSS is Atom's <link> element: the hub, and the topic URL it publishes.
  const websub = hub
    ? `<atom:link href="${escapeHtml(hub)}" rel="hub"/><atom:link href="${escapeHtml(absoluteUrl(site, base, path))}" rel="self" type="application/rss+xml"/>`
    : '';
  const response = await rss({
    title,
    description,
    site: absoluteUrl(site, base, '/'),
    // The channel link is the home page, `/status/` under a base path: keep its slash.
    trailingSlash: true,
    ...(hub ? { xmlns: { atom: 'http://www.w3.org/2005/Atom' } } : {}),
    customData: `<language>${language}</language><lastBuildDate>${new Date(now).toUTCString()}</lastBuildDate><ttl>${ttl}</ttl>${websub}`,
    items: feedItems(events, words, dir).map((item) => ({
      title: item.title,
      link: absoluteUrl(site, base, item.path),
      pubDate: new Date(item.publishedAt),
      description: feedHtml(item, followedIn, (path) => absoluteUrl(site, base, path)),
      ...(item.category ? { categories: [item.category] } : {}),
    })),
  });
  return new Response(xmlSafe(await response.text()), { headers: response.headers });
}

/**
 * Every XML document we write passes through here: no character XML 1.0
 * cannot carry survives, whatever the libraries let through, and the
 * whitespace feedsmith's pretty-printer puts around a CDATA section (which
 * would become part of the title) is removed.
 */
export function finishXml(xml: string): string {
  return xmlSafe(xml)
    .replace(/>\s+<!\[CDATA\[/g, '><![CDATA[')
    .replace(/\]\]>\s+</g, ']]><');
}

/** The same items as an Atom 1.0 response. */
export function renderAtomFeed({
  title,
  description,
  site,
  base,
  path,
  events,
  now,
  hub,
  language,
  words,
  followedIn,
  dir,
}: FeedOptions): Response {
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
      ...(hub ? [{ href: hub, rel: 'hub' }] : []),
    ],
    entries: feedItems(events, words, dir).map((item) => {
      const link = absoluteUrl(site, base, item.path);
      return {
        id: link,
        title: { type: 'text', value: item.title },
        updated: new Date(item.publishedAt),
        published: new Date(item.publishedAt),
        links: [{ href: link, rel: 'alternate', type: 'text/html' }],
        content: { type: 'html', value: feedHtml(item, followedIn, (path) => absoluteUrl(site, base, path)) },
        ...(item.category ? { categories: [{ term: item.category }] } : {}),
      };
    }),
  });
  // feedsmith has no field for the feed's language: Atom says it with xml:lang on the root.
  const withLanguage = xml.replace(/<feed\b/, `<feed xml:lang="${language}"`);
  return new Response(finishXml(withLanguage), { headers: { 'content-type': 'application/atom+xml; charset=utf-8' } });
}
