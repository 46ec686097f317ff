import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';

/*
 * Delivery with retries, at most once: a failed attempt is retried only when
 * the failure proves the receiver never got the request (a refused
 * connection, a name that does not resolve, a connection lost before the
 * request was fully written) or the receiver said so (5xx, 429 with its
 * Retry-After). A request written in full whose answer never came (a
 * timeout, a dropped connection) may have arrived: it is not retried, and is
 * reported so, because a repeat is worse than a report.
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

/** Time, injectable: the run waits on it (retries, pacing, time limits), so tests need not wait real seconds. */
export interface Clock {
  now: () => number;
  sleep: (ms: number) => Promise<void>;
}

export const REAL_CLOCK: Clock = { now: () => Date.now(), sleep: (ms) => sleep(ms) };

/**
 * One attempt's result: delivered, worth retrying (after at least `waitMs`),
 * or failed for good; `mayHaveArrived` when the receiver may have acted on it.
 */
export type Attempt =
  | { ok: true; detail: string; rejected?: Rejected[] }
  | { ok: false; retry: boolean; waitMs?: number | undefined; detail: string; mayHaveArrived?: boolean };

/** An email recipient the server refused while it accepted the others. */
export interface Rejected {
  address: string;
  detail: string;
}

export interface DeliveryResult {
  ok: boolean;
  attempts: number;
  /** What happened last: "200", "500 Internal Server Error", "timed out after 10 s". */
  detail: string;
  /** Not confirmed, but possibly received: resend only after checking. */
  mayHaveArrived?: boolean;
  /** Delivered, except to these email recipients. */
  rejected?: Rejected[];
}

export interface SendOptions {
  clock?: Clock;
  onRetry?: (result: Attempt, waitMs: number) => void;
  /** Awaited before every attempt: the channel's pacing. */
  pace?: () => Promise<void>;
  /** No attempt starts, and no wait ends, after this moment (clock ms). */
  deadline?: number;
}

/** Run `attempt` until it succeeds, fails for good, or the policy (or the deadline) runs out. */
export async function withRetries(
  policy: RetryPolicy,
  attempt: () => Promise<Attempt>,
  options: SendOptions = {},
): Promise<DeliveryResult> {
  const clock = options.clock ?? REAL_CLOCK;
  for (let n = 1; ; n++) {
    await options.pace?.();
    const result = await attempt();
    if (result.ok)
      return {
        ok: true,
        attempts: n,
        detail: result.detail,
        ...(result.rejected ? { rejected: result.rejected } : {}),
      };
    const failed = (detail: string): DeliveryResult => ({
      ok: false,
      attempts: n,
      detail,
      ...(result.mayHaveArrived ? { mayHaveArrived: true } : {}),
    });
    const waitMs = Math.max(result.waitMs ?? 0, policy.backoffMs * 2 ** (n - 1));
    if (!result.retry || n >= policy.attempts) return failed(result.detail);
    if (waitMs > policy.maxWaitMs)
      return failed(
        `${result.detail}; it asks to wait ${waitMs / 1000} s, longer than the ${policy.maxWaitMs / 1000} s a run waits, so not retried`,
      );
    if (options.deadline !== undefined && clock.now() + waitMs > options.deadline)
      return failed(`${result.detail}; not retried: the run's time limit comes first`);
    options.onRetry?.(result, waitMs);
    await clock.sleep(waitMs);
  }
}

/** `Retry-After` in ms: delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null | undefined, now: number = Date.now()): number | undefined {
  if (header === null || header === undefined) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export interface HttpRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Headers computed for each attempt at the moment it is sent (a webhook's signature). */
  sign?: (body: string, now: number) => Record<string, string>;
}

/** Connection errors that prove the request never reached a server. */
const NEVER_CONNECTED = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EADDRNOTAVAIL',
]);

function answered(response: IncomingMessage, now: number): Attempt {
  const status = response.statusCode ?? 0;
  const detail = `${status} ${response.statusMessage ?? ''}`.trim();
  if (status >= 200 && status < 300) return { ok: true, detail };
  if (status >= 300 && status < 400)
    return {
      ok: false,
      retry: false,
      detail: `${detail}: the URL redirects, and a webhook must be posted to its final URL (not followed, not retried)`,
    };
  const header = response.headers['retry-after'];
  return {
    ok: false,
    retry: status === 429 || status >= 500,
    waitMs: retryAfterMs(Array.isArray(header) ? header[0] : header, now),
    detail,
  };
}

/** One POST, classified for `withRetries`. A fresh connection each time, so a reset is the receiver's doing. */
export function postOnce(request: HttpRequest, timeoutMs: number, now: number = Date.now()): Promise<Attempt> {
  if (!URL.canParse(request.url))
    return Promise.resolve({ ok: false, retry: false, detail: 'not an absolute URL (it needs https://)' });
  const url = new URL(request.url);
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return Promise.resolve({ ok: false, retry: false, detail: `${url.protocol} is not http: or https:` });
  const headers = {
    ...request.headers,
    ...request.sign?.(request.body, now),
    'content-length': String(Buffer.byteLength(request.body)),
  };
  return new Promise((resolve) => {
    let written = false;
    let timedOut = false;
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    const outgoing = send(url, { method: 'POST', headers, agent: false });
    const timer = setTimeout(() => {
      timedOut = true;
      outgoing.destroy(Object.assign(new Error('timed out'), { code: 'ETIMEDOUT' }));
    }, timeoutMs);
    let settled = false;
    const done = (attempt: Attempt) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(attempt);
    };
    outgoing.on('finish', () => (written = true));
    // Read the body so the connection is released; receivers' error text is not printed (it may echo the URL).
    // Once the status line came, the answer is known, whatever happens to the rest of the body.
    outgoing.on('response', (response) => {
      response.resume();
      for (const event of ['end', 'error', 'close']) response.on(event, () => done(answered(response, now)));
    });
    // A connection closed with neither an answer nor an error: what the request got to decides.
    outgoing.on('close', () =>
      done(
        written
          ? {
              ok: false,
              retry: false,
              mayHaveArrived: true,
              detail: 'the connection closed without an answer: it may have arrived, so it is not retried',
            }
          : { ok: false, retry: true, detail: 'could not connect' },
      ),
    );
    outgoing.on('error', (error) => {
      const code = (error as { code?: string }).code ?? '';
      if (timedOut && written)
        return done({
          ok: false,
          retry: false,
          mayHaveArrived: true,
          detail: `no answer within ${timeoutMs / 1000} s: it may have arrived, so it is not retried`,
        });
      if (timedOut) return done({ ok: false, retry: true, detail: `could not connect within ${timeoutMs / 1000} s` });
      if (written && !NEVER_CONNECTED.has(code))
        return done({
          ok: false,
          retry: false,
          mayHaveArrived: true,
          detail: `the connection broke after the request was sent${code ? ` (${code})` : ''}: it may have arrived, so it is not retried`,
        });
      done({ ok: false, retry: true, detail: `could not connect${code ? ` (${code})` : ''}` });
    });
    outgoing.end(request.body);
  });
}

/** POST with retries; each attempt signed at its own moment. */
export function post(request: HttpRequest, policy: RetryPolicy, options: SendOptions = {}): Promise<DeliveryResult> {
  const clock = options.clock ?? REAL_CLOCK;
  return withRetries(policy, () => postOnce(request, policy.timeoutMs, clock.now()), options);
}
