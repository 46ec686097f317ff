import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { buildSiteAsync, REPO, ROOT, type BuildTarget } from './helpers/build.ts';

/*
 * Two `astro build`s at once from one checkout, each its own site
 * (STATUS_SITE_DIR) and its own output folder outside the checkout, with
 * Astro's default cache folder: neither shares a scratch folder with the
 * other (Astro puts its prerender chunks under <checkout>/.astro/ when the
 * output folder is outside it), so both succeed and both outputs are whole.
 */

const out = mkdtempSync(join(tmpdir(), 'status-concurrent-builds-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

const sites: BuildTarget[] = [
  { name: 'concurrent-basic', siteDir: resolve(ROOT, 'tests/fixtures/basic'), now: '2022-12-28T13:00:00Z' },
  { name: 'concurrent-ar', siteDir: resolve(ROOT, 'tests/fixtures/ar'), now: '2022-12-28T13:00:00Z' },
];

/** Every file under `dir`, relative to it. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

test('two builds at once, different sites and output folders outside the checkout: both succeed, both whole', async () => {
  const builds = await Promise.all(
    sites.map((site) => buildSiteAsync(site, { outDir: join(out, site.name), cacheDir: null })),
  );
  for (const build of builds) expect(build.output).not.toMatch(/error|Cannot find module/i);
  expect(builds.map((build) => build.status)).toEqual([0, 0]);
  const [basic, ar] = sites.map((site) => join(out, site.name));
  for (const [dir, incidents] of [
    [basic!, ['older', 'outage', 'upgrade']],
    [ar!, ['older', 'outage', 'upgrade', 'web-down']],
  ] as const) {
    const files = filesUnder(dir);
    for (const file of [
      'index.html',
      'rss.xml',
      'api/v2/summary.json',
      'api/v2/notify-index.json',
      'sitemap-index.xml',
    ])
      expect(files).toContain(file);
    for (const id of incidents) expect(files).toContain(`incidents/${id}/index.html`);
    expect(files.filter((file) => file.includes('.prerender'))).toEqual([]);
    expect(existsSync(`${dir}.staging`)).toBe(false);
  }
  // Each output is its own site's: the Arabic one in Arabic, the other in English.
  expect(readFileSync(join(ar!, 'index.html'), 'utf8')).toContain('lang="ar"');
  expect(readFileSync(join(basic!, 'index.html'), 'utf8')).toContain('lang="en"');
  expect(readdirSync(join(basic!, 'incidents')).sort()).toEqual(['older', 'outage', 'upgrade']);
  // Nothing left behind in the checkout.
  expect(existsSync(join(REPO, '.astro', '.prerender'))).toBe(false);
}, 240_000);
