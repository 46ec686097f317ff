import { expect, test } from 'vitest';
import { slugify } from './slug.ts';

test.each([
  ['Core services', 'core-services'],
  ['Hostile & "Co" <test>', 'hostile-co-test'],
  ['Café API — délais', 'cafe-api-delais'],
  ['🔥', ''],
])('slugify(%s) is %s', (text, slug) => {
  expect(slugify(text)).toBe(slug);
});

test('without a limit nothing is cut; with one, a long slug is cut at a word', () => {
  const title = 'Login, posting, timelines and notifications failing on web, iOS and Android';
  expect(slugify(title)).toBe('login-posting-timelines-and-notifications-failing-on-web-ios-and-android');
  expect(slugify(title, 50)).toBe('login-posting-timelines-and-notifications-failing');
});
