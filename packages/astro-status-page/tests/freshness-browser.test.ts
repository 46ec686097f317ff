import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { catalogOf } from '../src/i18n/catalog.ts';
import { LOCALES, type Locale } from '../src/i18n/locales.ts';
import { LOCALE_MIRROR, localeBuild, OTHER_LOCALES } from './helpers/build.ts';
import { serveBuilds } from './helpers/built-sites.ts';

/*
 * What a reader sees of the page's freshness, with the browser's clock set
 * (Playwright's clock) before and after the next build's due time plus the
 * grace: the stale-page warning shows only after, in the page's language,
 * under the page's own Content-Security-Policy; without JavaScript the page
 * states its times and nothing else changes.
 */

const SITES: Array<{
  build: string;
  locale: Locale;
  staleAfter: string;
  path: string;
  mirror: string | undefined;
  /** The site's zone: a reader there sees its times as built (the page script converts them for readers elsewhere). */
  zone?: string;
}> = [
  // Built at 13:30 UTC: next build due by 14:30, stale from 15:00 (the default hour and half hour).
  {
    build: 'example-mid-outage',
    locale: 'en',
    staleAfter: '2022-12-28T15:00:00Z',
    path: '/incidents/2022-12-28-login-and-posting-failing/',
    mirror: 'https://chirp-status.pages.dev/incidents/2022-12-28-login-and-posting-failing/',
    zone: 'America/New_York',
  },
  // Built at 13:00 UTC, stale from 14:30; no mirrors.
  {
    build: 'ja',
    locale: 'ja',
    staleAfter: '2022-12-28T14:30:00Z',
    path: '/incidents/outage/',
    mirror: undefined,
    zone: 'Asia/Tokyo',
  },
  {
    build: 'ar',
    locale: 'ar',
    staleAfter: '2022-12-28T14:30:00Z',
    path: '/incidents/outage/',
    mirror: undefined,
    zone: 'Asia/Riyadh',
  },
  // Every other language: the basic fixture built at 13:00 UTC, with one mirror.
  ...OTHER_LOCALES.map((locale) => ({
    build: localeBuild(locale),
    locale,
    staleAfter: '2022-12-28T14:30:00Z',
    path: '/incidents/outage/',
    mirror: `${LOCALE_MIRROR}incidents/outage/`,
  })),
];

test('every language of the interface is read below', () => {
  expect(SITES.map((site) => site.locale).sort()).toEqual([...LOCALES].sort());
});

const open = serveBuilds(SITES.map((site) => site.build));
const minutes = (iso: string, delta: number) => new Date(Date.parse(iso) + delta * 60_000);

/** The page at `path` with the reader's clock at `time`, and every console line it logged. */
async function openAt(
  build: string,
  path: string,
  time: Date,
  javaScriptEnabled: boolean,
  timezoneId = 'UTC',
): Promise<{ page: Page; console: string[]; close: () => Promise<void> }> {
  const opened = await open(build, path, { javaScriptEnabled, timezoneId });
  const console: string[] = [];
  opened.page.on('console', (message) => console.push(message.text()));
  await opened.page.clock.setFixedTime(time);
  await opened.page.reload();
  return { ...opened, console };
}

const warningStart = (locale: Locale) => catalogOf(locale).freshness.stale.split('{updated}')[0]!.trim();

describe.each(SITES)(
  '$build ($locale): the stale-page warning',
  ({ build, locale, staleAfter, path, mirror, zone }) => {
    test('a minute before the due time plus the grace: no warning, the times stated', async () => {
      const { page, console, close } = await openAt(build, path, minutes(staleAfter, -1), true);
      await expect(page.locator('#stale').isVisible()).resolves.toBe(false);
      await expect(page.locator('main > p.freshness time').count()).resolves.toBe(2);
      expect(console.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);
      await close();
    });

    test('a minute after: the warning, in the page’s language, near the top, linking to the other hosts', async () => {
      const { page, console, close } = await openAt(build, path, minutes(staleAfter, 1), true);
      const warning = page.locator('#stale');
      await expect(warning.isVisible()).resolves.toBe(true);
      await expect(warning.textContent()).resolves.toContain(warningStart(locale));
      if (mirror) await expect(warning.textContent()).resolves.toContain(catalogOf(locale).freshness.otherHosts);
      // Above the page's heading, so it is read before the status it qualifies.
      const [warningTop, headingTop] = await Promise.all([
        warning.boundingBox(),
        page.locator('h1').first().boundingBox(),
      ]);
      expect(warningTop!.y).toBeLessThan(headingTop!.y);
      const links = await warning
        .locator('a')
        .evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href));
      expect(links).toEqual(mirror ? [mirror] : []);
      // The script ran under the page's own policy: no violation reported.
      expect(console.filter((line) => /Content Security Policy/i.test(line))).toEqual([]);
      // That policy is in force and its violations are heard: any other inline script is refused, and logged.
      await page.addScriptTag({ content: 'document.body.dataset.ran = "1"' }).catch(() => undefined);
      await expect(page.locator('body[data-ran]').count()).resolves.toBe(0);
      await expect.poll(() => console.some((line) => /Content Security Policy/i.test(line))).toBe(true);
      await close();
    });

    test('with JavaScript off, long after: the times are stated and nothing else shows or changes', async () => {
      const late = minutes(staleAfter, 24 * 60);
      const off = await openAt(build, path, late, false);
      await expect(off.page.locator('#stale').isVisible()).resolves.toBe(false);
      await expect(off.page.locator('main > p.freshness').isVisible()).resolves.toBe(true);
      await expect(off.page.locator('main > p.freshness time').count()).resolves.toBe(2);
      // A reader in the site's zone: the page script leaves its times as built.
      const before = await openAt(build, path, minutes(staleAfter, -1), true, zone);
      // The whole page reads the same with JavaScript on before the due time as with it off, but for what the
      // script keeps current at the reader's clock and shows only then (each update's "ago", a promise now overdue).
      const readAsBuilt = (page: Page) =>
        page.evaluate(() => {
          for (const kept of document.querySelectorAll('.ago, .next-update')) kept.remove();
          return document.body.innerText;
        });
      await expect(readAsBuilt(off.page)).resolves.toBe(await readAsBuilt(before.page));
      await Promise.all([off.close(), before.close()]);
    });
  },
);
