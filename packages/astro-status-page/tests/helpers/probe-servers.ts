import { createServer as createHttp, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttps } from 'node:https';
import type { AddressInfo } from 'node:net';
import { generate } from 'selfsigned';

/** How the health endpoint behaves at the moment; tests change it between runs. */
export type Behaviour = 'up' | 'fail' | 'hang' | 'slow' | 'wrong-body';

export interface ProbeServers {
  /** http://127.0.0.1:<port>/ */
  url: string;
  /** https://127.0.0.1:<port>/ with a certificate that expires in 3 days. */
  httpsUrl: string;
  /** The self-signed certificate to trust. */
  ca: string;
  behaviour: Behaviour;
  /** What `wrong-body` answers (200): `{"status":"DOWN"}` unless a test sets another. */
  wrongBody: string;
  /** Authorization headers the server saw. */
  authorizations: string[];
  close: () => Promise<void>;
}

/**
 * Real servers on 127.0.0.1 standing in for the platform a probe checks: its
 * /health answers as `behaviour` says (200 `{"status":"UP"}`, 503, never,
 * after 1.5 s, or 200 `{"status":"DOWN"}`); the https one presents a
 * self-signed certificate (made by the `selfsigned` package) valid for 3 more days.
 */
export async function startProbeServers(): Promise<ProbeServers> {
  const sockets = new Set<import('node:net').Socket>();
  const state: ProbeServers = {
    url: '',
    httpsUrl: '',
    ca: '',
    behaviour: 'up',
    wrongBody: '{"status":"DOWN"}',
    authorizations: [],
    close: async () => {},
  };
  const handle = (request: IncomingMessage, response: ServerResponse): void => {
    state.authorizations.push(request.headers.authorization ?? '');
    const json = (body: string, code = 200) =>
      void response.writeHead(code, { 'content-type': 'application/json' }).end(body);
    const answers: Record<Behaviour, () => void> = {
      hang: () => {},
      fail: () => json('{"status":"DOWN"}', 503),
      'wrong-body': () => json(state.wrongBody),
      slow: () => void setTimeout(() => json('{"status":"UP"}'), 1_500),
      up: () => json('{"status":"UP"}'),
    };
    answers[state.behaviour]();
  };
  const now = Date.now();
  const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
    notBeforeDate: new Date(now - 86_400_000),
    notAfterDate: new Date(now + 3 * 86_400_000),
    extensions: [
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' },
        ],
      },
    ],
  });
  const http = createHttp(handle);
  const https = createHttps({ key: pems.private, cert: pems.cert }, handle);
  for (const server of [http, https])
    server.on('connection', (socket) => (sockets.add(socket), socket.on('close', () => sockets.delete(socket))));
  await Promise.all([http, https].map((server) => new Promise<void>((done) => server.listen(0, '127.0.0.1', done))));
  state.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
  state.httpsUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}/`;
  state.ca = pems.cert;
  state.close = async () => {
    for (const socket of sockets) socket.destroy();
    await Promise.all([http, https].map((server) => new Promise((done) => server.close(done))));
  };
  return state;
}
