import type { MeasuredDay, MeasuredPoint } from './measured.ts';

/*
 * The response-time charts of a component page as plain geometry: the
 * median and 95th percentile per day as two lines (a gap where a day has no
 * answer), the last day's checks as points, failed ones apart, all on one
 * scale that starts at 0 and ends at a round number of milliseconds. The
 * component only draws it; the same numbers are in its tables.
 */

/** The chart's drawing box (SVG user units); the page stretches it to its width. */
export const CHART = { width: 900, height: 160 } as const;

export interface LineChart {
  /** The top of the scale, in ms (the bottom is 0). */
  maxMs: number;
  /** SVG path data (`M x y L x y …`) of the median and of the 95th percentile. */
  p50: string;
  p95: string;
  /** x of each day with failed checks, for a mark under the lines. */
  failureDays: number[];
}

export interface PointChart {
  maxMs: number;
  passed: Array<{ x: number; y: number }>;
  /** Failed checks sit on the baseline when there was no answer. */
  failed: Array<{ x: number; y: number }>;
}

/** The smallest of 1, 2 or 5 × 10ⁿ ms at or above `value` (at least 100 ms): a scale a reader can read. */
export function roundScale(value: number): number {
  let scale = 100;
  for (;;) {
    for (const step of [1, 2, 5]) if (step * scale >= value) return step * scale;
    scale *= 10;
  }
}

const round = (value: number) => Math.round(value * 10) / 10;
const yOf = (ms: number, maxMs: number) => round(CHART.height - (Math.min(ms, maxMs) / maxMs) * CHART.height);

/** Path data through the given points, a new stroke after each gap (null); a lone point is a zero-length stroke, which a round cap draws as a dot. */
function pathThrough(points: ReadonlyArray<{ x: number; y: number } | null>): string {
  const strokes: string[][] = [];
  let current: string[] | undefined;
  for (const point of points) {
    if (point === null) {
      current = undefined;
      continue;
    }
    if (!current) strokes.push((current = []));
    current.push(`${point.x} ${point.y}`);
  }
  return strokes
    .map((stroke) => `M${stroke[0]} L${(stroke.length === 1 ? stroke : stroke.slice(1)).join(' L')}`)
    .join(' ');
}

/** The daily chart: one x step per day, oldest at 0. */
export function dailyChart(days: readonly MeasuredDay[]): LineChart {
  const maxMs = roundScale(Math.max(0, ...days.map((day) => day.p95 ?? 0)));
  const step = days.length > 1 ? CHART.width / (days.length - 1) : 0;
  const x = (i: number) => round(i * step);
  const line = (pick: (day: MeasuredDay) => number | null) =>
    pathThrough(days.map((day, i) => (pick(day) === null ? null : { x: x(i), y: yOf(pick(day)!, maxMs) })));
  return {
    maxMs,
    p50: line((day) => day.p50),
    p95: line((day) => day.p95),
    failureDays: days.flatMap((day, i) => (day.failures > 0 ? [x(i)] : [])),
  };
}

/** The last day's chart: x by time across the 24 hours up to `now`. */
export function lastDayChart(points: readonly MeasuredPoint[], now: number): PointChart {
  const maxMs = roundScale(Math.max(0, ...points.map((point) => point.ms ?? 0)));
  const from = now - 86_400_000;
  const x = (at: number) => round(((at - from) / 86_400_000) * CHART.width);
  const placed = (point: MeasuredPoint) => ({
    x: x(point.at),
    y: point.ms === null ? CHART.height : yOf(point.ms, maxMs),
  });
  return {
    maxMs,
    passed: points.filter((point) => point.ok).map(placed),
    failed: points.filter((point) => !point.ok).map(placed),
  };
}
