import { cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, expect, test } from 'vitest';
import { buildSite, ROOT, TMP, type BuildTarget } from './helpers/build.ts';
import { builtPages, page, text } from './helpers/pages.ts';

// The loader reuses entries of unchanged files from the previous build's store
// (src/astro/incidents-loader.ts). A rebuild with the same cache must still show
// every added, edited and deleted file exactly as a cold build would.
const target: BuildTarget = {
  name: 'incremental',
  siteDir: resolve(TMP, 'incremental/site'),
  now: '2022-12-29T00:00:00Z',
};
const incident = (name: string) => join(target.siteDir, 'incidents', name);

beforeAll(() => {
  rmSync(resolve(TMP, target.name), { recursive: true, force: true });
  cpSync(resolve(ROOT, 'tests/fixtures/basic'), target.siteDir, { recursive: true });
  expect(buildSite(target).status).toBe(0);
  writeFileSync(
    incident('older.md'),
    readFileSync(incident('older.md'), 'utf8').replace('title: iOS app slow', 'title: iOS app very slow'),
  );
  writeFileSync(
    incident('newer.md'),
    readFileSync(incident('older.md'), 'utf8').replace('2022-12-20', '2022-12-21').replace('2022-12-20', '2022-12-21'),
  );
  rmSync(incident('upgrade.md'));
  const rebuilt = buildSite(target);
  expect(rebuilt.status, rebuilt.output).toBe(0);
}, 120_000);

test('a warm rebuild publishes added and edited files and drops deleted ones', () => {
  expect(builtPages(target.name).filter((path) => path.startsWith('/incidents/'))).toEqual([
    '/incidents/newer/',
    '/incidents/older/',
    '/incidents/outage/',
  ]);
  expect(text(page(target.name, '/incidents/older/').querySelector('h1'))).toBe('iOS app very slow');
});

test('a file that became invalid fails the warm rebuild too', () => {
  writeFileSync(
    incident('older.md'),
    readFileSync(incident('older.md'), 'utf8').replace('ios: degraded_performance', 'iso: degraded_performance'),
  );
  const { status, output } = buildSite(target);
  expect(status).not.toBe(0);
  expect(output).toContain('incidents/older.md:5: components.iso: unknown component "iso"');
});
