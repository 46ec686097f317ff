import { expect, test } from 'vitest';
import { serveBuilds } from './helpers/built-sites.ts';

/*
 * Words no line can hold, at 360 px (tests/fixtures/hostile/incidents/long-words.md):
 * a long URL in a title and in a message, a component named after a host, a
 * run of emoji with no space. Every kind of page wraps them: no sideways scroll.
 */

const open = serveBuilds(['hostile']);
const PAGES = {
  home: '/',
  incident: '/incidents/long-words/',
  component: '/components/host/',
  history: '/history/',
  maintenance: '/incidents/hostile-maintenance/',
  subscribe: '/subscribe/',
  'not found': '/404.html',
};

test.each(Object.entries(PAGES))('%s (%s): nothing wider than 360 px, light and dark', async (_kind, path) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    const { page, close } = await open('hostile', path, { viewport: { width: 360, height: 780 }, colorScheme });
    const widths = await page.evaluate(() => ({
      scroll: document.scrollingElement!.scrollWidth,
      // What sticks out, for the message when something does (words for screen readers only are clipped to 1 px).
      wide: [...document.querySelectorAll('body *')]
        .filter((element) => !element.closest('.sr-only') && element.getBoundingClientRect().right > 361)
        .slice(0, 3)
        .map((element) => `${element.tagName}.${element.className}`),
    }));
    expect(widths.wide).toEqual([]);
    expect(widths.scroll).toBeLessThanOrEqual(360);
    await close();
  }
});

test('the long words are there to wrap: the title, the host and the URL, each whole', async () => {
  const { page, close } = await open('hostile', '/', { viewport: { width: 360, height: 780 } });
  const text = await page.evaluate(() => document.body.textContent!);
  expect(text).toContain('api-gateway-eu-west-1-production-cluster-00042.internal.status.hostile.example');
  expect(text).toContain('Errors on https://api.hostile.example/v1/accounts/0123456789abcdef-');
  await close();
});

test("the home card's excerpt keeps every emoji whole: a family of four, flags", async () => {
  const { page, close } = await open('hostile', '/', { viewport: { width: 360, height: 780 } });
  const excerpt = await page
    .locator('article', { hasText: 'Errors on https://api.hostile.example' })
    .locator('.message')
    .first()
    .textContent();
  const whole = new Set(['👨‍👩‍👧‍👦', '🇯🇵', '🏴‍☠️', '🇫🇷']);
  const graphemes = [...new Intl.Segmenter('en', { granularity: 'grapheme' }).segment(excerpt!.trim())];
  // Cut: the card shows a start of the message, not all 24 runs.
  expect(graphemes.length).toBeGreaterThan(8);
  expect(graphemes.length).toBeLessThan(96);
  for (const { segment } of graphemes) expect(whole.has(segment)).toBe(true);
  await close();
});
