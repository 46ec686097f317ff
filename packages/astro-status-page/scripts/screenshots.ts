import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildSite, CHIRP, outDir, REPO, TARGETS, type BuildTarget } from '../tests/helpers/build.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

/**
 * `npm run screenshots`: build the example site mid-outage (13:30 UTC on
 * 28 December 2022), serve it, and save each kind of page at phone and
 * desktop widths, light and dark, under docs/screenshots/ as
 * `<page>-<width>-<scheme>.png`; the desktop light home page is also the
 * README's docs/screenshot.png. The Japanese and Arabic fixtures' home pages
 * become docs/home-ja.png and docs/home-ar.png. JavaScript is off, as for a
 * reader without it, except in what a reader sees of the page's freshness
 * at 360 px (docs/freshness/): before the next build's due time plus the
 * grace and after it, with the reader's clock set (Playwright's clock), with
 * JavaScript on (the stale warning shows after) and off (the times alone).
 */

const PAGES = {
  home: '/',
  incident: '/incidents/2022-12-28-login-and-posting-failing/',
  component: '/components/web/',
  subscribe: '/subscribe/',
} as const;
const WIDTHS = [360, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const DOCS = resolve(REPO, 'docs');

interface Shot {
  path: string;
  width: number;
  colorScheme: 'light' | 'dark';
  /** Files under docs/, and whether each holds the whole page or the first screen. */
  files: Array<{ file: string; fullPage: boolean }>;
  /** Run the page's scripts (off unless set). */
  javaScript?: boolean;
  /** The reader's clock, when it is not the machine's. */
  readerClock?: string;
}

/** Build a site, serve it, and take its shots. */
async function shoot(browser: Browser, target: BuildTarget, shots: readonly Shot[]): Promise<void> {
  const built = buildSite(target);
  if (built.status !== 0) throw new Error(`Building ${target.name} failed:\n${built.output}`);
  const server = await serveStatic(outDir(target.name));
  try {
    for (const { path, width, colorScheme, files, javaScript = false, readerClock } of shots) {
      const context = await browser.newContext({
        javaScriptEnabled: javaScript,
        viewport: { width, height: width < 600 ? 740 : 900 },
        colorScheme,
      });
      const page = await context.newPage();
      if (readerClock) await page.clock.setFixedTime(new Date(readerClock));
      await page.goto(`${server.url}${path}`);
      for (const { file, fullPage } of files) {
        await page.screenshot({ path: resolve(DOCS, file), fullPage });
        console.log(`docs/${file}`);
      }
      await context.close();
    }
  } finally {
    await server.close();
  }
}

const example: Shot[] = Object.entries(PAGES).flatMap(([name, path]) =>
  WIDTHS.flatMap((width) =>
    SCHEMES.map((colorScheme) => ({
      path,
      width,
      colorScheme,
      files: [
        { file: `screenshots/${name}-${width}-${colorScheme}.png`, fullPage: true },
        ...(name === 'home' && width === 1280 && colorScheme === 'light'
          ? [{ file: 'screenshot.png', fullPage: false }]
          : []),
      ],
    })),
  ),
);

// Built at 13:30 UTC (08:30 EST): next build due by 09:30 EST, stale from 10:00 EST; a minute before that and a minute after.
const READER_CLOCKS = { before: '2022-12-28T14:59:00Z', after: '2022-12-28T15:01:00Z' } as const;
const freshness: Shot[] = Object.entries(READER_CLOCKS).flatMap(([moment, readerClock]) =>
  [true, false].map((javaScript) => ({
    path: PAGES.home,
    width: 360,
    colorScheme: 'light' as const,
    javaScript,
    readerClock,
    files: [{ file: `freshness/home-360-${moment}-js-${javaScript ? 'on' : 'off'}.png`, fullPage: false }],
  })),
);

mkdirSync(resolve(DOCS, 'screenshots'), { recursive: true });
mkdirSync(resolve(DOCS, 'freshness'), { recursive: true });
const browser = await launchChromium();
try {
  await shoot(browser, { name: 'screenshots', siteDir: CHIRP, now: '2022-12-28T13:30:00Z' }, [
    ...example,
    ...freshness,
  ]);
  for (const locale of ['ja', 'ar']) {
    const fixture = TARGETS.find((target) => target.name === locale)!;
    await shoot(browser, { ...fixture, name: `screenshots-${locale}` }, [
      { path: '/', width: 1280, colorScheme: 'light', files: [{ file: `home-${locale}.png`, fullPage: false }] },
    ]);
  }
} finally {
  await browser.close();
}
