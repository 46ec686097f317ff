import { expect, test } from 'vitest';
import { dayRuns, listTitles } from './history-bar.ts';
import { siteText } from '../i18n/texts.ts';
import { zonedDays } from './days.ts';
import { uptimeByDay, type ImpactSpan } from './uptime.ts';

const byDay = (spans: ImpactSpan[], count: number, now: number) => uptimeByDay(spans, zonedDays(now, count, 'UTC'), now);
// English, UTC, "now" in 2023: every date reads with its year.
const text = siteText({ locale: 'en', timezone: 'UTC', now: Date.parse('2023-06-01T00:00:00Z') });

const span = (start: string, end: string, status: ImpactSpan['status'], slug: string): ImpactSpan => ({ start: Date.parse(start), end: Date.parse(end), status, slug });

test('quiet days merge into one run; each day with an event keeps its own labelled run', () => {
  const days = byDay([span('2022-12-05T10:00:00Z', '2022-12-05T11:00:00Z', 'major_outage', 'outage')], 10, Date.parse('2022-12-10T12:00:00Z'));
  const runs = dayRuns(days, (slug) => (slug === 'outage' ? 'Login failing' : slug), text);
  expect(runs.map(({ offset, length, status }) => [offset, length, status])).toEqual([
    [0, 4, 'operational'],
    [4, 1, 'major_outage'],
    [5, 5, 'operational'],
  ]);
  expect(runs.map((run) => run.label)).toEqual([
    '1 Dec 2022 to 4 Dec 2022: Operational. No incidents',
    '5 Dec 2022: Major outage. Login failing',
    '6 Dec 2022 to 10 Dec 2022: Operational. No incidents',
  ]);
});

test('the runs cover every day exactly once', () => {
  const days = byDay([span('2022-12-02T10:00:00Z', '2022-12-04T11:00:00Z', 'partial_outage', 'x')], 90, Date.parse('2022-12-10T12:00:00Z'));
  const runs = dayRuns(days, String, text);
  expect(runs.reduce((sum, run) => sum + run.length, 0)).toBe(90);
  runs.forEach((run, i) => expect(run.offset).toBe(i === 0 ? 0 : runs[i - 1]!.offset + runs[i - 1]!.length));
});

test('a busy day names its first incidents and counts the rest', () => {
  expect(listTitles(['A', 'B', 'C', 'D'], text, 2)).toBe('A; B and 2 more');
  expect(listTitles(['A', 'B'], text, 2)).toBe('A; B');
  expect(listTitles(['A', 'B', 'C'], text)).toBe('A; B; C');
  const days = byDay(['a', 'b', 'c'].map((slug) => span('2022-12-05T10:00:00Z', '2022-12-05T11:00:00Z', 'partial_outage', slug)), 3, Date.parse('2022-12-06T12:00:00Z'));
  expect(dayRuns(days, (slug) => slug.toUpperCase(), text, 2)[1]!.label).toBe('5 Dec 2022: Partial outage. A; B and 1 more');
});
