import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { probeSchema } from '../src/files/schemas/probes-config.ts';
import { simulate } from './probe-simulate.ts';
import { CHIRP, STATUS_CLI } from '../tests/helpers/build.ts';

/**
 * `npm run bench:probe`: the three figures of the probe.
 * 1. Data size per component per simulated year: one check every 5 minutes
 *    for 365 days through the store's own plans (results kept 4 days, days
 *    folded into one line each).
 * 2. The time `npm run status -- probe` takes for 20 checks against a local
 *    server answering each in 100 to 300 ms (Node start-up included).
 * 3. The delay from the first failed check to the red page, simulated: the
 *    probe runs at the first failure and 5 minutes later (open_after 2),
 *    then the site is built with STATUS_NOW at that moment.
 */

const ROOT = resolve(import.meta.dirname, '..');
const MIN = 60_000;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function yearOfData(): void {
  const probe = probeSchema.parse({ component: 'web', url: 'https://chirp.example/health' });
  const from = Date.parse('2023-01-01T00:03:00Z');
  const started = performance.now();
  let peakResults = 0;
  const files = simulate({
    probes: [probe],
    zone: 'America/New_York',
    from,
    to: from + 365 * 1440 * MIN,
    everyMs: 5 * MIN,
    behave: (at) =>
      at % (7 * 1440 * MIN) < 10 * MIN ? { ok: false, failure: 'down', why: 'HTTP 503', code: 503, ms: 40 } : undefined,
    afterRun: (_, results) => void (peakResults = Math.max(peakResults, results.length)),
  });
  const sizes = [...files].map(([path, text]) => [path, Buffer.byteLength(text)] as const);
  const daily = sizes.filter(([path]) => path.includes('/daily/')).reduce((sum, [, size]) => sum + size, 0);
  const results = sizes.filter(([path]) => path.includes('/results/')).reduce((sum, [, size]) => sum + size, 0);
  console.log(
    `1. One component checked every 5 minutes for 365 days (simulated in ${Math.round((performance.now() - started) / 1000)} s):`,
  );
  console.log(
    `   daily aggregates ${kb(daily)} after a year (${files.get('probes/daily/web.jsonl')!.trim().split('\n').length} lines), grows ${kb(daily / 365)} a day, kept forever`,
  );
  console.log(`   raw results ${kb(results)} at the end (at most ${peakResults} results), bounded: 4 days are kept`);
}

async function twentyChecks(): Promise<number> {
  let served = 0;
  const server = createServer(
    (_, response) =>
      void setTimeout(
        () => response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"UP"}'),
        100 + (served++ % 5) * 50,
      ),
  );
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const dir = mkdtempSync(join(tmpdir(), 'bench-probe-'));
  const ids = Array.from({ length: 20 }, (_, i) => `service-${i + 1}`);
  writeFileSync(
    join(dir, 'status.config.yaml'),
    `name: Bench\nurl: https://status.example\ngroups:\n  - name: All\n    components:\n${ids.map((id) => `      - id: ${id}\n        name: ${id}\n`).join('')}probes:\n${ids.map((id) => `  - component: ${id}\n    url: ${url}/${id}\n    expect: { body_contains: UP }\n`).join('')}`,
  );
  const runs: number[] = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const result = await new Promise<number | null>((done) => {
      const child = spawn(process.execPath, [STATUS_CLI, 'probe'], {
        env: {
          ...process.env,
          STATUS_SITE_DIR: dir,
          STATUS_NOW: `2023-01-01T00:${String(5 * run).padStart(2, '0')}:00Z`,
        },
        stdio: 'ignore',
      });
      child.on('close', done);
    });
    if (result !== 0) throw new Error('probe failed');
    runs.push(performance.now() - started);
  }
  server.close();
  const median = [...runs].sort((a, b) => a - b)[1]!;
  console.log(
    `2. npm run status -- probe, 20 checks answering in 100-300 ms, 8 at a time: ${runs.map((ms) => `${Math.round(ms)} ms`).join(', ')} (median ${Math.round(median)} ms)`,
  );
  return median;
}

function delayToRed(probeMs: number): void {
  const dir = mkdtempSync(join(tmpdir(), 'bench-probe-red-'));
  mkdirSync(join(dir, 'incidents'));
  writeFileSync(
    join(dir, 'status.config.yaml'),
    readFileSync(join(CHIRP, 'status.config.yaml'), 'utf8').replace(
      /probes:[\s\S]*$/,
      'probes:\n  - component: web\n    url: http://127.0.0.1:9/health\n    timeout: 500\n',
    ),
  );
  const first = Date.parse('2023-01-01T12:00:00Z');
  const probeAt = (at: number) =>
    spawnSync(process.execPath, [STATUS_CLI, 'probe'], {
      env: { ...process.env, STATUS_SITE_DIR: dir, STATUS_NOW: new Date(at).toISOString() },
      encoding: 'utf8',
    });
  probeAt(first);
  const opened = probeAt(first + 5 * MIN);
  const started = performance.now();
  const build = spawnSync('npm', ['run', 'build'], {
    cwd: resolve(ROOT, '../..'),
    env: {
      ...process.env,
      STATUS_SITE_DIR: dir,
      STATUS_NOW: new Date(first + 5 * MIN + probeMs).toISOString(),
      STATUS_OUT_DIR: join(dir, 'dist'),
      STATUS_CACHE_DIR: join(dir, 'cache'),
    },
    encoding: 'utf8',
  });
  const buildMs = performance.now() - started;
  const home = readFileSync(join(dir, 'dist/index.html'), 'utf8');
  const red = /class="[^"]*major_outage/.test(home) && build.status === 0;
  console.log(
    `3. First failed check at 12:00:00, second at 12:05:00 opens the incident (${opened.stdout.match(/Opened: \S+/)?.[0] ?? 'not opened!'}); build ${Math.round(buildMs / 1000)} s; page red: ${red}`,
  );
  console.log(
    `   delay here: 5 min + ${Math.round(probeMs / 1000)} s probe + ${Math.round(buildMs / 1000)} s build = ${((5 * MIN + probeMs + buildMs) / MIN).toFixed(1)} min, plus on GitHub: the scheduler's delay, checkout and npm ci, and the Pages deploy`,
  );
}

yearOfData();
const probeMs = await twentyChecks();
delayToRed(probeMs);
