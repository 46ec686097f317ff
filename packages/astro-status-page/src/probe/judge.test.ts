import { expect, test } from 'vitest';
import type { ProbeExpect } from '../files/schemas/probes-config.ts';
import { judge, type Answer, type Verdict } from './judge.ts';

const answer = (body: string, extra: Partial<Extract<Answer, { kind: 'answer' }>> = {}): Answer => ({
  kind: 'answer',
  code: 200,
  ms: 180,
  body,
  ...extra,
});

test.each<[ProbeExpect, Answer, Verdict]>([
  [
    { status: 200, json: { status: 'UP', 'checks.0.ok': true } },
    answer('{"status":"UP","checks":[{"ok":true}]}'),
    { ok: true },
  ],
  [
    { status: 200, json: { 'checks.0.ok': true } },
    answer('{"checks":[{"ok":false}]}'),
    { ok: false, failure: 'wrong', why: 'checks.0.ok is false, expected true' },
  ],
  [
    { status: 200, json: { 'db.status': 'UP' } },
    answer('{"status":"UP"}'),
    { ok: false, failure: 'wrong', why: 'db.status is missing, expected "UP"' },
  ],
  [
    { status: 200, json: { status: 'UP' } },
    answer('<html>UP</html>'),
    { ok: false, failure: 'wrong', why: 'the body is not JSON' },
  ],
  [{ status: [200, 204] }, answer('', { code: 204 }), { ok: true }],
  [{ status: 200 }, answer('', { code: 404 }), { ok: false, failure: 'wrong', why: 'HTTP 404' }],
  [{ status: 200 }, answer('', { code: 502 }), { ok: false, failure: 'down', why: 'HTTP 502' }],
  [
    { status: 200, cert_days: 14 },
    answer('', { certDaysLeft: 13.5 }),
    { ok: false, failure: 'cert', why: 'the TLS certificate expires in 13 days, under 14' },
  ],
  // The most severe problem is the one named: a wrong body before slowness.
  [
    { status: 200, max_ms: 100, body_contains: 'UP' },
    answer('DOWN', { ms: 900 }),
    { ok: false, failure: 'wrong', why: 'the body lacks "UP"' },
  ],
])('expect %j of %j: %j', (expect_, given, verdict) => {
  expect(judge(expect_, given)).toEqual(verdict);
});
