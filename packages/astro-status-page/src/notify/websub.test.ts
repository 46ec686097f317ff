import { expect, test } from 'vitest';
import { buildAt } from '../../tests/helpers/api-at.ts';
import { CHIRP } from '../../tests/helpers/build.ts';
import { newNotifications } from './diff.ts';
import { changedFeeds, hubPing } from './websub.ts';

const between = (previous: string, current: string) =>
  newNotifications(buildAt(CHIRP, previous).index, buildAt(CHIRP, current).snapshot);

test('a new update changes the site feeds and the feeds of the components its event touches', () => {
  // The maintenance starting: direct messages and notifications.
  expect(
    changedFeeds(between('2022-12-30T01:07:00Z', '2022-12-30T02:07:00Z'), 'https://status.chirp.example/status/'),
  ).toEqual([
    'https://status.chirp.example/status/rss.xml',
    'https://status.chirp.example/status/history.rss',
    'https://status.chirp.example/status/history.atom',
    'https://status.chirp.example/status/components/direct-messages/rss.xml',
    'https://status.chirp.example/status/components/direct-messages/atom.xml',
    'https://status.chirp.example/status/components/notifications/rss.xml',
    'https://status.chirp.example/status/components/notifications/atom.xml',
  ]);
});

test('a reminder adds no feed item, so no feed changed', () => {
  const reminder = between('2022-12-30T00:07:00Z', '2022-12-30T01:07:00Z');
  expect(reminder.map((n) => n.kind)).toEqual(['reminder']);
  expect(changedFeeds(reminder, 'https://status.chirp.example/')).toEqual([]);
});

test('the ping is a form-encoded publish request for one feed', () => {
  expect(hubPing('https://hub.example/', 'https://status.chirp.example/rss.xml')).toEqual({
    url: 'https://hub.example/',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'hub.mode=publish&hub.url=https%3A%2F%2Fstatus.chirp.example%2Frss.xml',
  });
});
