import { expect, test } from 'vitest';
import { checkTargets, medianPair } from '../bench/targets.ts';

test('the benchmark flags each missed target and passes the rest', () => {
  const lines = checkTargets([
    {
      count: 1000,
      seconds: 12.3,
      floorSeconds: 0.5,
      peakRss: 6e8,
      homeGzip: 7000,
      largestGzip: 7000,
      checkSeconds: 1.1,
    },
    {
      count: 3000,
      seconds: 14.5,
      floorSeconds: 1.14,
      peakRss: 7e8,
      homeGzip: 7000,
      largestGzip: 7000,
      checkSeconds: 1.5,
    },
    {
      count: 3000,
      seconds: 6.8,
      floorSeconds: 1.14,
      peakRss: 7e8,
      homeGzip: 7000,
      largestGzip: 7000,
      checkSeconds: 1.5,
    },
    {
      count: 10_000,
      seconds: 25,
      floorSeconds: 3,
      peakRss: 2 * 1024 ** 3,
      homeGzip: 15 * 1024,
      largestGzip: 15 * 1024,
      checkSeconds: 4,
    },
  ]);
  expect(lines.filter((line) => line.startsWith('✗'))).toEqual([
    '✗ N=1,000: built in 12.3 s (≤ 10 s)',
    '✗ N=3,000: built in 12.7× the floor (≤ 6×)',
    '✗ N=10,000: home page 15,360 B gzipped (≤ 14 KB)',
    '✗ N=10,000: peak memory 2.00 GiB (< 1.5 GiB)',
  ]);
  expect(lines.filter((line) => line.startsWith('✓'))).toHaveLength(10);
});

test('a row reports the pair with the median ratio, the lower middle one of an even number, whatever the order run', () => {
  const pairs = [6.4, 8.7, 5.2, 7.0, 6.6].map((ratio, run) => ({ ratio, run }));
  expect(medianPair(pairs)).toEqual({ ratio: 6.6, run: 4 });
  expect(medianPair(pairs.slice(0, 4))).toEqual({ ratio: 6.4, run: 0 });
  expect(medianPair([{ ratio: 9 }])).toEqual({ ratio: 9 });
  expect(() => medianPair([])).toThrow('no pairs were timed');
});
