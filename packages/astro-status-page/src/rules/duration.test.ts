import { describe, expect, test } from 'vitest';
import { durationText, parseDuration } from './duration.ts';

describe('parseDuration reads a length of time as staff write it', () => {
  test.each([
    ['1 h', 3_600_000],
    ['1h', 3_600_000],
    ['30 min', 1_800_000],
    ['1 h 30 min', 5_400_000],
    ['90m', 5_400_000],
    ['2 hours', 7_200_000],
    ['15 MIN', 900_000],
    ['1 d', 86_400_000],
    ['45 s', 45_000],
  ])('%s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  test.each(['', 'soon', '1.5 h', '1 hour and 5 minutes', 'h', '-1 h', '1 week'])('refuses %j', (text) =>
    expect(parseDuration(text)).toBeUndefined(),
  );
});

describe('durationText writes what parseDuration reads back', () => {
  test.each([
    [3_600_000, '1 h'],
    [1_800_000, '30 min'],
    [5_400_000, '1 h 30 min'],
    [0, '0 min'],
    [30 * 3_600_000, '30 h'],
    [2 * 86_400_000, '2 d'],
    [90 * 3_600_000, '3 d 18 h'],
    [(34_564 * 60 + 10) * 60_000, '1440 d 4 h 10 min'],
    [(3 * 1440 + 5) * 60_000, '3 d 5 min'],
  ])('%d ms is %s', (ms, text) => {
    expect(durationText(ms)).toBe(text);
    expect(parseDuration(text)).toBe(ms);
  });
});
