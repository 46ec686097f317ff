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

/**
 * Room kept between the scale and the drawing box's edges (user units), so
 * every mark stays inside the plot, whose edges are the box's: the widest
 * mark, a failed check's cross (FAILED_MARK either side of its point, with a
 * 2 px stroke), fits at any width the page stretches the box to (900 units
 * over 280 px on a phone, 1 unit is 0.3 px: 18 units are 5.6 px; 160 units
 * are 10rem high, 1 px each: 8 px).
 */
export const INSET = { x: 18, y: 8 } as const;

/** Half the size of a failed check's cross (user units). */
export const FAILED_MARK = 5;

export interface LineChart {
  /** The top of the scale, in ms (the bottom is 0). */
  maxMs: number;
  /** y of the scale's top, middle and 0 (grid lines and the axis). */
  grid: { top: number; middle: number; zero: number };
  /** SVG path data (`M x y L x y …`) of the median and of the 95th percentile. */
  p50: string;
  p95: string;
  /** x of each day with failed checks, for a mark rising from the axis under the lines. */
  failureDays: number[];
  /** Path data of those marks. */
  failureMarks: string;
}

export interface PointChart {
  maxMs: number;
  grid: LineChart['grid'];
  passed: Array<{ x: number; y: number }>;
  /** Failed checks sit on the axis when there was no answer. */
  failed: Array<{ x: number; y: number }>;
  /** Path data: a dot per passed check, a cross per failed one. */
  passedMarks: string;
  failedMarks: string;
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
const PLOT = { width: CHART.width - 2 * INSET.x, height: CHART.height - 2 * INSET.y };
const yOf = (ms: number, maxMs: number) => round(CHART.height - INSET.y - (Math.min(ms, maxMs) / maxMs) * PLOT.height);
const gridOf = (maxMs: number): LineChart['grid'] => ({
  top: yOf(maxMs, maxMs),
  middle: yOf(maxMs / 2, maxMs),
  zero: yOf(0, maxMs),
});
/** How far a failed day's mark rises from the axis. */
const FAILURE_DAY_MARK = 14;

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
  const step = days.length > 1 ? PLOT.width / (days.length - 1) : 0;
  const x = (i: number) => round(INSET.x + i * step);
  const line = (pick: (day: MeasuredDay) => number | null) =>
    pathThrough(days.map((day, i) => (pick(day) === null ? null : { x: x(i), y: yOf(pick(day)!, maxMs) })));
  const grid = gridOf(maxMs);
  const failureDays = days.flatMap((day, i) => (day.failures > 0 ? [x(i)] : []));
  return {
    maxMs,
    grid,
    p50: line((day) => day.p50),
    p95: line((day) => day.p95),
    failureDays,
    failureMarks: failureDays.map((at) => `M${at} ${grid.zero}v${-FAILURE_DAY_MARK}`).join(''),
  };
}

/** The last day's chart: x by time across the 24 hours up to `now`. */
export function lastDayChart(points: readonly MeasuredPoint[], now: number): PointChart {
  const maxMs = roundScale(Math.max(0, ...points.map((point) => point.ms ?? 0)));
  const from = now - 86_400_000;
  const x = (at: number) => round(INSET.x + ((at - from) / 86_400_000) * PLOT.width);
  const grid = gridOf(maxMs);
  const placed = (point: MeasuredPoint) => ({
    x: x(point.at),
    y: point.ms === null ? grid.zero : yOf(point.ms, maxMs),
  });
  const passed = points.filter((point) => point.ok).map(placed);
  const failed = points.filter((point) => !point.ok).map(placed);
  const size = 2 * FAILED_MARK;
  return {
    maxMs,
    grid,
    passed,
    failed,
    // A zero-length stroke, which the round cap draws as a dot.
    passedMarks: passed.map((point) => `M${point.x} ${point.y}h0`).join(''),
    failedMarks: failed
      .map(
        (point) =>
          `M${round(point.x - FAILED_MARK)} ${round(point.y - FAILED_MARK)}l${size} ${size}m0 ${-size}l${-size} ${size}`,
      )
      .join(''),
  };
}
