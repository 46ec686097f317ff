import { describeCap, shortUrl } from '../net/bounded-read.ts';
import type { Failure } from '../files/probe-data.ts';
import type { ProbeExpect } from '../files/schemas/probes-config.ts';

/*
 * Whether an answer meets a check's `expect:` conditions, and if not, why in
 * words a reader understands ("HTTP 503"). Pure, so every condition is tested
 * on plain data; probe/request.ts is the part that talks to servers.
 */

/** What one request brought back. */
export type Answer =
  | {
      kind: 'answer';
      code: number;
      ms: number;
      body: string;
      certDaysLeft?: number | undefined;
      /** The body went on past this many bytes and was read only up to there. */
      cutAt?: number;
      /** A redirect to another site, not followed: its target. */
      redirectedTo?: string;
    }
  | { kind: 'none'; ms: number; why: string };

export interface Verdict {
  ok: boolean;
  failure?: Failure;
  why?: string;
}

/** The value at a dotted path (`checks.0.ok`) of parsed JSON, or undefined. */
function atPath(value: unknown, path: string): unknown {
  let here = value;
  for (const key of path.split('.')) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}

/** Why the body does not carry the JSON values expected, or undefined. */
function jsonProblem(body: string, expected: Record<string, string | number | boolean>): string | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return 'the body is not JSON';
  }
  for (const [path, wanted] of Object.entries(expected)) {
    const found = atPath(parsed, path);
    if (found !== wanted)
      return `${path} is ${found === undefined ? 'missing' : JSON.stringify(found)}, expected ${JSON.stringify(wanted)}`;
  }
  return undefined;
}

/** An answer's first problem, the most severe first: no answer or 5xx, a wrong answer, slowness, the certificate. */
export function judge(expect: ProbeExpect, answer: Answer): Verdict {
  if (answer.kind === 'none') return { ok: false, failure: 'down', why: answer.why };
  const accepted = Array.isArray(expect.status) ? expect.status : [expect.status];
  if (!accepted.includes(answer.code)) {
    const redirect = answer.redirectedTo ? `: redirected to ${shortUrl(answer.redirectedTo)}, not followed` : '';
    return { ok: false, failure: answer.code >= 500 ? 'down' : 'wrong', why: `HTTP ${answer.code}${redirect}` };
  }
  if (expect.body_contains !== undefined && !answer.body.includes(expect.body_contains))
    return {
      ok: false,
      failure: 'wrong',
      why: `the body${answer.cutAt === undefined ? '' : ` (its first ${describeCap(answer.cutAt)}, the most a check reads)`} lacks ${JSON.stringify(expect.body_contains)}`,
    };
  const json =
    expect.json &&
    (answer.cutAt === undefined
      ? jsonProblem(answer.body, expect.json)
      : `the answer is over ${describeCap(answer.cutAt)}, the most a check reads, so it is not read as JSON`);
  if (json) return { ok: false, failure: 'wrong', why: json };
  if (expect.max_ms !== undefined && answer.ms > expect.max_ms)
    return { ok: false, failure: 'slow', why: `answered in ${answer.ms} ms, over ${expect.max_ms} ms` };
  if (expect.cert_days !== undefined && answer.certDaysLeft !== undefined && answer.certDaysLeft < expect.cert_days) {
    return {
      ok: false,
      failure: 'cert',
      why: `the TLS certificate expires in ${Math.max(0, Math.floor(answer.certDaysLeft))} days, under ${expect.cert_days}`,
    };
  }
  return { ok: true };
}
