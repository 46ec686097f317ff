import { z } from 'astro/zod';
import { serviceEndpoint } from '../../rules/subscriptions.ts';
import { PAGE_URL } from '../../rules/urls.ts';
import { envName } from './notify-config.ts';
import { urlField } from './url.ts';

/*
 * `subscriptions:` in status.config.yaml: the service readers sign up with by
 * email (subscriptions/ in the package, deployed to Cloudflare by the deploy
 * workflow; docs/subscriptions.md). Set, /subscribe/ shows the form, the
 * pages' CSP lets it post there, and `status notify` hands each update over.
 */
export const subscriptionsConfigSchema = z.strictObject({
  /** The service's public address, e.g. https://subscriptions.chirp.example (the form posts to <service>/subscribe). */
  service: urlField(
    PAGE_URL,
    "write the service's address, such as https://status-subscriptions.chirp.workers.dev",
    'is required: the address the subscriptions service answers at',
  ),
  /** The environment variable holding the secret `status notify` signs its handover with (the service's SUBSCRIPTIONS_SECRET). */
  secret_env: envName.default('STATUS_SUBSCRIPTIONS_SECRET'),
});

export type SubscriptionsConfig = z.output<typeof subscriptionsConfigSchema>;

/** The address the form posts to. */
export const signUpUrl = (config: SubscriptionsConfig): string => serviceEndpoint(config.service, 'subscribe');
