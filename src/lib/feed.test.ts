import { describe, expect, test } from 'vitest';
import { incident } from '../../tests/helpers/incident-files.ts';
import { eventAt, type StatusEvent } from './events.ts';
import { eventToFeedItems, feedItems } from './feed.ts';

const NOW = Date.parse('2023-01-01T00:00:00Z');
const event = (slug: string, times: string[]) =>
  eventAt(
    incident(slug, {
      components: { web: 'major_outage' },
      updates: times.map((time, i): [string, 'investigating' | 'resolved'] => [time, i === times.length - 1 ? 'resolved' : 'investigating']),
    }),
    NOW,
  ) as StatusEvent;

describe('feed items', () => {
  test('each update is its own item with a status-tagged title and a unique anchor', () => {
    const items = eventToFeedItems(event('outage', ['2022-12-28T12:31:00Z', '2022-12-28T14:16:00Z']));
    expect(items.map((item) => [item.title, item.path])).toEqual([
      ['[Investigating] Incident outage', '/incidents/outage/#update-1'],
      ['[Resolved] Incident outage', '/incidents/outage/#update-2'],
    ]);
  });

  test('items from all events are merged newest first and capped', () => {
    const events = [event('a', ['2022-12-01T00:00:00Z', '2022-12-03T00:00:00Z']), event('b', ['2022-12-02T00:00:00Z'])];
    expect(feedItems(events).map((item) => item.path)).toEqual(['/incidents/a/#update-2', '/incidents/b/#update-1', '/incidents/a/#update-1']);
    expect(feedItems(events, 2)).toHaveLength(2);
  });
});
