import { createServer, type AddressInfo, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startProbeServers, type ProbeServers } from '../../tests/helpers/probe-servers.ts';
import { AWAY, HTML_SECRET, startHostileServer, type HostileServer } from '../../tests/helpers/hostile-server.ts';
import { jsonOf, MAX_REDIRECTS, readBounded, ReadFailure, sameSite } from './bounded-read.ts';

let server: HostileServer;
beforeAll(async () => {
  server = await startHostileServer();
});
afterAll(() => server.close());

/** The ReadFailure a read ends in, and how long it took. */
async function failure(path: string, limits: Parameters<typeof readBounded>[1]) {
  const started = Date.now();
  const error = await readBounded(`${server.url}${path}`, limits).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ReadFailure);
  return { error: error as ReadFailure, ms: Date.now() - started };
}

describe('an answer that never ends, is huge or trickles is cut at its cap or its deadline', () => {
  test('endless: stopped at the size cap, long before the deadline, naming the address and the cap', async () => {
    const { error, ms } = await failure('/endless/x.json', { maxBytes: 2_000_000, timeoutMs: 20_000 });
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(
      `${server.url}/endless/x.json: the answer is over 2 MB, the most read; not read further`,
    );
    expect(ms).toBeLessThan(10_000);
  });

  test('huge (a 5 GB content-length): refused before a byte of the body is kept', async () => {
    const { error, ms } = await failure('/huge/x.json', { maxBytes: 2_000_000, timeoutMs: 20_000 });
    expect(error.message).toBe(`${server.url}/huge/x.json: the answer is over 2 MB, the most read; not read further`);
    expect(ms).toBeLessThan(5_000);
  });

  test('trickling: headers came, the body did not end; cut at the whole-answer deadline', async () => {
    const { error, ms } = await failure('/trickle/x.json', { maxBytes: 2_000_000, timeoutMs: 1_000 });
    expect(error.kind).toBe('timeout');
    expect(error.message).toMatch(
      new RegExp(
        `^${server.url}/trickle/x\\.json: the answer did not end within 1 s \\(\\d+ bytes read\\), the longest waited$`,
      ),
    );
    expect(ms).toBeGreaterThanOrEqual(950);
    expect(ms).toBeLessThan(3_000);
  });

  test("with overflow 'cut', what fits is returned and marked cut", async () => {
    const answer = await readBounded(`${server.url}/endless/x.json`, {
      maxBytes: 100_000,
      timeoutMs: 10_000,
      overflow: 'cut',
    });
    expect(answer.status).toBe(200);
    expect(answer.cut).toBe(true);
    expect(answer.body.length).toBe(100_000);
  });
});

describe('redirects', () => {
  test(`followed within the site, up to ${MAX_REDIRECTS}; the final answer is judged`, async () => {
    const answer = await readBounded(`${server.url}/moved/${MAX_REDIRECTS}`, { maxBytes: 1000, timeoutMs: 5000 });
    expect(answer.status).toBe(200);
    expect(answer.url).toBe(`${server.url}/health`);
    expect(answer.body.toString()).toBe('{"status":"UP"}');
  });

  test('more than that, or a loop, is a failure naming the last target', async () => {
    const { error } = await failure(`/moved/${MAX_REDIRECTS + 1}`, { maxBytes: 1000, timeoutMs: 5000 });
    expect(error.message).toBe(
      `${server.url}/moved/1: more than ${MAX_REDIRECTS} redirects (the last to ${server.url}/health), not followed further`,
    );
    expect((await failure('/loop', { maxBytes: 1000, timeoutMs: 5000 })).error.kind).toBe('redirects');
  });

  test('to another site: not followed, the redirect is the answer with its target', async () => {
    const answer = await readBounded(`${server.url}/away`, { maxBytes: 1000, timeoutMs: 5000 });
    expect(answer).toMatchObject({ status: 301, redirectedTo: AWAY, url: `${server.url}/away` });
  });

  test('the same site is the same scheme, host and port, or http to https on the same host', () => {
    const same = (from: string, to: string) => sameSite(new URL(from), new URL(to));
    expect(same('http://a.example/x', 'http://A.example/y')).toBe(true);
    expect(same('http://a.example/x', 'https://a.example/x')).toBe(true);
    expect(same('https://a.example/x', 'http://a.example/x')).toBe(false);
    expect(same('http://a.example:8080/', 'http://a.example:8081/')).toBe(false);
    expect(same('https://a.example/', 'https://b.a.example/')).toBe(false);
  });
});

test('a body that is not JSON is named by address, status and size, never echoed', async () => {
  const answer = await readBounded(`${server.url}/html/index.json`, { maxBytes: 10_000, timeoutMs: 5000 });
  let message = '';
  try {
    jsonOf(answer);
  } catch (error) {
    message = (error as Error).message;
  }
  expect(message).toBe(`${server.url}/html/index.json: it is HTML or XML, not JSON (50 bytes): an error page?`);
  expect(message).not.toContain(HTML_SECRET);
});

test('a refused connection says so, with the code', async () => {
  const refused = await readBounded('http://127.0.0.1:9/', { maxBytes: 10, timeoutMs: 5000 }).catch(
    (thrown: unknown) => thrown as ReadFailure,
  );
  expect((refused as ReadFailure).message).toBe('http://127.0.0.1:9/: could not connect (ECONNREFUSED)');
});

describe('a server that answers, but not in HTTP, or with a certificate not to trust, is said so in words', () => {
  let raw: Server;
  let rawUrl = '';
  let probes: ProbeServers;
  beforeAll(async () => {
    // Raw bytes by path: what no HTTP server library would send.
    raw = createServer((socket) =>
      socket
        .on('error', () => {})
        .once('data', (data) => {
          const path = data.toString('latin1').split(' ')[1];
          socket.end(
            path === '/garbage'
              ? '\u0000\u0001 not HTTP at all\r\n\r\n'
              : `HTTP/1.1 200 OK\r\nx-big: ${'a'.repeat(100_000)}\r\ncontent-length: 2\r\n\r\nok`,
          );
        }),
    );
    await new Promise<void>((done) => raw.listen(0, '127.0.0.1', done));
    rawUrl = `http://127.0.0.1:${(raw.address() as AddressInfo).port}`;
    probes = await startProbeServers();
  });
  afterAll(async () => {
    await new Promise((done) => raw.close(done));
    await probes.close();
  });
  const read = (url: string) =>
    readBounded(url, { maxBytes: 1000, timeoutMs: 5000 }).then(
      () => undefined,
      (thrown: unknown) => thrown as ReadFailure,
    );

  test.each([
    ['/garbage', 'the answer is not valid HTTP (HPE_INVALID_CONSTANT)'],
    ['/big-headers', "the answer's headers are over 16 KB, the most read (HPE_HEADER_OVERFLOW)"],
  ])('%s: %s', async (path, why) => {
    const failed = await read(`${rawUrl}${path}`);
    expect(failed).toMatchObject({ kind: 'broken', message: `${rawUrl}${path}: ${why}` });
  });

  test('a self-signed certificate: could not connect, saying why in words, then the code', async () => {
    const failed = await read(`${probes.httpsUrl}health`);
    expect(failed?.message).toBe(
      `${probes.httpsUrl}health: could not connect: its TLS certificate is self-signed, not trusted (DEPTH_ZERO_SELF_SIGNED_CERT)`,
    );
  });
});
