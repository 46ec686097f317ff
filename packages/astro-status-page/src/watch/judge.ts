import { durationText } from '../rules/duration.ts';
import { isoMinutes } from '../rules/timestamp.ts';
import { visible } from '../rules/text.ts';
import type { LoadedBuild } from '../notify/snapshot.ts';

/*
 * The watchdog's verdict on each host, from what each served and what the
 * repository holds. Pure: no I/O, no clock. One line per problem, each naming
 * its host; a problem that explains the others is the only one said (a host
 * that is down is not also stale; a stale or lagging host necessarily serves
 * another build than its peers).
 */

/**
 * What the watchdog keeps of a host's build: its id and time, every update it
 * publishes, and the promises its open incidents make. A host's API files may
 * take a hundred megabytes once parsed; this is what is left of them.
 */
export interface HostBuild {
  buildId: string;
  at: number;
  /** Of the updates asked about (the repository's), those it publishes: its notify index lists them all, not only the newest 50 incidents'. */
  updates: string[];
  /** Its open incidents that promise their next update. */
  promises: Array<{ id: string; name: string; shortlink: string; promisedBy: number }>;
}

/** A build as the watchdog keeps it, asked about the updates `repo` holds (repoUpdates). */
export function hostBuild(build: LoadedBuild, repo: readonly RepoUpdate[]): HostBuild {
  const published = new Set(build.index.events.flatMap((event) => event.updates));
  return {
    buildId: build.context.page.build_id,
    at: build.snapshot.at,
    updates: repo.flatMap(({ id }) => (published.has(id) ? [id] : [])),
    promises: build.snapshot.incidents.flatMap(({ id, name, shortlink, status, next_update_promised_by }) =>
      status === 'resolved' || next_update_promised_by === null
        ? []
        : [{ id, name, shortlink, promisedBy: Date.parse(next_update_promised_by) }],
    ),
  };
}

/** What one host answered: its build, or why there was none. */
export type HostReading = { url: string; build: HostBuild } | { url: string; error: string };

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
  /** A failing host's problem as staff were told it: its identity (problemKey) and its line. */
  problem?: WatchProblem;
}

/** What the watchdog finds wrong: a host failing, or a promise broken. */
export type ProblemKind = 'unreachable' | 'stale' | 'behind main' | 'another build' | 'overdue promise';

/** One problem: its identity from run to run (`key`), and the line that says it now. */
export interface WatchProblem {
  key: string;
  line: string;
}

/**
 * A problem's identity, the same on every run while the problem lasts: what
 * it is about (a host's URL, an incident's id), its kind, and what makes it
 * another problem when it changes (the build a host serves, the time a
 * promise was due by). Never what grows with time (a build's age, how
 * overdue a promise is) or what a host says in passing (an error's text):
 * staff are alerted again only when the problem is another one.
 */
export function problemKey(kind: ProblemKind, about: string, detail = ''): string {
  // A host's build id is its text: kept short, so a hostile one cannot swell the state file.
  return JSON.stringify([about.slice(0, 300), kind, detail.slice(0, 200)]);
}

// A host's build id is its text, not ours: shown with its controls made visible, and cut short.
const buildOf = (build: HostBuild) => `build ${visible(build.buildId, 80)} of ${isoMinutes(build.at)}`;

/** Every host's verdict, in the order given. */
export function judgeHosts(
  readings: readonly HostReading[],
  repo: readonly RepoUpdate[],
  { now, maxAgeMs }: WatchRules,
): HostVerdict[] {
  const fresh = readings.flatMap((reading) =>
    'build' in reading && now - reading.build.at <= maxAgeMs ? [reading] : [],
  );
  const reference = referenceBuild(fresh.map((reading) => reading.build));
  const due = repo.filter((update) => update.dueBy <= now);
  return readings.map((reading) => {
    const { url } = reading;
    const failing = (kind: ProblemKind, line: string, detail?: string): HostVerdict => ({
      url,
      ok: false,
      lines: [line],
      problem: { key: problemKey(kind, url, detail), line },
    });
    if ('error' in reading) return failing('unreachable', `${url}: unreachable: ${visible(reading.error, 300)}`);
    const { build } = reading;
    const age = now - build.at;
    if (age > maxAgeMs)
      return failing(
        'stale',
        `${url}: stale: ${buildOf(build)}, ${durationText(age)} old (at most ${durationText(maxAgeMs)})`,
        build.buildId,
      );
    const has = new Set(build.updates);
    const missing = due.filter((update) => !has.has(update.id));
    if (missing.length > 0) {
      const names = missing
        .slice(0, 3)
        .map((update) => update.id)
        .join(', ');
      return failing(
        'behind main',
        `${url}: behind main: ${buildOf(build)} lacks ${missing.length} update${missing.length === 1 ? '' : 's'} due by now (${names}${missing.length > 3 ? ', …' : ''})`,
        build.buildId,
      );
    }
    if (reference && build.buildId !== reference.buildId) {
      const peers = fresh.filter((other) => other.build.buildId === reference.buildId).map((other) => other.url);
      return failing(
        'another build',
        `${url}: another build: serves ${buildOf(build)}, while ${peers.join(', ')} serve${peers.length === 1 ? 's' : ''} ${buildOf(reference)}`,
        build.buildId,
      );
    }
    return { url, ok: true, lines: [`${url}: OK, ${buildOf(build)}, ${durationText(age)} old`] };
  });
}

/**
 * Promises the live page has broken at `now`: each open incident whose newest
 * update promised the next (`next_update_promised_by`) a minute or more ago,
 * as readers of the freshest build any host serves see it ("Update overdue by
 * 12 min"). One line each, with the page and the command that keeps the promise;
 * a later promise of the same incident, broken in its turn, is another problem.
 */
export function overduePromises(readings: readonly HostReading[], now: number): WatchProblem[] {
  const live = readings
    .flatMap((reading) => ('build' in reading ? [reading.build] : []))
    .reduce<HostBuild | undefined>((newest, build) => (newest && newest.at >= build.at ? newest : build), undefined);
  if (!live) return [];
  return live.promises.flatMap(({ id, name, shortlink, promisedBy }) =>
    now - promisedBy >= 60_000
      ? [
          {
            key: problemKey('overdue promise', id, isoMinutes(promisedBy)),
            line: `update overdue by ${durationText(now - promisedBy)}: "${name}" promised its next update by ${isoMinutes(promisedBy)} (${shortlink}); post one: npm run status -- update ${id} --next 30m`,
          },
        ]
      : [],
  );
}

/** The build the hosts should agree on: the one most fresh hosts serve; of equals, the newest; of those, the first listed. */
function referenceBuild(builds: readonly HostBuild[]): HostBuild | undefined {
  const count = (id: string) => builds.filter((build) => build.buildId === id).length;
  return builds.reduce<HostBuild | undefined>((best, build) => {
    if (!best) return build;
    const [a, b] = [count(build.buildId), count(best.buildId)];
    return a > b || (a === b && build.at > best.at) ? build : best;
  }, undefined);
}

/** Every update the repository's API lists, due on every host by its time plus `allowanceMs` (the page's own promise: interval and grace). */
export function repoUpdates(build: LoadedBuild, allowanceMs: number): RepoUpdate[] {
  return [...build.snapshot.incidents, ...build.snapshot.maintenances].flatMap((event) =>
    event.incident_updates.map((update) => ({ id: update.id, dueBy: Date.parse(update.display_at) + allowanceMs })),
  );
}
