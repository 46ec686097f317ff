import { describe, expect, test } from 'vitest';
import { promisedAt } from './promised-update.ts';

const POSTED = Date.parse('2022-12-28T13:24:00Z');

describe('promisedAt reads a promise as staff write it, from the update it is on', () => {
  test.each([
    ['30 min', '2022-12-28T13:54:00.000Z'],
    ['30m', '2022-12-28T13:54:00.000Z'],
    ['1 h 30 min', '2022-12-28T14:54:00.000Z'],
    ['2022-12-28T13:54:00Z', '2022-12-28T13:54:00.000Z'],
    ['2022-12-28T08:54:00-05:00', '2022-12-28T13:54:00.000Z'],
    ['24 h', '2022-12-29T13:24:00.000Z'],
  ])('%s', (written, iso) => {
    const promise = promisedAt(written, POSTED);
    expect('at' in promise && new Date(promise.at).toISOString()).toBe(iso);
  });

  test.each([
    [30, 'must be a length of time after the update'],
    ['', 'must be a length of time after the update'],
    ['soon', '"soon" is not a length of time after the update'],
    ['2022-12-28T13:54:00', 'has no time zone'],
    ['2022-12-28T13:24:00Z', 'is not after the update it is on (2022-12-28T13:24:00.000Z)'],
    ['2022-12-28T12:00:00Z', 'is not after the update it is on'],
    ['0 min', 'is not after the update it is on'],
    ['25 h', '"25 h" is 25 h after the update; at most 24 h may be promised'],
    ['2023-01-28T13:54:00Z', 'at most 24 h may be promised'],
  ])('refuses %j', (written, problem) => {
    const promise = promisedAt(written, POSTED);
    expect('problem' in promise && promise.problem).toContain(problem);
  });
});
