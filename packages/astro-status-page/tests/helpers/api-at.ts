import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApi, type Api } from '../../src/outputs/api.ts';
import { buildStatusModel } from '../../src/model/status-model.ts';
import { openSite } from '../../src/files/open-site.ts';
import { NOTIFY_INDEX_FILE, notifyIndex } from '../../src/outputs/notify-index.ts';
import { buildFromSite, type LoadedBuild } from '../../src/notify/snapshot.ts';

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
