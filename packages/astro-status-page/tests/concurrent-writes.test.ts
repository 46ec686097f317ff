import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseIncidentFile } from '../src/files/validate.ts';
import { STATUS_CLI } from './helpers/build.ts';
import { copySite } from './helpers/site-copy.ts';
import { childEnv } from './helpers/child-env.ts';

/*
 * Commands that read a file, change it and write it back, run at once as
 * separate processes on one site: none writes over what another just added,
 * and what each prints is true of the file.
 */

let site: string;
beforeAll(() => {
  site = copySite('chirp', 'concurrent-writes');
});
afterAll(() => rmSync(site, { recursive: true, force: true }));

function status(now: string, ...args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, [STATUS_CLI, ...args], { cwd: site, env: childEnv({ STATUS_NOW: now }) });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, out, err })));
}

const PATH = 'incidents/2023/2023-01-05-search-is-slow.md';
const RUNS = 6;

describe('status update, six at once on one incident', () => {
  let runs: Array<{ code: number | null; out: string; err: string }>;
  beforeAll(async () => {
    const opened = await status(
      '2023-01-05T10:00:00Z',
      'new',
      '--title',
      'Search is slow',
      '--component',
      'api=degraded_performance',
      '--message',
      'Looking.',
      '--yes',
    );
    expect(opened.err).toBe('');
    runs = await Promise.all(
      Array.from({ length: RUNS }, (_, n) =>
        // The same minute, as staff at two laptops would: an update earlier than one written meanwhile would be refused as out of order.
        status(
          '2023-01-05T10:10:00Z',
          'update',
          'search-is-slow',
          '--status',
          'identified',
          '--message',
          `Update number ${n + 1}.`,
          '--yes',
        ),
      ),
    );
  }, 120_000);

  test('every run succeeds and says it added its update', () => {
    for (const run of runs) {
      expect(run.err).toBe('');
      expect(run.code).toBe(0);
      expect(run.out).toContain(`Added identified update to: ${PATH}`);
    }
  });

  test('every update is in the file, in time order, and the file is valid', () => {
    const text = readFileSync(join(site, PATH), 'utf8');
    for (let n = 1; n <= RUNS; n++) expect(text).toContain(`Update number ${n}.`);
    const parsed = parseIncidentFile({ path: PATH, text }, ['api']);
    expect(parsed.problems).toEqual([]);
    const times = parsed.entry!.data.updates.map((update) => update.at);
    expect(times).toHaveLength(RUNS + 1);
    expect(new Set(times.slice(1))).toEqual(new Set(['2023-01-05T10:10:00.000Z']));
  });

  test('no lock file is left behind', () => {
    expect(readdirSync(join(site, 'incidents/2023')).filter((name) => name.endsWith('.lock'))).toEqual([]);
  });
});

test('a lock left by a process that was killed is taken over', async () => {
  const lock = join(site, 'incidents/2023/.2023-01-05-search-is-slow.md.lock');
  // A pid no process has (beyond the usual pid_max), on this machine.
  writeFileSync(lock, JSON.stringify({ host: (await import('node:os')).hostname(), pid: 2 ** 22 + 7, at: Date.now() }));
  const run = await status(
    '2023-01-05T11:00:00Z',
    'update',
    'search-is-slow',
    '--status',
    'monitoring',
    '--message',
    'Fix deployed.',
    '--yes',
  );
  expect(run.err).toBe('');
  expect(run.code).toBe(0);
  expect(readFileSync(join(site, PATH), 'utf8')).toContain('Fix deployed.');
  expect(existsSync(lock)).toBe(false);
}, 30_000);

test('two `new` at once with one title: one creates the file, the other refuses and writes nothing', async () => {
  const opened = await Promise.all(
    ['First', 'Second'].map((who) =>
      status(
        '2023-01-06T09:00:00Z',
        'new',
        '--title',
        'Timelines are empty',
        '--component',
        'timelines=partial_outage',
        '--message',
        `${who} writer.`,
        '--yes',
      ),
    ),
  );
  const path = 'incidents/2023/2023-01-06-timelines-are-empty.md';
  const created = opened.filter((run) => run.code === 0);
  expect(created).toHaveLength(1);
  expect(created[0]!.out).toContain(`Created: ${path}`);
  const refused = opened.find((run) => run.code !== 0)!;
  // Refused before writing (the slug is taken) or at the write (created meanwhile): either way it says so.
  expect(refused.err).toMatch(
    /(was created by another command meanwhile; nothing was written|the slug "2023-01-06-timelines-are-empty" is already used)/,
  );
  const text = readFileSync(join(site, path), 'utf8');
  const winner = created[0] === opened[0] ? 'First' : 'Second';
  expect(text).toContain(`${winner} writer.`);
  expect(text).not.toContain(`${winner === 'First' ? 'Second' : 'First'} writer.`);
}, 30_000);
