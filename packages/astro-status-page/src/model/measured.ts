import type { DailyAggregate, ProbeData, ProbeResult } from '../files/probe-data.ts';
import { percentile } from '../rules/percentile.ts';
import type { ZonedDay } from './days.ts';

/*
 * What the probes measured, as a component page and the API show it: per
 * day of the 90, the checks, failures, median and 95th percentile response
 * time (from the daily aggregate once a day is folded, from the raw results
 * before), the last 24 hours check by check, and the share of checks passed.
 */

/** A day's checks summed up. */
export interface DayFigures {
  checks: number;
  failures: number;
  /** Median and 95th percentile response time in ms of the checks that were answered; null if none was. */
  p50: number | null;
  p95: number | null;
}

export interface MeasuredDay extends DayFigures {
  /** `2022-12-28`, in the site zone. */
  day: string;
  start: number;
}

/** One check of the last day. */
export interface MeasuredPoint {
  at: number;
  check: string;
  ok: boolean;
  ms: number | null;
  why: string | null;
}

export interface MeasuredView {
  /** The history's days, oldest first; a day without checks has `checks: 0`. */
  days: MeasuredDay[];
  /** Every check of the last 24 hours up to now, oldest first. */
  lastDay: MeasuredPoint[];
  /** Share of the 90 days' checks that passed (0 to 100). */
  availability: number;
  /** Median response time of the last 24 hours, or null. */
  recentP50: number | null;
}

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** One hour of the last day: its checks summed up, and the slowest answer. */
export interface MeasuredHour extends DayFigures {
  start: number;
  slowest: number | null;
  /** The reasons checks failed in it, each once. */
  whys: string[];
}

/** Checks, failures, median and 95th percentile of some results. */
export function aggregateResults(results: readonly ProbeResult[]): DayFigures {
  const answered = results.flatMap((result) => (result.ms === undefined ? [] : [result.ms]));
  return {
    checks: results.length,
    failures: results.filter((result) => !result.ok).length,
    p50: percentile(answered, 50) ?? null,
    p95: percentile(answered, 95) ?? null,
  };
}

/** The results (sorted by time) in [from, to). */
function between(results: readonly ProbeResult[], from: number, to: number): ProbeResult[] {
  return results.filter((result) => {
    const at = Date.parse(result.at);
    return at >= from && at < to;
  });
}

/** The last day's checks by hour, the 24 hours ending with the one holding `now`, oldest first: the table beside its chart. */
export function lastDayByHour(points: readonly MeasuredPoint[], now: number): MeasuredHour[] {
  const last = Math.floor(now / HOUR_MS) * HOUR_MS;
  return Array.from({ length: 24 }, (_, i) => {
    const start = last - (23 - i) * HOUR_MS;
    const inHour = points.filter((point) => point.at >= start && point.at < start + HOUR_MS);
    const answered = inHour.flatMap((point) => (point.ms === null ? [] : [point.ms]));
    return {
      start,
      checks: inHour.length,
      failures: inHour.filter((point) => !point.ok).length,
      p50: percentile(answered, 50) ?? null,
      p95: percentile(answered, 95) ?? null,
      slowest: answered.length > 0 ? Math.max(...answered) : null,
      whys: [...new Set(inHour.flatMap((point) => (point.why === null ? [] : [point.why])))],
    };
  });
}

/** What happened to the last 24 hours' checks: how many ran, how many failed, and when the last one failed. */
export interface LastDayChecks {
  checks: number;
  failed: number;
  /** Epoch ms of the newest failed check, or null when none failed. */
  lastFailure: number | null;
}

export function lastDayChecks(points: readonly MeasuredPoint[]): LastDayChecks {
  const failed = points.filter((point) => !point.ok);
  return {
    checks: points.length,
    failed: failed.length,
    lastFailure: failed.length === 0 ? null : Math.max(...failed.map((point) => point.at)),
  };
}

/** One component's measurements over `days` up to `now`, or undefined when it has none at all. */
export function measuredView(
  component: string,
  data: Pick<ProbeData, 'results' | 'daily'>,
  days: readonly ZonedDay[],
  now: number,
): MeasuredView | undefined {
  const results = data.results.filter((result) => result.component === component && Date.parse(result.at) <= now);
  const folded = new Map<string, DailyAggregate>(
    data.daily.filter((row) => row.component === component).map((row) => [row.day, row]),
  );
  const measured = days.map((day): MeasuredDay => {
    const row = day.end <= now ? folded.get(day.day) : undefined;
    const figures = row
      ? { checks: row.checks, failures: row.failures, p50: row.p50, p95: row.p95 }
      : aggregateResults(between(results, day.start, Math.min(day.end, now + 1)));
    return { day: day.day, start: day.start, ...figures };
  });
  const checks = measured.reduce((sum, day) => sum + day.checks, 0);
  if (checks === 0) return undefined;
  const failures = measured.reduce((sum, day) => sum + day.failures, 0);
  const recent = between(results, now - DAY_MS, now + 1);
  return {
    days: measured,
    lastDay: recent.map((result) => ({
      at: Date.parse(result.at),
      check: result.check,
      ok: result.ok,
      ms: result.ms ?? null,
      why: result.why ?? null,
    })),
    availability: (100 * (checks - failures)) / checks,
    recentP50: aggregateResults(recent).p50,
  };
}
