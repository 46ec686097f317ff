import { describe, expect, test } from 'vitest';
import { incident } from '../../tests/helpers/incident-files.ts';
import { eventAt, type StatusEvent } from '../model/events.ts';
import { catalogOf } from '../i18n/catalog.ts';
import { eventToFeedItems, feedItems as allFeedItems } from './feed.ts';

const words = catalogOf('en').updateStatus;
const feedItems = (events: StatusEvent[], limit?: number) => allFeedItems(events, words, 'ltr', limit);

const NOW = Date.parse('2023-01-01T00:00:00Z');
const event = (slug: string, times: string[]) =>
  eventAt(
    incident(slug, {
      components: { web: 'major_outage' },
      updates: times.map((time, i): [string, 'investigating' | 'resolved'] => [
        time,
        i === times.length - 1 ? 'resolved' : 'investigating',
      ]),
    }),
    NOW,
  ) as StatusEvent;

describe('feed items', () => {
  test('each update is its own item with a status-tagged title and a unique anchor', () => {
    const items = eventToFeedItems(event('outage', ['2022-12-28T12:31:00Z', '2022-12-28T14:16:00Z']), words);
    expect(items.map((item) => [item.title, item.path])).toEqual([
      ['[Investigating] Incident outage', '/incidents/outage/#update-20221228T123100Z'],
      ['[Resolved] Incident outage', '/incidents/outage/#update-20221228T141600Z'],
    ]);
  });

  test('a right-to-left title is isolated, so the status tag stays before it in any reader', () => {
    const arabic = event('ar', ['2022-12-28T12:31:00Z']);
    arabic.title = 'تعذّر تسجيل الدخول';
    expect(eventToFeedItems(arabic, words).map((item) => item.title)).toEqual([
      '[Resolved] \u2068تعذّر تسجيل الدخول\u2069',
    ]);
  });

  test('on an Arabic site an English title is isolated too, so its full stop stays at its end in a right-to-left reader', () => {
    const english = event('en', ['2022-12-28T12:31:00Z']);
    english.title = 'Login still fails.';
    const arabicWords = catalogOf('ar').updateStatus;
    expect(eventToFeedItems(english, arabicWords, 'rtl').map((item) => item.title)).toEqual([
      `[${arabicWords.resolved}] \u2068Login still fails.\u2069`,
    ]);
    expect(eventToFeedItems(english, words).map((item) => item.title)).toEqual(['[Resolved] Login still fails.']);
  });

  test('items from all events are merged newest first and capped', () => {
    const events = [event('a', ['2022-12-01T00:00:00Z', '2022-12-03T00:00:00Z']), event('b', ['2022-12-02T00:00:00Z'])];
    expect(feedItems(events).map((item) => item.path)).toEqual([
      '/incidents/a/#update-20221203T000000Z',
      '/incidents/b/#update-20221202T000000Z',
      '/incidents/a/#update-20221201T000000Z',
    ]);
    expect(feedItems(events, 2)).toHaveLength(2);
  });
});

describe('postmortems', () => {
  const withPostmortem = (postmortemAt: string | undefined) => {
    const file = incident('pm', {
      components: { web: 'major_outage' },
      updates: [
        ['2022-12-28T12:00:00Z', 'investigating'],
        ['2022-12-28T14:00:00Z', 'resolved'],
      ],
    });
    file.body = '## What happened\n\nA bad deploy.';
    if (postmortemAt && file.data.kind === 'incident') file.data.postmortem_at = postmortemAt;
    return eventAt(file, NOW) as StatusEvent;
  };

  test('one published after the resolution is its own item, linking to the postmortem', () => {
    const [newest] = feedItems([withPostmortem('2022-12-29T10:00:00.000Z')]);
    expect(newest).toMatchObject({
      title: '[Postmortem] Incident pm',
      path: '/incidents/pm/#postmortem',
      publishedAt: Date.parse('2022-12-29T10:00:00Z'),
    });
    expect(newest?.html).toContain('A bad deploy.');
  });

  test('one published with the resolution is read through the resolved item', () => {
    expect(feedItems([withPostmortem(undefined)]).map((item) => item.title)).toEqual([
      '[Resolved] Incident pm',
      '[Investigating] Incident pm',
    ]);
  });
});
