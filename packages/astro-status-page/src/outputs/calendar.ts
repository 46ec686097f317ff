import { isolate, xmlSafe } from '../rules/text.ts';
import ical, { ICalEventStatus } from 'ical-generator';
import type { MaintenanceEvent } from '../model/events.ts';
import type { StatusModel } from '../model/status-model.ts';
import type { SiteText } from '../model/site-text.ts';
import { absoluteUrl, paths } from '../rules/urls.ts';

interface CalendarOptions {
  model: StatusModel;
  site: URL | string;
  base: string;
  /** The site's words: the affected components are listed as its language lists them. */
  text: SiteText;
}

/**
 * Every scheduled maintenance as an iCalendar (RFC 5545) feed that calendars
 * can subscribe to. ical-generator does the escaping and 75-octet line folding.
 */
export function maintenanceCalendar({ model, site, base, text }: CalendarOptions): string {
  const host = new URL(absoluteUrl(site, base, '/')).host;
  const names = new Map(model.components.map((component) => [component.id, component.name]));
  const calendar = ical({
    name: `${isolate(model.config.name)} scheduled maintenance`,
    prodId: { company: model.config.name, product: 'status-page', language: 'EN' },
    url: absoluteUrl(site, base, paths.calendar()),
    ttl: 3600,
  });
  const maintenances = model.events.filter((event): event is MaintenanceEvent => event.kind === 'maintenance');
  for (const event of maintenances) {
    const affected = text.list(event.components.map((component) => names.get(component.id) ?? component.id));
    const latest = event.updates.at(-1)!;
    calendar.createEvent({
      id: `${event.slug}@${host}`,
      start: new Date(event.windowStart),
      end: new Date(event.windowEnd),
      // The last update's time: stable across builds, and it changes when the event does.
      stamp: new Date(latest.at),
      summary: event.title,
      description: `${text.t.incident.affected}: ${affected}\n\n${latest.markdown}`,
      url: absoluteUrl(site, base, paths.incident(event.slug)),
      status: event.cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // RFC 5545 text excludes control characters, as XML does.
  return xmlSafe(calendar.toString());
}
