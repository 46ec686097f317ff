import { AXE_PAIRINGS, axeViolations } from './helpers/axe.ts';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { serveBuilds } from './helpers/built-sites.ts';

// The example mid-outage: Web had a partial outage on 3 Nov (55 days before
// "today", 28 Dec) and is in a major outage today. The Arabic fixture reads
// right to left.
const serve = serveBuilds(['example-mid-outage', 'ar']);
const open = (path: string, width: number, build = 'example-mid-outage') =>
  serve(build, path, { viewport: { width, height: 800 } });

/** The marks of the first bar a person can see, with their rendered widths. */
const shownMarks = (page: Page) =>
  page
    .locator('.bar')
    .first()
    .evaluate((bar) =>
      [...bar.children]
        .map((mark) => mark.getBoundingClientRect())
        .filter((box) => box.width > 0)
        .map((box) => box.width),
    );

/** The links Tab reaches inside a component's bar, in order, from the element before it. */
async function tabThroughBar(page: Page): Promise<string[]> {
  await page.locator('h1').click();
  const reached: string[] = [];
  for (let step = 0; step < 10; step += 1) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const active = document.activeElement;
      return active?.parentElement?.classList.contains('bar') ? active.getAttribute('href') : null;
    });
    if (focused === null && reached.length > 0) break;
    if (focused !== null) reached.push(focused);
  }
  return reached;
}

