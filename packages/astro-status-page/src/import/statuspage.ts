import type { Locale } from '../i18n/locales.ts';
import { timeZoneSchema, type Component, type SiteConfigInput } from '../files/schemas/site-config.ts';
import {
  INCIDENT_COMPONENT_STATUSES,
  STATUSPAGE_INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  UPDATE_COMPONENT_STATUSES,
  type Impact,
  type IncidentComponentStatus,
  type UpdateComponentStatus,
} from '../rules/statuses.ts';
import { IMPACT_OF_STATUS } from '../rules/levels.ts';
import { toSafeMarkdown } from './markdown.ts';
import {
  componentIdMaker,
  UNGROUPED,
  madeUpUpdate,
  fitImpact,
  isImpact,
  markReopenings,
  moveLongMessages,
  UnmappableError,
  utc,
  updateValue,
  type ImportedEvent,
  type ImportedUpdate,
  type ImportNote,
  type ImportPlan,
  type SkippedEvent,
} from './plan.ts';
import type {
  StatuspageComponent,
  StatuspageExport,
  StatuspageIncident,
  StatuspageUpdate,
} from './statuspage-schema.ts';

const byPosition = (a: StatuspageComponent, b: StatuspageComponent) => (a.position ?? 0) - (b.position ?? 0);

/**
 * Statuspage's components as our groups, in display order: a group component
 * (`group: true`) becomes a group of its members; components outside any group
 * are gathered in one group where the first of them stood. Returns the config
 * and each Statuspage component id's new id.
 */
export function mapComponents(exported: StatuspageExport): {
  config: SiteConfigInput;
  idOf: Map<string, string>;
  notes: string[];
} {
  const newId = componentIdMaker();
  const idOf = new Map<string, string>();
  const component = (source: StatuspageComponent): Component => {
    const id = newId(source.name);
    idOf.set(source.id, id);
    return { id, name: source.name, ...(source.description ? { description: source.description } : {}) };
  };
  const byId = new Map(exported.components.map((source) => [source.id, source]));
  const isGroup = (source: StatuspageComponent) => source.group === true || (source.components?.length ?? 0) > 0;
  const groups: SiteConfigInput['groups'] = [];
  let ungrouped: Component[] | undefined;
  for (const top of exported.components
    .filter((source) => !source.group_id || !byId.has(source.group_id))
    .sort(byPosition)) {
    if (isGroup(top)) {
      const members = top.components?.length
        ? top.components.flatMap((id) => byId.get(id) ?? [])
        : exported.components.filter((source) => source.group_id === top.id).sort(byPosition);
      if (members.length > 0)
        groups.push({
          name: top.name,
          ...(top.description?.trim() ? { description: top.description.trim() } : {}),
          components: members.map(component),
        });
      continue;
    }
    if (!ungrouped) groups.push({ name: UNGROUPED, components: (ungrouped = []) });
    ungrouped.push(component(top));
  }
  const { timezone, note } = siteTimeZone(exported.page.time_zone);
  return {
    config: { name: exported.page.name, url: exported.page.url, ...(timezone ? { timezone } : {}), groups },
    idOf,
    notes: note ? [note] : [],
  };
}

/** The page's zone as our config takes it (Statuspage says "Etc/UTC" for UTC, our default), by the project's zone rule; a refused zone is noted. */
function siteTimeZone(zone: string | undefined): { timezone?: string; note?: string } {
  if (!zone || zone === 'Etc/UTC' || zone === 'UTC') return {};
  const checked = timeZoneSchema.safeParse(zone);
  if (checked.success) return { timezone: zone };
  return {
    note: `the page's time zone ${JSON.stringify(zone)} was left out, so times show in UTC: ${checked.error.issues[0]?.message ?? 'not a zone this page knows'}`,
  };
}

/** Statuspage's update time: when it was shown (`display_at`), else when it was written. */
const updateTime = (update: StatuspageUpdate) => utc(update.display_at ?? update.created_at, 'display_at');

/** Oldest first; Statuspage lists updates newest first, and ties keep that order reversed. */
const chronological = (updates: readonly StatuspageUpdate[]) =>
  [...updates]
    .reverse()
    .map((update) => ({ update, at: updateTime(update) }))
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));

class IncidentMapper {
  private readonly idOf: Map<string, string>;
  private readonly incident: StatuspageIncident;
  private readonly noted = new Set<string>();

  /** The notes on this incident, each once (a component missing from every update is said once, not per update). */
  get notes(): string[] {
    return [...this.noted];
  }

  private note(message: string): void {
    this.noted.add(message);
  }

  constructor(idOf: Map<string, string>, incident: StatuspageIncident) {
    this.idOf = idOf;
    this.incident = incident;
  }

  /** Words the import writes: Statuspage's exports carry no language, so the page starts in English (`locale:` changes both). */
  private readonly locale: Locale = 'en';

