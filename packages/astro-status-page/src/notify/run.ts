import type { SiteConfig } from '../files/schemas/site-config.ts';
import { post, REAL_CLOCK, type Attempt, type Clock, type DeliveryResult, type RetryPolicy } from './delivery.ts';
import { findNotification, newNotifications, type Notification } from './diff.ts';
import type { Ledger, Owed } from './ledger.ts';
import { liveChannel, SIGNATURE_HEADER, type LiveChannel, type Outgoing } from './channels.ts';
import { pacer, PLATFORM_RATES } from './pacing.ts';
import { redactor } from './redact.ts';
import type { LoadedBuild, PreviousBuild } from './snapshot.ts';
import { changedFeeds, hubPing } from './websub.ts';
import { SUBSCRIPTIONS_CHANNEL, subscriptionsChannel } from './subscriptions.ts';
import { visible } from '../rules/text.ts';

/*
 * One `notify` run: what is new, to which channel, sent (or printed) with
 * every secret redacted from every line. Channels and the hub run in
 * parallel, each channel sending its messages in order at its platform's
 * pace, so one slow or failing channel delays none of the others; the run
 * stops at its time limit and lists what it did not send.
 */

export interface NotifyRun {
  config: SiteConfig;
  env: Record<string, string | undefined>;
  current: LoadedBuild;
  /** The build this one replaced; null on a site's first run. */
  previous: PreviousBuild | null;
  /** Send these again, whatever the previous build held: notification ids, a webhook's component update ids, feed URLs. */
  resend: string[];
  /** Only these channels (by name); all when empty. */
  only: string[];
  /** Email only to these of the configured addresses (a resend to a refused recipient); all when empty. */
  recipients: string[];
  dryRun: boolean;
  policy: RetryPolicy;
  /** The whole run's limit, in ms: nothing starts after it. */
  timeLimitMs: number;
  out: (line: string) => void;
  clock?: Clock;
  /** What each channel confirmed, on disk (`--ledger`): without it, a run knows only the two builds it compares. */
  ledger?: Ledger | undefined;
}

export interface NotifyOutcome {
  delivered: number;
  failed: string[];
}

/** The deploy job's notify step has 15 minutes; the run keeps 3 of them for installing and reporting. */
export const DEFAULT_TIME_LIMIT_MS = 12 * 60_000;
/** Hub pings: this many at once, all within this long (a hub is one server; its feeds are a handful). */
export const HUB_CONCURRENCY = 4;
export const HUB_TIME_LIMIT_MS = 60_000;

/** What a run sends: its notifications, and with `--resend`, which of their messages and which feeds. */
export interface Selection {
  notifications: Notification[];
  /** Message ids to send (a notification's id sends all its messages); null: everything. */
  parts: Set<string> | null;
  /** Feeds to ping whatever the notifications changed (`--resend <feed URL> --channel websub`). */
  feeds: string[];
  /** Notifications sent only because an earlier run left them owed: just those deliveries (delivery ids). */
  owedOnly: Map<string, Set<string>>;
  /** Owed deliveries whose notification this build no longer publishes. */
  gone: Owed[];
}

/** Confirmed deliveries are remembered this long: far longer than any two builds a diff compares lie apart. */
export const LEDGER_KEEP_MS = 400 * 24 * 3_600_000;

const RESEND_FORMS =
  'an update id (2022-12-28-login-and-posting-failing-update-20221228T125800Z), <slug>-postmortem, <slug>-reminder, <slug>-window-opened, <slug>-window-closed, a webhook component update (<update id>-<component id>) or a feed URL for websub';

/**
 * Which notifications this run is about: what is new since the previous
 * build, and what an earlier run left owed (`owed`, from the ledger). Throws
 * naming the forms a `--resend` id takes when one is unknown.
 */
