import { appendFileSync, cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { writeSyntheticSite } from '../bench/generate.ts';
import { buildSite, ROOT, TARGETS, TMP } from './helpers/build.ts';

/** Build every fixture site once, one after another (they would share Astro's caches otherwise). */
export default function setup() {
  rmSync(TMP, { recursive: true, force: true });
  for (const target of TARGETS) {
    if (target.synthetic) writeSyntheticSite(target.siteDir, ROOT, { count: target.synthetic, now: Date.parse(target.now) });
    if (target.variantOf) {
      for (const part of ['status.config.yaml', 'incidents']) cpSync(join(target.variantOf.siteDir, part), join(target.siteDir, part), { recursive: true });
      appendFileSync(join(target.siteDir, 'status.config.yaml'), target.variantOf.config);
    }
    const { status, output } = buildSite(target);
    if (status !== 0) throw new Error(`Building ${target.name} failed:\n${output}`);
  }
}
