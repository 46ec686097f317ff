import { resolve } from 'node:path';
import { DEFAULT_POLICY, type RetryPolicy } from '../../notify/delivery.ts';
import { DEFAULT_TIME_LIMIT_MS, runNotify } from '../../notify/run.ts';
import { Ledger } from '../../notify/ledger.ts';
import { loadCurrent } from '../../notify/current-build.ts';
import { loadPrevious } from '../../notify/snapshot.ts';
import type { Context, Flags } from '../context.ts';
import { Refusal } from '../../files/refusal.ts';
import { loadSite } from '../site.ts';

const seconds = (flags: Flags, name: string, fallbackMs: number): number => {
  const value = flags[name];
  if (typeof value !== 'string') return fallbackMs;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || parsed < 0)
    throw new Refusal(`--${name}: "${value}" is not a number of seconds, e.g. --${name} 10`);
  return parsed * 1000;
};

/** `notify`: announce what the build just deployed added, on every configured channel. Exit 1 unless all was delivered. */
export async function notify(ctx: Context, flags: Flags): Promise<number> {
  const site = loadSite(ctx.dir);
  const policy: RetryPolicy = {
    ...DEFAULT_POLICY,
    timeoutMs: seconds(flags, 'timeout', DEFAULT_POLICY.timeoutMs),
    backoffMs: seconds(flags, 'backoff', DEFAULT_POLICY.backoffMs),
  };
  const strings = (name: string) => (flags[name] as string[] | undefined) ?? [];
  try {
    const current = await loadCurrent(
      resolve(typeof flags['current'] === 'string' ? flags['current'] : 'dist'),
      ctx.dir,
    );
    const previousSource = typeof flags['previous'] === 'string' ? flags['previous'] : undefined;
    const previous =
      previousSource === undefined
        ? null
        : await loadPrevious(
            /^https?:/i.test(previousSource) ? previousSource : resolve(previousSource),
            policy.timeoutMs,
          );
    const timeLimitMs = seconds(flags, 'time-limit', DEFAULT_TIME_LIMIT_MS);
    const outcome = await runNotify({
      config: site.config,
      env: ctx.env,
      current,
      previous,
      resend: strings('resend'),
      only: strings('channel'),
      recipients: strings('to'),
      dryRun: flags['dry-run'] === true,
      policy,
      timeLimitMs,
      out: ctx.out,
      ledger: typeof flags['ledger'] === 'string' ? new Ledger(resolve(flags['ledger'])) : undefined,
    });
    return outcome.failed.length === 0 ? 0 : 1;
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal((error as Error).message);
  }
}
