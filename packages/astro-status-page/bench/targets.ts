/** What one benchmark row measured, in the units the targets use. */
export interface Measured {
  count: number;
  seconds: number;
  /** The plain-Node floor (bench/floor.ts) on the same files, in the same run. */
  floorSeconds: number;
  /** The build over bench/astro-alone on the same files: the median of each round's ratio. */
  astroAloneRatio: number;
  /** Bytes, or null when it could not be measured. */
  peakRss: number | null;
  homeGzip: number;
  largestGzip: number;
  checkSeconds: number;
}

/**
 * Of several floor-then-build pairs timed alike, the one with the median
 * build ÷ floor (the lower middle one of an even number): the figure a row
 * reports, since one pair's ratio moves by a third on a shared machine.
 */
export function medianPair<T extends { ratio: number }>(pairs: readonly T[]): T {
  if (pairs.length === 0) throw new Error('no pairs were timed');
  return [...pairs].sort((a, b) => a.ratio - b.ratio)[Math.floor((pairs.length - 1) / 2)]!;
}

const KB = 1024;
/** Issue 18: `npm run build` of 3,000 incidents takes at most this many times the floor. */
export const FLOOR_RATIO_AT_3000 = 6;
/** Issue 28: at 1 and 3,000 incidents, `npm run build` takes at most this many times Astro alone (bench/astro-alone). */
export const ASTRO_ALONE_RATIO = 1.5;

/**
 * Issue 5's, 18's and 28's targets, checked against a run: one line per target that applies
 * to the sizes measured, starting ✓ or ✗. Printed rather than asserted in a
 * test, since wall time depends on what else the machine is doing.
 */
export function checkTargets(rows: readonly Measured[]): string[] {
  const lines: string[] = [];
  const verdict = (ok: boolean, text: string) => lines.push(`${ok ? '✓' : '✗'} ${text}`);
  for (const row of rows) {
    const n = row.count.toLocaleString('en');
    verdict(row.homeGzip <= 14 * KB, `N=${n}: home page ${row.homeGzip.toLocaleString('en')} B gzipped (≤ 14 KB)`);
    verdict(
      row.largestGzip <= 50 * KB,
      `N=${n}: largest page ${row.largestGzip.toLocaleString('en')} B gzipped (≤ 50 KB)`,
    );
    if (row.count === 1000) {
      verdict(row.seconds <= 10, `N=${n}: built in ${row.seconds.toFixed(1)} s (≤ 10 s)`);
      verdict(row.checkSeconds < 2, `N=${n}: check in ${row.checkSeconds.toFixed(2)} s (< 2 s)`);
    }
    if (row.count === 1 || row.count === 3000) {
      verdict(
        row.astroAloneRatio <= ASTRO_ALONE_RATIO,
        `N=${n}: built in ${row.astroAloneRatio.toFixed(2)}× Astro alone (≤ ${ASTRO_ALONE_RATIO}×)`,
      );
    }
    if (row.count === 3000) {
      const ratio = row.seconds / row.floorSeconds;
      verdict(
        ratio <= FLOOR_RATIO_AT_3000,
        `N=${n}: built in ${ratio.toFixed(1)}× the floor (≤ ${FLOOR_RATIO_AT_3000}×)`,
      );
    }
    if (row.count === 10_000) {
      verdict(row.seconds <= 30, `N=${n}: built in ${row.seconds.toFixed(1)} s (≤ 30 s)`);
      if (row.peakRss !== null)
        verdict(
          row.peakRss < 1.5 * KB ** 3,
          `N=${n}: peak memory ${(row.peakRss / KB ** 3).toFixed(2)} GiB (< 1.5 GiB)`,
        );
    }
  }
  return lines;
}
