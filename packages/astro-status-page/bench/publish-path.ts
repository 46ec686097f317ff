/**
 * The publish path of a fresh site, as its deploy runs it: install with a warm
 * npm cache (`npm ci --omit=dev`, on setup-node's Node), then `status check`,
 * then `npm run build`, for a site made by `status init` from the packed
 * engine with `count` generated incidents. Also what the install holds.
 *
 * `node bench/publish-path.ts [count] [repeat]`; `npm run bench` prints it too.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { listComponents } from '../src/files/schemas/site-config.ts';
import { readSiteConfig } from '../src/files/site-files.ts';
import { initSite, packEngine, runIn } from '../tests/helpers/package.ts';
import { generateIncidentSources } from './generate.ts';
import { medianPair } from './targets.ts';

const NOW = '2026-06-01T12:00:00Z';

export interface PublishPathFigures {
  count: number;
  /** Seconds of each step in the round with the median total. */
  install: number;
  check: number;
  build: number;
  total: number;
  /** What `npm ci --omit=dev` put in node_modules. */
  packages: number;
  megabytes: number;
  /** The largest top-level entries of node_modules, in MB. */
  largest: Array<[string, number]>;
}

const seconds = (site: string, command: string, args: string[], extra: Record<string, string> = {}): number => {
  const start = performance.now();
  runIn(site, command, args, extra);
  return (performance.now() - start) / 1000;
};

function folderBytes(path: string): number {
  return readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .reduce((sum, entry) => sum + statSync(join(entry.parentPath, entry.name)).size, 0);
}

/** Measure the publish path of a fresh site with `count` incidents, `repeat` rounds. */
export function measurePublishPath(count: number, repeat = 3): PublishPathFigures {
  const work = mkdtempSync(join(tmpdir(), 'status-publish-'));
  try {
    const packed = packEngine(work, '0.0.0-bench');
    const site = join(work, 'site');
    const components = [
      'web=Website',
      'api=API',
      'login=Login',
      'email=Email',
      'search=Search',
      'billing=Billing',
    ].flatMap((component) => ['--component', component]);
    initSite(site, packed, [
      '--name',
      'Bench',
      '--url',
      'https://status.bench.example',
      '--timezone',
      'UTC',
      '--locale',
      'en',
      ...components,
    ]);
    for (const source of generateIncidentSources(listComponents(readSiteConfig(site)), {
      count,
      now: Date.parse(NOW),
    })) {
      mkdirSync(dirname(join(site, source.path)), { recursive: true });
      writeFileSync(join(site, source.path), source.text);
    }
    const rounds = Array.from({ length: repeat }, () => {
      rmSync(join(site, 'node_modules'), { recursive: true, force: true });
      rmSync(join(site, 'dist'), { recursive: true, force: true });
      const install = seconds(site, 'npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund']);
      const check = seconds(site, 'npm', ['run', 'status', '--', 'check'], { STATUS_NOW: NOW });
      const build = seconds(site, 'npm', ['run', 'build'], { STATUS_NOW: NOW });
      return { install, check, build, total: install + check + build, ratio: install + check + build };
    });
    const modules = join(site, 'node_modules');
    const entries = readdirSync(modules, { withFileTypes: true }).filter(
      (entry) => entry.isDirectory() && !entry.name.startsWith('.'),
    );
    const sizes = entries
      .map((entry) => [entry.name, folderBytes(join(modules, entry.name)) / 1e6] as [string, number])
      .sort((a, b) => b[1] - a[1]);
    const packages =
      spawnSync('npm', ['ls', '--all', '--omit=dev', '--parseable'], { cwd: site, encoding: 'utf8' })
        .stdout.trim()
        .split('\n').length - 1;
    const { install, check, build, total } = medianPair(rounds);
    return {
      count,
      install,
      check,
      build,
      total,
      packages,
      megabytes: sizes.reduce((sum, [, mb]) => sum + mb, 0),
      largest: sizes.slice(0, 8),
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The figures as a Markdown table and a line on what the install holds. */
export function publishPathTable(figures: PublishPathFigures): string {
  const s = (value: number) => value.toFixed(1);
  return [
    '| incidents | install (s) | check (s) | build (s) | total (s) |',
    '| --: | --: | --: | --: | --: |',
    `| ${figures.count} | ${s(figures.install)} | ${s(figures.check)} | ${s(figures.build)} | ${s(figures.total)} |`,
    '',
    `The install holds ${figures.packages} packages, ${figures.megabytes.toFixed(0)} MB; the largest: ${figures.largest.map(([name, mb]) => `${name} ${mb.toFixed(1)} MB`).join(', ')}.`,
  ].join('\n');
}

if (import.meta.main) {
  const [count = '300', repeat = '3'] = process.argv.slice(2);
  console.log(publishPathTable(measurePublishPath(Number(count), Number(repeat))));
}
