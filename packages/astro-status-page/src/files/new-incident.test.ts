import { expect, test } from 'vitest';
import { incidentFilePath, incidentSlug } from './new-incident.ts';

test('incidentSlug keeps only what a file name and URL allow', () => {
  expect(incidentSlug('Login & posting: failing!')).toBe('login-posting-failing');
  expect(incidentSlug('Café API — délais')).toBe('cafe-api-delais');
  expect(incidentSlug('🔥')).toBe('');
});

test('incidentSlug cuts a long title at a word, within 50 characters', () => {
  const slug = incidentSlug('Login, posting, timelines and notifications failing on web, iOS and Android');
  expect(slug).toBe('login-posting-timelines-and-notifications-failing');
  expect(slug.length).toBeLessThanOrEqual(50);
});

test('the file is dated by the day it is given (the site zone’s, which the CLI, probes and imports work out), in that year’s folder', () => {
  expect(incidentFilePath('2022-12-31', 'late')).toEqual({
    slug: '2022-12-31-late',
    path: 'incidents/2022/2022-12-31-late.md',
  });
});
