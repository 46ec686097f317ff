import type { Browser, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { AXE_PAIRINGS, axeViolations, darkModeChangesOnlyColours } from './helpers/axe.ts';
import { outDir } from './helpers/build.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveStatic } from './helpers/static-server.ts';

let browser: Browser;
let site: { url: string; close: () => Promise<void> };

beforeAll(async () => {
  site = await serveStatic(outDir('example-mid-outage'));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
});

async function open(path: string, options: BrowserContextOptions = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false, ...options });
  const page = await context.newPage();
  const response = await page.goto(`${site.url}${path}`);
  return { page, response, close: () => context.close() };
}

const PAGES = [
  '/',
  '/incidents/2022-12-28-login-and-posting-failing/',
  '/incidents/2022-12-30-messaging-database-maintenance/',
  '/components/web/',
  '/history/',
  '/subscribe/',
  '/404.html',
];

describe('with JavaScript off', () => {
  test('the home page shows the banner, the active incident and every component', async () => {
    const { page, close } = await open('/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toContain('Major system outage');
    await expect(
      page.getByRole('link', { name: 'Login and posting failing on web, iOS and Android' }).first().isVisible(),
    ).resolves.toBe(true);
    const rows = await page.locator('li.row').allInnerTexts();
    expect(rows).toHaveLength(9);
    expect(rows[0]).toMatch(/^Web\n✕ Major outage/);
    await close();
  });
});

describe('accessibility: axe-core finds no violations', () => {
  const cases = PAGES.flatMap((path) => AXE_PAIRINGS.map((pairing) => ({ path, ...pairing })));
  test.each(cases)(
    '$path at $width px in $colorScheme mode ($ruleSet rules)',
    async ({ path, width, colorScheme, rules }) => {
      // axe runs as a script in the page, so this context allows scripts; the pages have none of their own.
      const { page, close } = await open(path, {
        colorScheme,
        javaScriptEnabled: true,
        viewport: { width, height: 800 },
      });
      expect(await axeViolations(page, rules)).toEqual([]);
      await close();
    },
  );

  test.each(PAGES)('%s: dark mode changes only the palette, so the drawn rules cover it', async (path) => {
    const { page, close } = await open(path, { colorScheme: 'dark' });
    expect(await darkModeChangesOnlyColours(page)).toEqual([]);
    await close();
  });
});

describe('on a phone', () => {
  test.each(PAGES)('%s fits 360 px without sideways scrolling', async (path) => {
    const { page, close } = await open(path, { viewport: { width: 360, height: 740 } });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    await close();
  });
});

describe('dark mode', () => {
  test('follows prefers-color-scheme', async () => {
    const colours = async (scheme: 'light' | 'dark') => {
      const { page, close } = await open('/', { colorScheme: scheme });
      const result = await page.evaluate(() => [
        getComputedStyle(document.body).backgroundColor,
        getComputedStyle(document.body).color,
      ]);
      await close();
      return result;
    };
    expect(await colours('light')).toEqual(['rgb(255, 255, 255)', 'rgb(27, 31, 36)']);
    expect(await colours('dark')).toEqual(['rgb(18, 20, 23)', 'rgb(233, 236, 239)']);
  });
});

describe('Content-Security-Policy', () => {
  test.each(PAGES)('%s renders with no violation reported', async (path) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) violations.push(message.text());
    });
    await page.goto(`${site.url}${path}`);
    await page.waitForLoadState('load');
    expect(violations).toEqual([]);
    // The policy did not switch styling off: the page is laid out as designed.
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    await context.close();
  });
});

test('a missing page answers 404 with the not-found page, under the status banner (mid-outage here)', async () => {
  const { page, response, close } = await open('/incidents/nope/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('✕ Major system outage');
  await expect(page.getByRole('heading', { level: 2 }).first().textContent()).resolves.toBe('Page not found');
  await close();
});

describe('details', () => {
  test('legend swatches are drawn like the bars: a full mark, not a sliver', async () => {
    const { page, close } = await open('/');
    const sizes = await page
      .locator('.legend .swatch')
      .evaluateAll((swatches) =>
        swatches.map((swatch) => swatch.getBoundingClientRect()).map(({ width, height }) => [width, height]),
      );
    expect(sizes).toHaveLength(5);
    for (const [width, height] of sizes) expect([width, height]).toEqual([10, 20]);
    await close();
  });

  test('an incident page prints black on white with no site navigation, even in dark mode', async () => {
    const { page, close } = await open('/incidents/2022-12-28-login-and-posting-failing/', { colorScheme: 'dark' });
    await page.emulateMedia({ media: 'print' });
    const printed = await page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      colour: getComputedStyle(document.body).color,
      footer: getComputedStyle(document.querySelector('.site-footer')!).display,
    }));
    expect(printed).toEqual({ background: 'rgb(255, 255, 255)', colour: 'rgb(0, 0, 0)', footer: 'none' });
    await expect(page.getByRole('heading', { level: 1 }).isVisible()).resolves.toBe(true);
    await close();
  });

  test('in dark mode a critical outage banner is saturated red, not pastel, with AA contrast', async () => {
    const { page, close } = await open('/', { colorScheme: 'dark' });
    const background = await page.locator('.banner').evaluate((banner) => getComputedStyle(banner).backgroundColor);
    expect(background).toBe('rgb(248, 81, 73)');
    await close();
  });
});
