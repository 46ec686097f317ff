import { describe, expect, test } from 'vitest';
import { percentile } from './percentile.ts';

describe('percentile (nearest rank)', () => {
  test.each([
    // Worked by hand: sorted 15 20 35 40 50; rank ceil(0.5*5)=3 → 35, ceil(0.95*5)=5 → 50.
    [[40, 15, 50, 20, 35], 50, 35],
    [[40, 15, 50, 20, 35], 95, 50],
    // Ten values 1..10: median rank 5 → 5, 95th rank ceil(9.5)=10 → 10, 90th rank 9 → 9.
    [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 50, 5],
    [[10, 9, 8, 7, 6, 5, 4, 3, 2, 1], 90, 9],
    [[7], 95, 7],
  ])('of %j at %i is %i', (values, p, expected) => {
    expect(percentile(values, p)).toBe(expected);
  });

  test('is undefined for no values', () => {
    expect(percentile([], 50)).toBeUndefined();
  });
});
