import type { Catalog } from '../i18n/catalog.ts';
import type { StatusEvent } from '../model/events.ts';
import { updateLabel } from '../model/labels.ts';
import { isolate } from '../rules/text.ts';
import { paths } from '../rules/urls.ts';
import { escapeHtml } from '../rules/markdown.ts';

type Direction = 'ltr' | 'rtl';

/** Feeds carry the newest items only, so they stay small after years of history. */
export const FEED_ITEM_LIMIT = 50;

/** One update of one event, as a subscriber receives it. */
export interface FeedItem {
  /** "[Resolved] Login and posting failing", the status in the site's language */
  title: string;
  /** Site-relative link to the update's anchor; stable and unique, so it is the guid too. */
  path: string;
  publishedAt: number;
  /** The update's message as HTML. */
  html: string;
  slug: string;
  /** The category feeds give it: PROBE_CATEGORY when a probe opened the incident (the API's opened_by), else none. */
  category: typeof PROBE_CATEGORY | undefined;
  /** On a merged update: the incident followed from then on, its title and site-relative path. */
  followedIn?: { title: string; path: string };
}

/**
 * The item's HTML as published: its message, and on a merged update a last
 * paragraph "Followed in <title>" linking to the incident that follows it
 * (`link` makes a site-relative path absolute, as feed readers need).
 */
export function feedHtml(item: FeedItem, followedIn: string, link: (path: string) => string): string {
  if (!item.followedIn) return item.html;
  const anchor = `<a href="${escapeHtml(link(item.followedIn.path))}">${escapeHtml(item.followedIn.title)}</a>`;
  const [before, after = ''] = followedIn.split('{title}');
  return `${item.html}<p>${escapeHtml(before!)}${anchor}${escapeHtml(after)}</p>`;
}

/** The feed category of an incident failing checks opened, the word the API's `opened_by` uses. */
export const PROBE_CATEGORY = 'probe';

/**
 * Every published update of an event, as separate feed items, and its
 * postmortem when it was published after the resolution (one published with
 * the resolution is read on the page the resolved item links to).
 */
export function eventToFeedItems(
  event: StatusEvent,
  words: Catalog['updateStatus'],
  line: Direction = 'ltr',
): FeedItem[] {
  // The title is isolated among the status words: always in a right-to-left language, else when it could turn them around.
  const title = isolate(event.title, line);
  const category = event.kind === 'incident' && event.openedBy === 'probe' ? PROBE_CATEGORY : undefined;
  const items = event.updates.map((update): FeedItem => ({
    title: `[${updateLabel(event, update.status, words)}] ${title}`,
    path: `${paths.incident(event.slug)}#${update.id}`,
    publishedAt: update.at,
    html: update.html,
    slug: event.slug,
    category,
    ...(update.into ? { followedIn: { title: update.into.title, path: paths.incident(update.into.slug) } } : {}),
  }));
  if (event.kind === 'incident' && event.postmortemAt !== null && event.postmortemAt > (event.resolvedAt ?? Infinity)) {
    items.push({
      title: `[${words.postmortem}] ${title}`,
      path: `${paths.incident(event.slug)}#postmortem`,
      publishedAt: event.postmortemAt,
      html: event.bodyHtml,
      slug: event.slug,
      category,
    });
  }
  return items;
}

/** The newest `limit` updates across the events, newest first; `line`: the direction of the site's language. */
export function feedItems(
  events: readonly StatusEvent[],
  words: Catalog['updateStatus'],
  line: Direction = 'ltr',
  limit: number = FEED_ITEM_LIMIT,
): FeedItem[] {
  return events
    .flatMap((event) => eventToFeedItems(event, words, line))
    .sort((a, b) => b.publishedAt - a.publishedAt || a.path.localeCompare(b.path))
    .slice(0, limit);
}