export function selectNotifications(
  run: Pick<NotifyRun, 'current' | 'previous' | 'resend'>,
  owed: readonly Owed[] = [],
): Selection {
  if (run.resend.length === 0) {
    const notifications = newNotifications(baselineOf(run)?.index ?? null, run.current.snapshot);
    const owedOnly = new Map<string, Set<string>>();
    const gone: Owed[] = [];
    for (const debt of owed) {
      if (notifications.some((notification) => notification.id === debt.notificationId)) continue;
      const found = findNotification(run.current.snapshot, debt.notificationId);
      if (!found) {
        gone.push(debt);
        continue;
      }
      if (!owedOnly.has(found.id)) notifications.push(found);
      owedOnly.set(found.id, (owedOnly.get(found.id) ?? new Set()).add(debt.deliveryId));
    }
    return { notifications, parts: null, feeds: [], owedOnly, gone };
  }
  const notifications = new Map<string, Notification>();
  const feeds: string[] = [];
  const every = newNotifications({ at: -Infinity, events: [] }, run.current.snapshot);
  for (const id of run.resend) {
    if (/^https?:\/\//i.test(id)) {
      feeds.push(id);
      continue;
    }
    const found =
      findNotification(run.current.snapshot, id) ??
      every.find((notification) =>
        notification.update?.affected_components?.some((change) => id === `${notification.id}-${change.code}`),
      );
    if (!found) throw new Error(`--resend: nothing called "${id}" in this build. A resend takes ${RESEND_FORMS}`);
    notifications.set(found.id, found);
  }
  return {
    notifications: [...notifications.values()],
    parts: new Set(run.resend),
    feeds,
    owedOnly: new Map(),
    gone: [],
  };
}

/** One page's address however it is written: `https://Status.example.com/status` is `https://status.example.com/status/`. */
const pageKey = (url: string) => (URL.canParse(url) ? new URL(url).href.replace(/\/?$/, '/') : url);

/**
 * The previous build notify compares with, unless it is another page's: a
 * changed address, or a `--previous` that names another site, would make
 * every update of this page look new and announce years of them. Such a run
 * compares as a first run does (the last hour), and says why.
 */
function baselineOf(run: Pick<NotifyRun, 'current' | 'previous'>): PreviousBuild | null {
  const { previous } = run;
  return previous && pageKey(previous.url) === pageKey(run.current.context.page.url) ? previous : null;
}

type Say = (line: string) => void;

export async function runNotify(run: NotifyRun): Promise<NotifyOutcome> {
  // Staff channels hear the watchdog (`watch`), never an announcement.
  const configured = (run.config.notify?.channels ?? []).filter((channel) => channel.audience !== 'staff');
  // The readers' subscriptions service, when the site has one: a channel of its own (subscriptions.ts).
  const subscriptions = run.config.subscriptions
    ? [subscriptionsChannel(run.config.subscriptions, run.config, run.env)]
    : [];
  const names = [...configured.map((channel) => channel.name), ...subscriptions.map(() => SUBSCRIPTIONS_CHANNEL)];
  const unknown = run.only.filter((name) => name !== 'websub' && !names.includes(name));
  if (unknown.length > 0)
    throw new Error(`--channel: unknown channel "${unknown[0]}". Configured: ${names.join(', ') || '(none)'}`);
  const addresses = configured.flatMap((channel) => (channel.type === 'email' ? channel.to : []));
  const stranger = run.recipients.find((address) => !addresses.includes(address));
  if (stranger)
    throw new Error(
      `--to: "${stranger}" is not an address of any email channel. Configured: ${addresses.join(', ') || '(none)'}`,
    );
  const channels = [
    ...configured.map((channel) => liveChannel(channel, run.env, run.current.context)),
    ...subscriptions,
  ].filter((channel) => run.only.length === 0 || run.only.includes(channel.config.name));
  const redact = redactor(channels.flatMap((channel) => channel.secrets));
  const say = (line: string) => run.out(redact(line));
  const ledger = run.dryRun ? undefined : run.ledger;
  ledger?.prune(LEDGER_KEEP_MS);
  const selection = selectNotifications(run, ledger?.owed() ?? []);
  describeRun(run, selection, say);
  const batches = channels.map((channel) => ({ channel, outgoing: outgoingOf(run, channel, selection) }));
  if (ledger) {
    // The whole batch is owed before its first message leaves: a run killed midway leaves the rest to the next.
    ledger.owe(
      batches
        .filter(({ channel }) => channel.missing.length === 0)
        .flatMap(({ channel, outgoing }) =>
          outgoing.map((message) => ({
            deliveryId: message.deliveryId,
            notificationId: message.notificationId,
            channel: channel.config.name,
          })),
        ),
    );
    for (const debt of selection.gone) ledger.forget(debt.deliveryId);
  }
  const clock = run.clock ?? REAL_CLOCK;
  const deadline = clock.now() + run.timeLimitMs;
  const [results, hub] = await Promise.all([
    Promise.all(batches.map(({ channel, outgoing }) => runChannel(run, channel, outgoing, say, deadline, ledger))),
    pingHub(run, selection, say),
  ]);
  const outcome = [...results, hub].reduce(
    (all, one) => ({ delivered: all.delivered + one.delivered, failed: [...all.failed, ...one.failed] }),
    { delivered: 0, failed: [] },
  );
  if (!run.dryRun)
    say(
      outcome.failed.length === 0
        ? `Done: ${outcome.delivered} delivered, none failed.`
        : `Done: ${outcome.delivered} delivered, ${outcome.failed.length} not delivered: ${outcome.failed.join(', ')}`,
    );
  return outcome;
}

