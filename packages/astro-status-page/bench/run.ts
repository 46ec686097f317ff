import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, platform, release, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { formatBytes, measureOutput, timedRun, type OutputFigures, type RunFigures } from './measure.ts';
import { writeSyntheticSite } from './generate.ts';
import { checkTargets, medianPair } from './targets.ts';

/**
 * `npm run bench`: generate synthetic histories and, for each, time
 * `npm run build` as staff run it (npm, the content check and Astro) beside
 * the plain-Node floor (bench/floor.ts) on the same files, so each build time
 * is also a ratio that a busy machine moves far less than the seconds, and
 * the floor's page as an Astro project of one route (bench/astro-alone), to
 * tell what Astro itself costs from what the status page adds. It
 * also times the validator and a one-incident publish, prints a table and
 * writes the results to a temporary folder. `--record` also writes the
 * tracked bench/results.md, so a plain run never leaves the working tree
 * modified. `--full` (or BENCH_FULL=1) adds 10,000 incidents;
 * `--sizes=100,500` picks other sizes; `--repeat=3` (the default) times each
 * size as that many floor-then-build pairs and reports the pair with the
 * median ratio (bench/targets.ts, medianPair), every pair's ratio printed
 * beside it: on a shared machine one pair's ratio moves by a third from run
 * to run.
 *
 * Sites, outputs and caches live in memory (/dev/shm when the machine has
 * it, BENCH_DIR to choose), so a busy disk does not decide the figures.
 */

const ROOT = resolve(import.meta.dirname, '..');
/** The example site's project, whose `npm run build` is the build measured. */
const REPO = resolve(ROOT, '../..');
/** Fixed "now" for every build, so runs compare. */
const NOW = '2026-06-01T12:00:00Z';
/** The size at which the publish step is timed. */
const PUBLISH_AT = 1000;

const args = process.argv.slice(2);
const full = args.includes('--full') || process.env['BENCH_FULL'] === '1';
const record = args.includes('--record');
const sizesArg = args.find((arg) => arg.startsWith('--sizes='))?.slice('--sizes='.length);
const sizes = sizesArg ? sizesArg.split(',').map(Number) : full ? [1, 1000, 3000, 10_000] : [1, 1000, 3000];
const repeat = Number(args.find((arg) => arg.startsWith('--repeat='))?.slice('--repeat='.length) ?? 3);
if (!Number.isInteger(repeat) || repeat < 1)
  throw new Error('--repeat takes a whole number of pairs, 1 or more (e.g. --repeat=3)');
const memory = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();
const work = resolve(process.env['BENCH_DIR'] ?? join(memory, 'status-bench'));

interface Row {
  count: number;
  floor: RunFigures;
  /** bench/astro-alone built on the same files, in the median pair's round. */
  astroAlone: RunFigures;
  build: RunFigures;
  /** Every pair's build ÷ floor, in the order run; floor and build are the median pair's. */
  ratios: number[];
  /** Every pair's build ÷ Astro alone, each from the same round, in the order run. */
  aloneRatios: number[];
  output: OutputFigures;
  check: RunFigures;
}

/** `npm run build`, as staff run it; npm's own environment is left to npm. */
function build(siteDir: string, outDir: string, cacheDir: string): RunFigures {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('npm_')));
  const figures = timedRun('npm', ['run', 'build'], {
    cwd: REPO,
    env: { ...env, STATUS_SITE_DIR: siteDir, STATUS_NOW: NOW, STATUS_OUT_DIR: outDir, STATUS_CACHE_DIR: cacheDir },
  });
  if (figures.status !== 0) throw new Error(`Build of ${siteDir} failed:\n${figures.output}`);
  return figures;
}

function floor(siteDir: string, outDir: string): RunFigures {
  const figures = timedRun(process.execPath, [resolve(ROOT, 'bench/floor.ts'), siteDir, outDir], {
    cwd: ROOT,
    env: process.env,
  });
  if (figures.status !== 0) throw new Error(`The floor of ${siteDir} failed:\n${figures.output}`);
  return figures;
}

