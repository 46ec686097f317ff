import type { NotifyChannel } from '../files/schemas/notify-config.ts';
import type { Clock } from './delivery.ts';

/*
 * Each platform's documented rate for one webhook, kept by the sender so a
 * burst is delivered without a single 429 (which a retry would only answer
 * with more requests):
 * - Slack: "1 message per second" per incoming webhook, short bursts allowed
 *   (api.slack.com/apis/rate-limits, "Incoming webhooks").
 * - Discord: 5 requests per 2 s per webhook (the X-RateLimit-* headers a
 *   webhook returns: limit 5, reset after 2 s; discord.com/developers/docs/topics/rate-limits).
 * - Teams: 4 requests a second and 60 in 30 s per webhook ("Rate limiting
 *   for connectors", learn.microsoft.com, Teams incoming webhooks).
 * Webhooks, email and the subscriptions handover have no platform limit: they are sent as fast as the receiver answers.
 */

export interface RateWindow {
  count: number;
  perMs: number;
}

export const PLATFORM_RATES: Record<NotifyChannel['type'] | 'subscriptions', RateWindow[]> = {
  slack: [{ count: 1, perMs: 1_000 }],
  discord: [{ count: 5, perMs: 2_000 }],
  teams: [
    { count: 4, perMs: 1_000 },
    { count: 60, perMs: 30_000 },
  ],
  webhook: [],
  email: [],
  // One request per notification; the service paces its own email API.
  subscriptions: [],
};

/** How long a request would wait now to keep every window, in ms (0: send at once). */
export function waitFor(windows: readonly RateWindow[], sent: readonly number[], now: number): number {
  let wait = 0;
  for (const { count, perMs } of windows) {
    // The count-th most recent send must be at least `perMs` old.
    const gate = sent[sent.length - count];
    if (gate !== undefined) wait = Math.max(wait, gate + perMs - now);
  }
  return wait;
}

/** A pacer for one channel: await it before each request; it returns when the request may go. */
export function pacer(windows: readonly RateWindow[], clock: Clock): () => Promise<void> {
  const sent: number[] = [];
  const longest = Math.max(0, ...windows.map((window) => window.count));
  return async () => {
    for (let wait = waitFor(windows, sent, clock.now()); wait > 0; wait = waitFor(windows, sent, clock.now()))
      await clock.sleep(wait);
    sent.push(clock.now());
    if (sent.length > longest) sent.splice(0, sent.length - longest);
  };
}
