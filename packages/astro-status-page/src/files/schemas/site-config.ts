import { z } from 'astro/zod';
import { LOCALES } from '../../i18n/locales.ts';
import { describeUnknown } from '../../rules/nearest.ts';
import { DEFAULT_FRESHNESS, freshnessConfigSchema, mirrorsSchema } from './freshness-config.ts';
import { timeZoneProblem } from '../../rules/time-zones.ts';
import { notifyConfigSchema } from './notify-config.ts';
import { subscriptionsConfigSchema } from './subscriptions-config.ts';
import { probeName, probesSchema } from './probes-config.ts';
import { oneOf } from './one-of.ts';
import { LIMITS } from '../../rules/limits.ts';
import { publishedText } from './text.ts';
import { sitePathField, urlField } from './url.ts';
import { PAGE_URL, WEB_URL } from '../../rules/urls.ts';
import { SLUG, SLUG_RULE } from '../../rules/slug.ts';

/** One part of the platform that users can tell is up or down. */
export const componentSchema = z.strictObject({
  /** Stable identifier used in incident files and URLs: lowercase letters, digits, hyphens. */
  id: z.string().regex(SLUG, `must be ${SLUG_RULE}, e.g. "direct-messages"`),
  /** Name shown to users, e.g. "Direct messages". */
  name: publishedText({
    maxBytes: 80,
    markdown: false,
    oneLine: true,
    required: 'the name users see, e.g. "Direct messages"',
  }),
  /** One line telling users what this component covers. */
  description: publishedText({ maxBytes: 300, markdown: false, required: 'one line on what it covers' }).optional(),
  /** Where users read more about it (its own site or docs); the page links the component's name there. */
  link: urlField(WEB_URL, 'write an absolute http(s) URL, such as https://docs.example.com/api').optional(),
});

/** An IANA zone name Intl accepts, current or alias, spelt exactly; a typo gets the nearest name (rules/time-zones.ts). */
export const timeZoneSchema = z.string().superRefine((zone, context) => {
  const problem = timeZoneProblem(zone);
  if (problem !== undefined) context.addIssue({ code: 'custom', message: problem });
});

/** One of the languages with a catalog in src/i18n, by BCP 47 tag. */
export const localeSchema = oneOf('locale', LOCALES);

/** A heading under which related components are listed, in display order. */
export const componentGroupSchema = z.strictObject({
  /** Heading shown to users, e.g. "Apps". */
  name: publishedText({ maxBytes: 80, markdown: false, oneLine: true, required: 'a heading, e.g. "Apps"' }),
  /** A line under the heading on what the group covers. */
  description: publishedText({
    maxBytes: 300,
    markdown: false,
    required: 'one line on what the group covers',
  }).optional(),
  /** The group's components, in the order they are shown. */
  components: z.array(componentSchema).min(1, 'a group needs at least one component'),
});

const URL_EXAMPLE = 'such as https://status.example.com or https://example.com/status/';

/** The public address: http(s), no credentials, query or fragment (every absolute link is built from it). */
const siteUrl = urlField(
  PAGE_URL,
  `write the page's public address, ${URL_EXAMPLE}`,
  `is required: the address this page is published at, ${URL_EXAMPLE}`,
);

/** The platform's own site, for the header's "Back to chirp.example" link: published on every page, so never with a password. */
const homepageUrl = urlField(
  WEB_URL,
  "write the platform's own site as an absolute http(s) URL, such as https://chirp.example",
);

/** An image the site serves from `public/`: its path there, e.g. /logo.svg for public/logo.svg. */
const logoPath = sitePathField(
  'write the path of an SVG or PNG file under public/, such as /logo.svg for public/logo.svg',
  (value) => (/^\/[\w./-]+\.(svg|png)$/i.test(value) ? undefined : 'is not the name of an SVG or PNG file'),
);

