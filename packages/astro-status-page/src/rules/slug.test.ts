import { expect, test } from 'vitest';
import { isSlug, slugFromPath, slugify } from './slug.ts';

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

test('what slugify makes is a slug by the one rule, and the rule refuses what a URL or file name cannot hold', () => {
  for (const text of ['Core services', 'Café API — délais', '2024 -- Outage!', 'a'.repeat(80)])
    expect(isSlug(slugify(text, 50))).toBe(true);
  for (const bad of ['', '-web', 'Web', 'web app', 'web_app', 'wéb', '../web']) expect(isSlug(bad)).toBe(false);
});

test('slugFromPath keeps the file name without its folders and .md', () => {
  expect(slugFromPath('incidents/2022/2022-12-28-outage.md')).toBe('2022-12-28-outage');
  expect(slugFromPath('templates\\fixing.md')).toBe('fixing');
  expect(slugFromPath('outage')).toBe('outage');
});
