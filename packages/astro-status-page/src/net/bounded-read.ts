import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
import { notJsonBecause } from '../rules/foreign-json.ts';

/*
 * The one way the project reads from the network (probe, watch, import
 * --url, notify's --previous address): a GET whose whole answer, headers,
 * body and same-site redirects together, must arrive within a deadline and
 * fit under a size cap. The body is streamed and the connection dropped at
 * the cap, so no answer (endless, trickling or huge) can hold the process
 * longer than the deadline or take more memory than the cap.
 */

/**
 * Reads in flight at once in one process: each holds at most its cap, so
 * memory stays bounded however many hosts a watch lists. A read waiting
 * for its turn starts its deadline when it starts.
 */
const MAX_READS_AT_ONCE = 8;
let reading = 0;
const waiting: Array<() => void> = [];

async function inTurn<T>(task: () => Promise<T>): Promise<T> {
  // A finished read hands its place to the next waiting one, so the count never goes over.
  if (reading < MAX_READS_AT_ONCE) reading++;
  else await new Promise<void>((start) => waiting.push(start));
  try {
    return await task();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else reading--;
  }
}

/** Redirects followed within one site before the read gives up. */
export const MAX_REDIRECTS = 5;

export interface ReadLimits {
  /** Bytes of body read at most. */
  maxBytes: number;
  /** Milliseconds for the whole answer, redirects and body included. */
  timeoutMs: number;
  /** At the cap: `fail` (the default) throws; `cut` stops reading and returns what fits, marked `cut`. */
  overflow?: 'fail' | 'cut';
  headers?: Record<string, string> | undefined;
  method?: string | undefined;
  /** Extra trusted certificates (tests' self-signed servers). */
  ca?: string | Buffer | undefined;
  /** A redirect answering one of these codes is the answer (a probe that expects its 301), not followed. */
  keepRedirect?: (code: number) => boolean;
}

export interface BoundedAnswer {
  /** The address that gave this answer (after redirects). */
  url: string;
  status: number;
  statusText: string;
  /** The body, at most `maxBytes`. */
  body: Buffer;
  /** True when the body went on past `maxBytes` and was cut there (`overflow: 'cut'`). */
  cut: boolean;
  /** Milliseconds from the first request to the end of the body. */
  ms: number;
  /** A redirect to another site, not followed: where it pointed (the answer is the redirect itself). */
  redirectedTo?: string;
  /** The TLS certificate's end of validity (https), as the server presented it. */
  certValidTo?: string | undefined;
}

export type ReadFailureKind = 'connect' | 'timeout' | 'too-large' | 'broken' | 'redirects';

/** A read that gave no usable answer; `message` is "<address>: <why>", never bytes of the answer. */
export class ReadFailure extends Error {
  readonly url: string;
  readonly why: string;
  readonly kind: ReadFailureKind;
  constructor(url: string, kind: ReadFailureKind, why: string) {
    super(`${url}: ${why}`);
    this.url = url;
    this.kind = kind;
    this.why = why;
  }
}

/** "1 MB", "20 MB", "512 KB": a cap as people say it. */
export function describeCap(bytes: number): string {
  if (bytes >= 1_000_000 && bytes % 1_000_000 === 0) return `${bytes / 1_000_000} MB`;
  if (bytes >= 1_000 && bytes % 1_000 === 0) return `${bytes / 1_000} KB`;
  return `${bytes.toLocaleString('en')} bytes`;
}

