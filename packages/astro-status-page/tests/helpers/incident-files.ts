import type { IncidentData, MaintenanceData } from '../../src/files/schemas/incident.ts';
import type { SiteConfig } from '../../src/files/schemas/site-config.ts';
import type { ValidIncidentFile } from '../../src/files/validate.ts';
import { DEFAULT_FRESHNESS } from '../../src/files/schemas/freshness-config.ts';

/** A small platform for unit tests: two groups, four components. */
export const CONFIG: SiteConfig = {
  name: 'Test',
  url: 'https://status.test.example',
  timezone: 'UTC',
  locale: 'en',
  localTime: false,
  freshness: DEFAULT_FRESHNESS,
  mirrors: [],
  groups: [
    {
      name: 'Apps',
      components: [
        { id: 'web', name: 'Web' },
        { id: 'ios', name: 'iOS' },
      ],
    },
    {
      name: 'Core',
      components: [
        { id: 'login', name: 'Login' },
        { id: 'dm', name: 'DMs' },
      ],
    },
  ],
};

type Update<S> = [at: string, status: S, message?: string];

/** An incident file as validation would produce it (timestamps in UTC ISO). */
export function incident(
  slug: string,
  options: {
    impact?: IncidentData['impact'];
    components: IncidentData['components'];
    started?: string;
    updates: Array<Update<IncidentData['updates'][number]['status']>>;
  },
): ValidIncidentFile {
  const data: IncidentData = {
    kind: 'incident',
    title: `Incident ${slug}`,
    impact: options.impact ?? 'major',
    components: options.components,
    updates: options.updates.map(([at, status, message]) => ({
      at: new Date(at).toISOString(),
      status,
      message: message ?? `${status} message`,
    })),
  };
  if (options.started) data.started = new Date(options.started).toISOString();
  return { slug, file: `incidents/${slug}.md`, data, body: '' };
}

/** A maintenance file as validation would produce it. */
export function maintenance(
  slug: string,
  options: {
    components: string[];
    window: [string, string];
    updates: Array<Update<MaintenanceData['updates'][number]['status']>>;
  },
): ValidIncidentFile {
  const data: MaintenanceData = {
    kind: 'maintenance',
    title: `Maintenance ${slug}`,
    components: options.components,
    window: { start: new Date(options.window[0]).toISOString(), end: new Date(options.window[1]).toISOString() },
    updates: options.updates.map(([at, status, message]) => ({
      at: new Date(at).toISOString(),
      status,
      message: message ?? `${status} message`,
    })),
  };
  return { slug, file: `incidents/${slug}.md`, data, body: '' };
}

/** The example outage in short: web down from 12:13, identified at 12:58, resolved at 14:16 UTC on 28 Dec 2022. */
export const SAMPLE_OUTAGE = incident('outage', {
  components: { web: 'major_outage' },
  started: '2022-12-28T12:13:00Z',
  updates: [
    ['2022-12-28T12:31:00Z', 'investigating'],
    ['2022-12-28T12:58:00Z', 'identified'],
    ['2022-12-28T14:16:00Z', 'resolved'],
  ],
});

/** A two-hour maintenance window (02:00–04:00 UTC on 30 Dec 2022), announced a week before, done at 03:50. */
export const SAMPLE_UPGRADE = maintenance('upgrade', {
  components: ['dm'],
  window: ['2022-12-30T02:00:00Z', '2022-12-30T04:00:00Z'],
  updates: [
    ['2022-12-23T10:00:00Z', 'scheduled'],
    ['2022-12-30T02:00:00Z', 'in_progress'],
    ['2022-12-30T03:50:00Z', 'completed'],
  ],
});