/** The floor's page in an Astro project of one route (bench/astro-alone), built as Astro's own CLI builds it. */
function astroAlone(siteDir: string, outDir: string, cacheDir: string): RunFigures {
  const figures = timedRun('npx', ['--no', 'astro', 'build', '--root', resolve(ROOT, 'bench/astro-alone')], {
    cwd: ROOT,
    env: {
      ...process.env,
      ASTRO_TELEMETRY_DISABLED: '1',
      BENCH_SITE_DIR: siteDir,
      BENCH_ASTRO_OUT: outDir,
      BENCH_ASTRO_CACHE: cacheDir,
    },
  });
  if (figures.status !== 0) throw new Error(`Astro alone on ${siteDir} failed:\n${figures.output}`);
  return figures;
}

const ratio = (build: RunFigures, floor: RunFigures): number => build.seconds / floor.seconds;
/** A row's build ÷ Astro alone: the median of its rounds' ratios, chosen as medianPair chooses. */
const aloneRatio = (row: Row): number => medianPair(row.aloneRatios.map((value) => ({ ratio: value }))).ratio;
const cpuRatio = (build: RunFigures, floor: RunFigures): string =>
  build.cpuSeconds !== null && floor.cpuSeconds ? `${(build.cpuSeconds / floor.cpuSeconds).toFixed(1)}×` : 'n/a';

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
  writeSyntheticSite(siteDir, resolve(ROOT, 'tests/fixtures/chirp'), { count, now: Date.parse(NOW) });
  const check = timedRun(process.execPath, [resolve(ROOT, 'bench/check.ts'), siteDir], { cwd: ROOT, env: process.env });
  if (check.status !== 0) throw new Error(`Generated files at N=${count} failed validation:\n${check.output}`);
  const outDir = join(dir, 'dist');
  const cacheDir = join(dir, 'cache');
  const astroCache = join(dir, 'astro-alone-cache');
  const pairs = Array.from({ length: repeat }, () => {
    // Each build cold, as the first: no output folder, no cache.
    for (const folder of [outDir, cacheDir, astroCache]) rmSync(folder, { recursive: true, force: true });
    const timed = {
      floor: floor(siteDir, join(dir, 'floor')),
      astroAlone: astroAlone(siteDir, join(dir, 'astro-alone'), astroCache),
      build: build(siteDir, outDir, cacheDir),
    };
    const pair = { ...timed, ratio: ratio(timed.build, timed.floor) };
    console.error(
      `N=${count}: built in ${pair.build.seconds.toFixed(1)} s, ${pair.ratio.toFixed(1)}× the floor's ${pair.floor.seconds.toFixed(2)} s (Astro alone: ${ratio(pair.astroAlone, pair.floor).toFixed(1)}×; build ÷ Astro alone: ${ratio(pair.build, pair.astroAlone).toFixed(2)}×)`,
    );
    return pair;
  });
  const median = medianPair(pairs);
  const row = {
    count,
    floor: median.floor,
    astroAlone: median.astroAlone,
    build: median.build,
    ratios: pairs.map((pair) => pair.ratio),
    aloneRatios: pairs.map((pair) => ratio(pair.build, pair.astroAlone)),
    output: measureOutput(outDir),
    check,
  };
  rows.push(row);
  if (count === PUBLISH_AT) {
    // Same output folder, as on a staff machine; the check reads every file again, Astro's content store is not used.
    publishOne(siteDir);
    const again = build(siteDir, outDir, cacheDir);
    if (!existsSync(join(outDir, 'incidents/2026-06-01-bench-publish/index.html')))
      throw new Error('The published incident has no page');
    publish = { build: again, output: measureOutput(outDir) };
    console.error(`N=${count} + 1: rebuilt in ${again.seconds.toFixed(1)} s`);
  }
}

const header =
  '| N | build (s) | floor (s) | build ÷ floor | each pair | Astro alone ÷ floor | build ÷ Astro alone | each pair | CPU: build ÷ floor | peak memory | output files | output size | home (gzip) | largest page (gzip) | check (s) |';
const rule = '| --: | --: | --: | --: | :-- | --: | --: | :-- | --: | --: | --: | --: | --: | --: | --: |';
const times = (values: readonly number[], digits: number) =>
  values.map((value) => `${value.toFixed(digits)}×`).join(', ');
