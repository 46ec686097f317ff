import { listComponents, type Component, type SiteConfig } from '../files/schemas/site-config.ts';
import { IMPACTS, type ComponentStatus } from '../rules/statuses.ts';
import { eventAt, isActive, type IncidentEvent, type MaintenanceEvent, type StatusEvent } from './events.ts';
import { deriveComponentStatuses, deriveOverallStatus, type OverallStatus } from './status.ts';
import { dayIndex, zonedDays, type ZonedDay } from './days.ts';
import { uptimeByDay, uptimePercent, type DayRecord, type ImpactSpan } from './uptime.ts';
import type { ValidIncidentFile } from '../files/validate.ts';
import { legacyRedirects, type LegacyRedirect } from './redirects.ts';
import { barWindows, type BarWindow } from './history-bar.ts';
import { measuredView, type MeasuredView } from './measured.ts';
import type { ProbeData } from '../files/probe-data.ts';

/** Days of history in the bars and the headline uptime. */
export const HISTORY_DAYS = 90;
/** Days listed under "Past incidents" on the home page. */
export const PAST_DAYS = 15;
/** Incidents named in a home-page bar's day label (the component page names them all). */
export const HOME_BAR_TITLES = 1;
/** Open incidents and maintenance shown as cards on the home page; more are counted and linked, so the page keeps its size. */
export const HOME_ACTIVE_CARDS = 5;
/** Incidents listed per past day on the home page; a busier day links to the history. */
export const PAST_DAY_EVENTS = 5;

export interface ComponentView extends Component {
  group: string;
  status: ComponentStatus;
  /** The last 90 days in the site zone, oldest first. */
  days: DayRecord[];
  uptime30: number;
  uptime90: number;
  /** What its bar shows at each screen width: the days and their uptime. */
  windows: BarWindow[];
  /** Every event that touched this component, newest first. */
  events: StatusEvent[];
  /** What its probes measured over the same days, when it has any. */
  measured?: MeasuredView;
}

export interface StatusModel {
  config: SiteConfig;
  now: number;
  overall: OverallStatus;
  groups: Array<{ name: string; description?: string | undefined; components: ComponentView[] }>;
  components: ComponentView[];
  componentById: Map<string, ComponentView>;
  /** Open incidents, the most severe first, then by start. */
  activeIncidents: IncidentEvent[];
  activeMaintenances: MaintenanceEvent[];
  upcomingMaintenances: MaintenanceEvent[];
  /** Every published event, newest first. */
  events: StatusEvent[];
  bySlug: Map<string, StatusEvent>;
  /** The last 15 days in the site zone, newest first, with the events that started on each. */
  pastDays: Array<{ start: number; events: StatusEvent[] }>;
  /** Old paths of imported incidents published by now (their `source`), to redirect to ours. */
  redirects: LegacyRedirect[];
}

const NO_PROBE_DATA: Pick<ProbeData, 'results' | 'daily'> = { results: [], daily: [] };

const newestFirst = (a: StatusEvent, b: StatusEvent) => b.startsAt - a.startsAt || a.slug.localeCompare(b.slug);
/** Open incidents, the most severe first, then the longest-running. */
const bySeverity = (a: IncidentEvent, b: IncidentEvent) =>
  IMPACTS.indexOf(b.impact) - IMPACTS.indexOf(a.impact) || a.startsAt - b.startsAt || a.slug.localeCompare(b.slug);

/**
 * Everything the site shows, computed once per build from the validated
 * files and `now`. Pages, feeds and the API only render this, so they cannot
 * disagree; every index is built in one pass over the events.
 */
export function buildStatusModel(
  config: SiteConfig,
  files: readonly ValidIncidentFile[],
  now: number,
  probes: Pick<ProbeData, 'results' | 'daily'> = NO_PROBE_DATA,
): StatusModel {
  const events = files.flatMap((file) => eventAt(file, now) ?? []).sort(newestFirst);
  nameFollowedIncidents(events);
  const active = events.filter(isActive);
  const activeIncidents = active.filter((event): event is IncidentEvent => event.kind === 'incident').sort(bySeverity);
  const activeMaintenances = active.filter((event): event is MaintenanceEvent => event.kind === 'maintenance');
  const declared = listComponents(config);
  const statuses = deriveComponentStatuses(
    declared.map((component) => component.id),
    active,
  );

  const spansByComponent = new Map<string, ImpactSpan[]>(declared.map((component) => [component.id, []]));
  const eventsByComponent = new Map<string, StatusEvent[]>(declared.map((component) => [component.id, []]));
  for (const event of events) {
    for (const affected of event.components) eventsByComponent.get(affected.id)?.push(event);
    for (const segment of event.segments) {
      const end = Math.min(segment.end ?? now, now);
      if (end >= segment.start)
        spansByComponent.get(segment.id)?.push({ start: segment.start, end, status: segment.status, slug: event.slug });
    }
  }

  // The days are the site zone's, worked out once for every component.
  const historyDays = zonedDays(now, HISTORY_DAYS, config.timezone);
  const components = declared.map((component): ComponentView => {
    const days = uptimeByDay(spansByComponent.get(component.id) ?? [], historyDays, now);
    const measured = measuredView(component.id, probes, historyDays, now);
    return {
      ...component,
      status: statuses.get(component.id) ?? 'operational',
      days,
      uptime30: uptimePercent(days.slice(-30)),
      uptime90: uptimePercent(days),
      windows: barWindows(days),
      events: eventsByComponent.get(component.id) ?? [],
      ...(measured ? { measured } : {}),
    };
  });

  const viewById = new Map(components.map((view) => [view.id, view]));
  const bySlug = new Map(events.map((event) => [event.slug, event]));
  return {
    config,
    now,
    overall: deriveOverallStatus(activeIncidents, activeMaintenances, statuses.values()),
    groups: config.groups.map((group) => ({
      name: group.name,
      description: group.description,
      components: group.components.map((c) => viewById.get(c.id)!),
    })),
    components,
    componentById: viewById,
    activeIncidents,
    activeMaintenances,
    upcomingMaintenances: events
      .filter((event): event is MaintenanceEvent => event.kind === 'maintenance' && event.phase === 'upcoming')
      .sort((a, b) => a.windowStart - b.windowStart),
    events,
    bySlug,
    pastDays: pastDays(events, historyDays.slice(-PAST_DAYS)),
    redirects: legacyRedirects(files.filter((file) => bySlug.has(file.slug))),
  };
}

/** A merged incident names the one it is followed in by that incident's title (its slug if it is not published yet). */
function nameFollowedIncidents(events: readonly StatusEvent[]): void {
  const titles = new Map(events.map((event) => [event.slug, event.title]));
  for (const event of events) {
    for (const update of event.updates)
      if (update.into)
        update.into = { slug: update.into.slug, title: titles.get(update.into.slug) ?? update.into.slug };
    if (event.kind === 'incident' && event.followedIn) event.followedIn = event.updates.at(-1)!.into!;
  }
}

/**
 * The given days (oldest first) listed newest first, each with the events
 * that started on it and are over: what is live is "Happening now", and
 * upcoming maintenance is scheduled, so neither is said twice on one screen.
 */
function pastDays(events: readonly StatusEvent[], days: readonly ZonedDay[]): StatusModel['pastDays'] {
  const listed = days.map((day) => ({ start: day.start, events: [] as StatusEvent[] }));
  for (const event of events) {
    if (isActive(event) || (event.kind === 'maintenance' && event.phase === 'upcoming')) continue;
    listed[dayIndex(days, event.startsAt)]?.events.push(event);
  }
  return listed.reverse();
}
