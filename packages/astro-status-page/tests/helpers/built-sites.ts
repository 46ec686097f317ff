import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { outDir } from './build.ts';
import { launchChromium } from './browser.ts';
import { serveStatic } from './static-server.ts';

/**
 * Serve these builds on 127.0.0.1 and launch Chromium for the suite (before
 * its tests, closed after). `open` loads a page of one build in a fresh
 * context, JavaScript off unless the options turn it on.
 */
export function serveBuilds(builds: readonly string[]) {
  let browser: Browser;
  const sites: Record<string, { url: string; close: () => Promise<void> }> = {};

  beforeAll(async () => {
    for (const build of builds) sites[build] = await serveStatic(outDir(build));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all(Object.values(sites).map((site) => site.close()));
  });

  return async function open(
    build: string,
    path: string,
    options: BrowserContextOptions = {},
  ): Promise<{ page: Page; close: () => Promise<void> }> {
    const context = await browser.newContext({ javaScriptEnabled: false, ...options });
    const page = await context.newPage();
    await page.goto(`${sites[build]!.url}${path}`);
    return { page, close: () => context.close() };
  };
}
