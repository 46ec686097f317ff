import { expect, test } from 'vitest';
import { barWindows, beyondWindows, dayAnchor, dayMarks, daysWithEvents, listTitles } from './history-bar.ts';
import { siteText } from './site-text.ts';
import { zonedDays } from './days.ts';
import { uptimeByDay, uptimePercent, type ImpactSpan } from './uptime.ts';

const byDay = (spans: ImpactSpan[], count: number, now: number) =>
  uptimeByDay(spans, zonedDays(now, count, 'UTC'), now);
// English, UTC, "now" in 2023: every date reads with its year.
const text = siteText({ locale: 'en', timezone: 'UTC', now: Date.parse('2023-06-01T00:00:00Z') });

const span = (start: string, end: string, status: ImpactSpan['status'], slug: string): ImpactSpan => ({
  start: Date.parse(start),
  end: Date.parse(end),
  status,
  slug,
});

test('a mark per day, oldest first, each labelled with its own date; only days with an event are eventful', () => {
  const days = byDay(
    [span('2022-12-05T10:00:00Z', '2022-12-05T11:00:00Z', 'major_outage', 'outage')],
    10,
    Date.parse('2022-12-10T12:00:00Z'),
  );
  const marks = dayMarks(days, (slug) => (slug === 'outage' ? 'Login failing' : slug), text);
  expect(marks).toHaveLength(10);
  expect(marks.map((mark) => mark.day)).toEqual(days.map((day) => day.day));
  expect(marks.slice(3, 6)).toEqual([
    { day: '2022-12-04', status: 'operational', eventful: false, label: '4 Dec 2022: Operational. No incidents' },
    { day: '2022-12-05', status: 'major_outage', eventful: true, label: '5 Dec 2022: Major outage. Login failing' },
    { day: '2022-12-06', status: 'operational', eventful: false, label: '6 Dec 2022: Operational. No incidents' },
  ]);
});

test('a day touched by an event that changed no status is still eventful, and links to its entry', () => {
  const days = byDay(
    [span('2022-12-05T10:00:00Z', '2022-12-05T11:00:00Z', 'operational', 'notice')],
    3,
    Date.parse('2022-12-06T12:00:00Z'),
  );
  expect(dayMarks(days, String, text).map((mark) => [mark.eventful, mark.status])).toEqual([
    [false, 'operational'],
    [true, 'operational'],
    [false, 'operational'],
  ]);
  expect(daysWithEvents(days).map((day) => dayAnchor(day.day))).toEqual(['day-2022-12-05']);
});

test('days with events come newest first, one entry per day', () => {
  const days = byDay(
    [
      span('2022-12-02T10:00:00Z', '2022-12-03T11:00:00Z', 'partial_outage', 'a'),
      span('2022-12-03T12:00:00Z', '2022-12-03T13:00:00Z', 'degraded_performance', 'b'),
    ],
    5,
    Date.parse('2022-12-05T12:00:00Z'),
  );
  expect(daysWithEvents(days).map(({ day, slugs, status }) => [day, slugs, status])).toEqual([
    ['2022-12-03', ['a', 'b'], 'partial_outage'],
    ['2022-12-02', ['a'], 'partial_outage'],
  ]);
});

test('a busy day names its first incidents and counts the rest', () => {
  expect(listTitles(['A', 'B', 'C', 'D'], text, 2)).toBe('A; B and 2 more');
  expect(listTitles(['A', 'B'], text, 2)).toBe('A; B');
  expect(listTitles(['A', 'B', 'C'], text)).toBe('A; B; C');
  const days = byDay(
    ['a', 'b', 'c'].map((slug) => span('2022-12-05T10:00:00Z', '2022-12-05T11:00:00Z', 'partial_outage', slug)),
    3,
    Date.parse('2022-12-06T12:00:00Z'),
  );
  expect(dayMarks(days, (slug) => slug.toUpperCase(), text, 2)[1]!.label).toBe(
    '5 Dec 2022: Partial outage. A; B and 1 more',
  );
});

test('the caption under a bar exists for each width, with the uptime of the days shown there', () => {
  // A day-long major outage 45 days ago: inside the 60-day window, outside the 30-day one.
  const now = Date.parse('2022-12-31T12:00:00Z');
  const days = byDay([span('2022-11-16T00:00:00Z', '2022-11-17T00:00:00Z', 'major_outage', 'x')], 90, now);
  const windows = barWindows(days);
  expect(windows.map(({ days: length, className }) => [length, className])).toEqual([
    [90, 'wall'],
    [60, 'w60'],
    [30, 'w30'],
  ]);
  expect(windows.map((window) => window.uptime)).toEqual([uptimePercent(days), uptimePercent(days.slice(-60)), 100]);
  expect(windows[1]!.uptime).toBeLessThan(windows[0]!.uptime);
});

test('a bar shorter than a window has no caption for it', () => {
  const days = byDay([], 45, Date.parse('2022-12-31T12:00:00Z'));
  expect(barWindows(days).map((window) => [window.days, window.className])).toEqual([
    [45, 'wall'],
    [30, 'w30'],
  ]);
});

test('a day is beyond each narrow bar it is too old for: today and 29 days back are on every bar, 30 only on 60 and 90 days, 60 only on 90', () => {
  expect([0, 29, 30, 59, 60, 89].map(beyondWindows)).toEqual([
    [],
    [],
    ['beyond-30'],
    ['beyond-30'],
    ['beyond-30', 'beyond-60'],
    ['beyond-30', 'beyond-60'],
  ]);
  const days = byDay(
    [
      span('2022-10-31T10:00:00Z', '2022-10-31T11:00:00Z', 'partial_outage', 'old'),
      span('2022-12-05T10:00:00Z', '2022-12-05T11:00:00Z', 'partial_outage', 'new'),
    ],
    90,
    Date.parse('2022-12-06T12:00:00Z'),
  );
  expect(daysWithEvents(days).map((day) => [day.day, day.beyond])).toEqual([
    ['2022-12-05', []],
    ['2022-10-31', ['beyond-30']],
  ]);
});
