import type { SiteConfig } from '../files/schemas/site-config.ts';
import { post, type Attempt, type DeliveryResult, type RetryPolicy } from './delivery.ts';
import { findNotification, newNotifications, type Notification } from './diff.ts';
import { liveChannel, SIGNATURE_HEADER, type LiveChannel, type Outgoing } from './channels.ts';
import { redactor } from './redact.ts';
import type { LoadedBuild, PreviousBuild } from './snapshot.ts';
import { changedFeeds, hubPing } from './websub.ts';

/*
 * One `notify` run: what is new, to which channel, sent (or printed) with
 * every secret redacted from every line. Channels run in parallel, each
 * sending its messages in order, so one slow or failing channel delays none
 * of the others.
 */

export interface NotifyRun {
  config: SiteConfig;
  env: Record<string, string | undefined>;
  current: LoadedBuild;
  /** The build this one replaced; null on a site's first run. */
  previous: PreviousBuild | null;
  /** Send these notification ids again, whatever the previous build held. */
  resend: string[];
  /** Only these channels (by name); all when empty. */
  only: string[];
  dryRun: boolean;
  policy: RetryPolicy;
  out: (line: string) => void;
}

export interface NotifyOutcome {
  delivered: number;
  failed: string[];
}

/** Which notifications this run is about. Throws with the valid ids when a `--resend` id is unknown. */
export function selectNotifications(run: Pick<NotifyRun, 'current' | 'previous' | 'resend'>): Notification[] {
  if (run.resend.length === 0) return newNotifications(run.previous?.index ?? null, run.current.snapshot);
  return run.resend.map((id) => {
    const found = findNotification(run.current.snapshot, id);
    if (!found) throw new Error(`--resend: no update or postmortem "${id}" in this build. Ids are the API's update ids, e.g. ${run.current.snapshot.incidents[0]?.incident_updates[0]?.id ?? '2022-12-28-login-failing-update-2'}, or <slug>-postmortem`);
    return found;
  });
}

export async function runNotify(run: NotifyRun): Promise<NotifyOutcome> {
  const configured = run.config.notify?.channels ?? [];
  const unknown = run.only.filter((name) => name !== 'websub' && !configured.some((channel) => channel.name === name));
  if (unknown.length > 0) throw new Error(`--channel: unknown channel "${unknown[0]}". Configured: ${configured.map((channel) => channel.name).join(', ') || '(none)'}`);
  const channels = configured.filter((channel) => run.only.length === 0 || run.only.includes(channel.name)).map((channel) => liveChannel(channel, run.env, run.current.context));
  const redact = redactor(channels.flatMap((channel) => channel.secrets));
  const say = (line: string) => run.out(redact(line));
  const notifications = selectNotifications(run);
  describeRun(run, notifications, say);
  const results = await Promise.all(channels.map((channel) => runChannel(run, channel, notifications, say)));
  const hub = await pingHub(run, notifications, say);
  const outcome = [...results, hub].reduce((all, one) => ({ delivered: all.delivered + one.delivered, failed: [...all.failed, ...one.failed] }), { delivered: 0, failed: [] });
  if (!run.dryRun) say(outcome.failed.length === 0 ? `Done: ${outcome.delivered} delivered, none failed.` : `Done: ${outcome.delivered} delivered, ${outcome.failed.length} FAILED: ${outcome.failed.join(', ')}`);
  return outcome;
}

function describeRun(run: NotifyRun, notifications: Notification[], say: (line: string) => void) {
  const current = new Date(run.current.snapshot.at).toISOString();
  if (run.resend.length > 0) say(`Resending ${notifications.length} notification(s) from the build of ${current}.`);
  else if (run.previous) {
    if (run.previous.note) say(run.previous.note);
    say(`Comparing the build of ${current} with the previous build of ${new Date(run.previous.index.at).toISOString()}: ${notifications.length} new.`);
  }
  else say(`No previous build: announcing only what is newer than an hour before the build of ${current} (first run): ${notifications.length} new.`);
  for (const notification of notifications) say(`  ${notification.id} (${notification.kind}, ${notification.at})`);
}