function describeRun(run: NotifyRun, selection: Selection, say: Say) {
  const owed = selection.owedOnly.size;
  const notifications = selection.notifications.slice(0, selection.notifications.length - owed);
  const current = new Date(run.current.snapshot.at).toISOString();
  const baseline = baselineOf(run);
  if (run.resend.length > 0) say(`Resending ${notifications.length} notification(s) from the build of ${current}.`);
  else if (baseline) {
    if (baseline.note) say(baseline.note);
    say(
      `Comparing the build of ${current} with the previous build of ${new Date(baseline.index.at).toISOString()}: ${notifications.length} new.`,
    );
  } else if (run.previous)
    say(
      `The previous build is of ${visible(run.previous.url, 200)}, not of this page, ${run.current.context.page.url} (its address changed, or --previous names another site): announcing only what is newer than an hour before the build of ${current}, as on a first run: ${notifications.length} new.`,
    );
  else
    say(
      `No previous build: announcing only what is newer than an hour before the build of ${current} (first run): ${notifications.length} new.`,
    );
  for (const notification of notifications) say(`  ${notification.id} (${notification.kind}, ${notification.at})`);
  if (owed > 0) {
    say(`Left unsent by an earlier run that did not finish (the ledger): ${owed}.`);
    for (const notification of selection.notifications.slice(-owed))
      say(`  ${notification.id} (${notification.kind}, ${notification.at})`);
  }
  for (const debt of selection.gone)
    say(`Owed by an earlier run but no longer published, so not sent: ${debt.deliveryId}`);
}

/** The id a message is resent by: its delivery id without the channel's name. */
const partOf = (channel: LiveChannel, message: Outgoing) =>
  message.deliveryId.slice(0, -(channel.config.name.length + 1));

function outgoingOf(run: NotifyRun, channel: LiveChannel, selection: Selection): Outgoing[] {
  const recipients = run.recipients.length > 0 ? run.recipients : undefined;
  const all = selection.notifications
    .filter(channel.wants)
    .flatMap((notification) => channel.render(notification, recipients));
  const wanted = all.filter(
    (message) =>
      (selection.parts === null ||
        selection.parts.has(message.notificationId) ||
        selection.parts.has(partOf(channel, message))) &&
      (selection.owedOnly.get(message.notificationId)?.has(message.deliveryId) ?? true),
  );
  // An email channel none of whose addresses this run sends to has nothing to send.
  return wanted.filter((message) => message.kind !== 'email' || message.email.to.length > 0);
}

