import { z } from 'astro/zod';
import { LOCALES } from '../i18n/locales.ts';
import { describeUnknown } from '../lib/nearest.ts';
import { oneOf } from './one-of.ts';

const ID = /^[a-z0-9][a-z0-9-]*$/;

/** One part of the platform that users can tell is up or down. */
export const componentSchema = z.strictObject({
  /** Stable identifier used in incident files and URLs: lowercase letters, digits, hyphens. */
  id: z.string().regex(ID, 'must be lowercase letters, digits and hyphens, e.g. "direct-messages"'),
  /** Name shown to users, e.g. "Direct messages". */
  name: z.string().min(1, 'must not be empty'),
  /** One line telling users what this component covers. */
  description: z.string().optional(),
});

/** Every IANA zone this runtime knows, plus `UTC` (which Intl lists as `Etc/UTC`'s alias). */
const TIME_ZONES: readonly string[] = ['UTC', ...Intl.supportedValuesOf('timeZone')];
const KNOWN_ZONES = new Set(TIME_ZONES);

/** An IANA zone name, spelt exactly; a typo gets the nearest name (the full list is too long to print). */
export const timeZoneSchema = z.string().refine((zone) => KNOWN_ZONES.has(zone), {
  error: (issue) => describeUnknown('time zone', issue.input, TIME_ZONES).replace(/ Allowed: .*/, ' Use an IANA name such as "America/New_York", "Europe/Berlin" or "UTC".'),
});

/** One of the languages with a catalog in src/i18n, by BCP 47 tag. */
export const localeSchema = oneOf('locale', LOCALES);

/** A heading under which related components are listed, in display order. */
export const componentGroupSchema = z.strictObject({
  /** Heading shown to users, e.g. "Apps". */
  name: z.string().min(1, 'must not be empty'),
  /** The group's components, in the order they are shown. */
  components: z.array(componentSchema).min(1, 'a group needs at least one component'),
});

/** `status.config.yaml`: the page's identity and the components it reports on. */
export const siteConfigSchema = z
  .strictObject({
    /** The platform's name, e.g. "Chirp". */
    name: z.string().min(1, 'must not be empty'),
    /** Where this status page is published, e.g. https://status.chirp.example */
    url: z.url({ error: 'must be an absolute URL such as https://status.example.com' }),
    /** A sentence under the page title. */
    description: z.string().optional(),
    /** IANA time zone every time and day a reader sees is in, e.g. America/New_York. */
    timezone: timeZoneSchema.default('UTC'),
    /** Language of the page's interface (BCP 47): one of src/i18n's catalogs. */
    locale: localeSchema.default('en'),
    /** Rewrite times into each reader's own zone with a small inline script. */
    localTime: z.boolean().default(false),
    /** Component groups, in display order. */
    groups: z.array(componentGroupSchema).min(1, 'declare at least one group of components'),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.groups.forEach((group, g) =>
      group.components.forEach((component, c) => {
        if (seen.has(component.id)) {
          ctx.addIssue({ code: 'custom', path: ['groups', g, 'components', c, 'id'], message: `component id "${component.id}" is declared twice; ids must be unique` });
        }
        seen.add(component.id);
      }),
    );
  });

export type SiteConfig = z.output<typeof siteConfigSchema>;
export type Component = z.output<typeof componentSchema>;

/** Every declared component with its group name, in display order. */
export function listComponents(config: SiteConfig): Array<Component & { group: string }> {
  return config.groups.flatMap((group) => group.components.map((component) => ({ ...component, group: group.name })));
}
