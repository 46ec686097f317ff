import { axeViolations } from './helpers/axe.ts';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { serveBuilds } from './helpers/built-sites.ts';

// The response-time charts on the component pages: the example mid-outage
// (web probed, failing since 12:13 UTC) and the Arabic fixture (right to left).
const serve = serveBuilds(['example-mid-outage', 'ar']);

/** Where the oldest and the newest day sit along the daily chart, and how the chart is drawn. */
const chartLayout = (page: Page) =>
  page
    .locator('section.measured figure')
    .first()
    .evaluate((figure) => {
      const [first, last] = [...figure.querySelectorAll('.ends time')].map((time) => time.getBoundingClientRect().left);
      const median = figure.querySelector('path.p50')!;
      const p95 = figure.querySelector('path.p95')!;
      return {
        firstLeft: first!,
        lastLeft: last!,
        medianStroke: getComputedStyle(median).stroke,
        medianDash: getComputedStyle(median).strokeDasharray,
        p95Dash: getComputedStyle(p95).strokeDasharray,
        drawnWidth: median.getBoundingClientRect().width,
        plotWidth: figure.querySelector('svg')!.getBoundingClientRect().width,
      };
    });

describe('measured response time on a component page', () => {
  test.each([
    { width: 1280, colorScheme: 'light' as const },
    { width: 360, colorScheme: 'dark' as const },
  ])(
    'at $width px, $colorScheme: two charts with names, their tables, no sideways scrolling, no axe violations',
    { timeout: 90_000 },
    async ({ width, colorScheme }) => {
      // JavaScript on for axe only: the page itself carries none.
      const { page, close } = await serve('example-mid-outage', '/components/web/', {
        viewport: { width, height: 900 },
        colorScheme,
        javaScriptEnabled: true,
      });
      const section = page.locator('section.measured');
      await expect(section.locator('h2').innerText()).resolves.toBe('Measured response time');
      await expect(
        section.getByRole('img', { name: 'Response time of Web per day, last 90 days' }).count(),
      ).resolves.toBe(1);
      await expect(section.getByRole('img', { name: 'Each check of Web in the last 24 hours' }).count()).resolves.toBe(
        1,
      );
      // Measured availability sits beside the incident-based uptime, labelled so.
      await expect(page.locator('dl.uptime').innerText()).resolves.toMatch(
        /^Uptime, last 30 days\s+\d+\.\d\d%\s+Uptime, last 90 days\s+\d+\.\d\d%\s+Checks passed, last 90 days \(measured\)\s+99\.\d\d%$/,
      );
      await expect(section.locator('dl.figures').innerText()).resolves.toMatch(
        /^Median response time, last 24 hours\s+\d+ ms$/,
      );
      // The tables say what the charts draw: one row per measured day, the newest first, today's failures counted.
      const rows = section.locator('details').first().locator('tbody tr');
      await expect(rows.count()).resolves.toBe(90);
      // Closed <details> hide their text from innerText; textContent is what a screen reader gets once opened.
      const cells = (row: ReturnType<typeof rows.first>) => row.locator('th, td').allTextContents();
      // 28 Dec in New York, to 13:30 UTC: checks at 05:03 … 13:28 UTC, 16 of them failed (12:13 … 13:28).
      await expect(cells(rows.first())).resolves.toEqual(['28 Dec', '102', '16', '156 ms', '209 ms']);
      const hours = section.locator('details').nth(1).locator('tbody tr');
      await expect(cells(hours.first())).resolves.toEqual(['08:00 EST', '6', '6', '40 ms', 'failed: HTTP 503']);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      const layout = await chartLayout(page);
      expect(layout.lastLeft).toBeGreaterThan(layout.firstLeft);
      // The lines differ by dash, not by colour alone.
      expect(layout.medianDash).toBe('none');
      expect(layout.p95Dash).not.toBe('none');
      // Across the plot but for its inset (model/response-chart.ts), which keeps every mark inside it.
      expect(layout.drawnWidth).toBeGreaterThan(layout.plotWidth * 0.9);
      expect(layout.plotWidth).toBeGreaterThan(width / 2);
      expect(await axeViolations(page)).toEqual([]);
      await close();
    },
  );

  test('dark mode draws with the dark palette', async () => {
    const strokes = [];
    for (const colorScheme of ['light', 'dark'] as const) {
      const { page, close } = await serve('example-mid-outage', '/components/web/', { colorScheme });
      strokes.push((await chartLayout(page)).medianStroke);
      await close();
    }
    expect(strokes[0]).not.toBe(strokes[1]);
  });

  test(
    'right to left: time runs from right to left, the words are Arabic, no axe violations',
    { timeout: 90_000 },
    async () => {
      const { page, close } = await serve('ar', '/components/web/', {
        viewport: { width: 360, height: 900 },
        javaScriptEnabled: true,
      });
      await expect(page.locator('section.measured h2').innerText()).resolves.toBe('زمن الاستجابة المقيس');
      const layout = await chartLayout(page);
      expect(layout.lastLeft).toBeLessThan(layout.firstLeft);
      const transform = await page
        .locator('section.measured svg')
        .first()
        .evaluate((svg) => getComputedStyle(svg).transform);
      expect(transform).toMatch(/^matrix\(-1, 0, 0, 1/);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      expect(await axeViolations(page)).toEqual([]);
      await close();
    },
  );

  test.each([
    { build: 'example-mid-outage', width: 360 },
    { build: 'example-mid-outage', width: 1280 },
    { build: 'ar', width: 360 },
    { build: 'ar', width: 1280 },
  ])('$build at $width px: every mark, with its stroke, stays inside its plot', async ({ build, width }) => {
    const { page, close } = await serve(build, '/components/web/', { viewport: { width, height: 900 } });
    const overflows = await page.locator('section.measured svg').evaluateAll((svgs) =>
      svgs.flatMap((svg, chart) => {
        const plot = svg.getBoundingClientRect();
        return [...svg.querySelectorAll('path')].flatMap((mark) => {
          if ((mark.getAttribute('d') ?? '') === '') return [];
          // Strokes do not scale (vector-effect), so half a stroke is px on every side; a round cap reaches as far.
          const half = parseFloat(getComputedStyle(mark).strokeWidth) / 2;
          const box = mark.getBoundingClientRect();
          const past = Math.max(
            plot.left - (box.left - half),
            box.right + half - plot.right,
            plot.top - (box.top - half),
            box.bottom + half - plot.bottom,
          );
          return past > 0.5
            ? [`chart ${chart} ${mark.getAttribute('class')}: ${past.toFixed(1)} px past the plot`]
            : [];
        });
      }),
    );
    expect(overflows).toEqual([]);
    // The failed checks are drawn at all: the test measures something.
    await expect(page.locator('section.measured path.failed').first().getAttribute('d')).resolves.toMatch(/^M/);
    await close();
  });

  test('mid-outage the page leads with what the checks met in the last 24 hours, and says what its two percentages mean', async () => {
    const { page, close } = await serve('example-mid-outage', '/components/web/');
    const lead = page.locator('main p.checks');
    // 16 failed of the 288 checks since 08:30 EST yesterday (05:03 … 13:28 UTC today, every 5 min), the last at 13:28 UTC.
    await expect(lead.innerText()).resolves.toBe(
      '16 of 288 checks failed in the last 24 hours, last failure Today, 08:28 EST',
    );
    // It comes before the percentages and the median.
    const order = await page.evaluate(() =>
      ['p.checks', 'dl.uptime', 'p.two-percentages', 'section.measured'].map((selector) =>
        [...document.querySelectorAll('main *')].indexOf(document.querySelector(selector)!),
      ),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    await expect(page.locator('p.two-percentages').innerText()).resolves.toBe(
      "Uptime is the time without an incident affecting it; checks passed is the share of this page's own checks that succeeded.",
    );
    await close();
    const ar = await serve('ar', '/components/web/');
    await expect(ar.page.locator('main p.checks').innerText()).resolves.toMatch(
      /^فشل 3 من 49 فحصًا في آخر 24 ساعة، وآخر فشل /,
    );
    await ar.close();
  });

  test('a component without probes shows no chart', async () => {
    const { page, close } = await serve('example-mid-outage', '/components/login/');
    await expect(page.locator('section.measured').count()).resolves.toBe(0);
    await close();
  });

  test('the incident a probe opened says so on its page', async () => {
    const { page, close } = await serve('example-mid-outage', '/incidents/2022-12-28-web-is-not-responding/');
    await expect(page.locator('.opened-by').innerText()).resolves.toContain(
      "Opened automatically: the page's own checks of this component failed.",
    );
    await close();
  });
});
