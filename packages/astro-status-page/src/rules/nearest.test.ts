import { expect, test } from 'vitest';
import { describeUnknown, levenshtein, nearest, nearestMatches } from './nearest.ts';

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

const SLUGS = [
  '2022-12-28-login-failing-on-ios',
  '2023-01-05-login-failing-on-ios',
  '2022-11-03-web-down',
  '2023-02-01-login-slow',
  '2023-03-01-search-down',
];
const withoutDate = (slug: string) => [slug, slug.replace(/^\d{4}-\d{2}-\d{2}-/, '')];

test('nearestMatches finds a misspelt slug by its part after the date, newest first', () => {
  expect(nearestMatches('login-failng-on-ios', SLUGS, { limit: 5, forms: withoutDate })).toEqual([
    '2023-01-05-login-failing-on-ios',
    '2022-12-28-login-failing-on-ios',
  ]);
});

test('nearestMatches finds a partial slug, puts the preferred ones first and keeps to the limit', () => {
  const open = (slug: string) => slug === '2022-11-03-web-down';
  expect(nearestMatches('down', SLUGS, { limit: 5, forms: withoutDate, first: open })).toEqual([
    '2022-11-03-web-down',
    '2023-03-01-search-down',
  ]);
  expect(nearestMatches('login', SLUGS, { limit: 2, forms: withoutDate })).toEqual([
    '2023-02-01-login-slow',
    '2023-01-05-login-failing-on-ios',
  ]);
});

test('nearestMatches offers nothing for what resembles nothing', () => {
  expect(nearestMatches('zzzzzzzz', SLUGS, { limit: 5, forms: withoutDate })).toEqual([]);
});
