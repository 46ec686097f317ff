import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { contentSecurityPolicy } from '../src/outputs/csp.ts';
import { outDir } from './helpers/build.ts';
import { headersFor, matches, readHeaderRules } from './helpers/host-headers.ts';
import { builtPages, page } from './helpers/pages.ts';

const build = 'example-mid-outage';
// The example names a subscriptions service: its sign-up form may post there, and follow the answer back to the site.
const CONTENT_SECURITY_POLICY = contentSecurityPolicy([
  'https://subscriptions.chirp.example',
  'https://status.chirp.example',
]);

// The engine publishes _headers with every site (src/outputs/headers-file.ts).
const readHeaders = () => readHeaderRules(join(outDir(build), '_headers'));

const builtFiles = (dir = outDir(build)): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(outDir(build), join(entry.parentPath, entry.name))}`);

describe('_headers', () => {
  const rules = readHeaders();

  test('every response gets the strict policy, nosniff and a referrer policy', () => {
    const all = rules.find((rule) => rule.pattern === '/*')?.headers;
    expect(all?.['content-security-policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(all?.['x-content-type-options']).toBe('nosniff');
    expect(all?.['referrer-policy']).toBe('no-referrer');
  });

  test('each built file gets exactly one Cache-Control: a minute for pages and feeds, a year for hashed assets', () => {
    const files = [...builtFiles(), '/', '/_astro/index.AbC123.css', '/api/v2/summary.json'];
    for (const file of files) {
      const values = rules
        .filter((rule) => rule.headers['cache-control'] && matches(rule.pattern, file))
        .map((rule) => rule.headers['cache-control']);
      if (/\.(html|xml|json|atom|rss|ics)$|\/$|badge\.svg$/.test(file))
        expect(values, file).toEqual(['public, max-age=60']);
      else if (file.startsWith('/_astro/')) expect(values, file).toEqual(['public, max-age=31536000, immutable']);
      else expect(values.length, file).toBeLessThanOrEqual(1);
    }
  });

  test("the API, feeds, calendar and badges, the site's and each component's, may be read from any origin, once", () => {
    const shared = builtFiles().filter(
      (file) => /^\/api\/|\.(xml|atom|rss|ics)$|badge\.svg$/.test(file) && !file.startsWith('/sitemap'),
    );
    expect(shared).toEqual(
      expect.arrayContaining([
        '/api/v2/summary.json',
        '/rss.xml',
        '/history.atom',
        '/maintenance.ics',
        '/badge.svg',
        '/components/web/rss.xml',
        '/components/web/atom.xml',
        '/components/web/badge.svg',
      ]),
    );
    for (const file of shared) expect(headersFor(rules, file)['access-control-allow-origin'], file).toBe('*');
    expect(headersFor(rules, '/index.html')['access-control-allow-origin']).toBeUndefined();
  });

  test('is published with the site', () => {
    expect(builtFiles()).toContain('/_headers');
  });
});

test('every page carries the same policy in <meta http-equiv>, before any style', () => {
  for (const path of builtPages(build)) {
    const head = page(build, path).querySelector('head');
    const meta = head?.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content'), path).toBe(CONTENT_SECURITY_POLICY);
    expect(head?.innerHTML.indexOf('Content-Security-Policy'), path).toBeLessThan(
      head?.innerHTML.indexOf('<style') ?? 0,
    );
  }
});
