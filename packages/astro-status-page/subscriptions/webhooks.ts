import { isMailbox } from '../src/rules/mailbox.ts';
import { SIGNATURE_TOLERANCE_MS } from '../src/rules/subscriptions.ts';
import { cappedText } from './capped-body.ts';

/*
 * What the email API learns after it took a message. Resend accepts a message
 * first and delivers it later: a mailbox that does not exist (a hard bounce)
 * or a reader who presses "report spam" (a complaint) is known only then, and
 * Resend tells us by webhook (resend.com/docs/webhooks). Unheard, the address
 * would stay subscribed and get every later update: mail nobody reads, or
 * mail its reader called spam, which costs the sender its reputation with the
 * mailbox providers. This file checks such a webhook's signature and says
 * which addresses it names; the Worker then deletes them as leaving does.
 *
 * Resend signs the Svix way (docs.svix.com/receiving/verifying-payloads/how-manual):
 * `svix-signature` holds space-separated `v1,<base64 HMAC-SHA256>` entries
 * (two during a secret's rotation) of `<svix-id>.<svix-timestamp>.<raw body>`,
 * keyed with the base64-decoded part of the secret after `whsec_`.
 */

/** Resend's events are a few kilobytes (ids, addresses, a subject, a bounce's reason); a body far larger is not one. */
export const EMAIL_EVENT_MAX_BYTES = 64 * 1024;
/** More entries than a rotation needs are not tried: a forged header cannot make us compute hundreds of HMACs. */
const MAX_SIGNATURES = 5;

export type EmailEvent =
  /** Not taken: the answer's status and why (never an address). */
  | { kind: 'refused'; status: 400 | 401 | 413 | 500; reason: string }
  /** Signed and well formed, nothing to do: another event type, a bounce that may pass, another sender's message. */
  | { kind: 'ignored'; type: string; reason: string }
  /** A hard bounce or a complaint about a message the service sent: these addresses (lowercased) get no more mail. */
  | { kind: 'undeliverable'; type: string; addresses: string[] };

const encoder = new TextEncoder();

function fromBase64(text: string): Uint8Array<ArrayBuffer> | undefined {
  try {
    return Uint8Array.from(atob(text), (char) => char.charCodeAt(0));
  } catch {
    return undefined;
  }
}

/** Whether one of the header's v1 entries is the content's HMAC; crypto.subtle.verify compares in constant time. */
async function signedWith(key: Uint8Array<ArrayBuffer>, content: string, header: string): Promise<boolean> {
  const hmac = await crypto.subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, ['verify']);
  for (const entry of header.split(' ').filter(Boolean).slice(0, MAX_SIGNATURES)) {
    const [version, signature] = entry.split(',');
    const bytes = version === 'v1' && signature ? fromBase64(signature) : undefined;
    if (bytes && (await crypto.subtle.verify('HMAC', hmac, bytes, encoder.encode(content)))) return true;
  }
  return false;
}

/** The address in `Name <address>` or a bare one, lowercased as the subscribers table keeps it. */
const mailboxOf = (value: unknown) =>
  typeof value === 'string' ? (/<([^<>]*)>\s*$/.exec(value)?.[1] ?? value).trim().toLowerCase() : '';

/**
 * A webhook request, checked and read. `secret` is the endpoint's signing
 * secret (`whsec_…`); `sender` the service's EMAIL_FROM: an event about a
 * message from another sender (a Resend account several senders share) is
 * not this service's to act on.
 */
export async function readEmailEvent(
  request: Request,
  secret: string,
  sender: string,
  now: number,
): Promise<EmailEvent> {
  const key = fromBase64(secret.replace(/^whsec_/, ''));
  if (!key || key.length === 0)
    return { kind: 'refused', status: 500, reason: 'EMAIL_WEBHOOK_SECRET is not a signing secret (whsec_…)' };
  const body = await cappedText(request, EMAIL_EVENT_MAX_BYTES);
  if (body === undefined) return { kind: 'refused', status: 413, reason: `larger than ${EMAIL_EVENT_MAX_BYTES} bytes` };
  const id = request.headers.get('svix-id') ?? '';
  const timestamp = request.headers.get('svix-timestamp') ?? '';
  const signature = request.headers.get('svix-signature') ?? '';
  if (!id || !/^\d{1,12}$/.test(timestamp) || !(await signedWith(key, `${id}.${timestamp}.${body}`, signature)))
    return { kind: 'refused', status: 401, reason: 'bad signature' };
  if (Math.abs(now - Number(timestamp) * 1000) > SIGNATURE_TOLERANCE_MS)
    return {
      kind: 'refused',
      status: 401,
      reason: `signed more than ${SIGNATURE_TOLERANCE_MS / 60_000} minutes away from now: a replay, or a clock to check`,
    };
  let event: { type?: unknown; data?: { from?: unknown; to?: unknown; bounce?: { type?: unknown } } };
  try {
    event = JSON.parse(body) as typeof event;
  } catch {
    return { kind: 'refused', status: 400, reason: 'not JSON' };
  }
  if (typeof event?.type !== 'string' || typeof event.data !== 'object' || event.data === null)
    return { kind: 'refused', status: 400, reason: 'not an event (no type, no data)' };
  const { type, data } = event;
  if (type !== 'email.bounced' && type !== 'email.complained')
    return { kind: 'ignored', type: type.slice(0, 60), reason: 'not a bounce or a complaint' };
  // Resend's bounce types: Permanent (the mailbox will never take mail), Transient (full, too large: it may), Undetermined.
  const bounce = String(data.bounce?.type ?? '').slice(0, 40);
  if (type === 'email.bounced' && bounce !== 'Permanent')
    return { kind: 'ignored', type, reason: `a bounce that may pass (${bounce || 'no type'})` };
  if (mailboxOf(data.from) !== mailboxOf(sender)) return { kind: 'ignored', type, reason: "another sender's message" };
  const addresses = [data.to].flat().map(mailboxOf).filter(isMailbox);
  return { kind: 'undeliverable', type, addresses: [...new Set(addresses)] };
}
