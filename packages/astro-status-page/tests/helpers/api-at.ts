import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApi, type Api } from '../../src/outputs/api.ts';
import { buildStatusModel } from '../../src/model/status-model.ts';
import { openSite } from '../../src/files/open-site.ts';
import { NOTIFY_INDEX_FILE, notifyIndex } from '../../src/outputs/notify-index.ts';
import { buildFromSite } from '../../src/notify/current-build.ts';
import type { LoadedBuild } from '../../src/notify/snapshot.ts';

/**
 * The API a build of `siteDir` at `now` publishes, computed in-process with
 * the build's own model and API code (the same functions the API pages
 * call), so notification tests can replay many "builds" in milliseconds.
 */
export function apiAt(siteDir: string, now: string): Api {
  const { config, entries } = openSite(siteDir);
  const model = buildStatusModel(config, entries, Date.parse(now));
  return buildApi({ model, site: config.url, base: '/' });
}

/** The build as `notify` reads it: every event, computed from the site's files at `now`. */
export function buildAt(siteDir: string, now: string): LoadedBuild {
  return buildFromSite(siteDir, Date.parse(now));
}

/** Write the API files `notify` reads into `dir` (as a build's `api/v2/` holds them): the Statuspage endpoints and the notify index. */
export function writeApiAt(siteDir: string, now: string, dir: string): void {
  const api = apiAt(siteDir, now);
  mkdirSync(dir, { recursive: true });
  for (const file of ['status.json', 'incidents.json', 'scheduled-maintenances.json'] as const)
    writeFileSync(join(dir, file), JSON.stringify(api[file], null, 2));
  const { config, entries } = openSite(siteDir);
  const model = buildStatusModel(config, entries, Date.parse(now));
  writeFileSync(
    join(dir, NOTIFY_INDEX_FILE),
    JSON.stringify(notifyIndex(model.events, model.now, api['status.json'].page.url)),
  );
}

/**
 * The API of a build of `siteDir` at `now`, its lists grown to just under
 * `maxBytes` a file: after the real entries, the incidents and maintenances
 * again under new ids, and in the notify index as many one-update events as
 * fit (the most objects its bytes can hold). A host at the cap of what the
 * watchdog reads, every file well formed, still publishing the real build.
 */
export function writeFullApiAt(siteDir: string, now: string, dir: string, maxBytes: number): void {
  writeApiAt(siteDir, now, dir);
  const grow = (file: string, list: string, extra: (real: Array<{ id: string }>, i: number) => unknown) => {
    const json = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Record<string, Array<{ id: string }>>;
    const real = json[list]!;
    const entries: unknown[] = [...real];
    let size = JSON.stringify(json).length;
    for (let i = 0; ; i++) {
      const next = extra(real, i);
      size += JSON.stringify(next).length + 1;
      if (size > maxBytes) break;
      entries.push(next);
    }
    writeFileSync(join(dir, file), JSON.stringify({ ...json, [list]: entries }));
  };
  const copy = (real: Array<{ id: string }>, i: number) => ({ ...real[i % real.length]!, id: `copy-${i}` });
  grow('incidents.json', 'incidents', copy);
  grow('scheduled-maintenances.json', 'scheduled_maintenances', copy);
  grow(NOTIFY_INDEX_FILE, 'incidents', (_, i) => ({ id: `e${i.toString(36)}`, u: [1_672_000_000 + i], r: null }));
}
