import { createHmac } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import type { NotifyChannel } from '../files/schemas/notify-config.ts';
import {
  post,
  withRetries,
  type Attempt,
  type DeliveryResult,
  type HttpRequest,
  type RetryPolicy,
  type SendOptions,
} from './delivery.ts';
import type { Notification } from './diff.ts';
import { toMessage } from './message.ts';
import { SMTP_URL, urlProblem, WEBHOOK_URL } from '../rules/urls.ts';
import { visible } from '../rules/text.ts';
import {
  discordPayload,
  emailContent,
  slackPayload,
  teamsPayload,
  webhookPayloads,
  type PageContext,
} from './renderers.ts';

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
export type Outgoing = { deliveryId: string; notificationId: string } & (
  { kind: 'http'; request: HttpRequest } | { kind: 'email'; email: Email }
);

/** The readers' subscriptions service (subscriptions.ts): not a `notify.channels` entry, but the `subscriptions:` section. */
export interface HandoverChannel {
  type: 'subscriptions';
  name: string;
  /** The service's handover address (public: it is in status.config.yaml). */
  url: string;
  secret_env: string;
  components?: undefined;
}

export interface LiveChannel<Config extends NotifyChannel | HandoverChannel = NotifyChannel | HandoverChannel> {
  config: Config;
  /** The environment variables it reads, with their values ('' when unset). */
  secrets: Array<{ name: string; value: string }>;
  /** Off when its URL variable (or the webhook's secret) is unset. */
  missing: string[];
  /** Why its URL variable, though set, holds no URL it can use (never the value: it is a secret); undefined when usable. */
  invalid?: string | undefined;
  wants: (notification: Notification) => boolean;
  /** Its messages for a notification; an email only to `recipients` when given (a resend to one address). */
  render: (notification: Notification, recipients?: readonly string[]) => Outgoing[];
  send: (outgoing: Outgoing, policy: RetryPolicy, options: SendOptions) => Promise<DeliveryResult>;
}

/** Seconds since the epoch and HMAC-SHA256(secret, "<t>.<body>") in hex: `X-Status-Signature: t=…,v1=…`. */
export function signature(secret: string, body: string, seconds: number): string {
  const mac = createHmac('sha256', secret).update(`${seconds}.${body}`).digest('hex');
  return `t=${seconds},v1=${mac}`;
}

export const SIGNATURE_HEADER = 'x-status-signature';
export const DELIVERY_HEADER = 'x-status-delivery-id';

/** A webhook's request, signed by each attempt as it is sent: a retry, or a message late in a burst, carries a fresh `t`. */
export function webhookRequest(url: string, secret: string, deliveryId: string, body: string): HttpRequest {
  const sign = (signed: string, now: number) => ({
    [SIGNATURE_HEADER]: signature(secret, signed, Math.floor(now / 1000)),
  });
  return { url, headers: { 'content-type': 'application/json', [DELIVERY_HEADER]: deliveryId }, body, sign };
}

