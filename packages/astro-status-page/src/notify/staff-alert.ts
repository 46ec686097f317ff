import type { NotifyChannel } from '../files/schemas/notify-config.ts';
import { staffTime } from '../model/dates.ts';
import { renderMarkdown } from '../rules/markdown.ts';
import { liveChannel, webhookRequest, type LiveChannel, type Outgoing } from './channels.ts';
import type { Message } from './message.ts';
import { discordPayload, emailContent, slackPayload, teamsPayload, type PageContext } from './renderers.ts';

/*
 * A message for staff (channels with `audience: staff`), never subscribers:
 * the watchdog's findings, in each channel's own format, sent the way every
 * notification is (the same channels, retries and redaction).
 */

/** What the watchdog found: one line per problem, each naming its host. */
export interface StaffAlert {
  /** Stable for one run: the delivery id's base. */
  id: string;
  headline: string;
  lines: string[];
  /** The page the alert is about (the config's `url`). */
  url: string;
  at: number;
  /** It says the problems alerted before are over: told as all clear, not as critical. */
  over?: boolean;
}

/** The channels that hear staff alerts, made live from the environment. */
export function staffChannels(
  channels: readonly NotifyChannel[],
  env: Record<string, string | undefined>,
  context: PageContext,
): Array<LiveChannel<NotifyChannel>> {
  return channels
    .filter((channel) => channel.audience === 'staff')
    .map((channel) => liveChannel(channel, env, context));
}

function toMessage(alert: StaffAlert): Message {
  const markdown = alert.lines.map((line) => `- ${line}`).join('\n');
  return {
    id: alert.id,
    headline: alert.headline,
    title: alert.headline,
    markdown,
    html: renderMarkdown(markdown),
    url: alert.url,
    severity: alert.over ? 'Watchdog: resolved' : 'Watchdog',
    level: alert.over ? 'none' : 'critical',
    components: [],
    when: staffTime(alert.at),
    at: new Date(alert.at).toISOString(),
  };
}

/** The one message a staff channel gets for an alert. */
export function staffOutgoing(channel: LiveChannel<NotifyChannel>, alert: StaffAlert, context: PageContext): Outgoing {
  const config = channel.config;
  const [url = '', secret = ''] = channel.secrets.map((s) => s.value);
  const message = toMessage(alert);
  const base = { notificationId: alert.id, deliveryId: `${alert.id}.${config.name}` };
  const json = (body: object, headers: Record<string, string> = {}): Outgoing => ({
    ...base,
    kind: 'http',
    request: { url, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) },
  });
  switch (config.type) {
    case 'slack':
      return json(slackPayload(message, context));
    case 'discord':
      return json(discordPayload(message, context));
    case 'teams':
      return json(teamsPayload(message));
    case 'webhook': {
      // Not a Statuspage event: a body of its own, signed like every webhook.
      const body = JSON.stringify({
        meta: { generated_by: `${context.page.name} status watchdog` },
        page: { id: context.page.id, url: alert.url },
        // A message that all is over lists no problem: receivers tell the two apart by `resolved`.
        watchdog: alert.over
          ? { at: message.at, resolved: true, problems: [], summary: alert.lines.join('\n') }
          : { at: message.at, resolved: false, problems: alert.lines },
      });
      return { ...base, kind: 'http', request: webhookRequest(url, secret, base.deliveryId, body) };
    }
    case 'email': {
      const content = emailContent(message, context);
      return {
        ...base,
        kind: 'email',
        email: {
          from: config.from,
          to: config.to,
          ...content,
          headers: {},
          messageId: `<${base.deliveryId}@${new URL(context.page.url).hostname}>`,
        },
      };
    }
  }
}
