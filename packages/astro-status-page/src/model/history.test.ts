import { expect, test } from 'vitest';
import { incident, maintenance } from '../../tests/helpers/incident-files.ts';
import { eventAt } from './events.ts';
import { groupByMonth, HISTORY_PAGE_SIZE, historyEvents, historyPagePath } from './history.ts';

test('the history leaves out maintenance that has not begun', () => {
  const now = Date.parse('2022-12-29T00:00:00Z');
  const events = [
    incident('outage', { components: { web: 'major_outage' }, updates: [['2022-12-28T12:00:00Z', 'investigating']] }),
    maintenance('later', {
      components: ['dm'],
      window: ['2022-12-30T02:00:00Z', '2022-12-30T04:00:00Z'],
      updates: [['2022-12-23T10:00:00Z', 'scheduled']],
    }),
  ].flatMap((file) => eventAt(file, now) ?? []);
  expect(historyEvents(events).map((event) => event.slug)).toEqual(['outage']);
});

test('the page of the history holding the event at an index, as Astro paginates it', () => {
  expect(historyPagePath(0)).toBe('/history/');
  expect(historyPagePath(HISTORY_PAGE_SIZE - 1)).toBe('/history/');
  expect(historyPagePath(HISTORY_PAGE_SIZE)).toBe('/history/2/');
  expect(historyPagePath(3 * HISTORY_PAGE_SIZE + 5)).toBe('/history/4/');
});

test('months are the site zone’s: New Year’s Eve in New York is still December there', () => {
  const now = Date.parse('2023-01-10T00:00:00Z');
  const events = [
    incident('new-year', { components: { web: 'major_outage' }, updates: [['2023-01-01T03:00:00Z', 'investigating']] }),
    incident('december', { components: { web: 'major_outage' }, updates: [['2022-12-20T12:00:00Z', 'investigating']] }),
  ].flatMap((file) => eventAt(file, now) ?? []);
  const months = (zone: string) =>
    groupByMonth(events, zone).map((group) => [
      group.month,
      new Date(group.start).toISOString(),
      group.events.map((event) => event.slug),
    ]);
  expect(months('America/New_York')).toEqual([['2022-12', '2022-12-01T05:00:00.000Z', ['new-year', 'december']]]);
  expect(months('UTC')).toEqual([
    ['2023-01', '2023-01-01T00:00:00.000Z', ['new-year']],
    ['2022-12', '2022-12-01T00:00:00.000Z', ['december']],
  ]);
});
