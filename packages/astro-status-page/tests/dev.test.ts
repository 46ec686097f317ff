/**
 * `astro dev` serves the pages the build makes, from the same integration,
 * and checks the site again when one of its files changes: a renamed incident
 * shows on the next request.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { outDir, REPO, TARGETS } from './helpers/build.ts';
import { copySite } from './helpers/site-copy.ts';
import { childEnv } from './helpers/child-env.ts';

const target = TARGETS.find((candidate) => candidate.name === 'basic-mid-outage')!;
const site = copySite('basic', 'dev');
const port = 43_000 + (process.pid % 1_000);
const origin = `http://127.0.0.1:${port}`;
let server: ChildProcess;
let log = '';

/** The page's main content, without Astro's per-file scope hashes, which differ between dev and build. */
const main = (html: string) => /<main[\s\S]*<\/main>/.exec(html)![0].replace(/ data-astro-cid-[a-z0-9]+/g, '');

async function get(path: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${origin}${path}`);
  return { status: response.status, text: await response.text() };
}

/** Polls until `ready` holds of the page (the watcher and the recheck take a moment; far longer on a loaded machine), at most 60 s. */
async function until(path: string, ready: (page: { status: number; text: string }) => boolean) {
  for (let tries = 0; ; tries++) {
    const page = await get(path).catch(() => ({ status: 0, text: '' }));
    if (ready(page) || tries === 300) return page;
    await new Promise((done) => setTimeout(done, 200));
  }
}

beforeAll(async () => {
  // Not Vitest's own variables: under NODE_ENV=test or VITEST, astro dev answers every page 404.
  const env = {
    ...childEnv(),
    ASTRO_TELEMETRY_DISABLED: '1',
    STATUS_SITE_DIR: site,
    STATUS_NOW: target.now,
  };
  server = spawn(
    process.execPath,
    [resolve(REPO, 'node_modules/astro/bin/astro.mjs'), 'dev', '--host', '127.0.0.1', '--port', String(port)],
    { cwd: REPO, env },
  );
  server.stdout!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  server.stderr!.setEncoding('utf8').on('data', (chunk: string) => (log += chunk));
  const home = await until('/', (page) => page.status === 200);
  expect(home.status, log).toBe(200);
}, 90_000);
afterAll(() => {
  server.kill();
});

test('serves the same home page and incident page as the build', async () => {
  for (const path of ['/', '/incidents/outage/', '/components/web/']) {
    const built = readFileSync(join(outDir(target.name), path, 'index.html'), 'utf8');
    expect(main((await get(path)).text), path).toBe(main(built));
  }
});

test('a changed incident file shows on the next request', { timeout: 200_000 }, async () => {
  const file = join(site, 'incidents/outage.md');
  const original = readFileSync(file, 'utf8');
  // Each save a second apart on the file's clock, as edits by hand are: the watcher reports a
  // change only when the modification time moved, which two writes a few ms apart may not do.
  let saves = 0;
  const save = (text: string) => {
    writeFileSync(file, text);
    const at = new Date(Date.now() + ++saves * 1000);
    utimesSync(file, at, at);
  };
  save(original.replace(/^title: .*$/m, 'title: Renamed while dev runs'));
  expect((await until('/', (page) => page.text.includes('Renamed while dev runs'))).text).toContain(
    'Renamed while dev runs',
  );

  // Saves soon after the first, which astro dev's watcher does not always report (1 run in 3 here):
  // each shows on the very next request all the same, as every request compares the files' stamp.
  save(original.replace(/^title: .*$/m, 'title: Renamed twice while dev runs'));
  expect((await get('/')).text).toContain('Renamed twice while dev runs');
  save(original);
  expect((await get('/')).text).not.toContain('Renamed');
});
