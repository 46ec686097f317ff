import { expect, test } from 'vitest';
import { absoluteUrl, deployment, onMirror } from './urls.ts';

test.each([
  { url: 'https://status.chirp.example', env: {}, site: 'https://status.chirp.example/', base: '/' },
  { url: 'https://example.com/status/', env: {}, site: 'https://example.com/', base: '/status/' },
  { url: 'https://example.com/status', env: {}, site: 'https://example.com/', base: '/status/' },
  {
    url: 'https://example.com/status/',
    env: { STATUS_BASE: '/preview/' },
    site: 'https://example.com/',
    base: '/preview/',
  },
  {
    url: 'https://example.com/',
    env: { STATUS_SITE_URL: 'https://someone.github.io', STATUS_BASE: '/repo/' },
    site: 'https://someone.github.io/',
    base: '/repo/',
  },
])('the config url $url (env $env) is served at $site with base $base', ({ url, env, site, base }) => {
  expect(deployment(url, env)).toEqual({ site, base });
});

test('a path in the config url is kept in every absolute link', () => {
  const { site, base } = deployment('https://example.com/status/', {});
  expect(absoluteUrl(site, base, '/incidents/outage/')).toBe('https://example.com/status/incidents/outage/');
});

test.each([
  ['https://chirp-status.pages.dev', '/', '/incidents/outage/', 'https://chirp-status.pages.dev/incidents/outage/'],
  [
    'https://chirp-status.pages.dev/',
    '/status/',
    '/status/incidents/outage/',
    'https://chirp-status.pages.dev/incidents/outage/',
  ],
  ['https://mirror.example/status', '/', '/', 'https://mirror.example/status/'],
  ['https://mirror.example/status/', '/status/', '/status/404.html', 'https://mirror.example/status/404.html'],
])('the same page on a mirror: %s, base %s, %s', (mirror, base, pathname, expected) => {
  expect(onMirror(mirror, base, pathname)).toBe(expected);
});
