import type { IncidentData, MaintenanceData } from '../../src/schemas/incident.ts';
import type { SiteConfig } from '../../src/schemas/site-config.ts';
import type { ValidIncidentFile } from '../../src/lib/validate.ts';

/** A small platform for unit tests: two groups, four components. */
export const CONFIG: SiteConfig = {
  name: 'Test',
  url: 'https://status.test.example',
  timezone: 'UTC',
  locale: 'en',
  localTime: false,
  groups: [
    { name: 'Apps', components: [{ id: 'web', name: 'Web' }, { id: 'ios', name: 'iOS' }] },
    { name: 'Core', components: [{ id: 'login', name: 'Login' }, { id: 'dm', name: 'DMs' }] },
  ],
};

type Update<S> = [at: string, status: S, message?: string];

/** An incident file as validation would produce it (timestamps in UTC ISO). */
export function incident(
  slug: string,
  options: { impact?: IncidentData['impact']; components: IncidentData['components']; started?: string; updates: Array<Update<IncidentData['updates'][number]['status']>> },
): ValidIncidentFile {
  const data: IncidentData = {
    kind: 'incident',
    title: `Incident ${slug}`,
    impact: options.impact ?? 'major',
    components: options.components,
    updates: options.updates.map(([at, status, message]) => ({ at: new Date(at).toISOString(), status, message: message ?? `${status} message` })),
  };
  if (options.started) data.started = new Date(options.started).toISOString();
  return { slug, file: `incidents/${slug}.md`, data, body: '' };
}

/** A maintenance file as validation would produce it. */
export function maintenance(
  slug: string,
  options: { components: string[]; window: [string, string]; updates: Array<Update<MaintenanceData['updates'][number]['status']>> },
): ValidIncidentFile {
  const data: MaintenanceData = {
    kind: 'maintenance',
    title: `Maintenance ${slug}`,
    components: options.components,
    window: { start: new Date(options.window[0]).toISOString(), end: new Date(options.window[1]).toISOString() },
    updates: options.updates.map(([at, status, message]) => ({ at: new Date(at).toISOString(), status, message: message ?? `${status} message` })),
  };
  return { slug, file: `incidents/${slug}.md`, data, body: '' };
}
