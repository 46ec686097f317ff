import { z } from 'astro/zod';
import { LIST_UNSUBSCRIBE_URL, WEB_URL } from '../../rules/urls.ts';
import { oneOf } from './one-of.ts';
import { urlField } from './url.ts';
import { addressProblem } from '../../rules/email-address.ts';
import { SLUG, SLUG_RULE } from '../../rules/slug.ts';

/*
 * `notify:` in status.config.yaml: where `npm run status -- notify` announces
 * each new update. Only public settings live here; every URL or password is
 * read from the environment variable a channel names, so no secret is ever
 * committed and a channel whose variable is unset is simply off.
 */

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
export const envName = z
  .string()
  .regex(
    ENV_NAME,
    'must name an environment variable: capital letters, digits and underscores, e.g. SLACK_WEBHOOK_URL',
  );

/** An email address field, checked by the one address rule (rules/email-address.ts); `advice` follows the reason. */
const addressField = (advice: string) =>
  z.string().superRefine((value, ctx) => {
    const why = addressProblem(value);
    if (why) ctx.addIssue({ code: 'custom', message: `${why}; ${advice}` });
  });

/** Who a channel speaks to. */
export const AUDIENCES = ['subscribers', 'staff'] as const;

const channelFields = {
  /** Stable name of this channel: part of every notification id, e.g. "api-slack". */
  name: z.string().regex(SLUG, `must be ${SLUG_RULE}, e.g. "api-slack"`),
  /** The environment variable holding the webhook URL (or `smtp://user:pass@host:port`). */
  url_env: envName,
  /** Only updates touching one of these component ids reach this channel (default: every update). */
  components: z
    .array(z.string())
    .min(1, 'list at least one component id, or leave `components` out for all')
    .optional(),
  /** Who reads it: `subscribers` (when left out) hear what `notify` announces; `staff` hear only the watchdog (`watch`), never an announcement. */
  audience: oneOf('audience', AUDIENCES).optional(),
};

export const CHANNEL_TYPES = ['slack', 'discord', 'teams', 'webhook', 'email'] as const;

const chatChannel = (type: 'slack' | 'discord' | 'teams') =>
  z.strictObject({ type: z.literal(type), ...channelFields });

export const notifyChannelSchema = z.discriminatedUnion(
  'type',
  [
    chatChannel('slack'),
    chatChannel('discord'),
    chatChannel('teams'),
    z.strictObject({
      type: z.literal('webhook'),
      ...channelFields,
      /** The environment variable holding the HMAC-SHA256 signing secret. */
      secret_env: envName,
    }),
    z.strictObject({
      type: z.literal('email'),
      ...channelFields,
      /** Sender, e.g. "Chirp status <status@chirp.example>". */
      from: addressField('write one sender such as "Chirp status <status@chirp.example>"'),
      /** List addresses that receive every message. */
      to: z
        .array(addressField('write one address such as subscribers@lists.chirp.example'))
        .min(1, 'list at least one address'),
      /** `List-Unsubscribe` header value: a mailto: or https: URL (RFC 2369). */
      list_unsubscribe: urlField(
        LIST_UNSUBSCRIBE_URL,
        'write a mailto: or https: URL, such as mailto:unsubscribe@lists.chirp.example',
      ).optional(),
    }),
  ],
  {
    error: (issue) => (issue.code === 'invalid_union' ? `type must be one of: ${CHANNEL_TYPES.join(', ')}` : undefined),
  },
);

export const notifyConfigSchema = z.strictObject({
  /** A WebSub hub: every feed declares it, and `notify` pings it for each changed feed. */
  websub_hub: urlField(
    WEB_URL,
    "write the hub's absolute http(s) URL, such as https://pubsubhubbub.appspot.com/",
  ).optional(),
  channels: z.array(notifyChannelSchema).default([]),
});

export type NotifyConfig = z.output<typeof notifyConfigSchema>;
export type NotifyChannel = z.output<typeof notifyChannelSchema>;