describe.each([
  // Web's uptime over the days shown: the component page's 30- and 90-day figures, and 60 days between.
  { width: 360, days: 30, caption: '30 days ago', uptime: '99.81%', links: ['#day-2022-12-28'] },
  { width: 600, days: 60, caption: '60 days ago', uptime: '99.83%', links: ['#day-2022-11-03', '#day-2022-12-28'] },
  { width: 1280, days: 90, caption: '90 days ago', uptime: '99.89%', links: ['#day-2022-11-03', '#day-2022-12-28'] },
])('history bars at $width px', ({ width, days, caption, uptime, links }) => {
  test(`show the last ${days} days, say so, with marks at least 6 px wide`, async () => {
    const { page, close } = await open('/', width);
    const widths = await shownMarks(page);
    expect(widths).toHaveLength(days);
    expect(Math.min(...widths)).toBeGreaterThanOrEqual(6);
    const row = page.locator('li.row').first();
    await expect(row.getByText(caption, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(row.locator('.foot').innerText()).resolves.toMatch(
      new RegExp(`^${caption}\\s+${uptime.replace('.', '\\.')} uptime\\s+Today$`),
    );
    await close();
    const component = await open('/components/web/', width);
    await expect(component.page.locator('h2.windows').innerText()).resolves.toBe(`Last ${days} days`);
    await component.close();
  });

  test('fit the screen with no sideways scrolling', async () => {
    const { page, close } = await open('/', width);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await close();
  });

  test('Tab reaches the days with incidents in order; focus shows the label; Enter opens that day', async () => {
    const { page, close } = await open('/components/web/', width);
    expect(await tabThroughBar(page)).toEqual(links);
    await page.keyboard.press('Shift+Tab'); // back from past the bar to its newest day
    const focused = page.locator('.bar a:focus');
    const tip = focused.locator('.tip');
    // Two incidents that day: the staff's, and the one the web's check opened.
    await expect(tip.innerText()).resolves.toBe(
      '28 Dec: Major outage. Login and posting failing on web, iOS and Android; Web is not responding',
    );
    const box = (await tip.boundingBox())!;
    expect(box.width).toBeGreaterThan(150);
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(width);
    expect(await focused.evaluate((mark) => getComputedStyle(mark).outlineStyle)).toBe('solid');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    await page.keyboard.press('Enter');
    await page.waitForURL(/#day-2022-12-28$/);
    const entry = page.locator('#day-2022-12-28');
    await expect(
      entry.getByRole('link', { name: 'Login and posting failing on web, iOS and Android' }).isVisible(),
    ).resolves.toBe(true);
    await close();
  });
});

describe('a history mark', () => {
  test('is named by its label while its tooltip is hidden, and hides it again when the pointer leaves', async () => {
    const { page, close } = await open('/', 1280);
    const mark = page
      .getByRole('link', { name: '28 Dec: Major outage. Login and posting failing on web, iOS and Android' })
      .first();
    const tip = mark.locator('.tip');
    expect((await tip.boundingBox())!.width).toBeLessThanOrEqual(1);
    await mark.hover();
    expect((await tip.boundingBox())!.width).toBeGreaterThan(150);
    await page.mouse.move(0, 0);
    expect((await tip.boundingBox())!.width).toBeLessThanOrEqual(1);
    await close();
  });

  test('on the home page leads to the day on the component page', async () => {
    const { page, close } = await open('/', 360);
    await page.locator('li.row').first().locator('.bar a').last().focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/components\/web\/#day-2022-12-28$/);
    await expect(page.locator(':target').innerText()).resolves.toContain(
      'Login and posting failing on web, iOS and Android',
    );
    await close();
  });

  test('of a quiet day shows its own date on hover', async () => {
    const { page, close } = await open('/components/web/', 1280);
    const quiet = page.locator('.bar > i').last();
    await quiet.hover();
    const shown = await quiet.evaluate((mark) => getComputedStyle(mark, '::after').content);
    expect(shown).toBe('"27 Dec: Operational. No incidents"');
    await close();
  });

  test('reads without colour: every status has its own fill or shape', async () => {
    const { page, close } = await open('/components/web/', 1280);
    const looks = await page
      .locator('.legend .swatch')
      .evaluateAll((swatches) => swatches.map((swatch) => getComputedStyle(swatch).backgroundImage));
    // Operational and major outage are solid; a day with an event stands taller than a quiet one.
    expect(new Set(looks).size).toBe(4);
    const heights = await page
      .locator('.bar')
      .first()
      .evaluate((bar) =>
        [bar.querySelector('i')!, bar.querySelector('a')!].map((mark) => mark.getBoundingClientRect().height),
      );
    expect(heights[1]).toBeGreaterThan(heights[0]! * 1.3);
    await close();
  });
});

test('Windows high contrast keeps the bars’ colours and patterns, and draws the tooltip’s edge', async () => {
  const { page, close } = await open('/components/web/', 1280);
  await page.emulateMedia({ forcedColors: 'active' });
  const outage = page.locator('.bar > a').last();
  await outage.focus();
  const looks = await outage.evaluate((mark) => [
    getComputedStyle(mark).backgroundColor,
    getComputedStyle(mark.querySelector('.tip')!).outlineStyle,
  ]);
  expect(looks).toEqual(['rgb(179, 38, 30)', 'solid']);
  const partial = await page
    .locator('.bar > .partial_outage')
    .first()
    .evaluate((mark) => getComputedStyle(mark).backgroundImage);
  expect(partial).toContain('repeating-linear-gradient');
  await close();
});

describe.each(AXE_PAIRINGS)('axe with a tooltip showing ($colorScheme)', ({ colorScheme, width, rules, ruleSet }) => {
  test(`home and component page at ${width} px, ${ruleSet} rules`, async () => {
    for (const path of ['/', '/components/web/']) {
      const { page, close } = await serve('example-mid-outage', path, {
        viewport: { width, height: 800 },
        colorScheme,
        javaScriptEnabled: true,
      });
      await page.locator('.bar a').last().focus();
      expect((await axeViolations(page, rules)).map((violation) => `${path}: ${violation}`)).toEqual([]);
      await close();
    }
  });
});

test('right to left, today is the leftmost mark, and the caption starts on the right', async () => {
  const { page, close } = await open('/', 1280, 'ar');
  const [oldest, newest] = await page
    .locator('.bar')
    .first()
    .evaluate((bar) => [bar.firstElementChild!, bar.lastElementChild!].map((mark) => mark.getBoundingClientRect().x));
  expect(newest).toBeLessThan(oldest!);
  const [first, last] = await page
    .locator('.foot')
    .first()
    .evaluate((foot) =>
      [...foot.children]
        .filter((span) => span.getBoundingClientRect().width > 0)
        .map((span) => span.getBoundingClientRect().x)
        .filter((_, i, all) => i === 0 || i === all.length - 1),
    );
  expect(first).toBeGreaterThan(last!);
  await close();
});
