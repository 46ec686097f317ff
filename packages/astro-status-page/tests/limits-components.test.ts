import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, test } from 'vitest';
import { seededRandom } from '../bench/generate.ts';
import { LIMITS } from '../src/rules/limits.ts';
import { buildSite, outDir, TMP } from './helpers/build.ts';
import { statusIn } from './helpers/import.ts';
import { page, text } from './helpers/pages.ts';
import { launchChromium } from './helpers/browser.ts';
import { axeViolations } from './helpers/axe.ts';
import { serveStatic } from './helpers/static-server.ts';
import { smallTargets } from './helpers/target-size.ts';

/*
 * A page at its component limit (LIMITS.components, 500): ten groups of
 * fifty, named as estates name them (regions, services, hosts), and a small
 * month of incidents across them. The home page stays within its 50 KB
 * gzipped budget, and one component more is refused by check.
 */

const NOW = Date.parse('2024-06-01T12:00:00Z');
const REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-south-1',
  'ap-northeast-1',
  'sa-east-1',
  'ca-central-1',
  'af-south-1',
  'me-south-1',
];
const SERVICES = ['API', 'Web', 'Auth', 'Search', 'Storage', 'Queue', 'Cache', 'Database', 'CDN', 'Email'];
const site = resolve(TMP, 'limits-components/site');

function config(count: number): string {
  const lines = ['name: Estate', 'url: https://status.estate.example', 'groups:'];
  for (let i = 0; i < count; i++) {
    if (i % 50 === 0)
      lines.push(`  - name: ${REGIONS[i / 50]} (${(i / 50) % 2 ? 'replicas' : 'primary'})`, '    components:');
    const region = REGIONS[Math.floor(i / 50)];
    lines.push(`      - id: c${i}`, `        name: ${SERVICES[i % 10]} ${region} node ${String(i).padStart(3, '0')}`);
  }
  return `${lines.join('\n')}\n`;
}

beforeAll(() => {
  const random = seededRandom(500);
  rmSync(site, { recursive: true, force: true });
  mkdirSync(join(site, 'incidents'), { recursive: true });
  writeFileSync(join(site, 'status.config.yaml'), config(LIMITS.components));
  // Twenty incidents over the month, each on three components; two still open.
  for (let i = 0; i < 20; i++) {
    const start = NOW - (i * 36 + 2) * 3_600_000;
    const components = [0, 1, 2].map(() => `  c${Math.floor(random() * LIMITS.components)}: partial_outage`);
    const updates = [
      `  - at: ${new Date(start).toISOString()}\n    status: investigating\n    message: Errors in one region.`,
    ];
    if (i >= 2)
      updates.push(`  - at: ${new Date(start + 3_600_000).toISOString()}\n    status: resolved\n    message: Fixed.`);
    writeFileSync(
      join(site, `incidents/incident-${i}.md`),
      `---\ntitle: Errors on node ${i}\nimpact: minor\ncomponents:\n${[...new Set(components)].join('\n')}\nupdates:\n${updates.join('\n')}\n---\n`,
    );
  }
  const { status, output } = buildSite({ name: 'limits-components', siteDir: site, now: new Date(NOW).toISOString() });
  if (status !== 0) throw new Error(output);
}, 600_000);

test(`with ${LIMITS.components} components the home page stays within its 50 KB gzipped budget`, () => {
  const html = readFileSync(join(outDir('limits-components'), 'index.html'));
  expect(gzipSync(html).length).toBeLessThanOrEqual(50 * 1024);
  // Not only gzip's doing: what a phone parses stays small too.
  expect(html.length).toBeLessThanOrEqual(400 * 1024);
});

test('each large group says its worst status, shows what is not operational with its bar, and folds the rest as links', () => {
  const home = page('limits-components', '/');
  const groups = home.querySelectorAll('#components ~ section');
  expect(groups).toHaveLength(10);
  const open = new Set(
    [...home.querySelectorAll('li.row .name')].map((link) => link.getAttribute('href')!.split('/')[2]!),
  );
  // The two open incidents' components, each with its bar; the other 490-odd folded.
  expect(open.size).toBeGreaterThan(0);
  expect(open.size).toBeLessThanOrEqual(6);
  const folded = [...home.querySelectorAll('details.folded li a')].map((link) => link.getAttribute('href')!);
  expect(folded.length + open.size).toBe(LIMITS.components);
  for (const href of folded) expect(href).toMatch(/^\/components\/c\d+\/$/);
  for (const group of groups) {
    const worst = text(group.querySelector('h3 .label'));
    const hasOpen = group.querySelector('li.row') !== null;
    expect(worst).toBe(hasOpen ? '◆ Partial outage' : '✓ Operational');
    expect(text(group.querySelector('details summary'))).toMatch(
      hasOpen ? /^\d+ more components, all operational$/ : /^50 components, all operational$/,
    );
  }
});

test(`one component more than ${LIMITS.components} is refused by check, naming the file and the component`, () => {
  const over = resolve(TMP, 'limits-components/over');
  mkdirSync(join(over, 'incidents'), { recursive: true });
  writeFileSync(join(over, 'status.config.yaml'), config(LIMITS.components + 1));
  const { code, out, err } = statusIn(over, ['check']);
  expect(code).toBe(1);
  expect(`${out}${err}`).toContain(
    `status.config.yaml:1026: groups.10.components.0: more than ${LIMITS.components} components (this is the ${LIMITS.components + 1}st, "c500")`,
  );
});

test('the folded lists open without JavaScript, and pass axe and the target sizes at 360 px and in dark mode', async () => {
  const [site, browser] = await Promise.all([serveStatic(outDir('limits-components')), launchChromium()]);
  try {
    for (const options of [
      { viewport: { width: 360, height: 800 }, colorScheme: 'light' as const },
      { viewport: { width: 1280, height: 800 }, colorScheme: 'dark' as const },
    ]) {
      const context = await browser.newContext({ ...options, javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${site.url}/`);
      await page.locator('details.folded summary').first().click();
      expect(await page.locator('details.folded').first().getAttribute('open')).toBe('');
      expect(await page.locator('details.folded li a').first().isVisible()).toBe(true);
      // On a phone every target is a finger's (a bar's day marks too); with a mouse the marks are aimed at, 8 px wide.
      if (options.viewport.width === 360) expect(await smallTargets(page)).toEqual([]);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth)).toBeLessThanOrEqual(
        options.viewport.width,
      );
      await context.close();
      // axe runs as a script in the page.
      const scripted = await browser.newContext({ ...options, javaScriptEnabled: true });
      const checked = await scripted.newPage();
      await checked.goto(`${site.url}/`);
      await checked.locator('details.folded summary').first().click();
      expect(await axeViolations(checked)).toEqual([]);
      await scripted.close();
    }
  } finally {
    await browser.close();
    await site.close();
  }
});
