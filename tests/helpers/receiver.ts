import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a receiver got. */
export interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** What the receiver answers: a status (and headers), or `'hang'` to never answer. */
export type Reply = { status: number; headers?: Record<string, string> } | 'hang';

export interface Receiver {
  url: string;
  received: Received[];
  /** When each request arrived (ms since the epoch). */
  times: number[];
  close: () => Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 standing in for Slack, Discord, Teams, a
 * webhook consumer or a WebSub hub. It answers its `replies` in turn, then
 * 200 to every later request.
 */
export async function startReceiver(replies: Reply[] = []): Promise<Receiver> {
  const received: Received[] = [];
  const times: number[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      received.push({ path: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
      times.push(Date.now());
      const reply = replies.shift() ?? { status: 200 };
      if (reply === 'hang') return;
      response.writeHead(reply.status, reply.headers).end(reply.status < 300 ? 'ok' : 'error');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    times,
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
