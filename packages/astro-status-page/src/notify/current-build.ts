import { join } from 'node:path';
import { openSite } from '../files/open-site.ts';
import { buildStatusModel, type StatusModel } from '../model/status-model.ts';
import { NOTIFY_INDEX_FILE } from '../outputs/notify-index.ts';
import { apiEvents } from '../outputs/api.ts';
import { indexOf } from './diff.ts';
import { apiFolder, indexFromJson, readNotifyIndex, type LoadedBuild } from './snapshot.ts';

/*
 * The build `notify` announces: the one just made. Its notify index says when
 * it was built and for which address; its events are computed again from the
 * site's files at that moment with the build's own model, in full, so any of
 * them can be announced or resent, and the two must agree.
 */

/** Every event of the site in `siteDir` as a build at `now` for `pageUrl` (default: the config's `url`) publishes it. */
export function buildFromSite(siteDir: string, now: number, pageUrl?: string): LoadedBuild {
  const { config, entries } = openSite(siteDir);
  return buildFromModel(buildStatusModel(config, entries, now), pageUrl ?? config.url);
}

/** Every event of a model as a build for `pageUrl` publishes it. */
export function buildFromModel(model: StatusModel, pageUrl: string): LoadedBuild {
  const url = new URL(pageUrl);
  const { page, status, incidents, maintenances } = apiEvents({ model, site: url.origin, base: url.pathname });
  const snapshot = { at: model.now, incidents, maintenances };
  return { snapshot, context: { page, status }, index: indexOf(snapshot) };
}

/** The build in `source` (a folder), its events computed from the site's files in `siteDir`; refused when the two disagree. */
export async function loadCurrent(source: string, siteDir: string): Promise<LoadedBuild> {
  const parsed = await readNotifyIndex(source, 0);
  if (parsed === undefined)
    throw new Error(
      `${join(apiFolder(source), NOTIFY_INDEX_FILE)}: not found; build the site with this version (npm run build), then notify`,
    );
  const index = indexFromJson(parsed);
  const build = buildFromSite(siteDir, index.at, parsed.url);
  const [built, computed] = [index.events, build.index.events].map((events) =>
    events.map((event) => JSON.stringify(event)),
  );
  const first = built!.findIndex((event, i) => event !== computed![i]);
  const at = first === -1 && built!.length !== computed!.length ? Math.min(built!.length, computed!.length) : first;
  if (at !== -1) {
    const id = (index.events[at] ?? build.index.events[at])!.id;
    throw new Error(
      `${source} was not built from the files in ${siteDir} (${id} differs): run notify in a checkout of the commit that was built, or build again`,
    );
  }
  return build;
}
