import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readCstateFolder } from '../src/import/cstate.ts';
import { bodyUpdates, expandShortcodes, hugoTime } from '../src/import/cstate-body.ts';
import { toSafeMarkdown } from '../src/import/markdown.ts';
import { readPublicFolder } from '../src/import/statuspage-source.ts';
import { splitFrontmatter } from '../src/files/frontmatter.ts';
import { byteLength, LIMITS } from '../src/rules/limits.ts';
import { parse } from 'yaml';

/**
 * `node bench/message-lengths.ts <folder> …`: the length in UTF-8 bytes of
 * every update in real histories (cState sites: a folder with config.yml;
 * Statuspage dumps: a folder of its API JSON), as the importer reads them
 * before any limit, with percentiles and how many the message limit admits.
 * This is how LIMITS.messageBytes is chosen (docs/files.md, "Limits").
 */

function cstateLengths(dir: string): number[] {
  return readCstateFolder(dir).issues.flatMap((issue) => {
    if (!('text' in issue)) return [];
    try {
      const split = splitFrontmatter(issue.text)!;
      const date = hugoTime((parse(split.yaml) as { date?: unknown }).date, 'date').at;
      return bodyUpdates(
        expandShortcodes(split.body, () => undefined, []),
        date,
        [],
        () => {},
        'en',
      ).map((update) => byteLength(update.message));
    } catch {
      return [];
    }
  });
}

async function statuspageLengths(dir: string): Promise<number[]> {
  const { incidents } = await readPublicFolder(dir);
  return incidents.flatMap((incident) =>
    incident.incident_updates.map((update) => byteLength(toSafeMarkdown(update.body))),
  );
}

/** "N updates: median …, 90% …, 99% …, 99.9% …, longest … bytes" (nearest-rank percentiles). */
function distribution(lengths: readonly number[]): string {
  const sorted = [...lengths].sort((a, b) => a - b);
  const at = (share: number) =>
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1))] ?? 0;
  return `${sorted.length} updates: median ${at(0.5)}, 90% ${at(0.9)}, 99% ${at(0.99)}, 99.9% ${at(0.999)}, longest ${sorted.at(-1) ?? 0} bytes`;
}

if (import.meta.main) {
  const all: number[] = [];
  for (const dir of process.argv.slice(2).map((arg) => resolve(arg))) {
    const lengths =
      existsSync(join(dir, 'config.yml')) || existsSync(join(dir, 'config.yaml'))
        ? cstateLengths(dir)
        : await statuspageLengths(dir);
    console.log(`${dir}: ${distribution(lengths)}`);
    all.push(...lengths);
  }
  console.log(`all: ${distribution(all)}`);
  const admitted = all.filter((length) => length <= LIMITS.messageBytes).length;
  console.log(
    `the limit (${LIMITS.messageBytes} bytes) admits ${admitted} of ${all.length} (${((100 * admitted) / all.length).toFixed(2)} %)`,
  );
  for (const limit of [600, 1000, 1400, 2000, 2600, 7000])
    console.log(
      `  ${limit} bytes would admit ${((100 * all.filter((length) => length <= limit).length) / all.length).toFixed(2)} %`,
    );
}
