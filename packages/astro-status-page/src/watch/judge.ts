import { durationText } from '../rules/duration.ts';
import { visible } from '../rules/text.ts';
import type { LoadedBuild } from '../notify/snapshot.ts';

/*
 * The watchdog's verdict on each host, from what each served and what the
 * repository holds. Pure: no I/O, no clock. One line per problem, each naming
 * its host; a problem that explains the others is the only one said (a host
 * that is down is not also stale; a stale or lagging host necessarily serves
 * another build than its peers).
 */

/** What one host answered: its build, or why there was none. */
export type HostReading = { url: string; build: LoadedBuild } | { url: string; error: string };

/** An update the repository holds, with the time by which every host must publish it. */
export interface RepoUpdate {
  id: string;
  dueBy: number;
}

export interface WatchRules {
  now: number;
  /** The oldest a host's build may be. */
  maxAgeMs: number;
}

export interface HostVerdict {
  url: string;
  ok: boolean;
  /** One line per problem, or one line saying it is fine. */
  lines: string[];
}

const iso = (millis: number) =>
  new Date(millis)
    .toISOString()
    .replace(/:00\.000Z$/, 'Z')
    .replace(/\.000Z$/, 'Z');
// A host's build id is its text, not ours: shown with its controls made visible, and cut short.
const buildOf = (build: LoadedBuild) =>
  `build ${visible(build.context.page.build_id, 80)} of ${iso(build.snapshot.at)}`;
// Every update the host publishes: its notify index lists them all, not only the newest 50 incidents'.
const published = (build: LoadedBuild) => new Set(build.index.events.flatMap((event) => event.updates));

/** Every host's verdict, in the order given. */
export function judgeHosts(
  readings: readonly HostReading[],
  repo: readonly RepoUpdate[],
  { now, maxAgeMs }: WatchRules,
): HostVerdict[] {
  const fresh = readings.flatMap((reading) =>
    'build' in reading && now - reading.build.snapshot.at <= maxAgeMs ? [reading] : [],
  );
  const reference = referenceBuild(fresh.map((reading) => reading.build));
  const due = repo.filter((update) => update.dueBy <= now);
  return readings.map((reading) => {
    const { url } = reading;
    if ('error' in reading) return { url, ok: false, lines: [`${url}: unreachable: ${visible(reading.error, 300)}`] };
    const { build } = reading;
    const age = now - build.snapshot.at;
    if (age > maxAgeMs)
      return {
        url,
        ok: false,
        lines: [`${url}: stale: ${buildOf(build)}, ${durationText(age)} old (at most ${durationText(maxAgeMs)})`],
      };
    const has = published(build);
    const missing = due.filter((update) => !has.has(update.id));
    if (missing.length > 0) {
      const names = missing
        .slice(0, 3)
        .map((update) => update.id)
        .join(', ');
      return {
        url,
        ok: false,
        lines: [
          `${url}: behind main: ${buildOf(build)} lacks ${missing.length} update${missing.length === 1 ? '' : 's'} due by now (${names}${missing.length > 3 ? ', …' : ''})`,
        ],
      };
    }
    if (reference && build.context.page.build_id !== reference.context.page.build_id) {
      const peers = fresh
        .filter((other) => other.build.context.page.build_id === reference.context.page.build_id)
        .map((other) => other.url);
      return {
        url,
        ok: false,
        lines: [
          `${url}: another build: serves ${buildOf(build)}, while ${peers.join(', ')} serve${peers.length === 1 ? 's' : ''} ${buildOf(reference)}`,
        ],
      };
    }
    return { url, ok: true, lines: [`${url}: OK, ${buildOf(build)}, ${durationText(age)} old`] };
  });
}

/**
 * Promises the live page has broken at `now`: each open incident whose newest
 * update promised the next (`next_update_promised_by`) a minute or more ago,
 * as readers of the freshest build any host serves see it ("Update overdue by
 * 12 min"). One line each, with the page and the command that keeps the promise.
 */
export function overduePromises(readings: readonly HostReading[], now: number): string[] {
  const live = readings
    .flatMap((reading) => ('build' in reading ? [reading.build] : []))
    .reduce<LoadedBuild | undefined>(
      (newest, build) => (newest && newest.snapshot.at >= build.snapshot.at ? newest : build),
      undefined,
    );
  if (!live) return [];
  return live.snapshot.incidents.flatMap((incident) => {
    const promised =
      incident.next_update_promised_by === null ? Number.NaN : Date.parse(incident.next_update_promised_by);
    if (incident.status === 'resolved' || !(now - promised >= 60_000)) return [];
    return [
      `update overdue by ${durationText(now - promised)}: "${incident.name}" promised its next update by ${iso(promised)} (${incident.shortlink}); post one: npm run status -- update ${incident.id} --next 30m`,
    ];
  });
}

/** The build the hosts should agree on: the one most fresh hosts serve; of equals, the newest; of those, the first listed. */
function referenceBuild(builds: readonly LoadedBuild[]): LoadedBuild | undefined {
  const count = (id: string) => builds.filter((build) => build.context.page.build_id === id).length;
  return builds.reduce<LoadedBuild | undefined>((best, build) => {
    if (!best) return build;
    const [a, b] = [count(build.context.page.build_id), count(best.context.page.build_id)];
    return a > b || (a === b && build.snapshot.at > best.snapshot.at) ? build : best;
  }, undefined);
}

/** Every update the repository's API lists, due on every host by its time plus `allowanceMs` (the page's own promise: interval and grace). */
export function repoUpdates(build: LoadedBuild, allowanceMs: number): RepoUpdate[] {
  return [...build.snapshot.incidents, ...build.snapshot.maintenances].flatMap((event) =>
    event.incident_updates.map((update) => ({ id: update.id, dueBy: Date.parse(update.display_at) + allowanceMs })),
  );
}
