import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { outDir, TARGETS } from './helpers/build.ts';
import { BUILD_SCRIPT, copySite, runScript } from './helpers/site-copy.ts';

// `npm run build` renders from its check (src/astro/checked-site.ts): the files
// are parsed, validated and rendered once, and Astro's content loader never
// runs. The pages must be the ones a bare `astro build`, which reads the files
// through the loader, makes of the same site (global setup built it).
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

test('npm run build makes, from the checked site, the same pages byte for byte as a build that reads the files', { timeout: 120_000 }, async () => {
  const target = TARGETS.find((candidate) => candidate.name === 'basic-mid-outage')!;
  const dir = copySite('basic', 'build-once');
  const out = join(dir, 'dist');
  const cache = join(dir, '.cache');
  const build = await runScript([BUILD_SCRIPT, '--silent'], { STATUS_SITE_DIR: dir, STATUS_NOW: target.now, STATUS_OUT_DIR: out, STATUS_CACHE_DIR: cache });
  expect(build.code, build.output).toBe(0);
  // The content layer never ran: no store was written.
  expect(existsSync(join(cache, 'data-store.json'))).toBe(false);
  const expected = files(outDir(target.name));
  expect(files(out)).toEqual(expected);
  const differing = expected.filter((file) => !readFileSync(join(out, file)).equals(readFileSync(join(outDir(target.name), file))));
  expect(differing).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

test('npm run build refuses a flag it does not know, naming the ones it takes', async () => {
  const dir = copySite('basic', 'build-flag');
  const run = await runScript([BUILD_SCRIPT, '--outdir=elsewhere'], { STATUS_SITE_DIR: dir, STATUS_OUT_DIR: join(dir, 'dist') });
  expect(run.code).toBe(1);
  expect(run.output).toContain("Unknown option '--outdir'");
  expect(run.output).toContain('npm run build takes --silent, --verbose or --force');
  expect(existsSync(join(dir, 'dist'))).toBe(false);
  rmSync(dir, { recursive: true, force: true });
});
