import { axeViolations } from './helpers/axe.ts';
import { describe, expect, test } from 'vitest';
import { serveBuilds } from './helpers/built-sites.ts';

const open = serveBuilds(['ja', 'ar', 'example-mid-outage']);

describe('accessibility in Japanese and in Arabic (right to left): axe-core finds no violations', () => {
  const pages = ['/', '/incidents/outage/', '/incidents/upgrade/', '/components/web/', '/history/', '/404.html'];
  test.each(['ja', 'ar'].flatMap((build) => pages.map((path) => ({ build, path }))))(
    '$build $path',
    async ({ build, path }) => {
      const { page, close } = await open(build, path, { javaScriptEnabled: true });
      expect(await axeViolations(page)).toEqual([]);
      await close();
    },
  );

  test('the Arabic page is laid out right to left: the incident card’s severity stripe is on its right', async () => {
    const { page, close } = await open('ar', '/');
    const card = page.locator('article.card').first();
    const borders = await card.evaluate((element) => {
      const style = getComputedStyle(element);
      return [style.borderRightWidth, style.borderLeftWidth];
    });
    expect(parseFloat(borders[0]!)).toBeGreaterThan(parseFloat(borders[1]!));
    await close();
  });
});

describe('the reader’s own zone (localTime, on by default)', () => {
  const INCIDENT = '/incidents/2022-12-28-login-and-posting-failing/';

  test('in Tokyo, the incident’s start reads in JST (GMT+9) and says it is the reader’s time', async () => {
    const { page, close } = await open('example-mid-outage', INCIDENT, {
      javaScriptEnabled: true,
      timezoneId: 'Asia/Tokyo',
    });
    const started = page.locator('.when time').first();
    // 12:13 UTC is 21:13 in Tokyo; Chromium names the zone GMT+9 in English.
    await expect(started.textContent()).resolves.toBe('Dec 28, 2022, 21:13 GMT+9 (your time)');
    await expect(started.getAttribute('datetime')).resolves.toBe('2022-12-28T12:13Z');
    await close();
  });

  test('a maintenance window is rewritten as one range', async () => {
    const { page, close } = await open('example-mid-outage', '/', {
      javaScriptEnabled: true,
      timezoneId: 'Asia/Tokyo',
    });
    await expect(page.locator('#upcoming ~ article .meta time').textContent()).resolves.toMatch(
      /^Dec 30, 2022, 11:00\s?–\s?13:00 GMT\+9 \(your time\)$/,
    );
    await close();
  });

  test('with JavaScript off, the same page reads in the site zone, complete', async () => {
    const { page, close } = await open('example-mid-outage', INCIDENT, { timezoneId: 'Asia/Tokyo' });
    await expect(page.locator('.when time').first().textContent()).resolves.toBe('Today, 07:13 EST');
    await close();
  });

  test('the script runs under the page’s own Content-Security-Policy (its hash is allowed)', async () => {
    const { page, close } = await open('example-mid-outage', INCIDENT, {
      javaScriptEnabled: true,
      timezoneId: 'Asia/Tokyo',
    });
    const violations: string[] = [];
    page.on('console', (message) => violations.push(message.text()));
    await page.reload();
    await expect(page.locator('.when time').first().textContent()).resolves.toContain('(your time)');
    expect(violations.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);
    await close();
  });
});