async function runChannel(run: NotifyRun, channel: LiveChannel, notifications: Notification[], say: (line: string) => void): Promise<NotifyOutcome> {
  const label = `${channel.config.name} (${channel.config.type})`;
  const wanted = notifications.filter(channel.wants);
  const outgoing = wanted.flatMap((notification) => channel.render(notification));
  if (channel.missing.length > 0) {
    say(`${label}: off, ${channel.missing.join(' and ')} not set${run.dryRun && outgoing.length > 0 ? '; it would send:' : ''}`);
    if (!run.dryRun) return { delivered: 0, failed: [] };
  }
  if (channel.invalid) {
    // Set but unusable is a mistake to fix, not a channel switched off: every message counts as failed.
    say(`${label}: ${channel.invalid}`);
    if (!run.dryRun) return { delivered: 0, failed: outgoing.map((message) => message.deliveryId) };
  }
  if (run.dryRun) {
    if (channel.missing.length === 0 && !channel.invalid) say(`${label}: ${outgoing.length} message(s)${channel.config.components ? ` (only ${channel.config.components.join(', ')})` : ''}`);
    for (const message of outgoing) say(preview(channel, message));
    return { delivered: 0, failed: [] };
  }
  const outcome: NotifyOutcome = { delivered: 0, failed: [] };
  for (const message of outgoing) {
    const result = await channel.send(message, run.policy, retrying(say, `${label}: ${message.deliveryId}`));
    // The real URL goes through `say`, which prints the variable's name instead.
    const where = message.kind === 'http' ? message.request.url : channel.secrets[0]!.value;
    report(say, `${label}: ${message.deliveryId}`, where, result, `--resend ${message.notificationId} --channel ${channel.config.name}`);
    if (result.ok) outcome.delivered++;
    else outcome.failed.push(message.deliveryId);
  }
  return outcome;
}

const retrying = (say: (line: string) => void, what: string) => (result: Attempt, waitMs: number) => say(`${what}: ${result.detail}, retrying in ${waitMs / 1000} s`);

function report(say: (line: string) => void, what: string, where: string, result: DeliveryResult, resend: string) {
  const attempts = `${result.attempts} attempt${result.attempts === 1 ? '' : 's'}`;
  if (result.ok) say(`${what}: delivered to ${where} (${result.detail}, ${attempts})`);
  else say(`${what}: FAILED after ${attempts} to ${where}: ${result.detail}. Once fixed: npm run status -- notify ${resend}`);
}

/** A message as it would be sent, secrets replaced by the names of their variables. */
function preview(channel: LiveChannel, message: Outgoing): string {
  const head = `--- ${message.deliveryId}`;
  if (message.kind === 'email') {
    const { email } = message;
    const headers = { From: email.from, To: email.to.join(', '), Subject: email.subject, 'Message-ID': email.messageId, ...email.headers };
    return [head, `SMTP via $${channel.config.url_env}`, ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`), '', email.text, '[HTML part]', email.html, ''].join('\n');
  }
  const headers = Object.entries(message.request.headers).map(([name, value]) =>
    name === SIGNATURE_HEADER && channel.config.type === 'webhook' ? `${name}: t=<unix time>,v1=<HMAC-SHA256 of "<t>.<body>" with $${channel.config.secret_env}>` : `${name}: ${value}`,
  );
  return [head, `POST $${channel.config.url_env}`, ...headers, '', JSON.stringify(JSON.parse(message.request.body), null, 2), ''].join('\n');
}

async function pingHub(run: NotifyRun, notifications: Notification[], say: (line: string) => void): Promise<NotifyOutcome> {
  const hub = run.config.notify?.websub_hub;
  if (!hub || (run.only.length > 0 && !run.only.includes('websub'))) return { delivered: 0, failed: [] };
  const feeds = changedFeeds(notifications, run.current.context.page.url);
  const outcome: NotifyOutcome = { delivered: 0, failed: [] };
  if (run.dryRun) {
    for (const feed of feeds) say(`websub: would ping ${hub} with hub.mode=publish&hub.url=${feed}`);
    return outcome;
  }
  // Sequential: a hub is one server, and a handful of pings is quick.
  for (const feed of feeds) {
    const result = await post(hubPing(hub, feed), run.policy, retrying(say, `websub: ${feed}`));
    report(say, `websub: ${feed}`, hub, result, '--resend <update-id> --channel websub');
    if (result.ok) outcome.delivered++;
    else outcome.failed.push(`websub ${feed}`);
  }
  return outcome;
}
