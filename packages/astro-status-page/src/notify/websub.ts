import { paths } from '../rules/urls.ts';
import type { Notification } from './diff.ts';

/*
 * WebSub (W3C Recommendation): every feed names the hub in <link rel="hub">;
 * after a deploy, the publisher tells the hub which feeds changed, and the hub
 * fetches them and pushes them to its subscribers.
 */

/** A notification that adds an item to the feeds: an update, or a postmortem. */
const addsFeedItem = (notification: Notification) =>
  notification.kind === 'update' || notification.kind === 'postmortem';

/**
 * The absolute URLs of every feed these notifications changed: the site's
 * feeds, and the RSS and Atom feeds of each component they touch. `home` is
 * the page's root URL (`page.url` of the API), base path included.
 */
export function changedFeeds(notifications: readonly Notification[], home: string): string[] {
  const items = notifications.filter(addsFeedItem);
  if (items.length === 0) return [];
  const components = [...new Set(items.flatMap((notification) => notification.components))].sort();
  const relative = [
    paths.feed(),
    '/history.rss',
    paths.atom(),
    ...components.flatMap((id) => [paths.componentFeed(id), paths.componentAtom(id)]),
  ];
  return relative.map((path) => new URL(path.slice(1), home).href);
}

/** The publish ping for one feed: `hub.mode=publish&hub.url=<feed>`, form-encoded. */
export function hubPing(hub: string, feed: string) {
  return {
    url: hub,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ 'hub.mode': 'publish', 'hub.url': feed }).toString(),
  };
}
