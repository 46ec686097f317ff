import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { outDir, TARGETS } from './helpers/build.ts';
import { BUILD_SCRIPT, copySite, runScript } from './helpers/site-copy.ts';

// `npm run build` renders from the integration's one check (src/site/checked-site.ts):
// the files are parsed, validated and rendered once, and the content loader of
// the site's src/content.config.ts skips the folder the check read. A copy of a
// fixture must build to the very pages the global setup built from the fixture.
const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

test(
  'npm run build renders from its one check, the content loader storing nothing, and a copy builds to the same pages byte for byte',
  { timeout: 120_000 },
  async () => {
    const target = TARGETS.find((candidate) => candidate.name === 'basic-mid-outage')!;
    const dir = copySite('basic', 'build-once');
    const out = join(dir, 'dist');
    const cache = join(dir, '.cache');
    const build = await runScript([BUILD_SCRIPT, 'build', '--silent'], {
      STATUS_SITE_DIR: dir,
      STATUS_NOW: target.now,
      STATUS_OUT_DIR: out,
      STATUS_CACHE_DIR: cache,
    });
    expect(build.code, build.output).toBe(0);
    // The loader read no incident: the store holds none of the fixture's slugs.
    const store = readFileSync(join(cache, 'data-store.json'), 'utf8');
    expect(store).not.toContain('incidents/outage.md');
    expect(readdirSync(join(dir, 'incidents'), { recursive: true }).length).toBeGreaterThan(0);
    const expected = files(outDir(target.name));
    expect(files(out)).toEqual(expected);
    const differing = expected.filter(
      (file) => !readFileSync(join(out, file)).equals(readFileSync(join(outDir(target.name), file))),
    );
    expect(differing).toEqual([]);
    rmSync(dir, { recursive: true, force: true });
  },
);
