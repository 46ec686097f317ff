import { listComponents, type SiteConfig } from '../files/schemas/site-config.ts';
import type { SubscriptionsConfig } from '../files/schemas/subscriptions-config.ts';
import { serviceEndpoint, type Handover } from '../rules/subscriptions.ts';
import { post } from './delivery.ts';
import type { Notification } from './diff.ts';
import { toMessage } from './message.ts';
import { webhookRequest, type LiveChannel } from './channels.ts';

/*
 * The readers' email subscriptions: `notify` hands each notification over to
 * the subscriptions service (subscriptions/worker.ts), signed as a webhook is
 * (HMAC-SHA256 of "<t>.<body>" with the shared secret), and the service sends
 * it to each confirmed reader it concerns, in the reader's language. The
 * service keeps a ledger, so handing the same notification over again (a
 * retry, a second run, a resend) sends nobody anything twice.
 */

/** The channel's name in notify's output and for `--channel`. */
export const SUBSCRIPTIONS_CHANNEL = 'subscriptions';

/** What the service needs of one notification: no address, no secret. */
export function handover(notification: Notification, config: Pick<SiteConfig, 'name' | 'groups'>): Handover {
  const message = toMessage(notification);
  const update = notification.kind === 'update';
  return {
    id: notification.id,
    kind: notification.kind,
    status: notification.update?.status ?? null,
    title: notification.event.name,
    // Other kinds are worded by the service, in each reader's language.
    text: update ? message.markdown : '',
    html: update ? message.html : '',
    url: message.url,
    components: notification.components,
    at: notification.at,
    site: {
      name: config.name,
      components: listComponents(config).map((component) => ({ id: component.id, name: component.name })),
    },
  };
}

/** The handover as a live channel: on once its secret's variable is set. */
export function subscriptionsChannel(
  subscriptions: SubscriptionsConfig,
  config: Pick<SiteConfig, 'name' | 'groups'>,
  env: Record<string, string | undefined>,
): LiveChannel {
  const secret = env[subscriptions.secret_env] ?? '';
  const url = serviceEndpoint(subscriptions.service, 'handover');
  return {
    config: { type: 'subscriptions', name: SUBSCRIPTIONS_CHANNEL, url, secret_env: subscriptions.secret_env },
    secrets: [{ name: subscriptions.secret_env, value: secret }],
    missing: secret === '' ? [subscriptions.secret_env] : [],
    wants: () => true,
    render: (notification) => [
      {
        notificationId: notification.id,
        deliveryId: `${notification.id}.${SUBSCRIPTIONS_CHANNEL}`,
        kind: 'http',
        request: webhookRequest(
          url,
          secret,
          `${notification.id}.${SUBSCRIPTIONS_CHANNEL}`,
          JSON.stringify(handover(notification, config)),
        ),
      },
    ],
    send: (outgoing, policy, options) =>
      outgoing.kind === 'http'
        ? post(outgoing.request, policy, options)
        : Promise.reject(new Error('the subscriptions channel sends no email itself')),
  };
}
