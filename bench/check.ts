import { resolve } from 'node:path';
import { listComponents } from '../src/files/schemas/site-config.ts';
import { readIncidentSources, readSiteConfig } from '../src/files/site-files.ts';
import { formatProblem, validateIncidentFiles } from '../src/files/validate.ts';

/**
 * What the CLI's `check` does, timed on its own: read the config and every
 * incident file, validate them all, print the problems. `node bench/check.ts <site dir>`;
 * exits 1 if any file is wrong. Kept here so the benchmark does not depend on
 * the CLI's command-line parsing.
 */
const dir = resolve(process.argv[2] ?? '.');
const componentIds = listComponents(readSiteConfig(dir)).map((component) => component.id);
const sources = readIncidentSources(dir);
const { entries, problems } = validateIncidentFiles(sources, componentIds);
for (const problem of problems) console.error(formatProblem(problem));
console.log(`${entries.length} of ${sources.length} files valid`);
process.exitCode = problems.length > 0 ? 1 : 0;
