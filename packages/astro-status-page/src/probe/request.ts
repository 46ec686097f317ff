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
