import { createServer } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { startReceiver, type Receiver } from '../../tests/helpers/receiver.ts';
import { post, retryAfterMs, type Clock, type RetryPolicy } from './delivery.ts';

// Short waits so the suite stays fast; the logic is the production one.
// Generous timeouts: a loaded CI machine must not turn a slow answer into a timeout.
const POLICY: RetryPolicy = { attempts: 4, timeoutMs: 5_000, backoffMs: 20, maxWaitMs: 5_000, bodyWaitMs: 500 };

const receivers: Receiver[] = [];
const receiver = async (...args: Parameters<typeof startReceiver>) => {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
};
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

const request = (url: string) => ({
  url: `${url}/hook`,
  headers: { 'content-type': 'application/json' },
  body: '{"text":"hello"}',
});

/** A clock that only moves when the code under test waits: retries cost no real time. */
function fakeClock(start = 1_700_000_000_000): Clock & { waits: number[] } {
  let now = start;
  const waits: number[] = [];
  return { now: () => now, sleep: async (ms) => void (waits.push(ms), (now += ms)), waits };
}

/** A port nothing listens on: connections to it are refused. */
async function closedPort(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}`;
}

describe('delivery over HTTP, against real receivers', () => {
  test('500, 500, then 200: retried with backoff, delivered exactly once', async () => {
    const slack = await receiver([{ status: 500 }, { status: 500 }, { status: 200 }]);
    const retries: string[] = [];
    const result = await post(request(slack.url), POLICY, {
      onRetry: (attempt, wait) => retries.push(`${attempt.detail} ${wait}`),
    });
    expect(result).toEqual({ ok: true, attempts: 3, detail: '200 OK' });
    expect(slack.received.map((r) => r.body)).toEqual(['{"text":"hello"}', '{"text":"hello"}', '{"text":"hello"}']);
    expect(retries).toEqual(['500 Internal Server Error 20', '500 Internal Server Error 40']);
  });

  test('429 with Retry-After in seconds, or as a date, waits that long before trying again', async () => {
    const clock = fakeClock(Date.parse('2015-10-21T07:28:00Z'));
    const limited = await receiver([
      { status: 429, headers: { 'retry-after': '3' } },
      { status: 429, headers: { 'retry-after': 'Wed, 21 Oct 2015 07:28:30 GMT' } },
    ]);
    expect(await post(request(limited.url), { ...POLICY, maxWaitMs: 60_000 }, { clock })).toEqual({
      ok: true,
      attempts: 3,
      detail: '200 OK',
    });
    expect(clock.waits).toEqual([3_000, 27_000]);
  });

  test('a receiver that reads the whole request and drops the connection is not retried: it may have arrived', async () => {
    const dropping = await receiver(['reset']);
    const result = await post(request(dropping.url), POLICY);
    expect(result).toMatchObject({ ok: false, attempts: 1, mayHaveArrived: true });
    expect(result.detail).toMatch(
      /^the connection broke after the request was sent \(ECONNRESET\): it may have arrived, so it is not retried$/,
    );
    expect(dropping.received).toHaveLength(1);
  });

  test('a refused connection proves nothing arrived: retried up to the last attempt', async () => {
    const clock = fakeClock();
    const result = await post(request(await closedPort()), POLICY, { clock });
    expect(result).toEqual({ ok: false, attempts: 4, detail: 'could not connect (ECONNREFUSED)' });
    expect(clock.waits).toEqual([20, 40, 80]);
  });

  test('a hanging receiver times out once, is not retried, and does not hold up another delivery', async () => {
    const [hanging, healthy] = [await receiver(['hang']), await receiver()];
    const finished: string[] = [];
    const [stuck, fine] = await Promise.all([
      post(request(hanging.url), { ...POLICY, timeoutMs: 1_500 }).finally(() => finished.push('hanging')),
      post(request(healthy.url), POLICY).finally(() => finished.push('healthy')),
    ]);
    expect(stuck).toEqual({
      ok: false,
      attempts: 1,
      mayHaveArrived: true,
      detail: 'no answer within 1.5 s: it may have arrived, so it is not retried',
    });
    expect(fine.ok).toBe(true);
    expect(finished).toEqual(['healthy', 'hanging']);
    expect(hanging.received).toHaveLength(1);
  });

  test('a 4xx other than 429 is a failure at once; retries stop after the last attempt', async () => {
    const gone = await receiver([{ status: 404 }]);
    expect(await post(request(gone.url), POLICY)).toEqual({ ok: false, attempts: 1, detail: '404 Not Found' });
    const broken = await receiver([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    expect(await post(request(broken.url), POLICY)).toEqual({
      ok: false,
      attempts: 4,
      detail: '503 Service Unavailable',
    });
  });

  test('a redirect, or a URL without a scheme, is a mistake to fix: one attempt, saying what is wrong', async () => {
    const moved = await receiver([{ status: 302, headers: { location: 'https://elsewhere.example/' } }]);
    expect(await post(request(moved.url), POLICY)).toEqual({
      ok: false,
      attempts: 1,
      detail: '302 Found: the URL redirects, and a webhook must be posted to its final URL (not followed, not retried)',
    });
    expect(await post(request('hooks.example/T/B/x'), POLICY)).toEqual({
      ok: false,
      attempts: 1,
      detail: 'not an absolute URL (it needs https://)',
    });
  });

  test('a Retry-After longer than the policy allows gives up at once, and says why', async () => {
    const limited = await receiver([{ status: 429, headers: { 'retry-after': '120' } }]);
    expect(await post(request(limited.url), { ...POLICY, maxWaitMs: 60_000 })).toEqual({
      ok: false,
      attempts: 1,
      detail: '429 Too Many Requests; it asks to wait 120 s, longer than the 60 s a run waits, so not retried',
    });
  });

  test('each attempt is signed at its own moment, not when the message was made', async () => {
    const clock = fakeClock();
    const hook = await receiver([{ status: 503 }, { status: 503 }]);
    const signed = {
      ...request(hook.url),
      sign: (_body: string, now: number) => ({ 'x-signed-at': String(Math.floor(now / 1000)) }),
    };
    await post(signed, { ...POLICY, backoffMs: 100_000, maxWaitMs: 1_000_000 }, { clock });
    const stamps = hook.received.map((r) => Number(r.headers['x-signed-at']));
    expect(stamps).toEqual([1_700_000_000, 1_700_000_100, 1_700_000_300]);
  });
});

test('Retry-After as seconds or as an HTTP date', () => {
  expect(retryAfterMs('1')).toBe(1000);
  expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(30_000);
  expect(retryAfterMs('soon')).toBeUndefined();
  expect(retryAfterMs(null)).toBeUndefined();
});
