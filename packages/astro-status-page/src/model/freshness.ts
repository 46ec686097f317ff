import type { FreshnessConfig } from '../files/schemas/freshness-config.ts';

/*
 * How current a build is, and says it is: built at its "now", the next build
 * due one interval later, and after that plus the grace the page may be out
 * of date. Every page states the first two; the stale warning, the RSS `ttl`,
 * the API's `next_update_by` and the watchdog all read them from here.
 */

export interface Freshness {
  /** This build's now: what the page reports on. */
  updatedAt: number;
  /** By when the next build is due (the deploy's schedule). */
  dueBy: number;
  /** From when a reader should be told the page may be out of date. */
  staleAfter: number;
}

/** The freshness of a build made at `now`. */
export function freshnessAt(now: number, { interval, grace }: Pick<FreshnessConfig, 'interval' | 'grace'>): Freshness {
  return { updatedAt: now, dueBy: now + interval, staleAfter: now + interval + grace };
}

/** RSS `<ttl>`: minutes a reader may cache the feed, the rebuild interval (RSS 2.0). */
export const ttlMinutes = ({ interval }: Pick<FreshnessConfig, 'interval'>): number =>
  Math.max(1, Math.ceil(interval / 60_000));

/** The longest a host may go without a build before the watchdog calls it stale: what the page itself promises. */
export const maxAgeMs = ({ interval, grace }: Pick<FreshnessConfig, 'interval' | 'grace'>): number => interval + grace;
