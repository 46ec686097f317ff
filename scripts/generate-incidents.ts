/**
 * Write a large, deterministic site for timing `check` and the build:
 * `node scripts/generate-incidents.ts <out-dir> [count=1000]` copies this
 * site's status.config.yaml and writes `count` resolved incidents, one every
 * 9 hours back from 2022-12-28, each with three or four updates. The files
 * are made by the CLI's own writers, so they are in the format staff write.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { incidentFilePath, renderIncident } from '../src/cli/new-file.ts';
import { insertUpdate, isoSeconds } from '../src/cli/timeline.ts';
import { readSiteConfig } from '../src/lib/site-files.ts';
import { listComponents } from '../src/schemas/site-config.ts';
import { IMPACTS, INCIDENT_COMPONENT_STATUSES } from '../src/schemas/statuses.ts';

const [outArg, countArg = '1000'] = process.argv.slice(2);
if (!outArg) {
  console.error('usage: node scripts/generate-incidents.ts <out-dir> [count]');
  process.exit(1);
}
const out = resolve(outArg);
const count = Number(countArg);
const root = resolve(import.meta.dirname, '..');
const ids = listComponents(readSiteConfig(root)).map((component) => component.id);

// A fixed-seed generator, so every run writes the same files.
let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

mkdirSync(out, { recursive: true });
copyFileSync(join(root, 'status.config.yaml'), join(out, 'status.config.yaml'));
const latest = Date.parse('2022-12-28T00:00:00Z');
for (let i = 0; i < count; i++) {
  const start = latest - i * 9 * 3_600_000;
  const components = [...new Set([pick(ids), pick(ids)])].map((id): [string, string] => [id, pick(INCIDENT_COMPONENT_STATUSES)]);
  const minute = 60_000;
  let text = renderIncident({
    title: `Generated incident ${i + 1}`,
    impact: pick(IMPACTS),
    components,
    started: isoSeconds(start),
    update: { at: isoSeconds(start + 10 * minute), status: 'investigating', message: `We are investigating problems with ${components.map(([id]) => id).join(' and ')}.` },
  });
  text = insertUpdate(text, { at: isoSeconds(start + 40 * minute), status: 'identified', message: 'We found the cause and are fixing it.' });
  if (random() < 0.5) text = insertUpdate(text, { at: isoSeconds(start + 70 * minute), status: 'monitoring', message: 'A fix is out; we are watching.' });
  text = insertUpdate(text, { at: isoSeconds(start + 100 * minute), status: 'resolved', message: 'This incident has been resolved.' });
  const { path } = incidentFilePath(isoSeconds(start), `generated-${i + 1}`);
  mkdirSync(dirname(join(out, path)), { recursive: true });
  writeFileSync(join(out, path), `${text}\nGenerated for timing; not a real incident.\n`);
}
console.log(`Wrote ${count} incidents under ${join(out, 'incidents')}`);
