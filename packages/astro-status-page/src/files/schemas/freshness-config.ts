import { z } from 'astro/zod';
import { DURATION_FORMS, durationText, parseDuration } from '../../rules/duration.ts';
import { PAGE_URL } from '../../rules/urls.ts';
import { quote } from '../../rules/text.ts';
import { urlField } from './url.ts';

/*
 * How current the page promises to be, and where else it is published. A
 * static page is as current as its last build: it states when the next one is
 * due (`interval`, the deploy's schedule) and, once a reader's clock is past
 * that plus `grace`, says it may be out of date and points to its `mirrors`.
 */

/** A length of time such as "1 h" or "30 min", read into milliseconds, between `atLeastMs` and `atMostMs`. */
const duration = (what: string, atLeastMs: number, atMostMs: number) =>
  z.string({ error: `write ${what} as ${DURATION_FORMS}, with its unit` }).transform((text, ctx) => {
    const ms = parseDuration(text);
    const shown = quote(text);
    if (ms === undefined)
      ctx.addIssue({
        code: 'custom',
        message: `${shown} is not a duration; write ${what} as ${DURATION_FORMS}`,
      });
    else if (ms < atLeastMs)
      ctx.addIssue({
        code: 'custom',
        message: `${shown} is too short; ${what} is at least ${durationText(atLeastMs)}`,
      });
    else if (!(ms <= atMostMs))
      ctx.addIssue({
        code: 'custom',
        message: `${shown} is too long; ${what} is at most ${atMostMs / 86_400_000} days`,
      });
    return ms !== undefined && ms <= atMostMs ? ms : 0;
  });

/** The longest rebuild interval and grace: a page promising to be current only a month later promises nothing. */
export const MAX_FRESHNESS_DAYS = 31;
const MAX_FRESHNESS_MS = MAX_FRESHNESS_DAYS * 86_400_000;

export const freshnessConfigSchema = z.strictObject({
  /** How often the page is rebuilt: the deploy workflow's schedule (hourly: "1 h"). Every page says the next build is due by then. */
  interval: duration('the rebuild interval', 5 * 60_000, MAX_FRESHNESS_MS).default(3_600_000),
  /** How late a build may be before the page tells readers it may be out of date. */
  grace: duration('the grace', 0, MAX_FRESHNESS_MS).default(1_800_000),
  /** Show that warning (a small inline script, allowed by its hash); on by default: it protects the page's truth. */
  warning: z.boolean().default(true),
});

/** Every page's promise when `freshness:` is left out: hourly, 30 minutes' grace, the warning on. */
export const DEFAULT_FRESHNESS = freshnessConfigSchema.parse({});

/** The same site on other hosts: absolute URLs, listed in every page's footer and checked by `watch`. */
export const mirrorsSchema = z
  .array(
    urlField(PAGE_URL, 'write the address of the same site on another host, such as https://chirp-status.pages.dev/'),
  )
  .max(5, 'list at most five mirrors');

export type FreshnessConfig = z.output<typeof freshnessConfigSchema>;
