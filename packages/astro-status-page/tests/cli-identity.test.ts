import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { main } from '../src/cli/main.ts';
import { copySite } from './helpers/site-copy.ts';

/*
 * The id `new` and `maintenance` write, and what it does once a file is
 * renamed: the CLI run in-process on a copy of the basic fixture, "now" fixed
 * at 31 Dec 2022 10:00 UTC, flags only (no terminal).
 */

const NOW = Date.parse('2022-12-31T10:00:00Z');
let site: string;
beforeEach(() => {
  site = copySite('basic', 'cli-identity');
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

async function status(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { dir: site, now: NOW, env: {}, out: (line) => out.push(line) }, (line) =>
    err.push(line),
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
const read = (path: string) => readFileSync(join(site, path), 'utf8');
const move = (from: string, to: string) => {
  mkdirSync(join(site, to, '..'), { recursive: true });
  renameSync(join(site, from), join(site, to));
};

const FILE = 'incidents/2022/2022-12-31-timelines-slow-to-load.md';
const NEW = [
  'new',
  '--title',
  'Timelines slow to load',
  '--component',
  'web=degraded_performance',
  '--impact',
  'minor',
  '--message',
  'Timelines load slowly.',
];
const PAGE = 'Page: https://status.fixture.example/incidents/2022-12-31-timelines-slow-to-load/';

describe('new and maintenance write the id', () => {
  test('new writes id: equal to the file’s slug, first in the file', async () => {
    const created = await status(...NEW);
    expect(created).toMatchObject({ code: 0, err: '' });
    expect(created.out).toContain(`Created: ${FILE}\n${PAGE}`);
    expect(read(FILE)).toMatch(
      /^---\nid: 2022-12-31-timelines-slow-to-load\ntitle: Timelines slow to load\nimpact: minor\n/,
    );
    expect((await status('check')).code).toBe(0);
  });

  test('a dry run shows the id it would write', async () => {
    const dry = await status(...NEW, '--slug', 'slow', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain('---\nid: 2022-12-31-slow\ntitle: Timelines slow to load\n');
  });

  test('maintenance writes id: after kind', async () => {
    const scheduled = await status(
      'maintenance',
      '--title',
      'API upgrade',
      '--component',
      'web',
      '--start',
      '2023-01-02T02:00:00Z',
      '--end',
      '2023-01-02T03:00:00Z',
      '--message',
      'Short pauses.',
    );
    expect(scheduled.code).toBe(0);
    expect(read('incidents/2023/2023-01-02-api-upgrade.md')).toMatch(
      /^---\nkind: maintenance\nid: 2023-01-02-api-upgrade\ntitle: API upgrade\n/,
    );
  });
});

describe('a renamed file keeps its slug', () => {
  const RENAMED = 'incidents/archive/slow-timelines-after-the-deploy.md';

  test('check passes, list shows the id, and update finds it by the id (with or without its date) or by its new name, on the same page', async () => {
    await status(...NEW);
    move(FILE, RENAMED);
    expect((await status('check')).code).toBe(0);
    expect((await status('list')).out).toContain(
      '  2022-12-31-timelines-slow-to-load  investigating (minor) since 31 Dec 2022, 10:00 UTC: Timelines slow to load',
    );
    for (const [slug, at] of [
      ['timelines-slow-to-load', '10:10'],
      ['2022-12-31-timelines-slow-to-load', '10:20'],
      ['slow-timelines-after-the-deploy', '10:30'],
    ] as const) {
      const updated = await status(
        'update',
        slug,
        '--status',
        'identified',
        '--message',
        'Found it.',
        '--at',
        `2022-12-31T${at}:00Z`,
      );
      expect(updated).toMatchObject({ code: 0, err: '' });
      expect(updated.out).toContain(`Added identified update to: ${RENAMED}\n${PAGE}`);
    }
    expect(read(RENAMED)).toMatch(/^---\nid: 2022-12-31-timelines-slow-to-load\n/);
    expect(read(RENAMED).match(/status: identified/g)).toHaveLength(3);
  });

  test('new refuses the slug a renamed file still holds as its id, naming that file', async () => {
    await status(...NEW);
    move(FILE, RENAMED);
    const again = await status(...NEW);
    expect(again.code).toBe(1);
    expect(again.err).toBe(
      `error: ${FILE}: the slug "2022-12-31-timelines-slow-to-load" is already used by ${RENAMED}; pass --slug to choose another`,
    );
  });

  test('check refuses an id another file has, naming both files and lines', async () => {
    await status(...NEW);
    writeFileSync(join(site, 'incidents/copy.md'), read(FILE));
    const checked = await status('check');
    expect(checked.code).toBe(1);
    expect(`${checked.out}\n${checked.err}`).toContain(
      `incidents/copy.md:2: id: "2022-12-31-timelines-slow-to-load" is the file name of ${FILE}; a slug names one file: choose another id, or rename ${FILE}`,
    );
  });
});
