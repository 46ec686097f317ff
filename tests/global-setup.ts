import { rmSync } from 'node:fs';
import { buildSite, TARGETS, TMP } from './helpers/build.ts';

/** Build every fixture site once, one after another (they would share Astro's caches otherwise). */
export default function setup() {
  rmSync(TMP, { recursive: true, force: true });
  for (const target of TARGETS) {
    const { status, output } = buildSite(target);
    if (status !== 0) throw new Error(`Building ${target.name} failed:\n${output}`);
  }
}
