import { resolve } from 'node:path';
import { openSite } from '../src/files/open-site.ts';
import { formatProblem } from '../src/files/validate.ts';

/**
 * What the CLI's `check` does, timed on its own: read the config and every
 * incident file, validate them all, print the problems. `node bench/check.ts <site dir>`;
 * exits 1 if any file is wrong. Kept here so the benchmark does not depend on
 * the CLI's command-line parsing.
 */
const { entries, problems, sources } = openSite(resolve(process.argv[2] ?? '.'));
for (const problem of problems) console.error(formatProblem(problem));
console.log(`${entries.length} of ${sources.length} files valid`);
process.exitCode = problems.length > 0 ? 1 : 0;
