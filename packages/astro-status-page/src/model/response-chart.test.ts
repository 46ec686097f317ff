import { describe, expect, test } from 'vitest';
import { CHART, dailyChart, lastDayChart, roundScale } from './response-chart.ts';
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
    // x steps of 900 / 3 = 300; y = 160 − ms / 500 × 160.
    expect(chart.p50).toBe('M0 128 L300 112 M900 80 L900 80');
    expect(chart.p95).toBe('M0 96 L300 32 M900 0 L900 0');
    expect(chart.failureDays).toEqual([600]);
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
    expect(chart).toEqual({ maxMs: 100, passed: [{ x: 450, y: 80 }], failed: [{ x: CHART.width, y: CHART.height }] });
  });
});
