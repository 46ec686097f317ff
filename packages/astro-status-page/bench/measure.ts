import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Wall time and peak memory of one child process. */
export interface RunFigures {
  status: number | null;
  seconds: number;
  /** Peak resident set size in bytes, or null when `/usr/bin/time` is missing. */
  peakRss: number | null;
  /**
   * CPU seconds (user + system) of the process and its children, or null
   * without `/usr/bin/time`. A busy machine stretches wall time but barely
   * moves this, so the ratios are given in both.
   */
  cpuSeconds: number | null;
  output: string;
}

const GNU_TIME = '/usr/bin/time';

/**
 * Run a command and time it. Peak memory comes from GNU time's `-v` report
 * (maximum resident set size of the child and its children): Node cannot
 * read a child's rusage itself.
 */
export function timedRun(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
): RunFigures {
  const useTime = existsSync(GNU_TIME);
  const started = performance.now();
  const result = useTime
    ? spawnSync(GNU_TIME, ['-v', command, ...args], { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })
    : spawnSync(command, args, { ...options, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const report = (pattern: RegExp) => (useTime ? pattern.exec(result.stderr)?.[1] : undefined);
  const rss = report(/Maximum resident set size \(kbytes\): (\d+)/);
  const [user, system] = [report(/User time \(seconds\): ([\d.]+)/), report(/System time \(seconds\): ([\d.]+)/)];
  return {
    status: result.status,
    seconds,
    peakRss: rss ? Number(rss) * 1024 : null,
    cpuSeconds: user && system ? Number(user) + Number(system) : null,
    output: `${result.stdout}${result.stderr}`,
  };
}

/** What a build wrote, and what its pages cost a reader. */
export interface OutputFigures {
  files: number;
  bytes: number;
  /** `index.html`, gzipped. */
  homeGzip: number;
  /** The heaviest HTML page, gzipped, and which one it is. */
  largestGzip: number;
  largestPage: string;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = join(dir, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}

/**
 * Count and weigh a build's output. Pages inline their CSS, so an HTML file
 * gzipped is what a reader downloads for that page (the favicon aside).
 */
export function measureOutput(outDir: string): OutputFigures {
  const figures: OutputFigures = { files: 0, bytes: 0, homeGzip: 0, largestGzip: 0, largestPage: '' };
  for (const file of walk(outDir)) {
    figures.files += 1;
    figures.bytes += statSync(file).size;
    if (!file.endsWith('.html')) continue;
    const gzipped = gzipSync(readFileSync(file)).length;
    const page = `/${relative(outDir, file)}`.replace(/index\.html$/, '');
    if (page === '/') figures.homeGzip = gzipped;
    if (gzipped > figures.largestGzip) Object.assign(figures, { largestGzip: gzipped, largestPage: page });
  }
  return figures;
}

/** `1.2 MB`, `740 KB`: decimal units, as download sizes are usually quoted. */
export function formatBytes(bytes: number | null): string {
  if (bytes === null) return 'n/a';
  if (bytes >= 1e9) return `${(bytes / 1e9).toFixed(2)} GB`;
  if (bytes >= 1e6) return `${(bytes / 1e6).toFixed(1)} MB`;
  return `${(bytes / 1e3).toFixed(1)} KB`;
}
