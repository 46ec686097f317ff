import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { setTimeout as sleep } from 'node:timers/promises';
import { cutText, visible } from '../rules/text.ts';

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
  /**
   * How long an answer's body is read for its reason, once the status line
   * came, in ms: the status decides, so a body trickling in for minutes
   * neither holds the run up nor turns a delivered message into a doubt.
   */
  bodyWaitMs: number;
}

export const DEFAULT_POLICY: RetryPolicy = {
  attempts: 4,
  timeoutMs: 10_000,
  backoffMs: 1_000,
  maxWaitMs: 60_000,
  bodyWaitMs: 2_000,
};

/** The most of a receiver's answer read for its reason, and the most of the reason printed. */
const REASON_BYTES = 4_096;
const REASON_CHARS = 200;

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
  /**
   * Whether a 2xx answer's whole body says the message was posted (Slack
   * answers `ok`, or 200 with an error code such as `invalid_blocks`); only
   * asked of a body that arrived in full within the policy's `bodyWaitMs`.
   */
  accepts?: (body: string) => boolean;
}

/**
 * A receiver's reason, for one printed line: a JSON error's message and code
 * (Discord's `{"message": "Invalid Form Body", "code": 50035}`, Teams'
 * `{"error": {"code": …, "message": …}}`), else the text; cut short, with
 * control characters shown as `\u{1b}`, never printed raw.
 */
export function reasonOf(body: string): string {
  let text = body.trim();
  try {
    const json = JSON.parse(text) as Record<string, unknown>;
    const error = (typeof json.error === 'object' && json.error !== null ? json.error : json) as Record<
      string,
      unknown
    >;
    const message = [error.message, error.error, typeof json.error === 'string' ? json.error : undefined].find(
      (value): value is string => typeof value === 'string',
    );
    const code = typeof error.code === 'string' || typeof error.code === 'number' ? String(error.code) : undefined;
    if (message !== undefined || code !== undefined)
      text = message !== undefined && code !== undefined ? `${message} (${code})` : (message ?? code)!;
  } catch {
    // Not JSON: the text itself.
  }
  return visible(cutText(text.replace(/\s+/g, ' '), REASON_CHARS));
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

/** The answer, judged by its status line and, when it came in full, its body (`complete`). */
function answered(
  response: IncomingMessage,
  now: number,
  request: HttpRequest,
  body: string,
  complete: boolean,
): Attempt {
  const status = response.statusCode ?? 0;
  const reason = reasonOf(body);
  const head = visible(cutText(`${status} ${response.statusMessage ?? ''}`.trim(), REASON_CHARS));
  const detail = reason && status >= 300 ? `${head}: ${reason}` : head;
  if (status >= 200 && status < 300) {
    if (complete && request.accepts && !request.accepts(body))
      return {
        ok: false,
        retry: false,
        detail: `${head}, but the receiver says ${reason ? `"${reason}"` : 'nothing'}: not posted (a message it refuses is not retried)`,
      };
    return { ok: true, detail };
  }
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
export function postOnce(
  request: HttpRequest,
  timeoutMs: number,
  now: number = Date.now(),
  bodyWaitMs: number = DEFAULT_POLICY.bodyWaitMs,
): Promise<Attempt> {
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
    let heard = false;
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
    // Once the status line came, the answer is known, whatever happens to the rest of the body: its
    // first bytes are read for the reason (printed through the run's redactor, as it may echo the URL)
    // for at most `bodyWaitMs`, then the connection is dropped.
    outgoing.on('response', (response) => {
      heard = true;
      clearTimeout(timer);
      const chunks: Buffer[] = [];
      let size = 0;
      response.on('data', (chunk: Buffer) => {
        if (size < REASON_BYTES) chunks.push(chunk);
        size += chunk.length;
      });
      const settle = (complete: boolean) => {
        clearTimeout(cap);
        const body = Buffer.concat(chunks).subarray(0, REASON_BYTES).toString('utf8');
        done(answered(response, now, request, body, complete && size <= REASON_BYTES));
        response.destroy();
      };
      const cap = setTimeout(() => settle(false), bodyWaitMs);
      response.on('end', () => settle(true));
      for (const event of ['error', 'close']) response.on(event, () => settle(false));
    });
    // A connection closed with neither an answer nor an error: what the request got to decides.
    outgoing.on(
      'close',
      () =>
        heard ||
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
      if (heard) return;
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
  return withRetries(policy, () => postOnce(request, policy.timeoutMs, clock.now(), policy.bodyWaitMs), options);
}
