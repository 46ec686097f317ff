import { afterEach, describe, expect, test } from 'vitest';
import { startReceiver, type Receiver } from '../../tests/helpers/receiver.ts';
import { post, retryAfterMs, type RetryPolicy } from './delivery.ts';

// Short waits so the suite stays fast; the logic is the production one.
// Generous timeouts: a loaded CI machine must not turn a slow answer into a timeout.
const POLICY: RetryPolicy = { attempts: 4, timeoutMs: 5_000, backoffMs: 20, maxWaitMs: 5_000 };
const receivers: Receiver[] = [];
const receiver = async (...args: Parameters<typeof startReceiver>) => {
  const started = await startReceiver(...args);
  receivers.push(started);
  return started;
};
afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});
const request = (url: string) => ({ url: `${url}/hook`, headers: { 'content-type': 'application/json' }, body: '{"text":"hello"}' });

describe('delivery over HTTP, against real receivers', () => {
  test('500, 500, then 200: retried with backoff, delivered exactly once', async () => {
    const slack = await receiver([{ status: 500 }, { status: 500 }, { status: 200 }]);
    const retries: string[] = [];
    const result = await post(request(slack.url), POLICY, (attempt, wait) => retries.push(`${attempt.detail} ${wait}`));
    expect(result).toEqual({ ok: true, attempts: 3, detail: '200 OK' });
    expect(slack.received.map((r) => r.body)).toEqual(['{"text":"hello"}', '{"text":"hello"}', '{"text":"hello"}']);
    expect(retries).toEqual(['500 Internal Server Error 20', '500 Internal Server Error 40']);
  });

  test('429 with Retry-After: 1 waits at least a second before trying again', async () => {
    const limited = await receiver([{ status: 429, headers: { 'retry-after': '1' } }]);
    const result = await post(request(limited.url), POLICY);
    expect(result.ok).toBe(true);
    expect(limited.times).toHaveLength(2);
    expect(limited.times[1]! - limited.times[0]!).toBeGreaterThanOrEqual(990);
  });

  test('a hanging receiver times out once, is not retried, and does not hold up another delivery', async () => {
    const [hanging, healthy] = [await receiver(['hang']), await receiver()];
    const finished: string[] = [];
    const [stuck, fine] = await Promise.all([
      post(request(hanging.url), { ...POLICY, timeoutMs: 1_500 }).finally(() => finished.push('hanging')),
      post(request(healthy.url), POLICY).finally(() => finished.push('healthy')),
    ]);
    expect(stuck).toEqual({ ok: false, attempts: 1, detail: 'timed out after 1.5 s (it may have arrived; not retried)' });
    expect(fine.ok).toBe(true);
    expect(finished).toEqual(['healthy', 'hanging']);
    expect(hanging.received).toHaveLength(1);
  });

  test('a 4xx other than 429 is a failure at once; retries stop after the last attempt', async () => {
    const gone = await receiver([{ status: 404 }]);
    expect(await post(request(gone.url), POLICY)).toEqual({ ok: false, attempts: 1, detail: '404 Not Found' });
    const broken = await receiver([{ status: 503 }, { status: 503 }, { status: 503 }, { status: 503 }]);
    expect(await post(request(broken.url), POLICY)).toEqual({ ok: false, attempts: 4, detail: '503 Service Unavailable' });
  });

  test('a Retry-After longer than the policy allows gives up rather than retrying early', async () => {
    const limited = await receiver([{ status: 429, headers: { 'retry-after': '3600' } }]);
    expect(await post(request(limited.url), POLICY)).toEqual({ ok: false, attempts: 1, detail: '429 Too Many Requests' });
  });
});

test('Retry-After as seconds or as an HTTP date', () => {
  expect(retryAfterMs('1')).toBe(1000);
  expect(retryAfterMs('Wed, 21 Oct 2015 07:28:30 GMT', Date.parse('2015-10-21T07:28:00Z'))).toBe(30_000);
  expect(retryAfterMs('soon')).toBeUndefined();
  expect(retryAfterMs(null)).toBeUndefined();
});
