import { setTimeout as sleep } from 'node:timers/promises';

/*
 * Delivery with retries: a failed attempt is retried with exponential backoff
 * when the receiver says it is worth it (5xx, 429 with its Retry-After, a
 * refused connection), never after a timeout (the receiver may have acted on
 * it: sending again could repeat the message).
 */

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** Each request's limit, in ms. */
  timeoutMs: number;
  /** Wait before the second attempt, doubled for each next one, in ms. */
  backoffMs: number;
  /** The longest Retry-After honoured; a longer one gives up, in ms. */
  maxWaitMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = { attempts: 4, timeoutMs: 10_000, backoffMs: 1_000, maxWaitMs: 60_000 };

/** One attempt's result: delivered, worth retrying (after at least `waitMs`), or failed for good. */
export type Attempt = { ok: true; detail: string } | { ok: false; retry: boolean; waitMs?: number | undefined; detail: string };

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  /** What happened last: "200", "500 Internal Server Error", "timed out after 10 s". */
  detail: string;
}

/** Run `attempt` until it succeeds, fails for good, or the policy runs out. */
export async function withRetries(policy: RetryPolicy, attempt: () => Promise<Attempt>, onRetry: (result: Attempt, waitMs: number) => void = () => {}): Promise<DeliveryResult> {
  for (let n = 1; ; n++) {
    const result = await attempt();
    if (result.ok) return { ok: true, attempts: n, detail: result.detail };
    const waitMs = Math.max(result.waitMs ?? 0, policy.backoffMs * 2 ** (n - 1));
    if (!result.retry || n >= policy.attempts || waitMs > policy.maxWaitMs) return { ok: false, attempts: n, detail: result.detail };
    onRetry(result, waitMs);
    await sleep(waitMs);
  }
}

/** `Retry-After` in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** One POST, classified for `withRetries`. */
export async function postOnce(request: HttpRequest, timeoutMs: number): Promise<Attempt> {
  try {
    const response = await fetch(request.url, { method: 'POST', headers: request.headers, body: request.body, signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
    // Read the body so the connection is released; receivers' error text is not printed (it may echo the URL).
    await response.arrayBuffer().catch(() => undefined);
    const detail = `${response.status} ${response.statusText}`.trim();
    if (response.ok) return { ok: true, detail };
    const retry = response.status === 429 || response.status >= 500;
    return { ok: false, retry, waitMs: retryAfterMs(response.headers.get('retry-after')), detail };
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'TimeoutError' || name === 'AbortError') return { ok: false, retry: false, detail: `timed out after ${timeoutMs / 1000} s (it may have arrived; not retried)` };
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, retry: true, detail: `could not connect${cause ? ` (${cause})` : ''}` };
  }
}

/** POST with retries. */
export function post(request: HttpRequest, policy: RetryPolicy, onRetry?: (result: Attempt, waitMs: number) => void): Promise<DeliveryResult> {
  return withRetries(policy, () => postOnce(request, policy.timeoutMs), onRetry);
}
