import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * What the receiver answers: a status (and headers, after `delayMs`) with a
 * `body` (default `ok` below 300, else none), sent a byte at a time over
 * `trickleMs` when given (the status line at once); `'hang'` to never answer,
 * or `'reset'` to read the whole request and then drop the connection
 * without a word.
 */
export type Reply =
  | { status: number; headers?: Record<string, string>; delayMs?: number; body?: string; trickleMs?: number }
  | 'hang'
  | 'reset';

/** A platform's rate limit, enforced as the platform does: over it, a 429 with Retry-After. */
export interface RateLimit {
  count: number;
  perMs: number;
  /** The clock the limit is measured on (a test's fake clock, shared with the sender). */
  now: () => number;
}

export interface Receiver {
  url: string;
  received: Received[];
  /** When each request arrived (ms since the epoch). */
  times: number[];
  /** When each request over the rate limit was refused with a 429 (on the limit's clock); those are not in `received`. */
  limited: number[];
  close: () => Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for Slack, Discord, Teams, a
 * webhook consumer or a WebSub hub. It answers its `replies` in turn, then
 * 200 to every later request.
 */
export async function startReceiver(replies: Reply[] = [], limit?: RateLimit): Promise<Receiver> {
  const received: Received[] = [];
  const times: number[] = [];
  const limited: number[] = [];
  const accepted: number[] = [];
  /** Over the limit: the wait until it allows another request, in ms. */
  const overLimit = (): number | undefined => {
    if (!limit) return undefined;
    const now = limit.now();
    const recent = accepted.filter((at) => at > now - limit.perMs);
    if (recent.length < limit.count) {
      accepted.push(now);
      return undefined;
    }
    return recent[0]! + limit.perMs - now;
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({
        path: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      times.push(Date.now());
      const wait = overLimit();
      if (wait !== undefined) {
        received.pop();
        times.pop();
        limited.push(limit!.now());
        response.writeHead(429, { 'retry-after': String(Math.ceil(wait / 1000)) }).end('rate limited');
        return;
      }
      const reply = replies.shift() ?? { status: 200 };
      if (reply === 'hang') return;
      if (reply === 'reset') return void request.socket.destroy();
      const body = reply.body ?? (reply.status < 300 ? 'ok' : '');
      const answer = () => {
        if (!reply.trickleMs) return void response.writeHead(reply.status, reply.headers).end(body);
        response.writeHead(reply.status, reply.headers);
        response.flushHeaders();
        const bytes = Buffer.from(body);
        let sent = 0;
        const drip = setInterval(() => {
          if (response.destroyed || sent >= bytes.length) {
            clearInterval(drip);
            if (!response.destroyed) response.end();
            return;
          }
          response.write(bytes.subarray(sent, ++sent));
        }, reply.trickleMs / bytes.length);
      };
      if (reply.delayMs) setTimeout(answer, reply.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    times,
    limited,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
