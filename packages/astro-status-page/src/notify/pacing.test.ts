import { expect, test } from 'vitest';
import type { Clock } from './delivery.ts';
import { pacer, PLATFORM_RATES, type RateWindow } from './pacing.ts';

const fakeClock = (): Clock => {
  let now = 0;
  return { now: () => now, sleep: async (ms) => void (now += ms) };
};

/** When each of `n` requests would go, as fast as the pacer lets them. */
async function schedule(windows: RateWindow[], n: number): Promise<number[]> {
  const clock = fakeClock();
  const pace = pacer(windows, clock);
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    await pace();
    times.push(clock.now());
  }
  return times;
}

/** The most requests any window of `perMs` holds. */
const busiest = (times: number[], perMs: number) =>
  Math.max(...times.map((start) => times.filter((t) => t >= start && t < start + perMs).length));

test.each([
  ['slack', 500],
  ['discord', 500],
  ['teams', 500],
] as const)('%s: a burst of %i never goes over any of the platform’s windows', async (type, n) => {
  const times = await schedule(PLATFORM_RATES[type], n);
  for (const { count, perMs } of PLATFORM_RATES[type]) expect(busiest(times, perMs)).toBeLessThanOrEqual(count);
});

test('a burst of 500 takes as long as each platform’s rate requires, and no longer', async () => {
  const last = async (type: keyof typeof PLATFORM_RATES) => (await schedule(PLATFORM_RATES[type], 500)).at(-1)!;
  expect(await last('slack')).toBe(499_000);
  expect(await last('discord')).toBe(198_000);
  expect(await last('teams')).toBe(244_000);
  expect(await last('webhook')).toBe(0);
});
