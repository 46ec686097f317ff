import { readBounded, ReadFailure } from '../net/bounded-read.ts';
import type { ProbeConfig } from '../files/schemas/probes-config.ts';
import type { Answer } from './judge.ts';

/** Bodies are read up to this many bytes: enough for any health answer, never a whole page's worth of memory per check. */
const MAX_BODY_BYTES = 1_000_000;
const DAY_MS = 86_400_000;

export interface RequestOptions {
  env: Record<string, string | undefined>;
  /** Extra trusted certificates (tests' self-signed servers); the system's are trusted as usual. */
  ca?: string | Buffer | undefined;
  /** The clock certificate expiry is counted from. */
  now: number;
}

/** Request headers: each `headers_env` variable's value; an unset variable is left out (and the check will say what the server made of that). */
function headersOf(probe: ProbeConfig, env: RequestOptions['env']): Record<string, string> {
  const headers: Record<string, string> = { 'user-agent': 'status-page-probe', accept: '*/*' };
  for (const [name, variable] of Object.entries(probe.headers_env ?? {})) {
    const value = env[variable];
    if (value !== undefined && value !== '') headers[name.toLowerCase()] = value;
  }
  return headers;
}

// What an HTTP header value may hold (RFC 9110 field-value): visible ASCII and Latin-1, spaces and tabs inside.
const HEADER_VALUE = /^[\x21-\x7e\x80-\xff](?:[\t\x20-\x7e\x80-\xff]*[\x21-\x7e\x80-\xff])?$/;

/**
 * Why a check's header values from the environment cannot be sent, naming
 * the variable and never repeating its value (a secret); undefined when they
 * can. A value ending in a line break (pasted from a file) is the usual case.
 */
export function headerProblem(probe: ProbeConfig, env: RequestOptions['env']): string | undefined {
  for (const [name, variable] of Object.entries(probe.headers_env ?? {})) {
    const value = env[variable];
    if (value === undefined || value === '' || HEADER_VALUE.test(value)) continue;
    const why = /[\r\n]/.test(value)
      ? 'holds a line break (often one at its end, pasted from a file)'
      : /^[\t ]|[\t ]$/.test(value)
        ? 'starts or ends with a space'
        : 'holds a control character or a character beyond Latin-1';
    return `the environment variable ${variable} (header ${name} of check ${probe.name ?? probe.component}) ${why}; a header value is printable text on one line: set the variable again without it`;
  }
  return undefined;
}

/** Days a certificate valid to `validTo` has left, from `now`. */
function certDaysLeft(validTo: string | undefined, now: number): number | undefined {
  return validTo ? (Date.parse(validTo) - now) / DAY_MS : undefined;
}

/**
 * Request a check's URL once and say what came back, within its `timeout`
 * (for the whole answer: redirects within the site, at most MAX_REDIRECTS,
 * and the body, read up to MAX_BODY_BYTES). Never throws: a refused
 * connection, a TLS error or a timeout is an answer of kind `none`.
 */
export async function requestOnce(probe: ProbeConfig, options: RequestOptions): Promise<Answer> {
  const started = performance.now();
  const accepted = Array.isArray(probe.expect.status) ? probe.expect.status : [probe.expect.status];
  try {
    const answer = await readBounded(probe.url, {
      maxBytes: MAX_BODY_BYTES,
      timeoutMs: probe.timeout,
      overflow: 'cut',
      method: probe.method,
      headers: headersOf(probe, options.env),
      ca: options.ca,
      // A check that expects a redirect judges the redirect itself.
      keepRedirect: (code) => accepted.includes(code),
    });
    return {
      kind: 'answer',
      code: answer.status,
      ms: answer.ms,
      body: answer.body.toString('utf8'),
      ...(answer.cut ? { cutAt: MAX_BODY_BYTES } : {}),
      ...(answer.redirectedTo ? { redirectedTo: answer.redirectedTo } : {}),
      certDaysLeft: certDaysLeft(answer.certValidTo, options.now),
    };
  } catch (error) {
    const ms = Math.round(performance.now() - started);
    if (!(error instanceof ReadFailure)) return { kind: 'none', ms, why: 'no answer' };
    const why =
      error.kind === 'timeout' && error.why.startsWith('no answer')
        ? `no answer within ${probe.timeout} ms`
        : error.kind === 'connect'
          ? `no answer: ${error.why.replace(/^could not connect(?:: (.*)| \((.*)\))$/, '$1$2')}`
          : error.why;
    return { kind: 'none', ms, why };
  }
}