  /** An update's component statuses, by our ids; statuses an incident cannot set are left out and noted. */
  private statuses(update: StatuspageUpdate): Map<string, UpdateComponentStatus> {
    const statuses = new Map<string, UpdateComponentStatus>();
    for (const affected of update.affected_components ?? []) {
      // `{"name": "No components were affected by this update."}`: Statuspage's way of saying none.
      if (!affected.code) continue;
      const id = this.idOf.get(affected.code);
      if (!id) {
        this.note(
          `left out component ${JSON.stringify(affected.name ?? affected.code)}: it is not on the page any more`,
        );
      } else if (!UPDATE_COMPONENT_STATUSES.includes(affected.new_status as UpdateComponentStatus)) {
        this.note(
          `left out ${id}: ${affected.new_status} during an incident (allowed: ${UPDATE_COMPONENT_STATUSES.join(', ')})`,
        );
      } else {
        statuses.set(id, affected.new_status as UpdateComponentStatus);
      }
    }
    return statuses;
  }

  /** The timeline, oldest first, each update with the Statuspage update it came from. */
  private updates(allowed: readonly string[]): Array<ImportedUpdate & { from: StatuspageUpdate }> {
    const updates = chronological(this.incident.incident_updates).flatMap(({ update, at }) => {
      // Statuspage's "postmortem" update announces the postmortem, which is the file's body here.
      if (update.status === 'postmortem') return [];
      if (!allowed.includes(update.status))
        throw new UnmappableError(`an update at ${at} has status "${update.status}"; allowed: ${allowed.join(', ')}`);
      const message = toSafeMarkdown(update.body, (note) => this.note(note));
      return [
        {
          ...(message ? { at, status: update.status, message } : madeUpUpdate(at, update.status, this.locale)),
          from: update,
        },
      ];
    });
    if (updates.length === 0) throw new UnmappableError('it has no updates');
    return updates;
  }

  /**
   * The incident's own status wins over its saved updates: a `resolved` (or
   * `completed`) incident whose updates stop short ends at `resolved_at`. An
   * incident ends there without an update (`ended:`, nothing made up); with no
   * `resolved_at` after its last update, or for a maintenance, a closing update
   * is added at the last update's time or `resolved_at`. Noted either way.
   * Returns the incident's end, if it is `ended:`.
   */
  private closeAsStated(updates: ImportedUpdate[], closing: string): string | undefined {
    const last = updates.at(-1)!;
    if (this.incident.status !== closing || last.status === closing) return undefined;
    const resolvedAt = this.incident.resolved_at ? utc(this.incident.resolved_at, 'resolved_at') : last.at;
    if (closing === 'resolved' && resolvedAt > last.at) {
      this.note(
        `it is resolved on Statuspage but no saved update says so: it ends at resolved_at (${resolvedAt}), with no update made up`,
      );
      return resolvedAt;
    }
    const at = resolvedAt > last.at ? resolvedAt : last.at;
    updates.push(madeUpUpdate(at, closing, this.locale));
    this.note(`it is ${closing} on Statuspage but no saved update says so: a "${closing}" update was added at ${at}`);
    return undefined;
  }

  incidentEvent(): ImportedEvent {
    const updates = this.updates(STATUSPAGE_INCIDENT_STATUSES);
    const first = updates[0]!;
    // The incident's statuses are the first update's; later updates carry what they change.
    const components = new Map(
      [...this.statuses(first.from)].filter(
        (entry): entry is [string, IncidentComponentStatus] => entry[1] !== 'operational',
      ),
    );
    const declared = this.incident.impact ?? 'none';
    if (!isImpact(declared))
      throw new UnmappableError(`impact "${declared}" is not one of none, minor, major, critical`);
    for (const update of updates.slice(1)) {
      const statuses = this.statuses(update.from);
      if (update.status !== 'resolved') {
        if (statuses.size > 0) update.components = statuses;
      } else if ([...statuses.values()].some((status) => status !== 'operational')) {
        this.note(
          `the resolving update at ${update.at} left a component down; resolving returns every component to operational`,
        );
      }
    }
    const ended = this.closeAsStated(updates, 'resolved');
    markReopenings(updates);
    this.addUnstatedComponents(components, updates, declared);
    const { impact, note } = fitImpact(declared, [
      ...components.values(),
      ...updates.flatMap((update) => [...(update.components?.values() ?? [])]),
    ]);
    if (note) this.note(note);
    const startedAt = this.incident.started_at ? utc(this.incident.started_at, 'started_at') : undefined;
    const started = startedAt && startedAt < first.at ? startedAt : undefined;
    const moved = moveLongMessages(
      updates,
      toSafeMarkdown(this.incident.postmortem_body, (message) => this.note(message)),
      this.locale,
    );
    moved.notes.forEach((message) => this.note(message));
    const postmortem = moved.body;
    const publishedAt = this.incident.postmortem_published_at
      ? utc(this.incident.postmortem_published_at, 'postmortem_published_at')
      : undefined;
    return {
      kind: 'incident',
      source: { statuspage: this.incident.id },
      title: this.title(),
      startsAt: started ?? first.at,
      frontmatter: {
        title: this.title(),
        impact,
        components,
        ...(started ? { started } : {}),
        ...(ended ? { ended } : {}),
        ...(postmortem && publishedAt && publishedAt >= (started ?? first.at) ? { postmortem_at: publishedAt } : {}),
        source: { statuspage: this.incident.id },
        updates: updates.map(updateValue),
      },
      body: postmortem,
    };
  }

