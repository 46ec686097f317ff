import type { BrowserContextOptions, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { axeViolations } from './helpers/axe.ts';
import { serveBuilds } from './helpers/built-sites.ts';
import { smallTargets } from './helpers/target-size.ts';

/*
 * What a reader sees of the team's promised next update, of how long ago each
 * update was posted and of the times' zone: in Chromium at 360 and 1280 px,
 * with JavaScript on (the browser's clock fixed before and after the promised
 * time) and off. The example mid-outage (built 13:30 UTC): its newest update
 * (13:24) promised the next by 13:54 UTC, 08:54 EST. The Arabic fixture (built
 * 13:00 UTC, Riyadh): its newest update (12:45) promised one by 12:55, overdue at the build.
 */

const open = serveBuilds(['example-mid-outage', 'ar']);
const INCIDENT = '/incidents/2022-12-28-login-and-posting-failing/';
const NEW_YORK: BrowserContextOptions = { timezoneId: 'America/New_York' };

/** The page with JavaScript on (unless `js` is false) and the reader's clock at `time`. */
async function openAt(build: string, path: string, time: string, options: BrowserContextOptions = {}, js = true) {
  const opened = await open(build, path, { ...options, javaScriptEnabled: js });
  const console: string[] = [];
  opened.page.on('console', (message) => console.push(message.text()));
  await opened.page.clock.setFixedTime(new Date(time));
  await opened.page.reload();
  return { ...opened, console };
}

const visibleText = (page: Page, selector: string) => page.locator(selector).first().innerText();

describe.each([360, 1280])('the example mid-outage at %i px', (width) => {
  const viewport = { viewport: { width, height: 780 }, ...NEW_YORK };

  test.each([
    ['/', 'article.card'],
    [INCIDENT, 'article'],
  ])(
    '%s: before the promised time, "Next update by 08:54 EST" and "6 min ago" at the newest update',
    async (path, scope) => {
      const { page, console, close } = await openAt('example-mid-outage', path, '2022-12-28T13:30:00Z', viewport);
      await expect(visibleText(page, `${scope} .next-update`)).resolves.toBe('Next update by 08:54 EST');
      const newest = path === '/' ? page.locator('article.card').first() : page.locator('.timeline li').first();
      await expect(newest.locator('.ago').first().innerText()).resolves.toBe(' · 6 min ago');
      expect(console.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);
      await close();
    },
  );

  test.each(['/', INCIDENT])(
    '%s: 12 minutes past it, the same build says "Update overdue by 12 min", and the newest update is 42 min old',
    async (path) => {
      const { page, close } = await openAt('example-mid-outage', path, '2022-12-28T14:06:00Z', viewport);
      const promise = page.locator('.next-update').first();
      await expect(promise.innerText()).resolves.toBe('Update overdue by 12 min');
      await expect(promise.getAttribute('class')).resolves.toContain('overdue');
      // Said with a sign as well as words, never by colour alone.
      await expect(promise.evaluate((element) => getComputedStyle(element, '::before').content)).resolves.toContain(
        '⚠',
      );
      await expect(page.locator('.ago').first().innerText()).resolves.toBe(' · 42 min ago');
      await close();
    },
  );

  test('with JavaScript off, hours later: the promise as built, the absolute time alone, in the site’s zone', async () => {
    const { page, close } = await openAt('example-mid-outage', INCIDENT, '2022-12-28T18:00:00Z', viewport, false);
    await expect(visibleText(page, '.next-update')).resolves.toBe('Next update by 08:54 EST');
    await expect(page.locator('.timeline li .status').first().innerText()).resolves.toBe(
      'Identified · Today, 08:24 EST',
    );
    await expect(page.locator('.ago').first().isVisible()).resolves.toBe(false);
    await close();
  });
});

describe('the reader’s own zone, and UTC a tap away', () => {
  test('in Tokyo, with JavaScript, every time a person reads is in JST and says so, the promise too', async () => {
    const { page, close } = await openAt('example-mid-outage', INCIDENT, '2022-12-28T13:30:00Z', {
      timezoneId: 'Asia/Tokyo',
    });
    await expect(visibleText(page, '.next-update')).resolves.toBe(
      'Next update by Dec 28, 2022, 22:54 GMT+9 (your time)',
    );
    await expect(visibleText(page, '.timeline li .status')).resolves.toBe(
      'Identified · Dec 28, 2022, 22:24 GMT+9 (your time) · 6 min ago',
    );
    await close();
  });

  test('a reader in the site’s zone keeps the page’s own wording ("Today, 08:24 EST")', async () => {
    const { page, close } = await openAt('example-mid-outage', INCIDENT, '2022-12-28T13:30:00Z', NEW_YORK);
    await expect(visibleText(page, '.timeline li .status')).resolves.toBe('Identified · Today, 08:24 EST · 6 min ago');
    await close();
  });

  test.each([360, 1280])(
    'without JavaScript at %i px, the footer names the zone, and a tap on it shows UTC after every time; at 360 px, axe finds nothing',
    async (width) => {
      const { page, close } = await openAt(
        'example-mid-outage',
        INCIDENT,
        '2022-12-28T13:30:00Z',
        { viewport: { width, height: 780 }, ...NEW_YORK },
        false,
      );
      const summary = page.locator('footer details.utc summary');
      await expect(summary.innerText()).resolves.toBe('Times in EST (America/New_York) · show them in UTC too');
      const newest = page.locator('.timeline li .status time').first();
      const after = () => newest.evaluate((element) => getComputedStyle(element, '::after').content);
      await expect(after()).resolves.toBe('none');
      await summary.click();
      await expect(after()).resolves.toBe('" (2022-12-28T13:24Z)"');
      const box = (await summary.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(24);
      await close();
      // The checkers run in the page (axe needs its JavaScript): the same page, with JavaScript, once (axe is slow).
      if (width !== 360) return;
      const on = await openAt('example-mid-outage', INCIDENT, '2022-12-28T13:30:00Z', {
        viewport: { width, height: 780 },
        ...NEW_YORK,
      });
      await on.page.locator('footer details.utc summary').click();
      expect(await smallTargets(on.page)).toEqual([]);
      expect(await axeViolations(on.page)).toEqual([]);
      await on.close();
    },
  );
});

describe('in Arabic (right to left), a promise not kept', () => {
  const OUTAGE = '/incidents/outage/';

  test('without JavaScript, the build (13:00 UTC) already says the update is 5 min overdue', async () => {
    const { page, close } = await openAt('ar', OUTAGE, '2022-12-28T15:00:00Z', { timezoneId: 'Asia/Riyadh' }, false);
    await expect(visibleText(page, '.next-update')).resolves.toBe('تأخر التحديث 5 د');
    await expect(page.locator('.ago').first().isVisible()).resolves.toBe(false);
    await close();
  });

  test.each(['/', OUTAGE])(
    '%s: with JavaScript at 13:20 UTC, overdue by 25 min; the newest update 35 min ago',
    async (path) => {
      const { page, console, close } = await openAt('ar', path, '2022-12-28T13:20:00Z', { timezoneId: 'Asia/Riyadh' });
      await expect(visibleText(page, '.next-update')).resolves.toBe('تأخر التحديث 25 د');
      await expect(page.locator('.ago').first().innerText()).resolves.toBe(' · قبل 35 د');
      expect(console.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);
      await close();
    },
  );
});
