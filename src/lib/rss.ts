import rss from '@astrojs/rss';
import type { StatusEvent } from './events.ts';
import { feedItems } from './feed.ts';
import { absoluteUrl } from './urls.ts';

interface FeedOptions {
  title: string;
  description: string;
  site: URL;
  base: string;
  events: readonly StatusEvent[];
  now: number;
}

/** An RSS 2.0 response with one item per incident update, newest first. */
export function renderRssFeed({ title, description, site, base, events, now }: FeedOptions): Promise<Response> {
  const items = feedItems(events);
  return rss({
    title,
    description,
    site: absoluteUrl(site, base, '/'),
    // The channel link is the home page, `/status/` under a base path: keep its slash.
    trailingSlash: true,
    customData: `<language>en</language><lastBuildDate>${new Date(now).toUTCString()}</lastBuildDate>`,
    items: items.map((item) => ({
      title: item.title,
      link: absoluteUrl(site, base, item.path),
      pubDate: new Date(item.publishedAt),
      description: item.html,
    })),
  });
}
