import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { TLSSocket } from 'node:tls';
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

/** Days the certificate of an https answer is still valid, from `now`. */
function certDaysLeft(response: IncomingMessage, now: number): number | undefined {
  const socket = response.socket as Partial<TLSSocket>;
  const validTo = socket.getPeerCertificate?.()?.valid_to;
  return validTo ? (Date.parse(validTo) - now) / DAY_MS : undefined;
}

/**
 * Request a check's URL once and say what came back, within its `timeout`
 * (for the whole answer, body included). Never throws: a refused
 * connection, a TLS error or a timeout is an answer of kind `none`.
 */
export function requestOnce(probe: ProbeConfig, options: RequestOptions): Promise<Answer> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(probe.url);
  const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((done) => {
    let settled = false;
    const finish = (answer: Answer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      done(answer);
    };
    const req = send(
      url,
      { method: probe.method, headers: headersOf(probe, options.env), ...(options.ca ? { ca: options.ca } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        const certDays = certDaysLeft(response, options.now);
        response.on('data', (chunk: Buffer) => {
          if (size < MAX_BODY_BYTES) chunks.push(chunk);
          size += chunk.length;
        });
        response.on('end', () =>
          finish({
            kind: 'answer',
            code: response.statusCode ?? 0,
            ms: elapsed(),
            body: Buffer.concat(chunks).toString('utf8'),
            certDaysLeft: certDays,
          }),
        );
        response.on('error', (error) =>
          finish({ kind: 'none', ms: elapsed(), why: `the answer broke off: ${error.message}` }),
        );
      },
    );
    const timer = setTimeout(
      () => finish({ kind: 'none', ms: elapsed(), why: `no answer within ${probe.timeout} ms` }),
      probe.timeout,
    );
    req.on('error', (error: NodeJS.ErrnoException) =>
      finish({ kind: 'none', ms: elapsed(), why: `no answer: ${error.code ?? error.message}` }),
    );
    req.end();
  });
}