const json = (url: string, body: object, headers: Record<string, string> = {}): HttpRequest => ({
  url,
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

const slackAccepts = (body: string) => body.trim() === 'ok';

/** Each channel type's request for a notification. */
function requests(
  channel: NotifyChannel,
  url: string,
  secret: string,
  notification: Notification,
  context: PageContext,
): Array<{ id: string; request: HttpRequest }> {
  const message = toMessage(notification);
  switch (channel.type) {
    case 'slack':
      // Slack's webhooks answer `ok`; any other text is an error code, sometimes under a 200 (`invalid_blocks`).
      return [
        { id: notification.id, request: { ...json(url, slackPayload(message, context)), accepts: slackAccepts } },
      ];
    case 'discord':
      return [{ id: notification.id, request: json(url, discordPayload(message, context)) }];
    case 'teams':
      return [{ id: notification.id, request: json(url, teamsPayload(message)) }];
    case 'webhook':
      return webhookPayloads(notification, context).map(({ id, body }) => ({
        id,
        request: webhookRequest(url, secret, `${id}.${channel.name}`, JSON.stringify(body)),
      }));
    case 'email':
      return [];
  }
}

function email(
  channel: Extract<NotifyChannel, { type: 'email' }>,
  notification: Notification,
  context: PageContext,
  recipients?: readonly string[],
): Email {
  const content = emailContent(toMessage(notification), context);
  const domain = new URL(context.page.url).hostname;
  return {
    from: channel.from,
    to: recipients ? channel.to.filter((address) => recipients.includes(address)) : channel.to,
    ...content,
    headers: channel.list_unsubscribe ? { 'List-Unsubscribe': `<${channel.list_unsubscribe}>` } : {},
    // Stable per notification and channel: mail clients and list servers drop a repeat.
    messageId: `<${notification.id}.${channel.name}@${domain}>`,
  };
}

/** Where an SMTP attempt got to: past `DATA`, a lost connection may have delivered the message. */
interface SmtpPhase {
  data: boolean;
}

/** A nodemailer logger that only notes when the DATA command goes out (nodemailer's transaction log). */
const phaseLogger = (phase: SmtpPhase) => {
  const quiet = () => {};
  return {
    level: quiet,
    trace: quiet,
    info: quiet,
    warn: quiet,
    error: quiet,
    fatal: quiet,
    debug: (entry: { tnx?: string }, message: unknown) => {
      if (entry?.tnx === 'client' && typeof message === 'string' && /^DATA\s*$/i.test(message)) phase.data = true;
    },
  };
};

type SmtpError = {
  responseCode?: number;
  code?: string;
  rejectedErrors?: Array<{ recipient?: string; responseCode?: number; response?: string }>;
};

const replyOf = (error: { responseCode?: number; response?: string }) =>
  `SMTP ${error.responseCode ?? ''} ${visible((error.response ?? '').replace(/^\d{3}[ -]?/, ''), 120)}`.trim();

/**
 * An SMTP send, classified. Retried: a refused or lost connection before
 * DATA, a 4xx reply (the server asks to come back). Not retried: a 5xx
 * reply, and a connection lost after DATA (the server may have queued it).
 * A recipient the server refused while others were accepted is reported
 * with its address, so it alone can be resent.
 */
async function sendMailOnce(transport: Transporter, message: Email, phase: SmtpPhase): Promise<Attempt> {
  phase.data = false;
  try {
    const info = await transport.sendMail({ ...message });
    const errors = (info as { rejectedErrors?: SmtpError['rejectedErrors'] }).rejectedErrors ?? [];
    const rejected = ((info.rejected ?? []) as Array<string | { address: string }>).map((address) => {
      const text = typeof address === 'string' ? address : address.address;
      const error = errors.find((candidate) => candidate.recipient === text);
      return { address: text, detail: error ? replyOf(error) : 'refused' };
    });
    return {
      ok: true,
      detail: info.response
        ? replyOf({ response: info.response, responseCode: Number(info.response.slice(0, 3)) || undefined } as {
            responseCode?: number;
            response?: string;
          })
        : 'sent',
      ...(rejected.length > 0 ? { rejected } : {}),
    };
  } catch (error) {
    const { responseCode, code, rejectedErrors } = error as SmtpError;
    if (responseCode) {
      const every = rejectedErrors?.map((rejected) => `${rejected.recipient}: ${replyOf(rejected)}`).join('; ');
      return {
        ok: false,
        retry: responseCode < 500,
        detail: every ? `every recipient was refused (${every})` : replyOf(error as { responseCode: number }),
      };
    }
    if (phase.data)
      return {
        ok: false,
        retry: false,
        mayHaveArrived: true,
        detail: `SMTP ${code ?? 'error'}: the connection broke after the message was sent: it may have arrived, so it is not retried`,
      };
    return { ok: false, retry: true, detail: `SMTP ${code ?? 'error'}: could not deliver to the server` };
  }
}

type SmtpOptions = { host: string; port?: number; secure: boolean; auth?: { user: string; pass: string } };

/**
 * The transport options of an SMTP URL (one the URL rule already accepted),
 * read with the WHATWG parser: nodemailer's own `url` option goes through
 * Node's legacy url.parse, which rejects an unencoded "/" or "?" in a
 * password and prints the whole URL, password included, in a deprecation
 * warning on stderr. Returns why it is unusable (never the value) instead.
 */
function smtpOptions(url: string, name: string): SmtpOptions | string {
  const parsed = new URL(url);
  try {
    const [user, pass] = [decodeURIComponent(parsed.username), decodeURIComponent(parsed.password)];
    const port = parsed.port === '' ? {} : { port: Number(parsed.port) };
    return {
      host: parsed.hostname.replace(/^\[(.*)\]$/, '$1'),
      ...port,
      secure: parsed.protocol === 'smtps:',
      ...(user ? { auth: { user, pass } } : {}),
    };
  } catch {
    return `$${name} holds a user name or password that is not percent-encoded: write % as %25 (and @ as %40, / as %2F, : as %3A, # as %23)`;
  }
}

/** Make a configured channel live from the environment. */
export function liveChannel(
  channel: NotifyChannel,
  env: Record<string, string | undefined>,
  context: PageContext,
): LiveChannel<NotifyChannel> {
  const names = [channel.url_env, ...(channel.type === 'webhook' ? [channel.secret_env] : [])];
  const secrets = names.map((name) => ({ name, value: env[name] ?? '' }));
  const [url, secret = ''] = secrets.map((s) => s.value);
  let transport: Transporter | undefined;
  const phase: SmtpPhase = { data: false };
  // The same URL rule as the config's URL fields, with the form this channel's requests take.
  const problem = url ? urlProblem(url, channel.type === 'email' ? SMTP_URL : WEBHOOK_URL) : undefined;
  const wanted =
    channel.type === 'email'
      ? 'an smtp: or smtps: URL such as smtps://user:password@smtp.example.com:465'
      : `the ${channel.type} webhook's absolute http(s) URL`;
  const smtp = !problem && url && channel.type === 'email' ? smtpOptions(url, channel.url_env) : undefined;
  const invalid = problem
    ? `$${channel.url_env} ${problem}; it must hold ${wanted}`
    : typeof smtp === 'string'
      ? smtp
      : undefined;
  return {
    config: channel,
    secrets,
    missing: secrets.filter((s) => s.value === '').map((s) => s.name),
    invalid,
    wants: (notification) =>
      !channel.components || notification.components.some((id) => channel.components!.includes(id)),
    render: (notification, recipients) => {
      const base = { notificationId: notification.id };
      if (channel.type === 'email')
        return [
          {
            ...base,
            deliveryId: `${notification.id}.${channel.name}`,
            kind: 'email',
            email: email(channel, notification, context, recipients),
          },
        ];
      return requests(channel, url!, secret, notification, context).map(({ id, request }) => ({
        ...base,
        deliveryId: `${id}.${channel.name}`,
        kind: 'http',
        request,
      }));
    },
    send: async (outgoing, policy, options) => {
      if (outgoing.kind === 'http') return post(outgoing.request, policy, options);
      // Loaded when mail goes out: a run that sends none (every watch, most notify runs) is spared its 20 MB.
      const { createTransport } = (await import('nodemailer')).default;
      transport ??= createTransport({
        ...(smtp as SmtpOptions),
        connectionTimeout: policy.timeoutMs,
        greetingTimeout: policy.timeoutMs,
        socketTimeout: policy.timeoutMs,
        transactionLog: true,
        logger: phaseLogger(phase),
      } as Parameters<typeof createTransport>[0]);
      return withRetries(policy, () => sendMailOnce(transport!, outgoing.email, phase), options);
    },
  };
}