/** `status.config.yaml`: the page's identity and the components it reports on. */
export const siteConfigSchema = z
  .strictObject({
    /** The platform's name, e.g. "Chirp". */
    name: publishedText({ maxBytes: 80, markdown: false, oneLine: true, required: 'the platform name, e.g. "Chirp"' }),
    /** Where this status page is published, e.g. https://status.chirp.example (a path, e.g. /status/, is the base of every link). */
    url: siteUrl,
    /** A sentence under the page title. */
    description: publishedText({
      maxBytes: 300,
      markdown: false,
      required: 'a sentence on what this page reports',
    }).optional(),
    /** The platform's logo (SVG or PNG under public/), shown in the header and used as the favicon. */
    logo: logoPath.optional(),
    /** The platform's own site; the header links back to it. */
    homepage: homepageUrl.optional(),
    /** IANA time zone every time and day a reader sees is in, e.g. America/New_York. */
    timezone: timeZoneSchema.default('UTC'),
    /** Language of the page's interface (BCP 47): one of src/i18n's catalogs. */
    locale: localeSchema.default('en'),
    /** Rewrite times into each reader's own zone with the page's inline script (on by default; `false` keeps the site's zone). */
    localTime: z.boolean().default(true),
    /** Component groups, in display order. */
    groups: z.array(componentGroupSchema).min(1, 'declare at least one group of components'),
    /** Where `npm run status -- notify` announces updates (see docs/notifications.md). */
    notify: notifyConfigSchema.optional(),
    /** How current the page promises to be: rebuild interval and grace (see docs/deploying.md, "When the pipeline or the host fails"). */
    freshness: freshnessConfigSchema.default(DEFAULT_FRESHNESS),
    /** The same site on other hosts, e.g. https://chirp-status.pages.dev/ (every page's footer lists them). */
    mirrors: mirrorsSchema.default([]),
    /** HTTP checks `npm run status -- probe` runs, each for a component (see docs/probes.md). */
    probes: probesSchema.optional(),
    /** The email subscriptions service readers sign up with on /subscribe/ (see docs/subscriptions.md). */
    subscriptions: subscriptionsConfigSchema.optional(),
  })
  .superRefine((config, ctx) => {
    const seen = new Set<string>();
    config.groups.forEach((group, g) =>
      group.components.forEach((component, c) => {
        if (seen.size === LIMITS.components)
          ctx.addIssue({
            code: 'custom',
            path: ['groups', g, 'components', c],
            message: `more than ${LIMITS.components} components (this is the ${LIMITS.components + 1}st, "${component.id}"): a page lists at most ${LIMITS.components}, so its home page stays within its size budget and readable on a phone; merge components a reader need not tell apart, or split the page`,
          });
        if (seen.has(component.id)) {
          ctx.addIssue({
            code: 'custom',
            path: ['groups', g, 'components', c, 'id'],
            message: `component id "${component.id}" is declared twice; ids must be unique`,
          });
        }
        seen.add(component.id);
      }),
    );
    const names = new Set<string>();
    config.notify?.channels.forEach((channel, c) => {
      if (names.has(channel.name))
        ctx.addIssue({
          code: 'custom',
          path: ['notify', 'channels', c, 'name'],
          message: `channel name "${channel.name}" is used twice; names must be unique`,
        });
      names.add(channel.name);
      channel.components?.forEach((id, i) => {
        if (!seen.has(id))
          ctx.addIssue({
            code: 'custom',
            path: ['notify', 'channels', c, 'components', i],
            message: describeUnknown('component', id, [...seen]),
          });
      });
    });
    // A mirror is the same site on another host: never the page's own address, never listed twice.
    const pageHost = hostOf(config.url);
    const mirrors = new Map<string, number>();
    config.mirrors.forEach((mirror, m) => {
      const host = hostOf(mirror);
      const address = normalAddress(mirror);
      if (host !== undefined && host === pageHost)
        ctx.addIssue({
          code: 'custom',
          path: ['mirrors', m],
          message: `is on ${host}, the page's own host (url); a mirror is the same site on another host, for when that one fails`,
        });
      else if (address !== undefined && mirrors.has(address))
        ctx.addIssue({
          code: 'custom',
          path: ['mirrors', m],
          message: `repeats mirrors.${mirrors.get(address)} (${address}); list each mirror once`,
        });
      if (address !== undefined && !mirrors.has(address)) mirrors.set(address, m);
    });
    // The service is another host: the page's own address would post the form to a static file.
    if (config.subscriptions && hostOf(config.subscriptions.service) === pageHost)
      ctx.addIssue({
        code: 'custom',
        path: ['subscriptions', 'service'],
        message: `is on ${pageHost}, the page's own host (url); the subscriptions service is a Worker at its own address, such as https://status-subscriptions.<account>.workers.dev`,
      });
    const checks = new Set<string>();
    config.probes?.forEach((probe, p) => {
      if (!seen.has(probe.component))
        ctx.addIssue({
          code: 'custom',
          path: ['probes', p, 'component'],
          message: describeUnknown('component', probe.component, [...seen]),
        });
      const name = probeName(probe);
      if (checks.has(name))
        ctx.addIssue({
          code: 'custom',
          path: ['probes', p, probe.name ? 'name' : 'component'],
          message: `check name "${name}" is used twice; give each check of a component its own name`,
        });
      checks.add(name);
    });
  });

/** An address's host, lowercased as URLs are, or undefined when it is not a URL (reported by its own field). */
function hostOf(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).host : undefined;
}

/** An address compared as a browser would: host lowercased, default port dropped, one trailing slash. */
function normalAddress(url: string): string | undefined {
  return URL.canParse(url) ? new URL(url).href.replace(/\/?$/, '/') : undefined;
}

export type SiteConfig = z.output<typeof siteConfigSchema>;
/** A config as written in the file (defaults not yet applied), e.g. by an importer. */
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
export type Component = z.output<typeof componentSchema>;

/** Every declared component with its group name, in display order. */
export function listComponents(config: Pick<SiteConfig, 'groups'>): Array<Component & { group: string }> {
  return config.groups.flatMap((group) => group.components.map((component) => ({ ...component, group: group.name })));
}
