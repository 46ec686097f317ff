import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildSite, outDir, ROOT } from '../tests/helpers/build.ts';
import { launchChromium } from '../tests/helpers/browser.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

/**
 * `npm run screenshots`: build the example site mid-outage (13:30 UTC on
 * 28 December 2022), serve it, and save each kind of page at phone and
 * desktop widths, light and dark, under docs/screenshots/ as
 * `<page>-<width>-<scheme>.png`; the desktop light home page is also the
 * README's docs/screenshot.png. JavaScript is off, as for a reader without it.
 */

const PAGES = {
  home: '/',
  incident: '/incidents/2022-12-28-login-and-posting-failing/',
  component: '/components/web/',
  subscribe: '/subscribe/',
} as const;
const WIDTHS = [360, 1280] as const;
const SCHEMES = ['light', 'dark'] as const;
const DOCS = resolve(ROOT, 'docs');

const build = 'screenshots';
const built = buildSite({ name: build, siteDir: ROOT, now: '2022-12-28T13:30:00Z' });
if (built.status !== 0) throw new Error(`Build failed:\n${built.output}`);
const server = await serveStatic(outDir(build));
const browser = await launchChromium();
try {
  mkdirSync(resolve(DOCS, 'screenshots'), { recursive: true });
  for (const [name, path] of Object.entries(PAGES)) {
    for (const width of WIDTHS) {
      for (const colorScheme of SCHEMES) {
        const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: width < 600 ? 740 : 900 }, colorScheme });
        const page = await context.newPage();
        await page.goto(`${server.url}${path}`);
        const file = resolve(DOCS, 'screenshots', `${name}-${width}-${colorScheme}.png`);
        await page.screenshot({ path: file, fullPage: true });
        if (name === 'home' && width === 1280 && colorScheme === 'light') await page.screenshot({ path: resolve(DOCS, 'screenshot.png') });
        console.log(file.slice(ROOT.length + 1));
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.close();
}
