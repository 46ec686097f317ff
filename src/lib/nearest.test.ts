import { expect, test } from 'vitest';
import { describeUnknown, levenshtein, nearest } from './nearest.ts';

test.each([
  ['majr', ['none', 'minor', 'major', 'critical'], 'major'],
  ['webb', ['web', 'ios', 'android'], 'web'],
  ['investigatin', ['investigating', 'identified'], 'investigating'],
  ['MAJOR', ['minor', 'major'], 'major'],
  ['direct', ['web', 'direct-messages'], 'direct-messages'],
  ['zzzzzz', ['web', 'ios'], undefined],
])('nearest(%s) is %s', (typed, allowed, expected) => {
  expect(nearest(typed, allowed)).toBe(expected);
});

test('levenshtein counts edits', () => {
  expect(levenshtein('kitten', 'sitting')).toBe(3);
});

test('describeUnknown lists what is allowed even without a suggestion', () => {
  expect(describeUnknown('component', 'zzzz', ['web', 'ios'])).toBe('unknown component "zzzz". Allowed: web, ios');
});

test('describeUnknown quotes at most 80 characters of a pasted value', () => {
  const message = describeUnknown('status', 'x'.repeat(200_000), ['investigating', 'resolved']);
  expect(message).toBe(`unknown status "${'x'.repeat(80)}…". Allowed: investigating, resolved`);
});
