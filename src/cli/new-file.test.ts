import { expect, test } from 'vitest';
import { incidentFilePath, slugify } from './new-file.ts';

test('slugify keeps only what a file name and URL allow', () => {
  expect(slugify('Login & posting: failing!')).toBe('login-posting-failing');
  expect(slugify('Café API — délais')).toBe('cafe-api-delais');
  expect(slugify('🔥')).toBe('');
});

test('slugify cuts a long title at a word, within 50 characters', () => {
  const slug = slugify('Login, posting, timelines and notifications failing on web, iOS and Android');
  expect(slug).toBe('login-posting-timelines-and-notifications-failing');
  expect(slug.length).toBeLessThanOrEqual(50);
});

test('the file is dated by the UTC day it starts', () => {
  expect(incidentFilePath('2022-12-31T23:30:00-05:00', 'late')).toEqual({ slug: '2023-01-01-late', path: 'incidents/2023/2023-01-01-late.md' });
});
