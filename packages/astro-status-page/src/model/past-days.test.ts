import { describe, expect, test } from 'vitest';
import { collapseQuietDays } from './past-days.ts';

const DAY = 86_400_000;
/** Days newest first, numbered by their start (day 10 is newest); `busy` days have one event. */
const days = (busy: number[]) =>
  [10, 9, 8, 7, 6, 5, 4, 3, 2, 1].map((n) => ({ start: n * DAY, events: busy.includes(n) ? [`event-${n}`] : [] }));

describe('quiet days in "Past incidents"', () => {
  test('a fully quiet fortnight is one line, oldest to newest day', () => {
    expect(collapseQuietDays(days([]))).toEqual([{ kind: 'quiet', first: 1 * DAY, last: 10 * DAY }]);
  });

  test('busy days stay days; each run of quiet days between them becomes one line, newest first', () => {
    expect(collapseQuietDays(days([9, 5, 4]))).toEqual([
      { kind: 'quiet', first: 10 * DAY, last: 10 * DAY },
      { kind: 'day', start: 9 * DAY, events: ['event-9'] },
      { kind: 'quiet', first: 6 * DAY, last: 8 * DAY },
      { kind: 'day', start: 5 * DAY, events: ['event-5'] },
      { kind: 'day', start: 4 * DAY, events: ['event-4'] },
      { kind: 'quiet', first: 1 * DAY, last: 3 * DAY },
    ]);
  });

  test('no days, no lines', () => {
    expect(collapseQuietDays([])).toEqual([]);
  });
});
