import { expect, test } from 'vitest';
import { incident, maintenance } from '../../tests/helpers/incident-files.ts';
import { eventAt } from './events.ts';
import { HISTORY_PAGE_SIZE, historyEvents, historyPagePath } from './history.ts';

test('the history leaves out maintenance that has not begun', () => {
  const now = Date.parse('2022-12-29T00:00:00Z');
  const events = [
    incident('outage', { components: { web: 'major_outage' }, updates: [['2022-12-28T12:00:00Z', 'investigating']] }),
    maintenance('later', { components: ['dm'], window: ['2022-12-30T02:00:00Z', '2022-12-30T04:00:00Z'], updates: [['2022-12-23T10:00:00Z', 'scheduled']] }),
  ].flatMap((file) => eventAt(file, now) ?? []);
  expect(historyEvents(events).map((event) => event.slug)).toEqual(['outage']);
});

test('the page of the history holding the event at an index, as Astro paginates it', () => {
  expect(historyPagePath(0)).toBe('/history/');
  expect(historyPagePath(HISTORY_PAGE_SIZE - 1)).toBe('/history/');
  expect(historyPagePath(HISTORY_PAGE_SIZE)).toBe('/history/2/');
  expect(historyPagePath(3 * HISTORY_PAGE_SIZE + 5)).toBe('/history/4/');
});