  /**
   * Components the incident lists that no update took away from operational
   * (an incident posted once it was over says nothing of them, or every update
   * left them "operational"): affected from the start at the status its impact
   * implies, until it is resolved, and noted. Statuspage lists them as the
   * incident's affected components, so the page does too.
   */
  private addUnstatedComponents(
    components: Map<string, IncidentComponentStatus>,
    updates: readonly ImportedUpdate[],
    impact: Impact,
  ): void {
    const down = new Set([
      ...components.keys(),
      ...updates.flatMap((update) =>
        [...(update.components ?? [])].flatMap(([id, status]) => (status === 'operational' ? [] : [id])),
      ),
    ]);
    const status = INCIDENT_COMPONENT_STATUSES.find((candidate) => IMPACT_OF_STATUS[candidate] === impact);
    const unstated = [
      ...new Set(
        (this.incident.components ?? [])
          .flatMap((component) => this.idOf.get(component.id) ?? [])
          .filter((id) => !down.has(id)),
      ),
    ];
    if (!status || unstated.length === 0) return;
    for (const id of unstated) {
      components.set(id, status);
      for (const update of updates) update.components?.delete(id);
    }
    this.note(
      `no update took ${unstated.join(', ')} away from operational, but the incident lists it; set to ${status} from the start until resolved, as its impact (${impact}) implies`,
    );
  }

  maintenanceEvent(): ImportedEvent {
    const { scheduled_for: start, scheduled_until: end } = this.incident;
    if (!start || !end) throw new UnmappableError('a maintenance needs scheduled_for and scheduled_until');
    const window = { start: utc(start, 'scheduled_for'), end: utc(end, 'scheduled_until') };
    if (window.end <= window.start)
      throw new UnmappableError(`its window ends (${window.end}) before it starts (${window.start})`);
    const updates = this.updates(MAINTENANCE_STATUSES);
    this.closeAsStated(updates, 'completed');
    const moved = moveLongMessages(updates, '', this.locale);
    moved.notes.forEach((message) => this.note(message));
    const listed = (this.incident.components ?? []).map((component) => component.id);
    const named =
      listed.length > 0
        ? listed
        : this.incident.incident_updates.flatMap((update) =>
            (update.affected_components ?? []).flatMap((affected) => affected.code ?? []),
          );
    const components = [...new Set(named.flatMap((id) => this.idOf.get(id) ?? []))];
    return {
      kind: 'maintenance',
      source: { statuspage: this.incident.id },
      title: this.title(),
      startsAt: window.start,
      frontmatter: {
        kind: 'maintenance',
        title: this.title(),
        components,
        window,
        source: { statuspage: this.incident.id },
        updates: updates.map(updateValue),
      },
      body: moved.body,
    };
  }

  private title(): string {
    const title = this.incident.name.trim();
    if (!title) throw new UnmappableError('it has no name');
    return title;
  }
}

/** A maintenance in Statuspage's eyes: it has a scheduled window. */
const isMaintenance = (incident: StatuspageIncident) =>
  Boolean(incident.scheduled_for) || incident.impact === 'maintenance';

/**
 * Statuspage's components, incidents and maintenance as our config and files.
 * Pure: the same export gives the same plan. An incident that breaks our rules
 * in a way that cannot be fixed without guessing is skipped with the reason.
 */
export function mapStatuspage(exported: StatuspageExport): ImportPlan {
  const { config, idOf, notes: pageNotes } = mapComponents(exported);
  const events: ImportedEvent[] = [];
  const skipped: SkippedEvent[] = (exported.rejected ?? []).map((entry) => ({
    source: `statuspage ${entry.id}`,
    title: entry.name,
    reason: entry.reason,
  }));
  const notes: ImportNote[] = [...(exported.notes ?? []), ...pageNotes].map((message) => ({
    source: 'statuspage',
    message,
  }));
  const seen = new Set<string>();
  for (const incident of exported.incidents) {
    if (seen.has(incident.id)) continue;
    seen.add(incident.id);
    const source = `statuspage ${incident.id}`;
    const mapper = new IncidentMapper(idOf, incident);
    try {
      events.push(isMaintenance(incident) ? mapper.maintenanceEvent() : mapper.incidentEvent());
      notes.push(...mapper.notes.map((message) => ({ source, message })));
    } catch (error) {
      if (!(error instanceof UnmappableError)) throw error;
      skipped.push({ source, title: incident.name, reason: error.message });
    }
  }
  return { config, events, skipped, notes };
}
