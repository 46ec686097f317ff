import type { z } from 'astro/zod';
import { incidentSteps, type IncidentTimelineInput } from '../../rules/incident-timeline.ts';
import { IMPACT_OF_STATUS } from '../../rules/levels.ts';
import type { ComponentStatus, Impact, IncidentStatus } from '../../rules/statuses.ts';

/** An incident's fields as parsed, timestamps still ISO text. */
interface ParsedIncident {
  impact: Impact;
  components: Record<string, ComponentStatus>;
  started?: string | undefined;
  ended?: string | undefined;
  updates: Array<{
    at: string;
    status: IncidentStatus;
    impact?: Impact | undefined;
    components?: Record<string, ComponentStatus> | undefined;
    reopened?: true | undefined;
    into?: string | undefined;
  }>;
}

const toTimeline = (data: ParsedIncident): IncidentTimelineInput => ({
  ...data,
  started: data.started === undefined ? undefined : Date.parse(data.started),
  ended: data.ended === undefined ? undefined : Date.parse(data.ended),
  updates: data.updates.map((update) => ({ ...update, at: Date.parse(update.at) })),
});

/**
 * Rules on how statuses move with the updates: a resolving update leaves
 * everything operational, and an incident never says "no impact" while one of
 * its components is down (the page would be green above a red row).
 */
export function checkIncidentStatuses(data: ParsedIncident, ctx: z.RefinementCtx): void {
  data.updates.forEach((update, i) => {
    if (update.status === 'merged' && update.into === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['updates', i, 'status'],
        message:
          'is "merged" without "into": name the incident that follows this one, e.g. "into: 2022-12-28-login-failing" (`npm run status -- update <id> --merge-into <other>` writes it)',
      });
    if (update.status !== 'merged' && update.into !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['updates', i, 'into'],
        message: `is only allowed on an update with status "merged", not "${update.status}"; write "status: merged" to say this incident is followed in ${update.into} from now on, or remove "into"`,
      });
    if (update.status === 'merged') {
      for (const id of Object.keys(update.components ?? {}))
        ctx.addIssue({
          code: 'custom',
          path: ['updates', i, 'components', id],
          message: `is not allowed on a merged update: the incident it is merged into carries each component's status from then on; set ${id} there, or remove it here`,
        });
    }
    if (update.status !== 'resolved') return;
    for (const [id, status] of Object.entries(update.components ?? {})) {
      if (status === 'operational') continue;
      ctx.addIssue({
        code: 'custom',
        path: ['updates', i, 'components', id],
        message: `is "${status}" on a resolved update, but resolving returns every component to operational; remove it, or post it in a monitoring update before resolving`,
      });
    }
  });
  // Timelines that broke an earlier rule (order, closing status) are reported there.
  const steps = incidentSteps(toTimeline(data));
  for (const step of steps) {
    if (step.resolved || step.declaredImpact !== 'none') continue;
    const down = [...step.statuses].find(([, status]) => status !== 'operational');
    if (!down) continue;
    const [id, status] = down;
    const update = step.update === null ? undefined : data.updates[step.update];
    const path =
      step.update !== null && update?.components?.[id] !== undefined
        ? ['updates', step.update, 'components', id]
        : step.update !== null && update?.impact !== undefined
          ? ['updates', step.update, 'impact']
          : ['impact'];
    ctx.addIssue({
      code: 'custom',
      path,
      message: `the impact is "none" but ${id} is ${status}; an incident that takes a component down has an impact. Write impact: ${IMPACT_OF_STATUS[status]} (what ${status} means), or set ${id} to operational`,
    });
    return;
  }
}
