import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { openSite } from '../files/open-site.ts';
import { slugFromPath } from '../rules/slug.ts';
import { mapStatuspage } from './statuspage.ts';
import { readPublicFolder } from './statuspage-source.ts';
import { writeImport } from './write.ts';

/* The id an import writes: the file's slug, kept by a re-import however the file was renamed since. */

const FIXTURE = resolve(import.meta.dirname, '../../tests/fixtures/statuspage');
const OUTAGE = 'incidents/2024/2024-05-02-rest-api-errors-and-failed-webhooks.md';
const OPTIONS = { dryRun: false, force: false };

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-import-id-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const plan = async () => mapStatuspage(await readPublicFolder(FIXTURE));
const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const files = () =>
  readdirSync(join(dir, 'incidents'), { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.md'))
    .sort();

describe('import writes each file’s id', () => {
  test('every file it writes has id: equal to its slug, first (after kind on a maintenance), and the site passes', async () => {
    const report = writeImport(dir, await plan(), OPTIONS);
    expect(report.files.length).toBeGreaterThan(2);
    for (const { path, kind } of report.files) {
      expect(read(path)).toMatch(
        new RegExp(`^---\\n${kind === 'maintenance' ? 'kind: maintenance\\n' : ''}id: ${slugFromPath(path)}\\n`),
      );
    }
    expect(openSite(dir).problems).toEqual([]);
  });

  test('a re-import after the file was renamed updates it in place, under the id it kept, and writes no second file', async () => {
    writeImport(dir, await plan(), OPTIONS);
    const before = files();
    mkdirSync(join(dir, 'incidents/archive'));
    renameSync(join(dir, OUTAGE), join(dir, 'incidents/archive/api-errors.md'));
    const again = writeImport(dir, await plan(), OPTIONS);
    expect(again.files.find((file) => file.path === 'incidents/archive/api-errors.md')?.outcome).toBe('unchanged');
    expect(files()).toEqual(
      before.map((name) => (`incidents/${name}` === OUTAGE ? 'archive/api-errors.md' : name)).sort(),
    );
    expect(read('incidents/archive/api-errors.md')).toMatch(
      /^---\nid: 2024-05-02-rest-api-errors-and-failed-webhooks\n/,
    );
    expect(openSite(dir).entries.map((entry) => entry.slug)).toContain(
      '2024-05-02-rest-api-errors-and-failed-webhooks',
    );
  });

  test('a slug another file holds as its id is not taken again: the import adds -2', async () => {
    mkdirSync(join(dir, 'incidents'));
    writeFileSync(
      join(dir, 'incidents/ours.md'),
      '---\nid: 2024-05-02-rest-api-errors-and-failed-webhooks\ntitle: Ours\n---\n',
    );
    const report = writeImport(dir, await plan(), OPTIONS);
    const placed = report.files.find((file) => file.path.includes('rest-api-errors'))!;
    expect(placed.path).toBe('incidents/2024/2024-05-02-rest-api-errors-and-failed-webhooks-2.md');
    expect(read(placed.path)).toMatch(/^---\nid: 2024-05-02-rest-api-errors-and-failed-webhooks-2\n/);
  });
});