async function runChannel(
  run: NotifyRun,
  channel: LiveChannel,
  outgoing: Outgoing[],
  say: Say,
  deadline: number,
  ledger: Ledger | undefined,
): Promise<NotifyOutcome> {
  const label = `${channel.config.name} (${channel.config.type})`;
  if (channel.missing.length > 0) {
    say(
      `${label}: off, ${channel.missing.join(' and ')} not set${run.dryRun && outgoing.length > 0 ? '; it would send:' : ''}`,
    );
    if (!run.dryRun) return { delivered: 0, failed: [] };
  }
  if (channel.invalid) {
    // Set but unusable is a mistake to fix, not a channel switched off: every message counts as failed.
    say(`${label}: ${channel.invalid}`);
    if (!run.dryRun) return { delivered: 0, failed: outgoing.map((message) => message.deliveryId) };
  }
  if (run.dryRun) {
    if (channel.missing.length === 0 && !channel.invalid)
      say(
        `${label}: ${outgoing.length} message(s)${channel.config.components ? ` (only ${channel.config.components.join(', ')})` : ''}`,
      );
    for (const message of outgoing) say(preview(channel, message));
    return { delivered: 0, failed: [] };
  }
  const clock = run.clock ?? REAL_CLOCK;
  const pace = pacer(PLATFORM_RATES[channel.config.type], clock);
  const outcome: NotifyOutcome = { delivered: 0, failed: [] };
  const resend = (message: Outgoing, to = '') =>
    `npm run status -- notify --resend ${partOf(channel, message)} --channel ${channel.config.name}${to ? ` --to ${to}` : ''}`;
  for (const [i, message] of outgoing.entries()) {
    if (clock.now() >= deadline) {
      reportUnsent(say, label, run.timeLimitMs, outgoing.slice(i), resend, channel.config.name, (m) =>
        partOf(channel, m),
      );
      if (ledger) say(`${label}: the ledger keeps them owed: the next run sends them.`);
      outcome.failed.push(...outgoing.slice(i).map((m) => m.deliveryId));
      break;
    }
    const what = `${label}: ${message.deliveryId}`;
    const confirmedAt = run.resend.length === 0 ? ledger?.confirmedAt(message.deliveryId) : undefined;
    if (confirmedAt !== undefined) {
      say(`${what}: already delivered (confirmed ${confirmedAt}), not sent again`);
      continue;
    }
    // The first attempt waits its turn before the claim: a run killed while waiting holds nothing.
    await pace();
    let turnTaken = true;
    const paceRetries = () => (turnTaken ? Promise.resolve(void (turnTaken = false)) : pace());
    if (ledger) {
      // Another run's claim is awaited until this run's own time limit, counted on the wall clock the other run keeps.
      const claim = await ledger.claim(message.deliveryId, {
        again: run.resend.length > 0,
        deadline: Date.now() + (deadline - clock.now()),
      });
      if (claim.kind === 'done') {
        say(`${what}: already delivered (confirmed ${claim.at}), not sent again`);
        continue;
      }
      if (claim.kind === 'busy') {
        say(`${what}: another run (process ${claim.holder.pid}) is sending it, left to that run`);
        continue;
      }
      if (claim.kind === 'stopped') {
        say(
          `${what}: MAY HAVE ARRIVED, not confirmed: the run sending it (process ${claim.holder.pid} on ${claim.holder.host}, ${claim.holder.at}) stopped before it heard back, so it is not sent again. Check the receiver; if it did not arrive: ${resend(message)}`,
        );
        outcome.failed.push(message.deliveryId);
        continue;
      }
    }
    const result = await channel
      .send(message, run.policy, { clock, pace: paceRetries, deadline, onRetry: retrying(say, what) })
      .catch((error: Error): DeliveryResult => ({
        ok: false,
        attempts: 1,
        detail: `could not send: ${error.message}`,
      }));
    // The real URL goes through `say`, which prints the variable's name instead.
    const where = message.kind === 'http' ? message.request.url : channel.secrets[0]!.value;
    report(say, what, where, result, resend(message));
    if (result.ok) ledger?.confirm(message.deliveryId, result.detail);
    // Proven not to have arrived: owed again, so the next run sends it; what may have arrived stays claimed.
    else if (!result.mayHaveArrived) ledger?.release(message.deliveryId);
    for (const rejected of result.rejected ?? []) {
      say(
        `${what}: FAILED for ${rejected.address}: ${rejected.detail}. Once fixed: ${resend(message, rejected.address)}`,
      );
      outcome.failed.push(`${message.deliveryId} to ${rejected.address}`);
    }
    if (result.ok) outcome.delivered++;
    else outcome.failed.push(message.deliveryId);
  }
  return outcome;
}

function reportUnsent(
  say: Say,
  label: string,
  limitMs: number,
  unsent: Outgoing[],
  resend: (message: Outgoing) => string,
  channel: string,
  part: (message: Outgoing) => string,
) {
  say(`${label}: the run's time limit (${limitMs / 1000} s) was reached; ${unsent.length} message(s) NOT SENT:`);
  for (const message of unsent) say(`${label}: ${message.deliveryId}: NOT SENT. ${resend(message)}`);
  const parts = [...new Set(unsent.map(part))];
  say(
    `${label}: to send them all: npm run status -- notify --channel ${channel} ${parts.map((id) => `--resend ${id}`).join(' ')}`,
  );
}

