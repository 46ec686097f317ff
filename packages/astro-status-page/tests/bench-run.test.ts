import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'node-html-parser';
import { afterAll, expect, test } from 'vitest';
import { REPO, ROOT } from './helpers/build.ts';

const work = mkdtempSync(join(tmpdir(), 'status-bench-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const gitStatus = () => spawnSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' }).stdout;

test(
  'npm run bench prints its table, with npm run build beside the floor, and writes a temporary file, leaving the working tree as it was',
  { timeout: 120_000 },
  () => {
    const before = gitStatus();
    const run = spawnSync('npm', ['run', '--silent', 'bench', '--', '--sizes=20', '--repeat=1'], {
      cwd: REPO,
      encoding: 'utf8',
      env: { ...process.env, BENCH_DIR: work },
    });
    expect(run.status, run.stderr).toBe(0);
    // One pair here (medianPair's choice among several is tested in bench-targets.test.ts): its ratios in the row's and the pair's columns.
    const row =
      /^\| N \| build \(s\) \| floor \(s\) \| build ÷ floor \| each pair \| Astro alone ÷ floor \| build ÷ Astro alone \| each pair \| CPU: build ÷ floor \|.*\n\| --: \|.*\n\| 20 \| [\d.]+ \| [\d.]+ \| ([\d.]+)× \| ([\d.]+)× \| ([\d.]+)× \| ([\d.]+)× \| ([\d.]+)× \| ([\d.]+×|n\/a) \|/.exec(
        run.stdout,
      );
    expect(row, run.stdout).not.toBeNull();
    const [floorRatio, pairFloorRatio, aloneFloorRatio, aloneRatio, pairAloneRatio] = row!.slice(1, 6).map(Number);
    expect(floorRatio).toBe(pairFloorRatio);
    expect(aloneRatio).toBe(pairAloneRatio);
    // Measured in the same round: build ÷ Astro alone is build ÷ floor over Astro alone ÷ floor (each rounded to a tenth).
    expect(Math.abs(aloneRatio! - floorRatio! / aloneFloorRatio!)).toBeLessThan(0.1 * aloneRatio!);
    expect(run.stderr).toContain(`Wrote ${join(work, 'results.md')}; pass --record to update bench/results.md`);
    expect(readFileSync(join(work, 'results.md'), 'utf8')).toMatch(/^# Benchmark results\n[\s\S]*\| 20 \| [\d.]+ \|/);
    expect(gitStatus()).toBe(before);
    expect(existsSync(join(work, '20', 'dist', 'index.html'))).toBe(true);
    // The floor wrote its one page per incident beside the build's.
    expect(readdirSync(join(work, '20', 'floor', 'incidents'))).toHaveLength(20);
    // So did Astro alone: the same pages from the same files, word for word.
    const slugs = readdirSync(join(work, '20', 'floor', 'incidents'));
    expect(readdirSync(join(work, '20', 'astro-alone', 'incidents')).sort()).toEqual([...slugs].sort());
    const page = (floor: string, slug: string) =>
      parse(readFileSync(join(work, '20', floor, 'incidents', slug, 'index.html'), 'utf8'));
    for (const slug of slugs) {
      const [floorPage, astroPage] = [page('floor', slug), page('astro-alone', slug)];
      for (const selector of ['h1', 'ol', 'pre'])
        expect(astroPage.querySelector(selector)?.text, `${slug} ${selector}`).toBe(
          floorPage.querySelector(selector)?.text,
        );
    }
  },
);
