import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildFolders, resolveOptions } from './options.ts';

const root = mkdtempSync(join(tmpdir(), 'status-options-'));
writeFileSync(join(root, 'tokens.css'), ':root { --link: red; }\n');

describe('statusPage() options', () => {
  test.each([
    [{}, ''],
    [{ base: '/status' }, '/status'],
    [{ base: '/status/' }, '/status'],
    [{ base: '/help/status' }, '/help/status'],
  ])('base %j is the path %j', (options, base) => {
    expect(resolveOptions(options, root).base).toBe(base);
  });

  test.each(['status', '/sta tus', '/../x', 'https://example.com/status'])(
    'base %j is refused, saying what a base is',
    (base) => {
      expect(() => resolveOptions({ base }, root)).toThrow(/base is a path such as '\/status'/);
    },
  );

  test('customCss resolves from the project root, and names a missing file or a file that is not CSS', () => {
    expect(resolveOptions({ customCss: ['./tokens.css'] }, root).customCss).toEqual([join(root, 'tokens.css')]);
    expect(() => resolveOptions({ customCss: ['./missing.css'] }, root)).toThrow(
      `there is no file ${join(root, 'missing.css')}`,
    );
    expect(() => resolveOptions({ customCss: ['./tokens.scss'] }, root)).toThrow('customCss lists .css files');
  });
});

describe('the folders of one build', () => {
  const cwd = '/work/site';
  const cache = '/work/site/node_modules/.astro';
  test('an output folder inside the working directory stages beside itself (Astro keeps its chunks in it)', () => {
    expect(buildFolders('/work/site/dist', '/work/site', cwd, cache).staging).toBe('/work/site/dist.staging');
  });
  test('one outside stages in a folder of its own under .astro/, one per output folder', () => {
    const a = buildFolders('/tmp/a', '/work/site', cwd, cache).staging;
    const b = buildFolders('/tmp/b', '/work/site', cwd, cache).staging;
    expect(a).toMatch(/^\/work\/site\/\.astro\/status-builds\/[0-9a-f]{16}\/staging$/);
    expect(b).not.toBe(a);
    expect(buildFolders('/work/sitex/dist', '/work/site', cwd, cache).staging).not.toBe('/work/sitex/dist.staging');
  });
  test('the cache is one per site and output folder, the same for the same build', () => {
    const caches = [
      ['/work/site/dist', '/work/site'],
      ['/work/site/dist', '/work/other'],
      ['/work/site/out', '/work/site'],
    ].map(([out, site]) => buildFolders(out!, site!, cwd, cache).cacheDir);
    expect(new Set(caches).size).toBe(3);
    for (const dir of caches) expect(dir.startsWith(`${cache}/status-builds/`)).toBe(true);
    expect(buildFolders('/work/site/dist', '/work/site', cwd, cache).cacheDir).toBe(caches[0]);
  });
});
