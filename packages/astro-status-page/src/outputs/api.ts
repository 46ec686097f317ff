import { createHash } from 'node:crypto';
import type { z } from 'astro/zod';
import { statuspageStatus, type ComponentStatus } from '../rules/statuses.ts';
import type {
  apiComponentSchema,
  apiIncidentSchema,
  apiMeasurementsSchema,
  apiPageSchema,
  apiScheduledMaintenanceSchema,
  apiStatusSchema,
} from './api-schema.ts';
import type { IncidentEvent, MaintenanceEvent, StatusEvent, TimelineUpdate } from '../model/events.ts';
import type { ComponentView, StatusModel } from '../model/status-model.ts';
import { slugify } from '../rules/slug.ts';
import { LEVELS, worstStatus } from '../rules/levels.ts';
import { absoluteUrl, paths } from '../rules/urls.ts';
import { freshnessAt } from '../model/freshness.ts';

/*
 * Atlassian Statuspage's public API v2, computed from the same model as the
 * pages so the two can never disagree. Field names, nulls and value sets follow
 * Statuspage, so existing widgets and bots pointed at our root work unchanged.
 * Ids are derived from slugs and component ids: stable across builds, readable.
 */

// The contract's types, inferred from its zod schemas (api-schema.ts), never written a second time.
export type ApiPage = z.output<typeof apiPageSchema>;
export type ApiStatus = z.output<typeof apiStatusSchema>;
export type ApiComponent = z.output<typeof apiComponentSchema>;
export type ApiIncident = z.output<typeof apiIncidentSchema>;
export type ApiScheduledMaintenance = z.output<typeof apiScheduledMaintenanceSchema>;
export type ApiMeasurements = z.output<typeof apiMeasurementsSchema>;
export type ApiIncidentUpdate =
  ApiIncident['incident_updates'][number] | ApiScheduledMaintenance['incident_updates'][number];
export type ApiAffectedComponent = NonNullable<ApiIncidentUpdate['affected_components']>[number];

/** The fields incidents and maintenances share, in the order they are published, as each kind's contract types them. */
type SharedFields<T extends ApiIncident | ApiScheduledMaintenance> = Pick<
  T,
  | 'id'
  | 'name'
  | 'created_at'
  | 'updated_at'
  | 'started_at'
  | 'shortlink'
  | 'page_id'
  | 'incident_updates'
  | 'components'
>;

/** How many incidents `incidents.json` lists, like Statuspage. */
export const API_INCIDENT_LIMIT = 50;

const iso = (millis: number) => new Date(millis).toISOString();

/**
 * Each group's API id, unique: `group-apps` from its name, `group-2` by its
 * position when the name has no Latin letters to make a slug of (サービス),
 * and a name whose slug an earlier group took gets its position added.
 */
export function groupIds(names: readonly string[]): string[] {
  const taken = new Set<string>();
  return names.map((name, i) => {
    const slug = slugify(name);
    let id = `group-${slug === '' ? i + 1 : slug}`;
    if (taken.has(id)) id = `${id}-${i + 1}`;
    taken.add(id);
    return id;
  });
}

/** Everything the endpoints need, computed once. */
export interface ApiContext {
  model: StatusModel;
  site: URL | string;
  base: string;
}

class ApiBuilder {
  /** The page object before its build id, which hashes everything else. */
  readonly page: Omit<ApiPage, 'build_id'>;
  private readonly components = new Map<string, ApiComponent>();
  private readonly listed: ApiComponent[] = [];
  private readonly context: ApiContext;

  constructor(context: ApiContext) {
    this.context = context;
    const { model, site, base } = context;
    const { config } = model;
    // A name in another script ("チャープ") has no slug: the page's host names it then.
    const id = slugify(config.name) || slugify(new URL(config.url).hostname);
    // The zone the page shows times in, as Statuspage names it; timestamps stay UTC.
    const timeZone = config.timezone === 'UTC' ? 'Etc/UTC' : config.timezone;
    this.page = {
      id,
      name: config.name,
      url: absoluteUrl(site, base, paths.home()),
      time_zone: timeZone,
      updated_at: iso(model.now),
      next_update_by: iso(freshnessAt(model.now, config.freshness).dueBy),
    };
    // The page's history begins with its first event: a stable creation date for every component.
    const createdAt = iso(model.events.at(-1)?.startsAt ?? model.now);
    const ids = groupIds(model.groups.map((group) => group.name));
    model.groups.forEach((group, g) => {
      const children = group.components.map((component, c) => this.component(component, c + 1, ids[g]!, createdAt));
      const group_ = {
        ...this.base(
          ids[g]!,
          group.name,
          worstStatus(children.map((child) => child.status)),
          g + 1,
          createdAt,
          latest(
            children.map((child) => child.updated_at),
            createdAt,
          ),
        ),
        group: true,
        components: children.map((child) => child.id),
      };
      this.listed.push(group_, ...children);
    });
  }

