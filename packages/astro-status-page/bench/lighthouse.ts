import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { resolve } from 'node:path';
import { buildSite, CHIRP, outDir, REPO } from '../tests/helpers/build.ts';
import { serveStatic } from '../tests/helpers/static-server.ts';

/**
 * `npm run lighthouse`: build the example site mid-outage, serve it on
 * 127.0.0.1 like a static host, and run Lighthouse (its default mobile preset:
 * a mid-range phone on a throttled connection) on one page of each kind.
 * Prints the four category scores per page and every audit that cost points;
 * exits 1 if any score is below 100.
 */

const PAGES = ['/', '/incidents/2022-12-28-login-and-posting-failing/', '/components/web/', '/history/', '/subscribe/'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const CHROME_FLAGS =
  '--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync --no-first-run';
const LIGHTHOUSE = resolve(REPO, 'node_modules/lighthouse/cli/index.js');

interface Report {
  categories: Record<string, { score: number | null; auditRefs: Array<{ id: string; weight: number }> }>;
  audits: Record<string, { score: number | null; title: string; displayValue?: string }>;
}

/** Audits that counted towards a category and did not pass, as "category: title". */
function lostPoints(report: Report): string[] {
  return CATEGORIES.flatMap((category) =>
    report.categories[category]!.auditRefs.filter(
      (ref) => ref.weight > 0 && (report.audits[ref.id]?.score ?? 1) < 1,
    ).map(
      (ref) =>
        `${category}: ${report.audits[ref.id]!.title}${report.audits[ref.id]!.displayValue ? ` (${report.audits[ref.id]!.displayValue})` : ''}`,
    ),
  );
}

/** One Lighthouse run in a child process; asynchronous, since this process is also the web server. */
async function lighthouse(url: string): Promise<Report> {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    [
      LIGHTHOUSE,
      url,
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--chrome-flags=${CHROME_FLAGS}`,
      `--only-categories=${CATEGORIES.join(',')}`,
    ],
    {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 300_000,
      env: { ...process.env, CHROME_PATH: process.env['CHROME_PATH'] ?? '/usr/bin/chromium' },
    },
  );
  return JSON.parse(stdout) as Report;
}

const build = 'lighthouse';
// Serve first, so the build can take the server's address as the site URL:
// canonical links then point at the page Lighthouse loads, as they do in production.
const server = await serveStatic(outDir(build));
try {
  process.env['STATUS_SITE_URL'] = server.url;
  const built = buildSite({ name: build, siteDir: CHIRP, now: '2022-12-28T13:30:00Z' });
  if (built.status !== 0) throw new Error(`Build failed:\n${built.output}`);

  let perfect = true;
  console.log(`| page | ${CATEGORIES.join(' | ')} |\n| --- | ${CATEGORIES.map(() => '--:').join(' | ')} |`);
  const notes: string[] = [];
  for (const path of PAGES) {
    const report = await lighthouse(`${server.url}${path}`);
    const scores = CATEGORIES.map((category) => Math.round((report.categories[category]?.score ?? 0) * 100));
    perfect &&= scores.every((score) => score === 100);
    console.log(`| ${path} | ${scores.join(' | ')} |`);
    notes.push(...lostPoints(report).map((note) => `${path}: ${note}`));
  }
  if (notes.length > 0) console.log(`\nAudits that cost points:\n${notes.map((note) => `- ${note}`).join('\n')}`);
  process.exitCode = perfect ? 0 : 1;
} finally {
  await server.close();
}
