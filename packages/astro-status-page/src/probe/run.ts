import type { ProbeResult } from '../files/probe-data.ts';
import { probeName, type ProbeConfig } from '../files/schemas/probes-config.ts';
import { isoSeconds } from '../files/incident-writer.ts';
import { judge } from './judge.ts';
import { foreignLine } from '../rules/text.ts';
import { MAX_WHY } from '../files/probe-data.ts';
import { requestOnce, type RequestOptions } from './request.ts';

/** Checks in flight at once: enough to finish 20 in about one timeout, few enough for a small runner. */
export const PARALLEL_CHECKS = 8;

/** Run `task` on every item, at most `limit` at a time, keeping the items' order in the results. */
export async function mapBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Run every check once, in parallel (bounded), each within its timeout; every result carries the run's time. */
export async function runChecks(
  probes: readonly ProbeConfig[],
  options: RequestOptions & { at: number },
): Promise<ProbeResult[]> {
  const at = isoSeconds(options.at);
  return mapBounded(probes, PARALLEL_CHECKS, async (probe): Promise<ProbeResult> => {
    const answer = await requestOnce(probe, options);
    const verdict = judge(probe.expect, answer);
    return {
      at,
      check: probeName(probe),
      component: probe.component,
      ok: verdict.ok,
      ...(verdict.failure ? { failure: verdict.failure } : {}),
      // What the server sent is recorded as data: unwritable characters replaced, cut to what the reader accepts.
      ...(verdict.why ? { why: foreignLine(verdict.why, MAX_WHY) } : {}),
      ...(answer.kind === 'answer' ? { code: answer.code, ms: answer.ms } : {}),
    };
  });
}
