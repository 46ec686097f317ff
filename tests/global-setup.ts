import { rmSync } from 'node:fs';
import { writeSyntheticSite } from '../bench/generate.ts';
import { buildSite, ROOT, TARGETS, TMP } from './helpers/build.ts';

/** Build every fixture site once, one after another (they would share Astro's caches otherwise). */
export default function setup() {
  rmSync(TMP, { recursive: true, force: true });
  for (const target of TARGETS) {
    if (target.synthetic) writeSyntheticSite(target.siteDir, ROOT, { count: target.synthetic, now: Date.parse(target.now) });
    const { status, output } = buildSite(target);
    if (status !== 0) throw new Error(`Building ${target.name} failed:\n${output}`);
  }
}