  private base(
    id: string,
    name: string,
    status: ComponentStatus,
    position: number,
    created_at: string,
    updated_at: string,
  ): ApiComponent {
    return {
      id,
      name,
      status,
      created_at,
      updated_at,
      position,
      description: null,
      showcase: false,
      start_date: null,
      group_id: null,
      page_id: this.page.id,
      group: false,
      only_show_if_degraded: false,
    };
  }

  private component(view: ComponentView, position: number, group_id: string, createdAt: string): ApiComponent {
    const lastUpdate = view.events
      .flatMap((event) => event.updates.at(-1)?.at ?? [])
      .reduce((a, b) => Math.max(a, b), 0);
    const component: ApiComponent = {
      ...this.base(view.id, view.name, view.status, position, createdAt, lastUpdate ? iso(lastUpdate) : createdAt),
      description: view.description ?? null,
      showcase: true,
      start_date: createdAt.slice(0, 10),
      group_id,
    };
    this.components.set(view.id, component);
    return component;
  }

  status(): ApiStatus {
    const { indicator } = this.context.model.overall;
    return { indicator, description: LEVELS[indicator].api };
  }

  allComponents(): ApiComponent[] {
    return this.listed;
  }

  incident(event: IncidentEvent): ApiIncident {
    const monitoring = event.updates.find((update) => update.status === 'monitoring');
    return {
      ...this.eventFields(event),
      // Statuspage has no "merged": the incident is closed, so it reads as resolved (with `merged_into`).
      status: statuspageStatus(event.status),
      impact: event.impact,
      monitoring_at: monitoring ? iso(monitoring.at) : null,
      resolved_at: event.resolvedAt === null ? null : iso(event.resolvedAt),
      postmortem_published_at: event.postmortemAt === null ? null : iso(event.postmortemAt),
      postmortem_body: event.postmortemAt === null ? null : event.bodyMarkdown,
      opened_by: event.openedBy,
      notice: event.notice,
      next_update_promised_by: event.nextUpdateBy === null ? null : iso(event.nextUpdateBy),
      merged_into: event.followedIn && {
        id: event.followedIn.slug,
        name: event.followedIn.title,
        shortlink: absoluteUrl(this.context.site, this.context.base, paths.incident(event.followedIn.slug)),
      },
    };
  }

  maintenance(event: MaintenanceEvent): ApiScheduledMaintenance {
    return {
      ...this.eventFields(event),
      // Statuspage has no "cancelled": a called-off maintenance reads as completed (with `cancelled`).
      status: statuspageStatus(event.status),
      impact: 'maintenance',
      cancelled: event.cancelled,
      monitoring_at: null,
      resolved_at: event.completedAt === null ? null : iso(event.completedAt),
      scheduled_for: iso(event.windowStart),
      scheduled_until: iso(event.windowEnd),
      scheduled_remind_prior: false,
      scheduled_reminded_at: null,
    };
  }

  private eventFields(event: IncidentEvent): SharedFields<ApiIncident>;
  private eventFields(event: MaintenanceEvent): SharedFields<ApiScheduledMaintenance>;
  // One body for both kinds: the model's update statuses are typed for either, so the overloads above carry each kind's contract.
  private eventFields(event: StatusEvent): Omit<SharedFields<ApiIncident>, 'incident_updates'> & {
    incident_updates: ApiIncidentUpdate[];
  } {
    const first = event.updates[0]!;
    const last = event.updates.at(-1)!;
    return {
      id: event.slug,
      name: event.title,
      created_at: iso(first.at),
      updated_at: iso(last.at),
      started_at: iso(event.startsAt),
      shortlink: absoluteUrl(this.context.site, this.context.base, paths.incident(event.slug)),
      page_id: this.page.id,
      // Newest first, as Statuspage lists them.
      incident_updates: event.updates.map((update) => this.update(event, update)).reverse(),
      components: event.components.flatMap((affected) => this.components.get(affected.id) ?? []),
    };
  }

