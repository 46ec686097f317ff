import { createHmac } from 'node:crypto';
import nodemailer, { type Transporter } from 'nodemailer';
import type { NotifyChannel } from '../files/schemas/notify-config.ts';
import { post, withRetries, type Attempt, type DeliveryResult, type HttpRequest, type RetryPolicy } from './delivery.ts';
import type { Notification } from './diff.ts';
import { toMessage } from './message.ts';
import { SMTP_URL, urlProblem, WEBHOOK_URL } from '../rules/urls.ts';
import { discordPayload, emailContent, slackPayload, teamsPayload, webhookPayloads, type PageContext } from './renderers.ts';

/*
 * A configured channel, made live by its environment: which notifications it
 * wants, the exact requests it would send, and how it sends them.
 */

export interface Email {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  messageId: string;
}

/** One message to one channel, with the id that makes it exactly-once (notification id + channel). */
export type Outgoing = { deliveryId: string; notificationId: string } & ({ kind: 'http'; request: HttpRequest } | { kind: 'email'; email: Email });

export interface LiveChannel {
  config: NotifyChannel;
  /** The environment variables it reads, with their values ('' when unset). */
  secrets: Array<{ name: string; value: string }>;
  /** Off when its URL variable (or the webhook's secret) is unset. */
  missing: string[];
  /** Why its URL variable, though set, holds no URL it can use (never the value: it is a secret); undefined when usable. */
  invalid?: string | undefined;
  wants: (notification: Notification) => boolean;
  render: (notification: Notification) => Outgoing[];
  send: (outgoing: Outgoing, policy: RetryPolicy, onRetry: (result: Attempt, waitMs: number) => void) => Promise<DeliveryResult>;
}

/** Seconds since the epoch and HMAC-SHA256(secret, "<t>.<body>") in hex: `X-Status-Signature: t=…,v1=…`. */
export function signature(secret: string, body: string, seconds: number): string {
  const mac = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
  return `t=${seconds},v1=${mac}`;
}

export const SIGNATURE_HEADER = 'x-status-signature';
export const DELIVERY_HEADER = 'x-status-delivery-id';

const json = (url: string, body: object, headers: Record<string, string> = {}): HttpRequest => ({
  url,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

/** Each channel type's request for a notification. */
function requests(channel: NotifyChannel, url: string, secret: string, notification: Notification, context: PageContext): Array<{ id: string; request: HttpRequest }> {
  const message = toMessage(notification);
  switch (channel.type) {
    case 'slack':
      return [{ id: notification.id, request: json(url, slackPayload(message, context)) }];
    case 'discord':
      return [{ id: notification.id, request: json(url, discordPayload(message, context)) }];
    case 'teams':
      return [{ id: notification.id, request: json(url, teamsPayload(message)) }];
    case 'webhook':
      return webhookPayloads(notification, context).map(({ id, body }) => {
        const text = JSON.stringify(body);
        const headers = { 'content-type': 'application/json', [DELIVERY_HEADER]: `${id}.${channel.name}`, [SIGNATURE_HEADER]: signature(secret, text, Math.floor(Date.now() / 1000)) };
        return { id, request: { url, headers, body: text } };
      });
    case 'email':
      return [];
  }
}

function email(channel: Extract<NotifyChannel, { type: 'email' }>, notification: Notification, context: PageContext): Email {
  const content = emailContent(toMessage(notification), context);
  const domain = new URL(context.page.url).hostname;
  return {
    from: channel.from,
    to: channel.to,
    ...content,
    headers: channel.list_unsubscribe ? { 'List-Unsubscribe': `<${channel.list_unsubscribe}>` } : {},
    // Stable per notification and channel: mail clients and list servers drop a repeat.
    messageId: `<${notification.id}.${channel.name}@${domain}>`,
  };
}

/** An SMTP send, classified: 4xx replies and refused connections are worth retrying, 5xx replies are not. */
async function sendMailOnce(transport: Transporter, message: Email): Promise<Attempt> {
  try {
    const info = await transport.sendMail({ ...message });
    return { ok: true, detail: info.response ?? 'sent' };
  } catch (error) {
    const { responseCode, code } = error as { responseCode?: number; code?: string };
    if (responseCode) return { ok: false, retry: responseCode < 500, detail: `SMTP ${responseCode}` };
    return { ok: false, retry: code === 'ECONNECTION' || code === 'EDNS', detail: `SMTP ${code ?? 'error'}` };
  }
}

/** Make a configured channel live from the environment. */
export function liveChannel(channel: NotifyChannel, env: Record<string, string | undefined>, context: PageContext): LiveChannel {
  const names = [channel.url_env, ...(channel.type === 'webhook' ? [channel.secret_env] : [])];
  const secrets = names.map((name) => ({ name, value: env[name] ?? '' }));
  const [url, secret = ''] = secrets.map((s) => s.value);
  let transport: Transporter | undefined;
  // The same URL rule as the config's URL fields, with the form this channel's requests take.
  const problem = url ? urlProblem(url, channel.type === 'email' ? SMTP_URL : WEBHOOK_URL) : undefined;
  const wanted = channel.type === 'email' ? 'an smtp: or smtps: URL such as smtps://user:password@smtp.example.com:465' : `the ${channel.type} webhook's absolute http(s) URL`;
  return {
    config: channel,
    secrets,
    missing: secrets.filter((s) => s.value === '').map((s) => s.name),
    invalid: problem && `$${channel.url_env} ${problem}; it must hold ${wanted}`,
    wants: (notification) => !channel.components || notification.components.some((id) => channel.components!.includes(id)),
    render: (notification) => {
      const base = { notificationId: notification.id };
      if (channel.type === 'email') return [{ ...base, deliveryId: `${notification.id}.${channel.name}`, kind: 'email', email: email(channel, notification, context) }];
      return requests(channel, url!, secret, notification, context).map(({ id, request }) => ({ ...base, deliveryId: `${id}.${channel.name}`, kind: 'http', request }));
    },
    send: (outgoing, policy, onRetry) => {
      if (outgoing.kind === 'http') return post(outgoing.request, policy, onRetry);
      transport ??= nodemailer.createTransport({ url: url!, connectionTimeout: policy.timeoutMs, greetingTimeout: policy.timeoutMs, socketTimeout: policy.timeoutMs });
      return withRetries(policy, () => sendMailOnce(transport!, outgoing.email), onRetry);
    },
  };
}
