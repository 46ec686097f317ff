/**
 * `statusPage({ base: '/status' })` inside a site of its own (tests/fixtures/host-site:
 * two pages and the basic fixture's status page): both are built, the host keeps its
 * root, and every link of the status page stays under /status/.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { REPO, ROOT, TMP } from './helpers/build.ts';
import { runScript } from './helpers/site-copy.ts';

const HOST = resolve(ROOT, 'tests/fixtures/host-site');
let out: string;

beforeAll(async () => {
  out = join(mkdtempSync(join(TMP, 'embedded-')), 'dist');
  const build = await runScript(
    [resolve(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--root', HOST, '--outDir', out],
    { STATUS_NOW: '2022-12-28T13:00:00Z' },
  );
  expect(build.code, build.output).toBe(0);
}, 120_000);
afterAll(() => rmSync(join(out, '..'), { recursive: true, force: true }));

const read = (path: string) => readFileSync(join(out, path), 'utf8');

test("the host's own pages are built as they are", () => {
  expect(read('index.html')).toContain('<h1>Welcome to the host</h1>');
  expect(read('about/index.html')).toContain('<h1>About us</h1>');
});

test('the status page lives under /status/, mid-outage', () => {
  const home = read('status/index.html');
  expect(home).toContain('Major system outage');
  expect(read('status/incidents/outage/index.html')).toContain('<h1');
  const api = JSON.parse(read('status/api/v2/summary.json')) as { page: { url: string } };
  expect(api.page.url).toBe('https://www.host.example/status/');
});

test("every link of the status page stays under /status/, and its icon is the host's public file", () => {
  const pages = readdirSync(join(out, 'status'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => relative(out, join(entry.parentPath, entry.name)));
  expect(pages.length).toBeGreaterThan(5);
  for (const page of pages) {
    const links = [...read(page).matchAll(/(?:href|src)="(\/[^"]*)"/g)].map((match) => match[1]!);
    const outside = links.filter((link) => !link.startsWith('/status/') && link !== '/favicon.svg');
    expect(outside, page).toEqual([]);
    for (const link of links)
      expect(
        existsSync(
          join(out, decodeURI(link.split('#')[0]!), link.endsWith('/') || link.includes('/#') ? 'index.html' : ''),
        ),
        `${page}: ${link}`,
      ).toBe(true);
  }
  const manifest = JSON.parse(read('status/manifest.webmanifest')) as { icons: Array<{ src: string }> };
  expect(manifest.icons[0]!.src).toBe('../favicon.svg');
});

test("the root stays the host's: no 404 page, robots.txt or redirects of the status page", () => {
  for (const file of ['404.html', 'robots.txt', '_redirects']) expect(existsSync(join(out, file)), file).toBe(false);
});

test("the host's style sheet (customCss) comes after the engine's tokens, so its --link wins", () => {
  const home = read('status/index.html');
  expect(home.indexOf('--link:#0a55b8')).toBeGreaterThan(-1);
  expect(home.indexOf('--link:#5b2a86')).toBeGreaterThan(home.indexOf('--link:#0a55b8'));
});
