/**
 * The nearest-rank percentile of `values` (0 < p ≤ 100): the smallest value
 * with at least p % of the values at or below it, so it is always a value
 * that was measured; undefined for no values. The median is `percentile(v, 50)`.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)];
}
