import { spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { writeSyntheticSite } from '../bench/generate.ts';
import { buildSiteAsync, CHIRP, REPO, ROOT, TARGETS, TMP, type BuildTarget } from './helpers/build.ts';

/**
 * Build every fixture site once, for every test file to read. Builds run
 * side by side, one per core (at least two, at most four): each target has its
 * own out and cache folders, and Astro writes the shared .astro/ files atomically.
 */
export default async function setup() {
  // STATUS_TEST_TARGETS=a,b builds only those targets (for running one suite while working); the others keep their last build.
  const only = process.env.STATUS_TEST_TARGETS?.split(',').map((name) => name.trim());
  const targets = only ? TARGETS.filter((target) => only.includes(target.name)) : TARGETS;
  if (only) for (const target of targets) rmSync(join(TMP, target.name), { recursive: true, force: true });
  else rmSync(TMP, { recursive: true, force: true });
  // The integration, the check and the status bin run compiled from dist/: compile what the suites test, never an older dist/.
  const compiled = spawnSync(
    process.execPath,
    [resolve(REPO, 'node_modules/typescript/bin/tsc'), '-p', resolve(ROOT, 'tsconfig.build.json')],
    { encoding: 'utf8' },
  );
  if (compiled.status !== 0) throw new Error(`Compiling the engine failed:\n${compiled.stdout}${compiled.stderr}`);
  for (const target of targets) {
    if (target.synthetic)
      writeSyntheticSite(target.siteDir, CHIRP, { count: target.synthetic, now: Date.parse(target.now) });
    if (target.variantOf) {
      for (const part of ['status.config.yaml', 'incidents'])
        cpSync(join(target.variantOf.siteDir, part), join(target.siteDir, part), { recursive: true });
      appendFileSync(join(target.siteDir, 'status.config.yaml'), target.variantOf.config);
    }
  }
  const queue = [...targets];
  const failures: string[] = [];
  const worker = async () => {
    for (let target: BuildTarget | undefined; (target = queue.shift());) {
      const { status, output } = await buildSiteAsync(target);
      if (status !== 0) failures.push(`Building ${target.name} failed:\n${output}`);
    }
  };
  await Promise.all(Array.from({ length: Math.max(2, Math.min(4, availableParallelism())) }, worker));
  if (failures.length > 0) throw new Error(failures.join('\n\n'));
}