const retrying = (say: Say, what: string) => (result: Attempt, waitMs: number) =>
  say(`${what}: ${result.detail}, retrying in ${waitMs / 1000} s`);

function report(say: Say, what: string, where: string, result: DeliveryResult, resend: string) {
  const attempts = `${result.attempts} attempt${result.attempts === 1 ? '' : 's'}`;
  if (result.ok) say(`${what}: delivered to ${where} (${result.detail}, ${attempts})`);
  else if (result.mayHaveArrived)
    say(
      `${what}: MAY HAVE ARRIVED, not confirmed, after ${attempts} to ${where}: ${result.detail}. Check the receiver; if it did not arrive: ${resend}`,
    );
  else say(`${what}: FAILED after ${attempts} to ${where}: ${result.detail}. Once fixed: ${resend}`);
}

/** A message as it would be sent, secrets replaced by the names of their variables. */
function preview(channel: LiveChannel, message: Outgoing): string {
  const head = `--- ${message.deliveryId}`;
  if (message.kind === 'email') {
    const { email } = message;
    const headers = {
      From: email.from,
      To: email.to.join(', '),
      Subject: email.subject,
      'Message-ID': email.messageId,
      ...email.headers,
    };
    return [
      head,
      `SMTP via $${channel.config.type === 'email' ? channel.config.url_env : ''}`,
      ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
      '',
      email.text,
      '[HTML part]',
      email.html,
      '',
    ].join('\n');
  }
  const headers = Object.entries(message.request.headers).map(([name, value]) => `${name}: ${value}`);
  const { config } = channel;
  if (message.request.sign && (config.type === 'webhook' || config.type === 'subscriptions'))
    headers.push(
      `${SIGNATURE_HEADER}: t=<unix time of each attempt>,v1=<HMAC-SHA256 of "<t>.<body>" with $${config.secret_env}>`,
    );
  return [
    head,
    // The service's address is public (status.config.yaml); a channel's URL is a secret, named by its variable.
    `POST ${config.type === 'subscriptions' ? config.url : `$${config.url_env}`}`,
    ...headers,
    '',
    JSON.stringify(JSON.parse(message.request.body), null, 2),
    '',
  ].join('\n');
}

/** Run `task` on every item, at most `limit` at once, in order of start. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  const queue = [...items];
  const worker = async () => {
    for (let item = queue.shift(); item !== undefined; item = queue.shift()) await task(item);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}

async function pingHub(run: NotifyRun, selection: Selection, say: Say): Promise<NotifyOutcome> {
  const hub = run.config.notify?.websub_hub;
  const outcome: NotifyOutcome = { delivered: 0, failed: [] };
  if (!hub || (run.only.length > 0 && !run.only.includes('websub'))) return outcome;
  // A resend pings the feeds it names, and the feeds of the notifications it resends only when asked for websub by name.
  const fromNotifications =
    run.resend.length === 0 || run.only.includes('websub')
      ? changedFeeds(selection.notifications, run.current.context.page.url)
      : [];
  const feeds = [...new Set([...fromNotifications, ...selection.feeds])];
  if (run.dryRun) {
    for (const feed of feeds) say(`websub: would ping ${hub} with hub.mode=publish&hub.url=${feed}`);
    return outcome;
  }
  const clock = run.clock ?? REAL_CLOCK;
  const deadline = clock.now() + Math.min(HUB_TIME_LIMIT_MS, run.timeLimitMs);
  await eachLimited(feeds, HUB_CONCURRENCY, async (feed) => {
    const resend = `npm run status -- notify --resend ${feed} --channel websub`;
    if (clock.now() >= deadline) {
      say(`websub: ${feed}: NOT PINGED, the hub's time limit (${HUB_TIME_LIMIT_MS / 1000} s) was reached. ${resend}`);
      outcome.failed.push(`websub ${feed}`);
      return;
    }
    const result = await post(hubPing(hub, feed), run.policy, {
      clock,
      deadline,
      onRetry: retrying(say, `websub: ${feed}`),
    });
    report(say, `websub: ${feed}`, hub, result, resend);
    if (result.ok) outcome.delivered++;
    else outcome.failed.push(`websub ${feed}`);
  });
  return outcome;
}
