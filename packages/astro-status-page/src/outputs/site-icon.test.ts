import { expect, test } from 'vitest';
import { siteIcon } from './site-icon.ts';

test('the favicon follows the logo, with its type; without one, our own', () => {
  expect(siteIcon({})).toEqual({ path: '/favicon.svg', type: 'image/svg+xml' });
  expect(siteIcon({ logo: '/brand/Logo.PNG' })).toEqual({ path: '/brand/Logo.PNG', type: 'image/png' });
  expect(siteIcon({ logo: '/logo.svg' })).toEqual({ path: '/logo.svg', type: 'image/svg+xml' });
});
