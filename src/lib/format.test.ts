import { describe, expect, test } from 'vitest';
import { formatDateTimeUtc, formatDateUtc, formatDuration, formatMonthUtc, formatTimeUtc, isoUtc } from './format.ts';

describe('times are shown in UTC whatever the machine’s zone', () => {
  test('a timestamp near midnight keeps its UTC date', () => {
    const millis = Date.parse('2022-12-28T23:45:00-05:00');
    expect(formatDateTimeUtc(millis)).toBe('29 Dec 2022, 04:45 UTC');
    expect(isoUtc(millis)).toBe('2022-12-29T04:45:00.000Z');
    expect(formatMonthUtc(Date.parse('2022-12-01T00:30:00+01:00'))).toBe('November 2022');
  });

  test('days are not zero-padded, hours and minutes are', () => {
    const millis = Date.parse('2023-01-05T07:03:00Z');
    expect(formatDateUtc(millis)).toBe('5 Jan 2023');
    expect(formatTimeUtc(millis)).toBe('07:03 UTC');
    expect(formatDateTimeUtc(millis)).toBe('5 Jan 2023, 07:03 UTC');
  });
});

describe('formatDuration', () => {
  test.each([
    [30_000, 'less than a minute'],
    [45 * 60_000, '45 min'],
    [123 * 60_000, '2 h 3 min'],
    [120 * 60_000, '2 h'],
    [(3 * 24 * 60 + 4 * 60 + 10) * 60_000, '3 d 4 h'],
  ])('%i ms → %s', (millis, text) => {
    expect(formatDuration(millis)).toBe(text);
  });
});
