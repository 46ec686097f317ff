import { expect, test } from 'vitest';
import { mapBounded, PARALLEL_CHECKS } from './run.ts';

test("checks run side by side, never more than PARALLEL_CHECKS at once, results in the checks' order", async () => {
  let inFlight = 0;
  let most = 0;
  const checks = Array.from({ length: 20 }, (_, i) => i);
  const results = await mapBounded(checks, PARALLEL_CHECKS, async (i) => {
    most = Math.max(most, ++inFlight);
    // The later checks answer first, so order is kept by position, not by arrival.
    await new Promise((done) => setTimeout(done, 40 - 2 * i));
    inFlight--;
    return `check ${i}`;
  });
  expect(most).toBe(PARALLEL_CHECKS);
  expect(results).toEqual(checks.map((i) => `check ${i}`));
});