const line = (label: string, figures: RunFigures, row: Row | undefined, output: OutputFigures, check: string) =>
  `| ${label} | ${figures.seconds.toFixed(1)} | ${row ? row.floor.seconds.toFixed(2) : ''} | ${row ? `${ratio(figures, row.floor).toFixed(1)}×` : ''} | ${row ? times(row.ratios, 1) : ''} | ${row ? `${ratio(row.astroAlone, row.floor).toFixed(1)}×` : ''} | ${row ? `${aloneRatio(row).toFixed(2)}×` : ''} | ${row ? times(row.aloneRatios, 2) : ''} | ${row ? cpuRatio(figures, row.floor) : ''} | ${formatBytes(figures.peakRss)} | ${output.files.toLocaleString('en')} | ${formatBytes(output.bytes)} | ${output.homeGzip.toLocaleString('en')} B | ${output.largestGzip.toLocaleString('en')} B (${output.largestPage}) | ${check} |`;
const table = [
  header,
  rule,
  ...rows.map((row) => line(row.count.toLocaleString('en'), row.build, row, row.output, row.check.seconds.toFixed(2))),
  ...(publish
    ? [line(`${PUBLISH_AT.toLocaleString('en')} + 1 (publish)`, publish.build, undefined, publish.output, '')]
    : []),
].join('\n');

const targets = checkTargets(
  rows.map((row) => ({
    count: row.count,
    seconds: row.build.seconds,
    floorSeconds: row.floor.seconds,
    astroAloneRatio: aloneRatio(row),
    peakRss: row.build.peakRss,
    homeGzip: row.output.homeGzip,
    largestGzip: row.output.largestGzip,
    checkSeconds: row.check.seconds,
  })),
).join('\n');
console.log(`${table}\n\n${targets}`);

const cpu = cpus();
const machine = `${cpu.length} × ${cpu[0]?.model ?? 'unknown CPU'}, ${formatBytes(totalmem())} RAM, ${platform()} ${release()}, Node ${process.versions.node}`;
const results = `# Benchmark results

Written by \`npm run bench -- --record${full ? ' --full' : ''}\` (bench/run.ts); compare runs on the same machine only.

- Date: ${startedAt.toISOString()}
- Machine: ${machine}
- Load average when it started: ${loadBefore.map((load) => load.toFixed(2)).join(', ')}${loadBefore[0]! > cpu.length / 2 ? ' (other work was running: the times are upper bounds)' : ''}; when it ended: ${loadavg()
  .map((load) => load.toFixed(2))
  .join(', ')}
- STATUS_NOW: ${NOW}; synthetic history from bench/generate.ts (seed 1)

${table}

Targets (issues 5, 18 and 28):

${targets
  .split('\n')
  .map((target) => `- ${target}`)
  .join('\n')}

- build: \`npm run build\` wall time (npm, the content check, Astro), cold (empty cache and output); peak memory is the build's maximum resident set size.
- floor: \`node bench/floor.ts\`, in the same run on the same files: read every incident file, parse its YAML, write one page per incident. build ÷ floor is the figure to compare between machines and runs: each size is timed as ${repeat} floor-then-build pair${repeat === 1 ? '' : 's'} (each pair's ratio under "each pair"), and the row is the pair with the median ratio (the lower middle one of an even number).
- Astro alone: the floor's page as an Astro project of one route (bench/astro-alone), \`npx astro build\` in the same round: what Astro itself costs for these pages, before any of the status page's work (its layout, its other pages, the check, the Markdown, the model).
- build ÷ Astro alone: each round's build over the Astro alone built in that same round (every round's ratio under its "each pair"), the row's figure their median (the lower middle one of an even number): what the status page adds to Astro, as a ratio the machine's load moves little since both builds share it.
- Sites, outputs and caches are in ${memory === '/dev/shm' ? 'memory (/dev/shm)' : 'the temporary folder'}, so the disk does not decide.
- check: reading and validating every incident file in a fresh Node process, as the CLI's \`check\` does.
- CPU: user + system seconds of the build (npm and its children) over the floor's; a busy machine stretches wall time far more than CPU time.
- publish: one incident added to the ${PUBLISH_AT.toLocaleString('en')}-incident site and rebuilt into the same output folder.
- Sizes are gzipped HTML with its inlined CSS: what a reader downloads for the page.
`;
const scratch = join(work, 'results.md');
writeFileSync(scratch, results);
console.error(`Wrote ${scratch}${record ? '' : '; pass --record to update bench/results.md'}`);
if (record) {
  writeFileSync(resolve(ROOT, 'bench/results.md'), results);
  console.error('Recorded bench/results.md');
}
