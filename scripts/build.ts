/**
 * `npm run build`: check, then build into a staging folder, then swap it in.
 *
 * A status page is edited mid-outage; a broken file must be refused clearly
 * and the last good site must keep being served. So the build first runs
 * exactly what `status check` runs (a problem stops it before Astro starts,
 * listed as file:line: field: message, with no stack trace), renders into
 * `<out>.staging`, and replaces `<out>` (dist/ by default) only when every
 * page was written. A failure leaves the previous folder byte for byte.
 *
 * Astro runs in this process and renders from what the check computed
 * (src/astro/checked-site.ts): the files are parsed, validated and their
 * Markdown rendered once per build, not once by the check and again by Astro.
 * The check runs on a worker thread (scripts/build-check.ts) while Astro
 * starts up; the pages wait for its model.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { enableCompileCache } from 'node:module';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { StatusModel } from '../src/model/status-model.ts';
import type { Problem } from '../src/files/validate.ts';

// The check is the longer half of the build and Astro waits for its model, so
// it starts first: this file's own modules (YAML, the schemas) take half a
// second to load, which the check now spends on its files. It reads the same
// STATUS_SITE_DIR and STATUS_NOW as below; a STATUS_NOW it cannot read is
// refused here, with its message, before its result is looked at.
type Checked = { problems: Problem[]; model?: StatusModel };
const check = new Worker(new URL('./build-check.ts', import.meta.url));
const checked = new Promise<Checked>((done, failed) => {
  check.once('message', done);
  check.once('error', failed);
  check.once('exit', (code) => failed(new Error(`the content check stopped with exit code ${code}`)));
});
// Handled below, once this file's modules have loaded; not an unhandled rejection meanwhile.
checked.catch(() => {});

const { handOverCheckedSite } = await import('../src/astro/checked-site.ts');
const { resolveNow } = await import('../src/rules/now.ts');
const { readSiteConfig, siteDir } = await import('../src/files/site-files.ts');
const { formatProblem } = await import('../src/files/validate.ts');

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
// The flags of `astro build` that make sense here; anything else is refused rather than silently ignored.
let flags: { silent?: boolean; verbose?: boolean; force?: boolean };
try {
  flags = parseArgs({ options: { silent: { type: 'boolean' }, verbose: { type: 'boolean' }, force: { type: 'boolean' } } }).values;
} catch (error) {
  fail([`${(error as Error).message}; npm run build takes --silent, --verbose or --force (e.g. npm run build -- --silent)`]);
}

const dir = siteDir();
const refuse = ({ problems }: Checked): never => {
  rmSync(staging, { recursive: true, force: true });
  return fail([`${problems.length} problem${problems.length === 1 ? '' : 's'}:`, ...problems.map((problem) => `  ${formatProblem(problem)}`)]);
};
const crashed = (error: unknown): never => fail(['The content check crashed; this is a bug, please report it with this line:', String((error as Error).message ?? error)]);

// astro.config.mjs reads the config too; a broken one is reported by the
// check, with every problem, never by Astro with a stack trace.
let configReads = true;
try {
  readSiteConfig(dir);
} catch {
  configReads = false;
}
if (!configReads) refuse(await checked.catch(crashed));

// The pages wait for the check's model; a refused site stops the build as
// soon as the check says so, before anything is published.
const model = checked.then(({ problems, model }) => (problems.length === 0 && model ? model : Promise.reject(new Error('the content check refused the site'))));
model.catch(() => {});
handOverCheckedSite({ dir, now, model });
void checked.then((result) => result.problems.length > 0 && refuse(result), crashed);

rmSync(staging, { recursive: true, force: true });
process.env['ASTRO_TELEMETRY_DISABLED'] = '1';
// astro.config.mjs reads it when build() loads the config.
process.env['STATUS_OUT_DIR'] = staging;
// Astro's own command keeps Node's compiled code between runs; so does this one.
enableCompileCache();
const { build } = await import('astro');
try {
  // No content sync: the pages take their model from the check, so Astro's
  // loader would only re-read the files and its types serve editors, not
  // builds. (`sync` is AstroBuilder's own option; an Astro that drops it
  // syncs as before, slower but the same pages.)
  await build({ logLevel: flags.silent ? 'silent' : flags.verbose ? 'debug' : 'info', force: flags.force ?? false }, { sync: false } as Parameters<typeof build>[1]);
} catch (error) {
  // A refused site explains itself; anything else after a passing check is a bug.
  const result = await checked.catch(crashed);
  if (result.problems.length > 0) refuse(result);
  rmSync(staging, { recursive: true, force: true });
  // Staff need the message, not the stack frames.
  const messages = String((error as Error).message ?? error).split('\n').filter((line) => line.trim() !== '' && !/^\s+at\s/.test(line));
  fail(['The build failed after the content check passed; this is a bug, please report it with these lines:', ...messages]);
}
const result = await checked.catch(crashed);
if (result.problems.length > 0) refuse(result);

rmSync(previous, { recursive: true, force: true });
if (existsSync(outDir)) renameSync(outDir, previous);
renameSync(staging, outDir);
rmSync(previous, { recursive: true, force: true });
