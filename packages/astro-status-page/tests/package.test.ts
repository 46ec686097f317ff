/**
 * The engine as adopters get it, end to end and offline: `npm pack`, a fresh
 * site made by `status init` in a folder outside the repository, the tarball
 * installed there, its `npm test` and `npm run build`; then a bumped version
 * packed and installed, and the site built again: none of the site's own
 * files change, and neither does a page. (npm installs from its cache; a
 * `file:` tarball stands in for the registry's next version.)
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { initSite, installEngine, packEngine, runIn, type Packed } from './helpers/package.ts';

const work = mkdtempSync(join(tmpdir(), 'status-package-'));
const site = join(work, 'acme-status');
const NOW = '2024-05-02T09:00:00Z';

/** Every file of the site but what npm installs, with its bytes. */
const siteFiles = () =>
  Object.fromEntries(
    readdirSync(site, { recursive: true, withFileTypes: true })
      .filter(
        (entry) =>
          entry.isFile() && !/(^|[\\/])(node_modules|dist|\.astro)([\\/]|$)/.test(relative(site, entry.parentPath)),
      )
      .map((entry) => [
        relative(site, join(entry.parentPath, entry.name)),
        readFileSync(join(entry.parentPath, entry.name), 'utf8'),
      ]),
  );
const pages = (dir: string) =>
  Object.fromEntries(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => [
        relative(dir, join(entry.parentPath, entry.name)),
        readFileSync(join(entry.parentPath, entry.name), 'utf8'),
      ]),
  );

let first: Packed;
let firstBuild: Record<string, string>;

beforeAll(() => {
  first = packEngine(work, '0.2.0');
  // The newcomer's one command, from the packed engine's bin; the tarball stands in for the registry's 0.2.0.
  initSite(site, first, [
    '--name',
    'Acme',
    '--url',
    'https://status.acme.example',
    '--timezone',
    'Europe/Berlin',
    '--locale',
    'de',
    '--component',
    'web=Website',
    '--component',
    'api=API',
    '--component',
    'mail=E-Mail',
    '--group',
    'Dienste: web,api',
  ]);
}, 300_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

test('the tarball holds the engine and no tests, fixtures or bench', () => {
  const paths = first.files.map((file) => file.path);
  expect(paths).toContain('dist/index.js');
  expect(paths).toContain('dist/cli/bin.js');
  expect(paths).toContain('src/routes/index.astro');
  // The subscriptions service, with what it imports from src/: a site deploys the version it builds with.
  for (const path of [
    'subscriptions/worker.ts',
    'subscriptions/wrangler.jsonc',
    'subscriptions/migrations/0001_subscriptions.sql',
  ])
    expect(paths).toContain(path);
  expect(paths.filter((path) => /(^|\/)(tests?|fixtures|bench)\/|\.test\.[jt]s$/.test(path))).toEqual([]);
  console.log(
    `astro-status-page tarball: ${(first.size / 1024).toFixed(0)} KiB packed, ${(first.unpackedSize / 1024).toFixed(0)} KiB unpacked, ${paths.length} files`,
  );
});

test("the fresh site's npm test and npm run build pass with the installed tarball", () => {
  expect(runIn(site, 'npm', ['test']).status).toBe(0);
  runIn(site, 'npm', ['run', 'build'], { STATUS_NOW: NOW });
  firstBuild = pages(join(site, 'dist'));
  expect(firstBuild['index.html']).toContain('Alle Systeme');
  // E-Mail, in no group, is in the one init names as the page names its components: said once, not twice.
  expect(firstBuild['index.html']!.match(/<h[23]\b[^>]*>(<bdi>)?(Dienste|Komponenten)\b/g)).toEqual([
    expect.stringContaining('Komponenten'),
    expect.stringContaining('Dienste'),
  ]);
  expect(Object.values(siteFiles()).join('\n')).not.toMatch(/chirp|twitter|musk/i);
}, 120_000);

test('a bumped version installs and builds the same pages, and no file of the site changes', () => {
  const before = siteFiles();
  installEngine(site, packEngine(work, '0.2.1'));
  const installed = JSON.parse(readFileSync(join(site, 'node_modules/astro-status-page/package.json'), 'utf8')) as {
    version: string;
  };
  expect(installed.version).toBe('0.2.1');
  runIn(site, 'npm', ['run', 'build'], { STATUS_NOW: NOW });
  const after = siteFiles();
  const changed = Object.keys(after).filter((file) => after[file] !== before[file]);
  // Only npm's record of the dependency moves, as `npm update` would move it.
  expect(changed.sort()).toEqual(['package-lock.json', 'package.json']);
  expect(pages(join(site, 'dist'))).toEqual(firstBuild);
}, 300_000);
