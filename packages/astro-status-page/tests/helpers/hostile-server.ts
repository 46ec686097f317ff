import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/**
 * A server on 127.0.0.1 that answers as badly as a real one can, by the
 * first part of the path:
 * - `/endless/…`: 200 and a JSON body that never ends, sent as fast as the client reads;
 * - `/huge/…`: the same, declaring a 5 GB `content-length`;
 * - `/trickle/…`: 200 and one byte every 100 ms, for ever;
 * - `/html/…`: 200, an HTML page (not JSON) whose text must never be echoed;
 * - `/health`: 200 `{"status":"UP"}`; `/moved/<n>`: n redirects within the site, then /health;
 * - `/loop`: a redirect to itself; `/away`: a 301 to another host.
 * Every request's path is recorded in `seen`.
 */
export interface HostileServer {
  url: string;
  seen: string[];
  close: () => Promise<void>;
}

export const HTML_SECRET = 'SECRET-BYTES-NOT-TO-ECHO';
export const AWAY = 'https://other.example/login?from=status';

/** Write `chunk` again and again until the client goes away, waiting when it reads slower than we write. */
function flood(response: ServerResponse, chunk: Buffer): void {
  const more = () => {
    while (!response.destroyed && response.write(chunk));
  };
  response.on('drain', more);
  more();
}

export async function startHostileServer(): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  const seen: string[] = [];
  const chunk = Buffer.from('0,'.repeat(32_768));
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    seen.push(path);
    const [, first = '', second = ''] = path.split('/');
    if (first === 'endless' || first === 'huge') {
      response.writeHead(200, {
        'content-type': 'application/json',
        ...(first === 'huge' ? { 'content-length': String(5_000_000_000) } : {}),
      });
      response.write('[');
      flood(response, chunk);
    } else if (first === 'trickle') {
      response.writeHead(200, { 'content-type': 'application/json' });
      const timer = setInterval(() => (response.destroyed ? clearInterval(timer) : response.write(' ')), 100);
      timers.add(timer);
      response.write('{');
    } else if (first === 'html') {
      response.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><p>${HTML_SECRET}\u001b[2J</p>`);
    } else if (first === 'health') {
      response.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"UP"}');
    } else if (first === 'moved') {
      const left = Number(second);
      response.writeHead(301, { location: left > 1 ? `/moved/${left - 1}` : '/health' }).end();
    } else if (first === 'loop') {
      response.writeHead(302, { location: '/loop' }).end();
    } else if (first === 'away') {
      response.writeHead(301, { location: AWAY }).end();
    } else {
      response.writeHead(404).end();
    }
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    seen,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise((done) => server.close(done));
    },
  };
}