/** "10 s", "1500 ms": a deadline as people say it. */
function describeDeadline(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** An address shown in a message: whole up to 100 characters, else its start and "…". */
export function shortUrl(url: string): string {
  return url.length <= 100 ? url : `${url.slice(0, 99)}…`;
}

/** Whether following `from` to `to` stays on the site: the same scheme, host and port, or http to https on the same host. */
export function sameSite(from: URL, to: URL): boolean {
  if (from.hostname.toLowerCase() !== to.hostname.toLowerCase()) return false;
  if (from.protocol === to.protocol) return from.port === to.port;
  return from.protocol === 'http:' && to.protocol === 'https:';
}

interface OneAnswer {
  response: IncomingMessage;
  certValidTo: string | undefined;
}

/** One request, resolved at its headers; the caller reads (or drops) the body. */
function requestHeaders(url: URL, limits: ReadLimits, signal: AbortSignal): Promise<OneAnswer> {
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = send(
      url,
      {
        method: limits.method ?? 'GET',
        headers: { 'accept-encoding': 'identity', ...limits.headers },
        signal,
        ...(limits.ca ? { ca: limits.ca } : {}),
      },
      (response) => {
        const socket = response.socket as Partial<TLSSocket>;
        resolve({ response, certValidTo: socket.getPeerCertificate?.()?.valid_to || undefined });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Read a body up to `maxBytes`; at the cap, `cut` stops and keeps what fits, `fail` rejects. Either way the socket is dropped. */
function readBody(
  response: IncomingMessage,
  limits: ReadLimits,
  href: string,
): Promise<{ body: Buffer; cut: boolean }> {
  return new Promise((resolve, reject) => {
    const declared = Number(response.headers['content-length']);
    if (limits.overflow !== 'cut' && Number.isFinite(declared) && declared > limits.maxBytes) {
      response.destroy();
      reject(tooLarge(href, limits.maxBytes));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    response.on('data', (chunk: Buffer) => {
      if (size + chunk.length <= limits.maxBytes) {
        chunks.push(chunk);
        size += chunk.length;
        return;
      }
      response.destroy();
      if (limits.overflow === 'cut') {
        chunks.push(chunk.subarray(0, limits.maxBytes - size));
        resolve({ body: Buffer.concat(chunks), cut: true });
      } else reject(tooLarge(href, limits.maxBytes));
    });
    response.on('end', () => resolve({ body: Buffer.concat(chunks), cut: false }));
    response.on('error', reject);
    // A socket closed before the body ended gives 'aborted' then 'close', not always 'error'.
    response.on('close', () => {
      if (!response.complete) reject(Object.assign(new Error('closed'), { code: 'ECONNRESET' }));
    });
  });
}

const tooLarge = (href: string, maxBytes: number) =>
  new ReadFailure(href, 'too-large', `the answer is over ${describeCap(maxBytes)}, the most read; not read further`);

/**
 * What the codes a reader of a probe's incident may see mean, in words; the
 * code follows in brackets for staff. The rest are said by their code alone
 * ("could not connect (ECONNREFUSED)").
 */
const CODE_WORDS: Record<string, string> = {
  ENOTFOUND: 'its host name does not resolve',
  EAI_AGAIN: 'its host name does not resolve',
  CERT_HAS_EXPIRED: 'its TLS certificate has expired',
  CERT_NOT_YET_VALID: 'its TLS certificate is not valid yet',
  DEPTH_ZERO_SELF_SIGNED_CERT: 'its TLS certificate is self-signed, not trusted',
  SELF_SIGNED_CERT_IN_CHAIN: 'its TLS certificate chain is self-signed, not trusted',
  UNABLE_TO_VERIFY_LEAF_SIGNATURE: 'its TLS certificate cannot be verified (an incomplete chain?)',
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY: 'its TLS certificate cannot be verified (an incomplete chain?)',
  ERR_TLS_CERT_ALTNAME_INVALID: 'its TLS certificate is for another host name',
};

/** ": its TLS certificate has expired (CERT_HAS_EXPIRED)", " (ECONNREFUSED)", or nothing. */
const codeSaid = (code: string | undefined) =>
  code === undefined ? '' : CODE_WORDS[code] ? `: ${CODE_WORDS[code]} (${code})` : ` (${code})`;

/** An answer Node's HTTP parser refused (llhttp's HPE_ codes): a server answered, but not in HTTP. */
const notHttp = (code: string) =>
  code === 'HPE_HEADER_OVERFLOW'
    ? `the answer's headers are over 16 KB, the most read (${code})`
    : `the answer is not valid HTTP (${code})`;

/** The system error code under an error (ECONNREFUSED, ENOTFOUND…), however deep it is nested. */
function errorCode(error: unknown): string | undefined {
  const { code, cause, errors } = (error ?? {}) as { code?: unknown; cause?: unknown; errors?: unknown[] };
  if (typeof code === 'string' && code !== 'ABORT_ERR') return code;
  return (cause ? errorCode(cause) : undefined) ?? (errors?.[0] ? errorCode(errors[0]) : undefined);
}

/**
 * GET `address` within `limits`, following redirects within the same site
 * (at most MAX_REDIRECTS). A redirect to another site is returned as the
 * answer, with `redirectedTo`, not followed. Any status is an answer; no
 * answer within the deadline, a refused connection, a body over the cap
 * (unless `overflow: 'cut'`) or too many redirects throw a ReadFailure.
 */
export function readBounded(address: string | URL, limits: ReadLimits): Promise<BoundedAnswer> {
  return inTurn(() => readNow(address, limits));
}

async function readNow(address: string | URL, limits: ReadLimits): Promise<BoundedAnswer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), limits.timeoutMs);
  let url = new URL(address);
  // Headers until the final answer's body is being read (a redirect's is never read).
  let stage: 'headers' | 'body' = 'headers';
  let bodySeen = 0;
  let method = limits.method ?? 'GET';
  try {
    for (let redirects = 0; ; redirects++) {
      const { response, certValidTo } = await requestHeaders(url, { ...limits, method }, deadline.signal);
      const status = response.statusCode ?? 0;
      const location = response.headers.location;
      if (status >= 300 && status < 400 && location && !limits.keepRedirect?.(status)) {
        response.destroy();
        const target = new URL(location, url);
        if (!sameSite(url, target) || !/^https?:$/.test(target.protocol)) {
          return {
            url: url.href,
            status,
            statusText: response.statusMessage ?? '',
            body: Buffer.alloc(0),
            cut: false,
            ms: elapsed(),
            redirectedTo: target.href,
            certValidTo,
          };
        }
        if (redirects === MAX_REDIRECTS)
          throw new ReadFailure(
            url.href,
            'redirects',
            `more than ${MAX_REDIRECTS} redirects (the last to ${shortUrl(target.href)}), not followed further`,
          );
        url = target;
        // 303 See Other asks for the other page with a GET, whatever the first request was.
        if (status === 303) method = 'GET';
        continue;
      }
      stage = 'body';
      response.on('data', (chunk: Buffer) => (bodySeen += chunk.length));
      const { body, cut } = await readBody(response, limits, url.href);
      return { url: url.href, status, statusText: response.statusMessage ?? '', body, cut, ms: elapsed(), certValidTo };
    }
  } catch (error) {
    if (error instanceof ReadFailure) throw error;
    if (deadline.signal.aborted) {
      const why =
        stage === 'headers'
          ? `no answer within ${describeDeadline(limits.timeoutMs)}`
          : `the answer did not end within ${describeDeadline(limits.timeoutMs)} (${describeCap(bodySeen)} read), the longest waited`;
      throw new ReadFailure(url.href, 'timeout', why);
    }
    const code = errorCode(error);
    if (code?.startsWith('HPE_')) throw new ReadFailure(url.href, 'broken', notHttp(code));
    throw stage === 'headers'
      ? new ReadFailure(url.href, 'connect', `could not connect${codeSaid(code)}`)
      : new ReadFailure(url.href, 'broken', `the answer broke off${code ? ` (${code})` : ''}`);
  } finally {
    clearTimeout(timer);
    deadline.abort();
  }
}

/**
 * The body as JSON, or a ReadFailure naming the address (never the bytes):
 * described in the words of rules/foreign-json.ts ("it is HTML or XML, not JSON … an error page?").
 */
export function jsonOf(answer: BoundedAnswer): unknown {
  const text = answer.body.toString('utf8');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ReadFailure(answer.url, 'broken', notJsonBecause(text));
  }
}
