import { closes, type ComponentStatus, type Impact, type IncidentStatus } from './statuses.ts';
import { impliedImpact, worseImpact } from './levels.ts';

/*
 * How an incident's component statuses and impact move with its updates. The
 * incident-level `components` and `impact` hold from `started` (or the first
 * update); each update may change some of them; `resolved` returns every
 * affected component to operational, `merged` hands them to another incident
 * (this one's stretches end, no recovery is recorded), and an update marked `reopened` brings
 * back the statuses held before the resolution. The validator, the pages, the
 * uptime and the API all read this one computation.
 */

export interface TimelineUpdateInput {
  at: number;
  status: IncidentStatus;
  impact?: Impact | undefined;
  components?: Readonly<Record<string, ComponentStatus>> | undefined;
  reopened?: boolean | undefined;
}

export interface IncidentTimelineInput {
  impact: Impact;
  components: Readonly<Record<string, ComponentStatus>>;
  started?: number | undefined;
  /** When it ended without a resolving update (`ended:`): resolved then, as a resolving update would. */
  ended?: number | undefined;
  /** Oldest first. */
  updates: readonly TimelineUpdateInput[];
}

export interface StatusChange {
  id: string;
  from: ComponentStatus;
  to: ComponentStatus;
}

/** The incident's state from `at` until the next step. */
export interface IncidentStep {
  at: number;
  /** Index of the update that began this step; null for the stretch from `started` to the first update. */
  update: number | null;
  /** The impact staff declared, as last set. */
  declaredImpact: Impact;
  /**
   * The impact shown: the declared one, raised to what the component statuses
   * imply (for a resolving update, the statuses it ended).
   */
  impact: Impact;
  /** Every component the incident has named so far, in the order it named them. */
  statuses: ReadonlyMap<string, ComponentStatus>;
  /** Closed by this update: `resolved`, or `merged` into another incident. */
  resolved: boolean;
  /**
   * Closed by a `merged` update: the incident it is merged into carries its
   * components from then on, so its stretches end here but no change is
   * recorded (nothing recovered at this moment).
   */
  merged: boolean;
  /** What this update changed, each component from its status before the update (operational before the first). */
  changes: StatusChange[];
}

/** One stretch during which the incident held one component in one status other than operational. */
export interface StatusSegment {
  id: string;
  status: ComponentStatus;
  start: number;
  /** Null while it still holds at the last published update. */
  end: number | null;
}

function diff(
  before: ReadonlyMap<string, ComponentStatus>,
  after: ReadonlyMap<string, ComponentStatus>,
): StatusChange[] {
  const changes: StatusChange[] = [];
  for (const [id, to] of after) {
    const from = before.get(id) ?? 'operational';
    if (from !== to) changes.push({ id, from, to });
  }
  return changes;
}

const allOperational = (statuses: ReadonlyMap<string, ComponentStatus>) =>
  new Map([...statuses.keys()].map((id) => [id, 'operational' as ComponentStatus]));

/** Every step of the incident, oldest first: one per update, plus one from `started` when it precedes the first update. */
export function incidentSteps(input: IncidentTimelineInput): IncidentStep[] {
  const steps: IncidentStep[] = [];
  let statuses = new Map(Object.entries(input.components));
  let declared = input.impact;
  let beforeResolution: Map<string, ComponentStatus> | undefined;
  const step = (
    at: number,
    update: number | null,
    resolved: boolean,
    changes: StatusChange[],
    merged = false,
  ): IncidentStep => ({
    at,
    update,
    declaredImpact: declared,
    impact: worseImpact(declared, impliedImpact((resolved ? beforeResolution! : statuses).values())),
    statuses: new Map(statuses),
    resolved,
    merged,
    changes,
  });
  const first = input.updates[0];
  if (input.started !== undefined && first && input.started < first.at)
    steps.push(step(input.started, null, false, []));
  input.updates.forEach((update, i) => {
    const before = i === 0 ? new Map<string, ComponentStatus>() : new Map(statuses);
    if (update.reopened && beforeResolution) statuses = new Map(beforeResolution);
    for (const [id, status] of Object.entries(update.components ?? {})) statuses.set(id, status);
    if (update.impact) declared = update.impact;
    const merged = update.status === 'merged';
    const resolved = closes('incident', update.status);
    // Posted after the fact as resolved at once: keep a zero-length stretch so the components still record it.
    if (resolved && steps.length === 0) steps.push(step(update.at, null, false, []));
    if (resolved) {
      beforeResolution = new Map(statuses);
      statuses = allOperational(statuses);
    }
    // Merged: the other incident carries each component on; nothing recovered here.
    steps.push(step(update.at, i, resolved, merged ? [] : diff(before, statuses), merged));
  });
  const last = steps.at(-1);
  if (input.ended !== undefined && last && !last.resolved && input.ended >= last.at) {
    const before = new Map(statuses);
    beforeResolution = new Map(statuses);
    statuses = allOperational(statuses);
    steps.push(step(input.ended, null, true, diff(before, statuses)));
  }
  return steps;
}

/**
 * Each component's stretches away from operational, oldest first; an update
 * that leaves a component's status as it was continues its stretch.
 */
export function statusSegments(steps: readonly IncidentStep[]): StatusSegment[] {
  const segments: StatusSegment[] = [];
  const open = new Map<string, StatusSegment>();
  for (const step of steps) {
    for (const [id, status] of step.statuses) {
      const current = open.get(id);
      if (current?.status === status) continue;
      if (current) {
        current.end = step.at;
        open.delete(id);
      }
      if (status !== 'operational') {
        const segment: StatusSegment = { id, status, start: step.at, end: null };
        segments.push(segment);
        open.set(id, segment);
      }
    }
  }
  return segments;
}

/** The most severe impact the incident was shown at. */
export function peakImpact(steps: readonly IncidentStep[]): Impact {
  return steps.reduce<Impact>((peak, step) => worseImpact(peak, step.impact), 'none');
}
