import { paths } from './urls.ts';

/*
 * The contract between the site, `status notify` and the subscriptions
 * service (subscriptions/worker.ts): the pages the service sends readers to,
 * the form's fields, the handover's shape and its limits, written once.
 */

/** The static pages the service answers with a 303 to, one per outcome. */
export const SUBSCRIPTION_STEPS = ['inbox', 'confirmed', 'left', 'expired'] as const;
export type SubscriptionStep = (typeof SUBSCRIPTION_STEPS)[number];

/** The site-relative path of a step's page, e.g. /subscribe/inbox/. */
export const stepPath = (step: SubscriptionStep): string => `${paths.subscribe()}${step}/`;

/** The service's endpoints, relative to its address. */
export const SERVICE_PATHS = {
  subscribe: 'subscribe',
  confirm: 'confirm',
  manage: 'manage',
  unsubscribe: 'unsubscribe',
  handover: 'notify',
  /** Where the email API reports, after the fact, a message that bounced or was reported as spam. */
  emailEvents: 'email-events',
} as const;

/** A signed request to the service (a handover, an email API's event) signed longer ago or ahead than this is refused: a replay. */
export const SIGNATURE_TOLERANCE_MS = 5 * 60_000;

/** One of the service's endpoints, under its address (which may have a path of its own). */
export const serviceEndpoint = (service: string, endpoint: keyof typeof SERVICE_PATHS): string =>
  `${service.replace(/\/+$/, '')}/${SERVICE_PATHS[endpoint]}`;

/** The sign-up form's fields. `website` is the honeypot: people never see it, form-filling robots fill it. */
export const FORM_FIELDS = {
  address: 'email',
  components: 'components',
  locale: 'locale',
  honeypot: 'website',
} as const;

/** A confirmation link works this long, once; an unconfirmed address is deleted when it expires. */
export const CONFIRMATION_HOURS = 24;

/**
 * Sign-up limits. Statuspage allows 10 SMS sign-ups per client address every
 * 4 hours; email is cheaper to abuse (a form-filling robot can make us mail
 * strangers), so: 10 sign-ups an hour from one client address, 3 a day for
 * one email address, and at most one message an hour to an address that has
 * not confirmed (or a reminder of its subscription, when it has).
 */
export const SIGNUP_LIMITS = {
  perClient: { count: 10, perMs: 60 * 60_000 },
  perAddress: { count: 3, perMs: 24 * 60 * 60_000 },
  mailEveryMs: 60 * 60_000,
} as const;

/** What `status notify` hands over for one notification; the service renders each reader's message from it. */
export interface Handover {
  /** The notification's stable id: the same id handed over twice is one event. */
  id: string;
  /** `update`, `postmortem`, `reminder`, `window-opened` or `window-closed` (notify/diff.ts). */
  kind: string;
  /** The update's status (investigating … completed), for its word in each reader's language; null for other kinds. */
  status: string | null;
  /** The incident's or maintenance's title. */
  title: string;
  /** The update's text (Markdown) and the site's own safe HTML of it; empty for other kinds (the service words them). */
  text: string;
  html: string;
  /** The incident page, at the update. */
  url: string;
  /** Component ids it touches; empty for a site-wide notice, which goes to everyone. */
  components: string[];
  /** When it happened, ISO 8601 UTC. */
  at: string;
  /** The site's name and every component (id and name, in display order), for the messages and the manage page. */
  site: { name: string; components: Array<{ id: string; name: string }> };
}
