import { resolve } from 'node:path';
import { buildStatusModel } from '../../model/status-model.ts';
import { maxAgeMs } from '../../model/freshness.ts';
import { DEFAULT_POLICY } from '../../notify/delivery.ts';
import { buildFromModel } from '../../notify/current-build.ts';
import { runWatch } from '../../watch/run.ts';
import { DURATION_FORMS, parseDuration } from '../../rules/duration.ts';
import { deployment, PAGE_URL, urlProblem } from '../../rules/urls.ts';
import { Refusal } from '../../files/refusal.ts';
import type { Context, Flags } from '../context.ts';
import { loadSite, validEntries } from '../site.ts';

/** The longest --max-age: a build older than a year is never current. */
const MAX_AGE_MS = 366 * 86_400_000;

/** With --state: the same problems are said again after this long. */
const DEFAULT_REMIND_MS = 2 * 3_600_000;

/** `watch`: is every host serving a current build of what the repository holds? Exit 1 (and staff alerted) when not. */
export async function watch(ctx: Context, flags: Flags): Promise<number> {
  const site = loadSite(ctx.dir);
  const { config } = site;
  const live = (flags['live'] as string[] | undefined) ?? [];
  for (const url of live) {
    const problem = urlProblem(url, PAGE_URL);
    if (problem) throw new Refusal(`--live: "${url}" ${problem}; give a host's root address, such as ${config.url}`);
  }
  const hosts = live.length > 0 ? live : [config.url, ...config.mirrors];
  const maxAge = typeof flags['max-age'] === 'string' ? parseDuration(flags['max-age']) : maxAgeMs(config.freshness);
  if (maxAge === undefined)
    throw new Refusal(`--max-age: "${String(flags['max-age'])}" is not a duration; write ${DURATION_FORMS}`);
  if (!(maxAge <= MAX_AGE_MS))
    throw new Refusal(
      `--max-age: "${String(flags['max-age'])}" is too long; give at most ${MAX_AGE_MS / 86_400_000} days`,
    );
  const remind = typeof flags['remind'] === 'string' ? parseDuration(flags['remind']) : DEFAULT_REMIND_MS;
  if (remind === undefined || remind < 60_000)
    throw new Refusal(
      `--remind: "${String(flags['remind'])}" is not a duration of a minute or more; write ${DURATION_FORMS}`,
    );
  const stateDir = typeof flags['state'] === 'string' ? resolve(ctx.dir, flags['state']) : undefined;
  const timeout = typeof flags['timeout'] === 'string' ? Number(flags['timeout']) : DEFAULT_POLICY.timeoutMs / 1000;
  if (!Number.isFinite(timeout) || timeout <= 0 || timeout > 300)
    throw new Refusal(
      `--timeout: "${String(flags['timeout'])}" is not a number of seconds up to 300, e.g. --timeout 10`,
    );
  // What a build now would publish: the hosts must hold every update of it that is due by now.
  const { site: origin, base } = deployment(config.url, ctx.env);
  const repo = buildFromModel(buildStatusModel(config, validEntries(site), ctx.now), new URL(base, origin).href);
  const beforeFirstDeploy = flags['before-first-deploy'] === true;
  return runWatch({
    config,
    hosts,
    repo,
    now: ctx.now,
    maxAgeMs: maxAge,
    env: ctx.env,
    policy: { ...DEFAULT_POLICY, timeoutMs: timeout * 1000 },
    out: ctx.out,
    beforeFirstDeploy,
    stateDir,
    remindMs: remind,
  });
}
