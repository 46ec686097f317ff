import { parse, type HTMLElement } from 'node-html-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { stepPath, SUBSCRIPTION_STEPS } from '../src/rules/subscriptions.ts';
import { outDir } from './helpers/build.ts';
import { builtPages } from './helpers/pages.ts';
import { serveStatic } from './helpers/static-server.ts';

const SITE = 'https://status.chirp.example';

interface Crawl {
  /** Every internal URL path reached from the home page, with its HTTP status. */
  statuses: Map<string, number>;
  /** Links that point inside the site's origin but outside its base path. */
  outsideBase: string[];
  /** Links to a place in a page (`/components/web/#day-2022-12-28`) whose page has no element with that id. */
  missingTargets: string[];
  /** Every link to a place in a page, as "from → to#id". */
  fragmentLinks: string[];
}

/** Internal links of a page (its parsed HTML) or feed (RSS text), as URLs; external links are dropped. */
function linksOf(document: HTMLElement | string, pageUrl: string): URL[] {
  const urls =
    typeof document === 'string'
      ? [...document.matchAll(/<(?:link|loc)>([^<]+)<\/(?:link|loc)>/g)].map((match) => match[1]!)
      : document
          .querySelectorAll('[href], [src]')
          .map((element) => element.getAttribute('href') ?? element.getAttribute('src') ?? '');
  return urls.flatMap((raw) => {
    const url = new URL(raw, pageUrl);
    // Feeds and canonical links are absolute on the public site URL; read them as this server's.
    return url.origin === new URL(pageUrl).origin || url.origin === SITE ? [url] : [];
  });
}

/** Follow every internal link, feed link and asset from the home page, breadth first. */
async function crawl(server: string, base: string): Promise<Crawl> {
  const statuses = new Map<string, number>();
  const outsideBase: string[] = [];
  const ids = new Map<string, Set<string>>();
  const fragments: Array<{ from: string; page: string; id: string }> = [];
  const queue = [base];
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (statuses.has(path)) continue;
    const response = await fetch(`${server}${path}`);
    statuses.set(path, response.status);
    const type = response.headers.get('content-type') ?? '';
    if (!type.includes('html') && !type.includes('xml')) continue;
    const body = await response.text();
    const html = type.includes('html') ? parse(body) : null;
    if (html) ids.set(path, new Set(html.querySelectorAll('[id]').map((element) => element.id)));
    for (const { pathname: link, hash } of linksOf(html ?? body, `${server}${path}`)) {
      if (hash) fragments.push({ from: path, page: link, id: decodeURIComponent(hash.slice(1)) });
      if (!link.startsWith(base)) outsideBase.push(`${path} → ${link}`);
      else if (!statuses.has(link)) queue.push(link);
    }
  }
  const describeLink = ({ from, page, id }: (typeof fragments)[number]) => `${from} → ${page}#${id}`;
  return {
    statuses,
    outsideBase,
    missingTargets: fragments.filter(({ page, id }) => !ids.get(page)?.has(id)).map(describeLink),
    fragmentLinks: fragments.map(describeLink),
  };
}

describe.each([
  { build: 'example-mid-outage', base: '/' },
  { build: 'example-base', base: '/status/' },
])('the example site served under $base', ({ build, base }) => {
  let server: { url: string; close: () => Promise<void> };
  let result: Crawl;

  beforeAll(async () => {
    server = await serveStatic(outDir(build), base);
    result = await crawl(server.url, base);
  });
  afterAll(() => server?.close());

  test('every internal link, feed link and asset resolves, and none leaves the base path', () => {
    const broken = [...result.statuses]
      .filter(([, status]) => status !== 200)
      .map(([path, status]) => `${path}: ${status}`);
    expect(broken).toEqual([]);
    expect(result.outsideBase).toEqual([]);
    expect(result.statuses.size).toBeGreaterThan(20);
    expect(result.fragmentLinks).toContain(`${base} → ${base}components/web/#day-2022-12-28`);
    expect(result.missingTargets).toEqual([]);
    expect([...result.statuses.keys()]).toEqual(
      expect.arrayContaining([`${base}rss.xml`, `${base}components/web/rss.xml`, `${base}chirp-logo.svg`]),
    );
  });

  test('no page is orphaned: every built page is reachable from the home page', () => {
    // The subscriptions service's 303s lead to its step pages ("check your inbox"…), no link does.
    const reachedFromTheService = new Set(SUBSCRIPTION_STEPS.map(stepPath));
    const pages = builtPages(build)
      .filter((page) => page !== '/404.html' && !reachedFromTheService.has(page))
      .map((page) => `${base.replace(/\/$/, '')}${page}`);
    const orphans = pages.filter((page) => !result.statuses.has(page));
    expect(pages.length).toBeGreaterThan(15);
    expect(orphans).toEqual([]);
  });

  test('sitemap-index.xml lists every page, at its public URL', async () => {
    const index = await (await fetch(`${server.url}${base}sitemap-index.xml`)).text();
    const sitemaps = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => new URL(match[1]!).pathname);
    expect(sitemaps.length).toBeGreaterThan(0);
    const listed = (
      await Promise.all(
        sitemaps.map(async (path) =>
          [...(await (await fetch(`${server.url}${path}`)).text()).matchAll(/<loc>([^<]+)<\/loc>/g)].map(
            (match) => match[1]!,
          ),
        ),
      )
    ).flat();
    // The subscriptions step pages answer the service's redirects: not for search engines.
    const reachedFromTheService = new Set(SUBSCRIPTION_STEPS.map(stepPath));
    const pages = builtPages(build)
      .filter((page) => page !== '/404.html' && !reachedFromTheService.has(page))
      .map((page) => `${SITE}${base.replace(/\/$/, '')}${page}`);
    expect(listed.sort()).toEqual(pages.sort());
  });
});
