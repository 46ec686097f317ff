/**
 * `npm run build`: check, then build into a staging folder, then swap it in.
 *
 * A status page is edited mid-outage; a broken file must be refused clearly
 * and the last good site must keep being served. So the build first runs
 * exactly what `status check` runs (a problem stops it before Astro starts,
 * listed as file:line: field: message, with no stack trace), renders into
 * `<out>.staging`, and replaces `<out>` (dist/ by default) only when every
 * page was written. A failure leaves the previous folder byte for byte.
 */
import { spawn } from 'node:child_process';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkSite } from '../src/site/check-site.ts';
import { resolveNow } from '../src/rules/now.ts';
import { siteDir } from '../src/files/site-files.ts';
import { formatProblem } from '../src/files/validate.ts';

const outDir = resolve(process.env['STATUS_OUT_DIR'] ?? 'dist');
const staging = `${outDir}.staging`;
const previous = `${outDir}.previous`;

function fail(lines: string[]): never {
  for (const line of lines) console.error(line);
  console.error(existsSync(outDir) ? `Nothing was published; the previous site in ${outDir} is unchanged.` : 'Nothing was published.');
  process.exit(1);
}

let now: number;
try {
  now = resolveNow(process.env['STATUS_NOW']);
} catch (error) {
  fail([(error as Error).message]);
}
const { problems } = checkSite(siteDir(), { now });
if (problems.length > 0) fail([`${problems.length} problem${problems.length === 1 ? '' : 's'}:`, ...problems.map((problem) => `  ${formatProblem(problem)}`)]);

rmSync(staging, { recursive: true, force: true });
const astro = resolve(import.meta.dirname, '../node_modules/astro/bin/astro.mjs');
const child = spawn(process.execPath, [astro, 'build', ...process.argv.slice(2)], {
  env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', STATUS_OUT_DIR: staging },
  stdio: ['inherit', 'inherit', 'pipe'],
});
// Astro prints stack traces with its errors; staff need the message, not the frames.
let errors = '';
child.stderr.setEncoding('utf8').on('data', (chunk: string) => (errors += chunk));
const code: number = await new Promise((done) => child.on('close', (status) => done(status ?? 1)));
const messages = errors.split('\n').filter((line) => line.trim() !== '' && !/^\s+at\s/.test(line) && !/^\s*Location:|node_modules/.test(line));
if (code !== 0) {
  rmSync(staging, { recursive: true, force: true });
  fail(['The build failed after the content check passed; this is a bug, please report it with these lines:', ...messages]);
}
if (messages.length > 0) console.error(messages.join('\n'));

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
