import { fill } from '../i18n/catalog.ts';
import type { SiteText } from './site-text.ts';
import type { AffectedComponent, FollowedIn, StatusEvent, TimelineUpdate } from './events.ts';
import { worstStatus, type Level } from '../rules/levels.ts';
import { COMPONENT_STATUSES, type ComponentStatus } from '../rules/statuses.ts';

/*
 * The words a page shows for an event, in the site's language: every string
 * comes from the catalog (src/i18n), every duration from the site's dates.
 */

/** The level an event is shown at: its impact, or maintenance. */
export const eventLevel = (event: StatusEvent): Level => (event.kind === 'incident' ? event.impact : 'maintenance');

/** "Major system outage" for incidents (the banner's words), "Maintenance" for maintenance. */
export function severityLabel(event: StatusEvent, { t }: SiteText): string {
  if (event.kind === 'maintenance') return t.levels.maintenanceEvent;
  if (event.notice) return t.updateStatus.notice;
  return event.impact === 'none' ? t.levels.noImpact : t.levels[event.impact];
}

/** When the event ended: its closing update's time, or null while it goes on. */
export const endedAt = (event: StatusEvent): number | null =>
  event.kind === 'incident' ? event.resolvedAt : event.completedAt;

/** The incident a merged one is followed in, else null: such an incident ended without recovering. */
export const followedIn = (event: StatusEvent): FollowedIn | null =>
  event.kind === 'incident' ? event.followedIn : null;

/** A notice: over the moment it was posted, having affected nothing (see IncidentEvent.notice). */
export const isNotice = (event: StatusEvent): boolean => event.kind === 'incident' && event.notice;

/** "Resolved", "Completed", "Cancelled" or "Followed in <title>" once over; null while it goes on, and for a notice (nothing was down). */
export function outcomeLabel(event: StatusEvent, { t, isolate }: SiteText): string | null {
  const into = followedIn(event);
  if (into) return fill(t.event.followedIn, { title: isolate(into.title) });
  return endedAt(event) === null || isNotice(event) ? null : t.updateStatus[event.status];
}

/** What an update is called on the page and in feeds: its status, or "Notice" in a notice (never "Resolved"). */
export const updateLabel = (
  event: StatusEvent,
  status: TimelineUpdate['status'],
  words: SiteText['t']['updateStatus'],
) => words[isNotice(event) ? 'notice' : status];

/** Whether a duration is said of it: not for a merged incident (it did not end there) nor a notice (it had none). */
export const hasDuration = (event: StatusEvent): boolean => followedIn(event) === null && !isNotice(event);

/**
 * A catalog sentence with its short values (a duration) kept apart, so a
 * page can hold each value on one line ("継続時間 1時間17分" never breaks
 * inside "1時間17分"; Phrase.astro); `say` gives the plain text.
 */
export interface Phrase {
  template: string;
  values: Record<string, string>;
}

export const say = ({ template, values }: Phrase): string => fill(template, values);

/** How long the event lasted, how long it has been going on at the text's now, or the planned window. */
export function durationPhrase(event: StatusEvent, { t, dates, now }: SiteText): Phrase {
  const phrase = (template: string, millis: number) => ({ template, values: { duration: dates.duration(millis) } });
  if (event.kind === 'incident') {
    return event.resolvedAt === null
      ? phrase(t.event.ongoingFor, now - event.startsAt)
      : phrase(t.event.lasted, event.resolvedAt - event.startsAt);
  }
  if (event.completedAt !== null && event.completedAt <= event.windowStart)
    return { template: t.event.didNotTakePlace, values: {} };
  if (event.completedAt !== null) return phrase(t.event.lasted, event.completedAt - event.windowStart);
  return phrase(
    event.phase === 'active' ? t.event.inProgressWindow : t.event.plannedWindow,
    event.windowEnd - event.windowStart,
  );
}

export const durationLabel = (event: StatusEvent, text: SiteText): string => say(durationPhrase(event, text));

/** What a component went through: "Major outage, then degraded, for 2 h 3 min" (the path may wrap, the duration not). */
export function affectedPhrase(affected: AffectedComponent, { t, dates }: SiteText): Phrase {
  const path = affected.path.map((status, i) =>
    i === 0 ? t.componentStatus[status].label : t.componentStatus[status].short,
  );
  return {
    template: fill(t.event.path, { path: path.join(t.event.then) }),
    values: { duration: dates.duration(affected.duration) },
  };
}

export const affectedSummary = (affected: AffectedComponent, text: SiteText): string =>
  say(affectedPhrase(affected, text));

/** Beside a live status: "for 1 h 17 min" while it has held that status throughout, else what it went through so far. */
export function ongoingSummary(affected: AffectedComponent, text: SiteText): string {
  const unchanged = affected.path.length === 1 && affected.path[0] === affected.status;
  if (unchanged) return fill(text.t.event.forDuration, { duration: text.dates.duration(affected.duration) });
  return fill(text.t.event.soFar, { summary: affectedSummary(affected, text) });
}

/**
 * How a page shows the components an event affects: as they are now, as what
 * they went through (once over), or as planned (a maintenance before its
 * window: they are still operational, but not for long).
 */
export type AffectedTense = 'now' | 'past' | 'planned';

/**
 * A maintenance follows its window, not only its updates: before the window
 * its components are planned, during it under maintenance, after it (or once
 * completed) past; an incident is live until it ends.
 */
export function affectedTense(event: StatusEvent): AffectedTense {
  if (event.kind === 'incident') return event.resolvedAt === null ? 'now' : 'past';
  return event.phase === 'upcoming' ? 'planned' : event.phase === 'active' ? 'now' : 'past';
}

/** The status a page shows beside an affected component, in the event's tense. */
export function shownStatus(event: StatusEvent, affected: AffectedComponent): ComponentStatus {
  const tense = affectedTense(event);
  if (tense === 'planned') return 'under_maintenance';
  return tense === 'past' ? worstStatus(affected.path) : affected.status;
}

/** Components that shared one status, as the incident page's compact affected line shows them. */
export interface AffectedGroup {
  status: ComponentStatus;
  ids: string[];
}

/** Components by status, one group per status present, worst first (operational last). */
export function groupByStatus(items: Iterable<{ id: string; status: ComponentStatus }>): AffectedGroup[] {
  const groups = new Map<ComponentStatus, string[]>();
  for (const { id, status } of items) groups.set(status, [...(groups.get(status) ?? []), id]);
  return [...COMPONENT_STATUSES]
    .reverse()
    .flatMap((status) => (groups.has(status) ? [{ status, ids: groups.get(status)! }] : []));
}

/**
 * The affected components in one line per status, worst first, in the
 * event's tense (affectedTense): while it goes on each is filed under its
 * status now (operational ones last, as recovered); once over, under the
 * worst it reached. Nine components through six updates fit in two or three
 * short lines this way, where a row each pushed the updates off a phone's
 * first screen. A maintenance called off before its window touched nothing.
 */
export function affectedGroups(event: StatusEvent): AffectedGroup[] {
  if (event.kind === 'maintenance' && event.completedAt !== null && event.completedAt <= event.windowStart) return [];
  return groupByStatus(event.components.map((affected) => ({ id: affected.id, status: shownStatus(event, affected) })));
}
