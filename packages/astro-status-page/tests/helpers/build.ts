import { spawn, spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { LOCALES } from '../../src/i18n/locales.ts';
import { childEnv } from './child-env.ts';

/** The engine's package folder: src/, tests/, bench/. */
export const ROOT = resolve(import.meta.dirname, '../..');
/** The repository: the example site's Astro project (astro.config.mjs with statusPage()), node_modules, the workflows. */
export const REPO = resolve(ROOT, '../..');
/** The example's content as the engine's tests know it: a fixture, so the example itself may change. */
export const CHIRP = resolve(ROOT, 'tests/fixtures/chirp');
/** What `status init` copies into a new site as it is (workflows, templates, public/…): the one owner of those files, which the example copies. */
export const SITE_TEMPLATE = resolve(ROOT, 'site-template');
/** The staff CLI, run from its source as Node 24 runs TypeScript. */
export const STATUS_CLI = resolve(ROOT, 'src/cli/bin.ts');
export const TMP = resolve(ROOT, 'tests/.tmp');

/** A site to build for the tests: a folder (config + incidents) at a fixed "now". */
export interface BuildTarget {
  name: string;
  siteDir: string;
  now: string;
  base?: string;
  /** Generate this many synthetic incidents into `siteDir` first (bench/generate.ts). */
  synthetic?: number;
  /** Copy this site (config and incidents) into `siteDir` first, adding `config` lines to its status.config.yaml. */
  variantOf?: { siteDir: string; config: string };
}

export const outDir = (name: string) => resolve(TMP, name, 'dist');

/** Where a build writes: its output folder, and its Astro cache folder (`null`: Astro's own default). */
export interface BuildPlaces {
  outDir?: string;
  cacheDir?: string | null;
}

/** The command line and environment of `astro build` for a target, as `npm run build` runs it (in the example's project). */
function buildCommand(target: BuildTarget, places: BuildPlaces = {}) {
  // Vitest exports BASE_URL=/ to its process; a build that inherits it ignores STATUS_BASE.
  const args = [resolve(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'];
  const env = {
    ...childEnv(),
    ASTRO_TELEMETRY_DISABLED: '1',
    STATUS_SITE_DIR: target.siteDir,
    STATUS_NOW: target.now,
    STATUS_OUT_DIR: places.outDir ?? outDir(target.name),
    ...(places.cacheDir === null ? {} : { STATUS_CACHE_DIR: places.cacheDir ?? resolve(TMP, target.name, 'cache') }),
    ...(target.base ? { STATUS_BASE: target.base } : {}),
  };
  return { args, options: { cwd: REPO, env } };
}

/** Run `astro build` in a child process; returns its exit code and output. */
export function buildSite(target: BuildTarget): { status: number | null; output: string } {
  const { args, options } = buildCommand(target);
  const result = spawnSync(process.execPath, args, { ...options, encoding: 'utf8' });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

/** The same build without blocking, so the global setup can run two at once (each target has its own out and cache folders). */
export function buildSiteAsync(
  target: BuildTarget,
  places: BuildPlaces = {},
): Promise<{ status: number | null; output: string }> {
  const { args, options } = buildCommand(target, places);
  return new Promise((done) => {
    const child = spawn(process.execPath, args, options);
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('close', (status) => done({ status, output }));
  });
}

/** The languages of the interface without a fixture of their own (en is the example's, ja and ar have theirs). */
export const OTHER_LOCALES = LOCALES.filter((locale) => !['en', 'ja', 'ar'].includes(locale));
export const localeBuild = (locale: string) => `basic-${locale}`;
/** The other host the OTHER_LOCALES builds name. */
export const LOCALE_MIRROR = 'https://mirror.fixture.example/';

/** Every build the suites read, made once before they run. */
export const TARGETS: BuildTarget[] = [
  // Page sizes at scale: fifty components, and a 300-incident synthetic history.
  { name: 'many-components', siteDir: resolve(ROOT, 'tests/fixtures/many-components'), now: '2024-03-15T12:00:00Z' },
  { name: 'synthetic-300', siteDir: resolve(TMP, 'synthetic-300/site'), now: '2026-06-01T12:00:00Z', synthetic: 300 },
  { name: 'example-mid-outage', siteDir: CHIRP, now: '2022-12-28T13:30:00Z' },
  // The example recovering (monitoring: login and posting degraded) and the day after, once the postmortem is out.
  { name: 'example-monitoring', siteDir: CHIRP, now: '2022-12-28T14:00:00Z' },
  { name: 'example-next-day', siteDir: CHIRP, now: '2022-12-29T18:00:00Z' },
  // As a GitHub Pages project site is served: under /status/.
  { name: 'example-base', siteDir: CHIRP, now: '2022-12-28T13:30:00Z', base: '/status/' },
  { name: 'basic-mid-outage', siteDir: resolve(ROOT, 'tests/fixtures/basic'), now: '2022-12-28T13:00:00Z' },
  { name: 'basic-resolved', siteDir: resolve(ROOT, 'tests/fixtures/basic'), now: '2022-12-29T00:00:00Z' },
  { name: 'basic-maintenance', siteDir: resolve(ROOT, 'tests/fixtures/basic'), now: '2022-12-30T03:00:00Z' },
  { name: 'hostile', siteDir: resolve(ROOT, 'tests/fixtures/hostile'), now: '2023-01-01T00:00:00Z' },
  // The basic fixture in Japanese (Tokyo) and Arabic (Riyadh, right to left), mid-outage.
  { name: 'ja', siteDir: resolve(ROOT, 'tests/fixtures/ja'), now: '2022-12-28T13:00:00Z' },
  { name: 'ar', siteDir: resolve(ROOT, 'tests/fixtures/ar'), now: '2022-12-28T13:00:00Z' },
  // Nine components through six updates in Santiago, where 4 Sep 2023 follows a midnight that did not exist.
  { name: 'heavy', siteDir: resolve(ROOT, 'tests/fixtures/heavy'), now: '2023-09-04T05:30:00Z' },
  // The basic fixture in each language no build above is in (UTC, with a mirror), mid-outage: what every language shows a reader of a stale page.
  ...OTHER_LOCALES.map((locale) => ({
    name: localeBuild(locale),
    siteDir: resolve(TMP, localeBuild(locale), 'site'),
    now: '2022-12-28T13:00:00Z',
    variantOf: {
      siteDir: resolve(ROOT, 'tests/fixtures/basic'),
      config: `locale: ${locale}\nmirrors:\n  - ${LOCALE_MIRROR}\n`,
    },
  })),
];
