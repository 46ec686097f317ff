import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { outDir } from './helpers/build.ts';
import { launchChromium } from './helpers/browser.ts';
import { serveStatic } from './helpers/static-server.ts';

let browser: Browser;
let site: { url: string; close: () => Promise<void> };
let widgetHost: Server;
let widgetUrl: string;

/** A third party's page on another origin (a second port), as a status widget would be. */
const WIDGET_PAGE = '<!doctype html><title>Widget</title><p>Widget</p>';

beforeAll(async () => {
  site = await serveStatic(outDir('example-mid-outage'), '/', { hostHeaders: true });
  widgetHost = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(WIDGET_PAGE);
  });
  await new Promise<void>((resolve) => widgetHost.listen(0, '127.0.0.1', resolve));
  widgetUrl = `http://127.0.0.1:${(widgetHost.address() as AddressInfo).port}/`;
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await site?.close();
  await new Promise((resolve) => widgetHost?.close(resolve));
});

/** What a script on the widget page gets when it fetches `path` from the status site. */
async function fetchFromWidget(path: string): Promise<{ ok: boolean; text: string }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(widgetUrl);
  const result = await page.evaluate(async (url) => {
    try {
      const response = await fetch(url);
      return { ok: response.ok, text: await response.text() };
    } catch (error) {
      return { ok: false, text: String(error) };
    }
  }, `${site.url}${path}`);
  await context.close();
  return result;
}

test('a page on another origin reads summary.json with the headers of _headers', async () => {
  expect(new URL(widgetUrl).origin).not.toBe(new URL(site.url).origin);
  const { ok, text } = await fetchFromWidget('/api/v2/summary.json');
  expect(ok).toBe(true);
  const summary = JSON.parse(text) as { page: { name: string }; status: { description: string } };
  expect(summary.page.name).toBe('Chirp');
  expect(summary.status.description).toBe('Major System Outage');
});

test('feeds, the calendar and badges are readable from another origin too; pages are not', async () => {
  for (const path of ['/rss.xml', '/history.atom', '/maintenance.ics', '/badge.svg', '/components/web/atom.xml']) {
    expect((await fetchFromWidget(path)).ok, path).toBe(true);
  }
  const blocked = await fetchFromWidget('/history/');
  expect(blocked.ok).toBe(false);
  expect(blocked.text).toMatch(/Failed to fetch/);
});
