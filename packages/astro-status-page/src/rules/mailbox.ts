/**
 * A bare mailbox: something, one @, a domain with a dot. The one rule for an
 * address on its own: inside notify's `from` and `to` (email-address.ts) and
 * a reader's address on the subscription form (the subscriptions Worker).
 */
export const MAILBOX = /^[^\s@<>]+@[^\s@<>.]+(\.[^\s@<>.]+)+$/;

/** The longest address SMTP carries (RFC 5321's 256-octet path, less its angle brackets). */
export const MAILBOX_MAX_LENGTH = 254;

/** Whether `value` is one bare mailbox a message can be sent to. */
export const isMailbox = (value: string): boolean =>
  value.length <= MAILBOX_MAX_LENGTH && !/\p{Cc}/u.test(value) && MAILBOX.test(value);
