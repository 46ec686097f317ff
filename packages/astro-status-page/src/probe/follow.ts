import type { ProbeResult } from '../files/probe-data.ts';
import type { ProbeConfig } from '../files/schemas/probes-config.ts';
import type { ValidIncidentFile } from '../files/validate.ts';
import type { NewUpdate } from '../files/incident-writer.ts';
import { eventAt, isActive, type IncidentEvent } from '../model/events.ts';
import { impliedImpact, worseImpact } from '../rules/levels.ts';
import type { ComponentStatus, Impact } from '../rules/statuses.ts';

/*
 * What measured facts do to incidents, decided on plain data: a component
 * whose checks failed `open_after` runs in a row, with no open incident
 * naming it, gets one; the incident the probe opened (its `source.probe`)
 * gets an update when the measured status changes, `monitoring` after
 * `close_after` passing runs, and `resolved` after as many more only with
 * `auto_resolve`. Incidents staff opened are never written to.
 */

/** What a component's checks measured in one run. */
export type MeasuredStatus = 'operational' | Exclude<ComponentStatus, 'under_maintenance'>;

export interface Run {
  at: number;
  status: MeasuredStatus;
  /** The failing checks' reasons, e.g. ["HTTP 503"]. */
  whys: string[];
}

/**
 * A run's status from its checks: all pass, operational; only slow or a
 * certificate near expiry, degraded performance; every check without an
 * answer (or 5xx), major outage; any other failure, partial outage.
 */
export function runStatus(results: readonly ProbeResult[]): MeasuredStatus {
  const failed = results.filter((result) => !result.ok);
  if (failed.length === 0) return 'operational';
  if (failed.every((result) => result.failure === 'slow' || result.failure === 'cert')) return 'degraded_performance';
  if (failed.length === results.length && failed.every((result) => result.failure === 'down')) return 'major_outage';
  return 'partial_outage';
}

/** A component's runs, oldest first, from its checks' results (a run is the results sharing an `at`). */
export function componentRuns(results: readonly ProbeResult[], component: string): Run[] {
  const byRun = new Map<string, ProbeResult[]>();
  for (const result of results)
    if (result.component === component) byRun.set(result.at, [...(byRun.get(result.at) ?? []), result]);
  return [...byRun.entries()]
    .map(([at, rows]) => ({
      at: Date.parse(at),
      status: runStatus(rows),
      whys: [...new Set(rows.filter((row) => !row.ok).map((row) => row.why ?? 'failed'))],
    }))
    .sort((a, b) => a.at - b.at);
}

/** The runs at the end that are all failing (or all passing): the current streak. */
function streak(runs: readonly Run[], failing: boolean): Run[] {
  let start = runs.length;
  while (start > 0 && (runs[start - 1]!.status !== 'operational') === failing) start--;
  return runs.slice(start);
}

/** A component's settings: with several checks, the largest counts and any auto_resolve. */
export function policyOf(
  probes: readonly ProbeConfig[],
): Pick<ProbeConfig, 'open_after' | 'close_after' | 'auto_resolve'> {
  return {
    open_after: Math.max(...probes.map((probe) => probe.open_after)),
    close_after: Math.max(...probes.map((probe) => probe.close_after)),
    auto_resolve: probes.some((probe) => probe.auto_resolve),
  };
}

/** What the probe does for one component this run. */
export type Action =
  | {
      kind: 'open';
      component: string;
      status: Exclude<MeasuredStatus, 'operational'>;
      started: number;
      at: number;
      whys: string[];
    }
  | {
      kind: 'update';
      component: string;
      file: string;
      slug: string;
      update: Omit<NewUpdate, 'message'>;
      since: number;
      whys: string[];
    }
  | { kind: 'none' };

/**
 * The incidents naming `component` that are open at `now`, or after their
 * last update when that is later: a clock set back (a prober's, or a second
 * prober's behind the first) still sees the incident written at the later
 * time, so it follows that one instead of opening a second.
 */
function openIncidentsOf(
  files: readonly ValidIncidentFile[],
  component: string,
  now: number,
): Array<{ file: ValidIncidentFile; event: IncidentEvent }> {
  return files.flatMap((file) => {
    const lastUpdate = Math.max(...file.data.updates.map((update) => Date.parse(update.at)));
    const event = eventAt(file, Math.max(now, lastUpdate));
    return event?.kind === 'incident' &&
      isActive(event) &&
      event.components.some((affected) => affected.id === component)
      ? [{ file, event }]
      : [];
  });
}

const iso = (millis: number) => new Date(millis).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** Decide for one component, given its runs (this one last), its settings and the incident files. Pure. */
export function decide(
  component: string,
  runs: readonly Run[],
  policy: ReturnType<typeof policyOf>,
  files: readonly ValidIncidentFile[],
  now: number,
): Action {
  const last = runs.at(-1);
  if (!last) return { kind: 'none' };
  const open = openIncidentsOf(files, component, now);
  const own = open.find(({ file }) => file.data.kind === 'incident' && file.data.source?.probe === component);
  if (!own) {
    const failing = streak(runs, true);
    if (open.length > 0 || failing.length < policy.open_after || last.status === 'operational') return { kind: 'none' };
    return { kind: 'open', component, status: last.status, started: failing[0]!.at, at: last.at, whys: last.whys };
  }
  const { file, event } = own;
  const shown = event.components.find((affected) => affected.id === component)?.status ?? 'operational';
  const at = iso(Math.max(last.at, event.updates.at(-1)!.at));
  const base = { component, file: file.file, slug: file.slug } as const;
  if (last.status !== 'operational') {
    // Only a change of what was measured is news: a status staff set while the measure stayed the same is theirs to keep.
    if (shown === last.status || runs.at(-2)?.status === last.status) return { kind: 'none' };
    const status = event.status === 'monitoring' ? 'investigating' : event.status;
    const impact: Impact = worseImpact(event.impact, impliedImpact([last.status]));
    const since = streak(runs, true).find((run) => run.status === last.status)?.at ?? last.at;
    return {
      ...base,
      kind: 'update',
      since,
      whys: last.whys,
      update: { at, status, components: [[component, last.status]], ...(impact === event.impact ? {} : { impact }) },
    };
  }
  const passing = streak(runs, false);
  const since = passing[0]!.at;
  const othersDown = event.components.some(
    (affected) => affected.id !== component && affected.status !== 'operational',
  );
  if (event.status !== 'monitoring' && shown !== 'operational' && passing.length >= policy.close_after) {
    return {
      ...base,
      kind: 'update',
      since,
      whys: [],
      update: {
        at,
        status: 'monitoring',
        components: [[component, 'operational']],
        ...(othersDown || event.impact === 'none' ? {} : { impact: 'none' }),
      },
    };
  }
  if (policy.auto_resolve && event.status === 'monitoring' && !othersDown && passing.length >= 2 * policy.close_after) {
    return { ...base, kind: 'update', since, whys: [], update: { at, status: 'resolved' } };
  }
  return { kind: 'none' };
}
