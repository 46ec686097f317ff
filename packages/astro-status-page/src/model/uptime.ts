import type { ComponentStatus } from '../rules/statuses.ts';
import { dayIndex, type ZonedDay } from './days.ts';
import { worstStatus } from '../rules/levels.ts';

/** A stretch of time during which one event put a component in a status. */
export interface ImpactSpan {
  start: number;
  end: number;
  status: ComponentStatus;
  slug: string;
}

/**
 * How much of a minute of each status counts as downtime. A major outage is
 * full downtime; a partial outage counts 30% (Statuspage's convention: part
 * of the users or features are down); degraded performance and maintenance
 * count as up.
 */
export const DOWNTIME_WEIGHT: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 0,
  degraded_performance: 0,
  partial_outage: 0.3,
  major_outage: 1,
};

/**
 * Weighted downtime inside [from, to): overlapping spans are counted once,
 * each moment at the weight of the worst status covering it.
 */
export function weightedDowntime(spans: readonly ImpactSpan[], from: number, to: number): number {
  const cuts = new Set<number>([from, to]);
  for (const span of spans) {
    if (span.start > from && span.start < to) cuts.add(span.start);
    if (span.end > from && span.end < to) cuts.add(span.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  let total = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    let weight = 0;
    for (const span of spans) {
      if (span.start <= start && span.end >= end) weight = Math.max(weight, DOWNTIME_WEIGHT[span.status]);
    }
    total += weight * (end - start);
  }
  return total;
}

/** One day (in the site zone) of one component's history. */
export interface DayRecord {
  /** `2022-12-28` */
  day: string;
  start: number;
  /** Length counted: the day's real length (23, 24 or 25 h), or up to now for today. */
  length: number;
  /** Worst status seen that day. */
  status: ComponentStatus;
  /** Events that touched the component that day. */
  slugs: string[];
  downtime: number;
}

/**
 * Each of `days` (oldest first, from `zonedDays`) with its worst status, its
 * events and its weighted downtime, counted up to `now`. Spans are bucketed by
 * day in one pass, so the cost follows the component's own events, not the
 * history.
 */
export function uptimeByDay(spans: readonly ImpactSpan[], days: readonly ZonedDay[], now: number): DayRecord[] {
  const buckets: ImpactSpan[][] = days.map(() => []);
  const first = days[0]?.start ?? now;
  const last = days.length - 1;
  for (const span of spans) {
    const end = Math.min(span.end, now);
    if (end < first || span.start > now) continue;
    const from = span.start < first ? 0 : dayIndex(days, span.start);
    const to = dayIndex(days, Math.max(end - 1, span.start));
    for (let d = Math.max(0, from); d <= (to < 0 ? last : to); d++) buckets[d]!.push(span);
  }
  return days.map((day, d) => {
    const daySpans = buckets[d]!;
    const end = Math.min(day.end, now);
    return {
      day: day.day,
      start: day.start,
      length: Math.max(0, end - day.start),
      status: worstStatus(daySpans.map((span) => span.status)),
      slugs: [...new Set(daySpans.map((span) => span.slug))],
      downtime: weightedDowntime(daySpans, day.start, Math.max(day.start, end)),
    };
  });
}

/** Uptime over the given days, as a percentage: 100 × (1 − downtime / time). */
export function uptimePercent(days: readonly DayRecord[]): number {
  const length = days.reduce((sum, day) => sum + day.length, 0);
  const downtime = days.reduce((sum, day) => sum + day.downtime, 0);
  return length === 0 ? 100 : 100 * (1 - downtime / length);
}

/**
 * Two decimals, rounded down so any downtime at all never shows as 100.00%.
 */
export function formatUptime(percent: number, numbers: Intl.NumberFormat = UPTIME_EN): string {
  return numbers.format(Math.floor(percent * 100 + 1e-9) / 10_000);
}

/** Uptime's number format for a locale: a percentage with two decimals. */
export const uptimeNumberFormat = (locale: string): Intl.NumberFormat =>
  new Intl.NumberFormat(locale, { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 });

const UPTIME_EN = uptimeNumberFormat('en');
