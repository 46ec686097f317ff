import type { SiteConfig } from '../files/schemas/site-config.ts';
import type { RetryPolicy } from '../notify/delivery.ts';
import { redactor } from '../notify/redact.ts';
import type { LoadedBuild } from '../notify/snapshot.ts';
import { staffChannels, staffOutgoing, type StaffAlert } from '../notify/staff-alert.ts';
import { visible } from '../rules/text.ts';
import { clockText, decideAlert, quietLine, readAlertState, writeAlertState } from './alert-state.ts';
import { judgeHosts, overduePromises, repoUpdates } from './judge.ts';
import { readHosts } from './read-host.ts';

/*
 * One `watch` run: read every host's API at once, judge them against each
 * other and against the repository, print one line per host (or per
 * problem), and when anything is wrong tell staff, once, on every channel
 * marked `audience: staff`: on every such run, or, keeping what they were
 * told (`stateDir`), when a problem is new, as a reminder, and when all is
 * over. Subscribers are never told by the watchdog.
 */

export interface WatchRun {
  config: SiteConfig;
  /** The hosts' root URLs: the config's `url` and mirrors, or `--live`. */
  hosts: string[];
  /** What the repository's files publish now (the API a build now would serve). */
  repo: LoadedBuild;
  now: number;
  maxAgeMs: number;
  env: Record<string, string | undefined>;
  policy: RetryPolicy;
  out: (line: string) => void;
  /**
   * The caller knows the page has never been deployed (the workflow found no
   * Pages deployment): hosts that serve nothing are then not down, only not
   * published yet. A host that does serve a build is judged as always.
   */
  beforeFirstDeploy?: boolean;
  /** A folder keeping what staff were told (alert-state.ts); without it every failing run alerts. */
  stateDir?: string | undefined;
  /** With `stateDir`: how long the same problems go unsaid before staff are reminded. */
  remindMs: number;
}

/** Returns the exit code: 0 when every host is current and agrees, else 1. */
export async function runWatch(run: WatchRun): Promise<number> {
  // One host at a time, on a worker of bounded memory (read-host.ts). The run lasts at most a timeout per host.
  const { freshness } = run.config;
  const repo = repoUpdates(run.repo, freshness.interval + freshness.grace);
  const readings = await readHosts(run.hosts, repo, run.policy.timeoutMs);
  if (run.beforeFirstDeploy && readings.every((reading) => 'error' in reading)) {
    const why = readings
      .map((reading) => `${reading.url}: ${'error' in reading ? visible(reading.error, 300) : ''}`)
      .join('; ');
    run.out(
      `Not deployed yet: no host serves the page (${why}), and there has been no deploy; nothing to watch until the first one, nobody alerted.`,
    );
    return 0;
  }
  const verdicts = judgeHosts(readings, repo, {
    now: run.now,
    maxAgeMs: run.maxAgeMs,
  });
  for (const verdict of verdicts) for (const line of verdict.lines) run.out(line);
  // Readers were promised an update that has not come: staff hear it as they hear of a failing host.
  const overdue = overduePromises(readings, run.now);
  for (const { line } of overdue) run.out(line);
  const failing = verdicts.filter((verdict) => !verdict.ok);
  const problems = [...failing.flatMap((verdict) => (verdict.problem ? [verdict.problem] : [])), ...overdue];
  const code = problems.length === 0 ? 0 : 1;
  const headlines = [
    ...(failing.length > 0
      ? [`${failing.length} of ${run.hosts.length} host${run.hosts.length === 1 ? '' : 's'} failing the watchdog`]
      : []),
    ...(overdue.length > 0 ? [`${overdue.length} promised update${overdue.length === 1 ? '' : 's'} overdue`] : []),
  ];
  const alert = (headline: string, lines: string[], over = false): StaffAlert => ({
    id: `watch-${new Date(run.now).toISOString().replace(/[-:]|\.\d+/g, '')}`,
    headline: `${run.config.name} status page: ${headline}`,
    lines,
    url: run.config.url,
    at: run.now,
    over,
  });
  if (run.stateDir === undefined) {
    if (code === 1)
      await alertStaff(
        run,
        alert(
          headlines.join('; '),
          problems.map(({ line }) => line),
        ),
      );
    return code;
  }
  // With a state folder: tell staff of new problems at once, remind them of old ones now and then, and say when all is over.
  const { state, note } = readAlertState(run.stateDir);
  if (note) run.out(note);
  const { decision, next } = decideAlert(state, problems, run.now, run.remindMs);
  let delivered = true;
  switch (decision.kind) {
    case 'alert': {
      const marked = problems.map(({ key, line }) => (state && decision.fresh.has(key) ? `(new) ${line}` : line));
      delivered = await alertStaff(run, alert(headlines.join('; '), marked));
      run.out(delivered ? 'alerted' : `not alerted: ${NOT_KEPT}`);
      break;
    }
    case 'remind':
      delivered = await alertStaff(
        run,
        alert(
          `still ${headlines.join('; ')} (alerted first at ${clockText(decision.since, run.now)})`,
          problems.map(({ line }) => line),
        ),
      );
      run.out(delivered ? 'reminded: staff told again' : `not reminded: ${NOT_KEPT}`);
      break;
    case 'quiet':
      run.out(quietLine(decision, run.now));
      break;
    case 'resolved': {
      // Nothing is wrong any more: every host current, and no promised update overdue.
      const over = `All clear: every host is current and no promised update is overdue; the problems alerted at ${clockText(decision.since, run.now)} are over`;
      delivered = await alertStaff(run, alert('all clear', [over], true));
      run.out(delivered ? 'resolved: staff told' : `resolved, but ${NOT_KEPT}`);
      break;
    }
    case 'none':
      break;
  }
  // What no channel confirmed is not kept as told: the next run says it again.
  writeAlertState(run.stateDir, delivered ? next : state);
  return code;
}

const NOT_KEPT = 'no staff channel confirmed it, so the next run tells staff again';

/** Send `alert` on every staff channel; true when at least one confirmed it. */
async function alertStaff(run: WatchRun, alert: StaffAlert): Promise<boolean> {
  let delivered = false;
  const context = run.repo.context;
  const channels = staffChannels(run.config.notify?.channels ?? [], run.env, context);
  const say = (line: string) => run.out(redactor(channels.flatMap((channel) => channel.secrets))(line));
  if (channels.length === 0) say('No staff channel (a notify channel with audience: staff): nobody was alerted.');
  for (const channel of channels) {
    const label = `${channel.config.name} (${channel.config.type}, staff)`;
    if (channel.missing.length > 0) {
      say(`${label}: off, ${channel.missing.join(' and ')} not set: not alerted`);
      continue;
    }
    if (channel.invalid) {
      say(`${label}: ${channel.invalid}: not alerted`);
      continue;
    }
    const outgoing = staffOutgoing(channel, alert, context);
    const result = await channel.send(outgoing, run.policy, {
      onRetry: (attempt, waitMs) => say(`${label}: ${attempt.detail}, retrying in ${waitMs / 1000} s`),
    });
    const where = outgoing.kind === 'http' ? outgoing.request.url : channel.secrets[0]!.value;
    delivered ||= result.ok;
    say(
      result.ok
        ? `${label}: alerted via ${where} (${result.detail})`
        : `${label}: alert FAILED via ${where}: ${result.detail}`,
    );
  }
  return delivered;
}
