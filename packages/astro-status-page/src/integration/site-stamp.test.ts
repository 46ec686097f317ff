import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { siteStamp } from './site-stamp.ts';

const dir = mkdtempSync(join(tmpdir(), 'site-stamp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('changes with any file added, edited (even to the same size) or removed under the paths, and only then', () => {
  const incidents = join(dir, 'incidents', '2022');
  mkdirSync(incidents, { recursive: true });
  const file = join(incidents, 'outage.md');
  writeFileSync(file, 'title: A');
  const paths = [join(dir, 'incidents'), join(dir, 'probes')];
  const first = siteStamp(paths);
  expect(siteStamp(paths)).toBe(first);
  writeFileSync(file, 'title: B');
  utimesSync(file, new Date(), new Date(Date.now() + 5_000));
  const edited = siteStamp(paths);
  expect(edited).not.toBe(first);
  writeFileSync(join(incidents, 'second.md'), 'title: C');
  const added = siteStamp(paths);
  expect(added).not.toBe(edited);
  rmSync(join(incidents, 'second.md'));
  expect(siteStamp(paths)).toBe(edited);
});
