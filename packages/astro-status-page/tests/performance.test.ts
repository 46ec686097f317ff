import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { outDir, TARGETS } from './helpers/build.ts';
import { PAGE_SCRIPT } from '../src/outputs/page-script.ts';
import { builtPages, page, readBuilt, text } from './helpers/pages.ts';
import { COMPONENT_PAGE_EVENTS, HISTORY_PAGE_SIZE } from '../src/model/history.ts';
import { FEED_ITEM_LIMIT } from '../src/outputs/feed.ts';

// What keeps pages fast, checked by size and content rather than time: how fast
// the build is, `npm run bench` prints, where the machine's load can be seen.
const gzipped = (build: string, path: string) =>
  gzipSync(readBuilt(build, path.endsWith('/') ? `${path}index.html` : path)).length;

describe('fifty components (tests/fixtures/many-components)', () => {
  const build = 'many-components';

  test('the home page shows every bar in one request, under 40 KB gzipped', () => {
    const html = readBuilt(build, 'index.html');
    expect(page(build, '/').querySelectorAll('li.row .bar')).toHaveLength(50);
    expect(gzipSync(html).length).toBeLessThanOrEqual(40 * 1024);
    // One request: no stylesheet, script, font or image to fetch before the page shows (the stale-page warning's script is inline).
    expect(html).not.toMatch(/<link[^>]+rel="(stylesheet|preload|modulepreload)"|<img|<script[^>]+src/);
  });
});

describe('pages do not grow with history (300 synthetic incidents over three years)', () => {
  const build = 'synthetic-300';

  test('the home page fits the first round trip: ≤ 14 KB gzipped', () => {
    expect(gzipped(build, '/')).toBeLessThanOrEqual(14 * 1024);
  });

  test('no page exceeds 50 KB gzipped', () => {
    const heavy = builtPages(build).filter((path) => gzipped(build, path) > 50 * 1024);
    expect(heavy).toEqual([]);
  });

  test('a component page lists its newest events and points to the history for the rest', () => {
    const web = page(build, '/components/web/');
    const listed = web.querySelectorAll('.events li');
    expect(listed).toHaveLength(COMPONENT_PAGE_EVENTS);
    expect(text(web.querySelector('main'))).toMatch(
      new RegExp(`The newest ${COMPONENT_PAGE_EVENTS} of \\d+\\. Older ones are in the incident history`),
    );
  });

  test('history pages hold at most a page of events each', () => {
    const pages = builtPages(build).filter((path) => path.startsWith('/history/'));
    expect(pages.length).toBeGreaterThan(5);
    for (const path of pages)
      expect(page(build, path).querySelectorAll('.events li').length, path).toBeLessThanOrEqual(HISTORY_PAGE_SIZE);
  });

  test(`feeds carry the newest ${FEED_ITEM_LIMIT} items`, () => {
    const feeds = [
      'rss.xml',
      ...readdirSync(join(outDir(build), 'components')).map((id) => `components/${id}/rss.xml`),
    ];
    for (const feed of feeds) {
      expect(readFileSync(join(outDir(build), feed), 'utf8').match(/<item>/g)?.length, feed).toBe(FEED_ITEM_LIMIT);
    }
  });
});

describe.each(TARGETS.map((target) => target.name))('zero client JavaScript: %s', (build) => {
  // Every page carries the one inline page script (stale warning, promised update, "ago", the reader's time).
  const scripts = [PAGE_SCRIPT];
  test('each page carries only the inline page script, no _astro/*.js bundle, and no .js file is published', () => {
    const pages = builtPages(build);
    expect(pages.length).toBeGreaterThan(0);
    for (const path of pages) {
      // Parsed, not grepped: a hostile title may quote "<script" inside an attribute as harmless text.
      const html = page(build, path);
      expect(
        html.querySelectorAll('script').map((script) => script.textContent),
        path,
      ).toEqual(scripts);
      expect(
        html
          .querySelectorAll('[src], [href]')
          .map((element) => element.getAttribute('src') ?? element.getAttribute('href')),
        path,
      ).not.toContainEqual(expect.stringMatching(/\.m?js$/));
    }
    expect(
      readdirSync(outDir(build), { recursive: true, encoding: 'utf8' }).filter((file) => /\.m?js$/.test(file)),
    ).toEqual([]);
  });
});

describe('what Lighthouse looks for besides speed (example site)', () => {
  const build = 'example-mid-outage';

  test('every page links the favicon and the web app manifest, which names the site; robots.txt allows crawling', () => {
    for (const path of builtPages(build)) {
      expect(page(build, path).querySelector('head link[rel="manifest"]')?.getAttribute('href'), path).toBe(
        '/manifest.webmanifest',
      );
      expect(page(build, path).querySelector('head link[rel="icon"]')?.getAttribute('href'), path).toBe(
        '/chirp-logo.svg',
      );
    }
    const manifest = JSON.parse(readBuilt(build, 'manifest.webmanifest')) as {
      name: string;
      icons: Array<{ src: string }>;
    };
    expect(manifest.name).toBe('Chirp status');
    expect(readBuilt(build, manifest.icons[0]!.src)).toContain('<svg');
    expect(readBuilt(build, 'robots.txt')).toBe(
      'User-agent: *\nAllow: /\nSitemap: https://status.chirp.example/sitemap-index.xml\n',
    );
  });
});