  private update(event: StatusEvent, update: TimelineUpdate): ApiIncidentUpdate {
    const at = iso(update.at);
    return {
      id: `${event.slug}-${update.id}`,
      status: statuspageStatus(update.status),
      body: update.markdown,
      incident_id: event.slug,
      created_at: at,
      updated_at: at,
      display_at: at,
      affected_components: this.affected(update),
      deliver_notifications: true,
      custom_tweet: null,
      tweet_id: null,
      added_by_import: update.addedByImport,
    };
  }

  /** The component statuses this update changed, as Statuspage reports them; null when it changed none. */
  private affected(update: TimelineUpdate): ApiAffectedComponent[] | null {
    if (update.changes.length === 0) return null;
    return update.changes.map((change) => ({
      code: change.id,
      name: this.components.get(change.id)?.name ?? change.id,
      old_status: change.from,
      new_status: change.to,
    }));
  }
}

/** A component's measurements as `measurements.json` lists them. */
function measurements(view: ComponentView): ApiMeasurements[] {
  const { measured } = view;
  if (!measured) return [];
  return [
    {
      id: view.id,
      name: view.name,
      availability: Math.round(measured.availability * 1000) / 1000,
      recent_p50_ms: measured.recentP50,
      days: measured.days.map((day) => ({
        date: day.day,
        checks: day.checks,
        failures: day.failures,
        p50_ms: day.p50,
        p95_ms: day.p95,
      })),
      last_day: measured.lastDay.map((point) => ({
        at: iso(point.at),
        check: point.check,
        ok: point.ok,
        ms: point.ms,
        why: point.why,
      })),
    },
  ];
}

const latest = (times: string[], fallback: string) => times.reduce((a, b) => (b > a ? b : a), fallback);

/** Every endpoint's body, keyed by its path under `/api/v2/`. */
export function buildApi(context: ApiContext) {
  const api = new ApiBuilder(context);
  const { model } = context;
  const incidents = model.events.filter((event): event is IncidentEvent => event.kind === 'incident');
  const maintenances = model.events.filter((event): event is MaintenanceEvent => event.kind === 'maintenance');
  const status = api.status();
  const components = api.allComponents();
  const unresolved = model.activeIncidents.map((event) => api.incident(event));
  const upcoming = model.upcomingMaintenances.map((event) => api.maintenance(event));
  const active = model.activeMaintenances.map((event) => api.maintenance(event));
  const bodies = {
    'summary.json': { status, components, incidents: unresolved, scheduled_maintenances: [...active, ...upcoming] },
    'status.json': { status },
    'components.json': { components },
    'incidents.json': { incidents: incidents.slice(0, API_INCIDENT_LIMIT).map((event) => api.incident(event)) },
    'incidents/unresolved.json': { incidents: unresolved },
    'scheduled-maintenances.json': {
      scheduled_maintenances: maintenances.slice(0, API_INCIDENT_LIMIT).map((event) => api.maintenance(event)),
    },
    'scheduled-maintenances/upcoming.json': { scheduled_maintenances: upcoming },
    'scheduled-maintenances/active.json': { scheduled_maintenances: active },
    'measurements.json': { components: model.components.flatMap(measurements) },
  };
  const page: ApiPage = { ...api.page, build_id: buildId(api.page, bodies) };
  return Object.fromEntries(Object.entries(bodies).map(([path, body]) => [path, { page, ...body }])) as {
    [P in keyof typeof bodies]: { page: ApiPage } & (typeof bodies)[P];
  };
}

/** The first 12 hex digits of SHA-256 over what the API publishes: two hosts serving the same build serve the same id, any other build another. */
function buildId(page: Omit<ApiPage, 'build_id'>, bodies: object): string {
  return createHash('sha256').update(JSON.stringify({ page, bodies })).digest('hex').slice(0, 12);
}

/** Every incident and maintenance of the model as the API publishes them, none left out (`status notify` renders from these). */
export function apiEvents(context: ApiContext): {
  page: ApiPage;
  status: ApiStatus;
  incidents: ApiIncident[];
  maintenances: ApiScheduledMaintenance[];
} {
  const api = new ApiBuilder(context);
  const { events } = context.model;
  // The page with its build id, which hashes the endpoints the build publishes, and the status they state.
  const { page, status } = buildApi(context)['status.json'];
  return {
    page,
    status,
    incidents: events.flatMap((event) => (event.kind === 'incident' ? [api.incident(event)] : [])),
    maintenances: events.flatMap((event) => (event.kind === 'maintenance' ? [api.maintenance(event)] : [])),
  };
}

export type Api = ReturnType<typeof buildApi>;
export type ApiEndpoint = keyof Api;
