import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { formatBytes, measureOutput, timedRun, type OutputFigures, type RunFigures } from './measure.ts';
import { writeSyntheticSite } from './generate.ts';
import { checkTargets } from './targets.ts';

/**
 * `npm run bench`: generate synthetic histories, build each, time the
 * validator and a one-incident publish, print a table and write the results
 * to a temporary folder. `--record` also writes the tracked bench/results.md,
 * so a plain run never leaves the working tree modified. `--full` (or
 * BENCH_FULL=1) adds 10,000 incidents; `--sizes=100,500` picks other sizes.
 * Run it on an idle machine: the figures are wall-clock.
 */

const ROOT = resolve(import.meta.dirname, '..');
const ASTRO = resolve(ROOT, 'node_modules/astro/bin/astro.mjs');
/** Fixed "now" for every build, so runs compare. */
const NOW = '2026-06-01T12:00:00Z';
/** The size at which the publish step is timed. */
const PUBLISH_AT = 1000;

const args = process.argv.slice(2);
const full = args.includes('--full') || process.env['BENCH_FULL'] === '1';
const record = args.includes('--record');
const sizesArg = args.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length);
const sizes = sizesArg ? sizesArg.split(',').map(Number) : full ? [100, 1000, 10_000] : [100, 1000];
const work = resolve(process.env['BENCH_DIR'] ?? join(tmpdir(), 'status-bench'));

interface Row {
  count: number;
  build: RunFigures;
  output: OutputFigures;
  check: RunFigures;
}

function build(siteDir: string, outDir: string, cacheDir: string): RunFigures {
  const figures = timedRun(process.execPath, [ASTRO, 'build', '--silent'], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', STATUS_SITE_DIR: siteDir, STATUS_NOW: NOW, STATUS_OUT_DIR: outDir, STATUS_CACHE_DIR: cacheDir },
  });
  if (figures.status !== 0) throw new Error(`Build of ${siteDir} failed:\n${figures.output}`);
  return figures;
}

/** One more incident, written after the history, as staff would publish it. */
function publishOne(siteDir: string): void {
  const path = join(siteDir, 'incidents/2026/2026-06-01-bench-publish.md');
  writeFileSync(
    path,
    `---\ntitle: Login slow for some users\nimpact: minor\ncomponents:\n  login: degraded_performance\nupdates:\n  - at: 2026-06-01T11:55:00Z\n    status: investigating\n    message: Login takes longer than usual. We are investigating.\n---\n`,
  );
}

const rows: Row[] = [];
let publish: { build: RunFigures; output: OutputFigures } | undefined;
const startedAt = new Date();
const loadBefore = loadavg();

for (const count of sizes) {
  const dir = join(work, String(count));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const siteDir = join(dir, 'site');
  writeSyntheticSite(siteDir, ROOT, { count, now: Date.parse(NOW) });
  const check = timedRun(process.execPath, [resolve(ROOT, 'bench/check.ts'), siteDir], { cwd: ROOT, env: process.env });
  if (check.status !== 0) throw new Error(`Generated files at N=${count} failed validation:\n${check.output}`);
  const outDir = join(dir, 'dist');
  const cacheDir = join(dir, 'cache');
  const figures = build(siteDir, outDir, cacheDir);
  const row = { count, build: figures, output: measureOutput(outDir), check };
  rows.push(row);
  console.error(`N=${count}: built in ${figures.seconds.toFixed(1)} s`);
  if (count === PUBLISH_AT) {
    // Same out and cache dirs: the loader re-validates only the new file (see src/astro/incidents-loader.ts).
    publishOne(siteDir);
    const again = build(siteDir, outDir, cacheDir);
    if (!existsSync(join(outDir, 'incidents/2026-06-01-bench-publish/index.html'))) throw new Error('The published incident has no page');
    publish = { build: again, output: measureOutput(outDir) };
    console.error(`N=${count} + 1: rebuilt in ${again.seconds.toFixed(1)} s`);
  }
}

const header = '| N | build (s) | peak memory | output files | output size | home (gzip) | largest page (gzip) | check (s) |';
const rule = '| --: | --: | --: | --: | --: | --: | --: | --: |';
const line = (label: string, figures: RunFigures, output: OutputFigures, check: string) =>
  `| ${label} | ${figures.seconds.toFixed(1)} | ${formatBytes(figures.peakRss)} | ${output.files.toLocaleString('en')} | ${formatBytes(output.bytes)} | ${output.homeGzip.toLocaleString('en')} B | ${output.largestGzip.toLocaleString('en')} B (${output.largestPage}) | ${check} |`;
const table = [
  header,
  rule,
  ...rows.map((row) => line(row.count.toLocaleString('en'), row.build, row.output, row.check.seconds.toFixed(2))),
  ...(publish ? [line(`${PUBLISH_AT.toLocaleString('en')} + 1 (publish, warm cache)`, publish.build, publish.output, '')] : []),
].join('\n');

const targets = checkTargets(
  rows.map((row) => ({ count: row.count, seconds: row.build.seconds, peakRss: row.build.peakRss, homeGzip: row.output.homeGzip, largestGzip: row.output.largestGzip, checkSeconds: row.check.seconds })),
).join('\n');
console.log(`${table}\n\n${targets}`);

const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${formatBytes(totalmem())} RAM, ${platform()} ${release()}, Node ${process.versions.node}`;
const results = `# Benchmark results

Written by \`npm run bench -- --record${full ? ' --full' : ''}\` (bench/run.ts); compare runs on the same machine only.

- Date: ${startedAt.toISOString()}
- Machine: ${machine}
- Load average when it started: ${loadBefore.map((load) => load.toFixed(2)).join(', ')}${loadBefore[0]! > cpu.length / 2 ? ' (other work was running: the times are upper bounds)' : ''}
- STATUS_NOW: ${NOW}; synthetic history from bench/generate.ts (seed 1)

${table}

Targets (issue 5):

${targets.split('\n').map((target) => `- ${target}`).join('\n')}

- build: \`astro build\` wall time, cold (empty cache and output); peak memory is the build's maximum resident set size.
- check: reading and validating every incident file in a fresh Node process, as the CLI's \`check\` does.
- publish: one incident added to the ${PUBLISH_AT.toLocaleString('en')}-incident site and rebuilt with the same cache and output folders.
- Sizes are gzipped HTML with its inlined CSS: what a reader downloads for the page.
`;
const scratch = join(work, 'results.md');
writeFileSync(scratch, results);
console.error(`Wrote ${scratch}${record ? '' : '; pass --record to update bench/results.md'}`);
if (record) {
  writeFileSync(resolve(ROOT, 'bench/results.md'), results);
  console.error('Recorded bench/results.md');
}
