import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import { describe, expect, test } from 'vitest';
import { readBuilt } from './helpers/pages.ts';

describe('RSS feeds parse with a real feed parser', () => {
  test('the site feed has one item per published update, newest first, with absolute links', () => {
    const feed = parseRssFeed(readBuilt('basic-resolved', 'rss.xml'));
    // Published by 2022-12-29 00:00: 3 outage updates, 2 older, 1 maintenance (scheduled).
    expect(feed.items?.map((item) => item.title)).toEqual([
      '[Resolved] Login failing everywhere',
      '[Identified] Login failing everywhere',
      '[Investigating] Login failing everywhere',
      '[Scheduled] Messaging database upgrade',
      '[Resolved] iOS app slow',
      '[Investigating] iOS app slow',
    ]);
    const first = feed.items?.[0];
    expect(first?.link).toBe('https://status.fixture.example/incidents/outage/#update-20221228T140000Z');
    expect(first?.guid?.value).toBe(first?.link);
    expect(first?.pubDate).toBe('Wed, 28 Dec 2022 14:00:00 GMT');
    expect(new Set(feed.items?.map((item) => item.guid?.value)).size).toBe(6);
    expect(feed.lastBuildDate).toBe('Thu, 29 Dec 2022 00:00:00 GMT');
    // The next build is due in an hour (freshness.interval): readers need not poll sooner.
    expect(feed.ttl).toBe(60);
  });

  test('a component feed carries only that component’s updates', () => {
    const feed = parseRssFeed(readBuilt('basic-resolved', 'components/ios/rss.xml'));
    expect(feed.title).toBe('Fixture status: iOS app');
    expect(feed.items?.map((item) => item.title)).toEqual(['[Resolved] iOS app slow', '[Investigating] iOS app slow']);
  });

  test('mid-outage, the feed holds only what was published by then', () => {
    const feed = parseRssFeed(readBuilt('basic-mid-outage', 'rss.xml'));
    expect(feed.items?.[0]?.title).toBe('[Investigating] Login failing everywhere');
    expect(feed.items).toHaveLength(4);
  });
});

describe('an incident a probe opened is marked in the feeds', () => {
  test('its items carry the category probe in RSS and Atom; staff items carry none', () => {
    const rss = parseRssFeed(readBuilt('example-mid-outage', 'rss.xml'));
    const rssTagged = (rss.items ?? []).map((item) => ({
      title: item.title,
      categories: item.categories?.map((category) => category.name) ?? [],
    }));
    expect(rssTagged.filter((item) => item.categories.length > 0)).toEqual([
      { title: '[Merged] Web is not responding', categories: ['probe'] },
      { title: '[Investigating] Web is not responding', categories: ['probe'] },
    ]);
    expect(rssTagged.length).toBeGreaterThan(2);
    const atom = parseAtomFeed(readBuilt('example-mid-outage', 'components/web/atom.xml'));
    const atomTagged = (atom.entries ?? []).filter((entry) =>
      (entry.categories ?? []).some((category) => category.term === 'probe'),
    );
    expect(atomTagged.map((entry) => entry.title?.value)).toEqual([
      '[Merged] Web is not responding',
      '[Investigating] Web is not responding',
    ]);
  });
});

describe('WebSub discovery', () => {
  // The example site configures a hub (status.config.yaml, notify.websub_hub); the basic fixture does not.
  const HUB = 'https://pubsubhubbub.appspot.com/';

  test('with a hub, every RSS feed names the hub and itself as the topic', () => {
    for (const [path, self] of [
      ['rss.xml', 'https://status.chirp.example/rss.xml'],
      ['history.rss', 'https://status.chirp.example/history.rss'],
      ['components/api/rss.xml', 'https://status.chirp.example/components/api/rss.xml'],
    ]) {
      const feed = parseRssFeed(readBuilt('example-mid-outage', path!));
      expect(feed.atom?.links).toEqual([
        { href: HUB, rel: 'hub' },
        { href: self, rel: 'self', type: 'application/rss+xml' },
      ]);
    }
  });

  test('with a hub, every Atom feed has a rel="hub" link beside its self link', () => {
    for (const path of ['history.atom', 'components/api/atom.xml']) {
      const feed = parseAtomFeed(readBuilt('example-mid-outage', path));
      expect(
        feed.links?.filter((link) => link.rel === 'hub' || link.rel === 'self').map((link) => [link.rel, link.href]),
      ).toEqual([
        ['self', `https://status.chirp.example/${path}`],
        ['hub', HUB],
      ]);
    }
  });

  test('without a hub, no feed declares one', () => {
    expect(readBuilt('basic-resolved', 'rss.xml')).not.toContain('rel="hub"');
    expect(readBuilt('basic-resolved', 'history.atom')).not.toContain('rel="hub"');
  });

  test('under a base path the topic URL keeps it', () => {
    expect(parseRssFeed(readBuilt('example-base', 'rss.xml')).atom?.links?.[1]?.href).toBe(
      'https://status.chirp.example/status/rss.xml',
    );
  });
});
