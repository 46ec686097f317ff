import { describe, expect, test } from 'vitest';
import { CHART, dailyChart, FAILED_MARK, INSET, lastDayChart, roundScale } from './response-chart.ts';
import type { MeasuredDay } from './measured.ts';

const day = (i: number, p50: number | null, p95: number | null, failures = 0): MeasuredDay => ({
  day: `2022-12-${String(i + 1).padStart(2, '0')}`,
  start: i,
  checks: 288,
  failures,
  p50,
  p95,
});

describe('the response-time chart', () => {
  test.each([
    [0, 100],
    [99, 100],
    [101, 200],
    [480, 500],
    [2600, 5000],
    [20_000, 20_000],
  ])('a largest value of %i ms gives a scale of %i ms', (value, scale) => {
    expect(roundScale(value)).toBe(scale);
  });

  test('draws the median and the 95th percentile on one scale from 0, breaking the line where nothing answered', () => {
    const chart = dailyChart([day(0, 100, 200), day(1, 150, 400), day(2, null, null, 288), day(3, 250, 500)]);
    expect(chart.maxMs).toBe(500);
    // Inside the inset: x from 18 in steps of (900 − 36) / 3 = 288; y = 152 − ms / 500 × 144.
    expect(chart.p50).toBe('M18 123.2 L306 108.8 M882 80 L882 80');
    expect(chart.p95).toBe('M18 94.4 L306 36.8 M882 8 L882 8');
    expect(chart.grid).toEqual({ top: 8, middle: 80, zero: 152 });
    expect(chart.failureDays).toEqual([594]);
  });

  test('places the last day’s checks by time; a check without an answer sits on the baseline', () => {
    const now = Date.parse('2022-12-28T13:30:00Z');
    const chart = lastDayChart(
      [
        { at: now - 43_200_000, check: 'web', ok: true, ms: 50, why: null },
        { at: now, check: 'web', ok: false, ms: null, why: 'no answer' },
      ],
      now,
    );
    expect(chart).toMatchObject({ maxMs: 100, passed: [{ x: 450, y: 80 }], failed: [{ x: 882, y: 152 }] });
  });

  test('every mark stays inside the drawing box, even a failed check without an answer at either end of the day', () => {
    const now = Date.parse('2022-12-28T13:30:00Z');
    const from = now - 86_400_000;
    const points = lastDayChart(
      [
        { at: from, check: 'web', ok: false, ms: null, why: 'no answer' },
        { at: from, check: 'web', ok: true, ms: 480, why: null },
        { at: now, check: 'web', ok: false, ms: 500, why: '500' },
        { at: now, check: 'web', ok: true, ms: 0, why: null },
      ],
      now,
    );
    const daily = dailyChart([day(0, 100, 500, 3), day(1, 480, 500, 288)]);
    const drawn = [points.passedMarks, points.failedMarks, daily.failureMarks, daily.p50, daily.p95].flatMap(vertices);
    expect(drawn.length).toBeGreaterThan(10);
    // Each vertex at least the inset minus a cross's half from each edge, and a cross's half plus a stroke is less than the inset.
    for (const [x, y] of drawn) {
      expect(x).toBeGreaterThanOrEqual(INSET.x - FAILED_MARK);
      expect(x).toBeLessThanOrEqual(CHART.width - INSET.x + FAILED_MARK);
      expect(y).toBeGreaterThanOrEqual(INSET.y - FAILED_MARK);
      expect(y).toBeLessThanOrEqual(CHART.height - INSET.y + FAILED_MARK);
    }
    expect(INSET.y - FAILED_MARK).toBeGreaterThanOrEqual(2);
  });
});

/** Every vertex of SVG path data made of M, L (absolute) and m, l, h, v (relative) commands. */
function vertices(path: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let [x, y] = [0, 0];
  for (const [, command, args] of path.matchAll(/([MLmlhv])([^MLmlhv]*)/g)) {
    const n = args!
      .trim()
      .split(/[\s,]+/)
      .filter(Boolean)
      .map(Number);
    if (command === 'M' || command === 'L') [x, y] = [n[0]!, n[1]!];
    else if (command === 'm' || command === 'l') [x, y] = [x + n[0]!, y + n[1]!];
    else if (command === 'h') x += n[0]!;
    else y += n[0]!;
    out.push([x, y]);
  }
  return out;
}
