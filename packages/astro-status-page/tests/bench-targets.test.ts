import { expect, test } from 'vitest';
import { checkTargets, medianPair } from '../bench/targets.ts';

test('the benchmark flags each missed target and passes the rest', () => {
  const lines = checkTargets([
    {
      count: 1,
      seconds: 2,
      floorSeconds: 0.1,
      astroAloneRatio: 1.5,
      peakRss: 6e8,
      homeGzip: 5000,
      largestGzip: 5000,
      checkSeconds: 0.3,
    },
    {
      count: 1000,
      seconds: 12.3,
      floorSeconds: 0.5,
      astroAloneRatio: 2.2,
      peakRss: 6e8,
      homeGzip: 7000,
      largestGzip: 7000,
      checkSeconds: 1.1,
    },
    {
      count: 3000,
      seconds: 14.5,
      floorSeconds: 1.14,
      astroAloneRatio: 1.51,
      peakRss: 7e8,
      homeGzip: 7000,
      largestGzip: 7000,
      checkSeconds: 1.5,
    },
    {
      count: 3000,
      seconds: 6.8,
      floorSeconds: 1.14,
      astroAloneRatio: 1.2,
      peakRss: 7e8,
      homeGzip: 7000,
      largestGzip: 7000,
      checkSeconds: 1.5,
    },
    {
      count: 10_000,
      seconds: 25,
      floorSeconds: 3,
      astroAloneRatio: 2,
      peakRss: 2 * 1024 ** 3,
      homeGzip: 15 * 1024,
      largestGzip: 15 * 1024,
      checkSeconds: 4,
    },
  ]);
  expect(lines.filter((line) => line.startsWith('✗'))).toEqual([
    '✗ N=1,000: built in 12.3 s (≤ 10 s)',
    '✗ N=3,000: built in 1.51× Astro alone (≤ 1.5×)',
    '✗ N=3,000: built in 12.7× the floor (≤ 6×)',
    '✗ N=10,000: home page 15,360 B gzipped (≤ 14 KB)',
    '✗ N=10,000: peak memory 2.00 GiB (< 1.5 GiB)',
  ]);
  // Issue 28's ratio to Astro alone is a target at 1 and 3,000 incidents only.
  expect(lines.filter((line) => line.includes('Astro alone'))).toEqual([
    '✓ N=1: built in 1.50× Astro alone (≤ 1.5×)',
    '✗ N=3,000: built in 1.51× Astro alone (≤ 1.5×)',
    '✓ N=3,000: built in 1.20× Astro alone (≤ 1.5×)',
  ]);
  expect(lines.filter((line) => line.startsWith('✓'))).toHaveLength(14);
});

test('a row reports the pair with the median ratio, the lower middle one of an even number, whatever the order run', () => {
  const pairs = [6.4, 8.7, 5.2, 7.0, 6.6].map((ratio, run) => ({ ratio, run }));
  expect(medianPair(pairs)).toEqual({ ratio: 6.6, run: 4 });
  expect(medianPair(pairs.slice(0, 4))).toEqual({ ratio: 6.4, run: 0 });
  expect(medianPair([{ ratio: 9 }])).toEqual({ ratio: 9 });
  expect(() => medianPair([])).toThrow('no pairs were timed');
});
