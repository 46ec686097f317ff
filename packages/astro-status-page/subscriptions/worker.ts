import { isMailbox } from '../src/rules/mailbox.ts';
import { SLUG } from '../src/rules/slug.ts';
import {
  CONFIRMATION_HOURS,
  FORM_FIELDS,
  SERVICE_PATHS,
  serviceEndpoint,
  SIGNATURE_TOLERANCE_MS,
  SIGNUP_LIMITS,
  stepPath,
  type Handover,
  type SubscriptionStep,
} from '../src/rules/subscriptions.ts';
import { BATCH_SIZE, DEFAULT_EMAIL_API_URL, sendBatch, type EmailApi } from './email-api.ts';
import type { D1Database, ExecutionContext, MessageBatch, Queue, QueueMessage } from './runtime.ts';
import { cappedText } from './capped-body.ts';
import { readEmailEvent } from './webhooks.ts';
import { confirmationEmail, knownEmail, localeOf, managePage, updateEmail, type Email, type Links } from './texts.ts';

/*
 * The subscriptions service: a Cloudflare Worker with a D1 database and a
 * queue. It answers the sign-up form of the site's /subscribe/ page (always
 * with the same 303, whoever the address belongs to), confirms, lets a reader
 * change or leave in one click, and fans each notification `status notify`
 * hands over out to the confirmed readers it concerns, once each: the
 * deliveries ledger records every (event, subscriber) the email API took.
 * Resend's webhooks (webhooks.ts) report addresses that bounce for good or
 * complain after the fact; they are deleted as if they had left.
 * No address is ever logged.
 */

export interface Env {
  DB: D1Database;
  OUTBOX: Queue<Job>;
  /** The status page's address, base path included, e.g. https://status.chirp.example/ */
  SITE_URL: string;
  /** The platform's name, as the page writes it, for the confirmation message. */
  SITE_NAME: string;
  /** The sender, e.g. "Chirp status <status@chirp.example>". */
  EMAIL_FROM: string;
  EMAIL_API_KEY: string;
  /** The email API's base address (Resend's unless set: tests point it at a stand-in). */
  EMAIL_API_URL?: string;
  /** Email API requests a second at most (Resend's default is 2). */
  EMAIL_API_RATE?: string;
  /** The first retry's delay in seconds, doubled each time (10 unless set). */
  RETRY_SECONDS?: string;
  /** Shared with `status notify`: signs the handover; also keys the links' and the rate limits' hashes. */
  SUBSCRIPTIONS_SECRET: string;
  /** The signing secret (whsec_…) of Resend's webhook for bounces and complaints; without it, that endpoint is not there. */
  EMAIL_WEBHOOK_SECRET?: string;
}

/** A queued task: one confirmation (or reminder), or one slice of a fan-out. `service` is this service's address, for links. */
export type Job =
  | { type: 'confirm' | 'known'; subscriber: number; service: string }
  | { type: 'fanout'; event: string; after: number; upTo: number; service: string };

const HOUR = 60 * 60_000;
/** The longest a retried job waits: the back-off doubles from 10 s up to this. */
const MAX_BACKOFF_SECONDS = 15 * 60;
/**
 * A form's body at most: an address, a language and up to 500 component ids
 * (LIMITS.components) is some 30 KB. Past it the form is read as empty: a
 * sign-up gets the same answer as any other, a manage form the invalid link's.
 */
const FORM_MAX_BYTES = 64 * 1024;
/** A handover at most: one event's updates and the page's components (each text within LIMITS) are well under 1 MB. */
const HANDOVER_MAX_BYTES = 1024 * 1024;

/** The posted form (the pages' forms are URL-encoded), read up to FORM_MAX_BYTES; undefined past it. */
async function formOf(request: Request): Promise<URLSearchParams | undefined> {
  const text = await cappedText(request, FORM_MAX_BYTES);
  return text === undefined ? undefined : new URLSearchParams(text);
}
/** How long the ledger keeps a delivered event: a handover of the same id within this sends nothing again. */
const EVENT_RETENTION_MS = 90 * 24 * HOUR;

const encoder = new TextEncoder();

async function hmac(secret: string, text: string): Promise<ArrayBuffer> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return crypto.subtle.sign('HMAC', key, encoder.encode(text));
}

const hex = (bytes: ArrayBuffer) =>
  [...new Uint8Array(bytes)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
const base64url = (bytes: ArrayBuffer) =>
  btoa(String.fromCharCode(...new Uint8Array(bytes)))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

/** A keyed hash, so the rate limits' table holds neither client addresses nor email addresses. */
const keyed = async (env: Env, text: string) => base64url(await hmac(env.SUBSCRIPTIONS_SECRET, text)).slice(0, 32);

/** Compare two strings in time independent of where they differ. */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** A link's token: what it is for, the subscriber, and (for a confirmation) its expiry, signed. */
const token = async (env: Env, purpose: string, ...parts: number[]) =>
  `${parts.join('.')}.${await keyed(env, `${purpose}.${parts.join('.')}`)}`;

async function readToken(env: Env, purpose: string, value: string | null): Promise<number[] | undefined> {
  const parts = (value ?? '').split('.');
  const mac = parts.pop() ?? '';
  const numbers = parts.map(Number);
  if (numbers.length === 0 || numbers.some((n) => !Number.isSafeInteger(n))) return undefined;
  return same(mac, await keyed(env, `${purpose}.${numbers.join('.')}`)) ? numbers : undefined;
}

const links = async (env: Env, service: string, subscriber: number): Promise<Links> => {
  const manage = await token(env, 'manage', subscriber);
  return {
    manage: `${serviceEndpoint(service, 'manage')}?t=${manage}`,
    unsubscribe: `${serviceEndpoint(service, 'unsubscribe')}?t=${manage}`,
  };
};

const redirect = (env: Env, step: SubscriptionStep) =>
  new Response(null, {
    status: 303,
    headers: { location: new URL(stepPath(step).slice(1), env.SITE_URL.replace(/\/?$/, '/')).href },
  });

const emailApi = (env: Env): EmailApi => ({
  url: env.EMAIL_API_URL || DEFAULT_EMAIL_API_URL,
  key: env.EMAIL_API_KEY,
  from: env.EMAIL_FROM,
});

/**
 * Within the limit: records this attempt and says yes; past it: records
 * nothing and says no. One statement, so two sign-ups at once cannot both
 * pass the last free place.
 */
async function withinLimit(env: Env, key: string, limit: { count: number; perMs: number }, now: number) {
  const hashed = await keyed(env, key);
  const result = await env.DB.prepare(
    'INSERT INTO attempts (key, at) SELECT ?1, ?2 WHERE (SELECT COUNT(*) FROM attempts WHERE key = ?1 AND at > ?3) < ?4',
  )
    .bind(hashed, now, now - limit.perMs, limit.count)
    .run();
  return result.meta.changes === 1;
}

interface SubscriberRow {
  id: number;
  email: string;
  locale: string;
  components: string;
  confirmed_at: number | null;
  expires_at: number | null;
  last_mail_at: number;
}

/**
 * The form. Every outcome, a new address, a known one, a refused one (the
 * honeypot filled, a limit reached, no address at all), gets the same 303 to
 * the "check your inbox" page, so the answer tells nobody who is subscribed;
 * it goes out before any of the work is done, so neither does its timing.
 */
async function signUp(request: Request, env: Env, service: string, context: ExecutionContext): Promise<Response> {
  const form = await formOf(request);
  const client = request.headers.get('cf-connecting-ip') ?? 'unknown';
  if (form) context.waitUntil(register(form, client, env, service));
  return redirect(env, 'inbox');
}

/** A sign-up's work, after the answer: the limits, then a new row and its confirmation, or a known row's. */
async function register(form: URLSearchParams, client: string, env: Env, service: string): Promise<void> {
  if (String(form.get(FORM_FIELDS.honeypot) ?? '') !== '') return;
  const now = Date.now();
  if (!(await withinLimit(env, `client.${client}`, SIGNUP_LIMITS.perClient, now))) return;
  const address = String(form.get(FORM_FIELDS.address) ?? '')
    .trim()
    .toLowerCase();
  if (!isMailbox(address)) return;
  if (!(await withinLimit(env, `address.${address}`, SIGNUP_LIMITS.perAddress, now))) return;
  const locale = localeOf(form.get(FORM_FIELDS.locale));
  const components = JSON.stringify(
    [...new Set(form.getAll(FORM_FIELDS.components).map(String))].filter((id) => SLUG.test(id)).slice(0, 500),
  );
  const expires = now + CONFIRMATION_HOURS * HOUR;
  const known = await env.DB.prepare('SELECT * FROM subscribers WHERE email = ?').bind(address).first<SubscriberRow>();
  const mailDue = !known || known.last_mail_at <= now - SIGNUP_LIMITS.mailEveryMs;
  if (!known) {
    const row = await env.DB.prepare(
      'INSERT INTO subscribers (email, locale, components, created_at, expires_at, last_mail_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (email) DO NOTHING RETURNING id',
    )
      .bind(address, locale, components, now, expires, now)
      .first<{ id: number }>();
    if (row) await env.OUTBOX.send({ type: 'confirm', subscriber: row.id, service });
  } else if (known.confirmed_at === null) {
    // Not confirmed yet: the latest choice counts.
    await env.DB.prepare('UPDATE subscribers SET locale = ?, components = ? WHERE id = ? AND confirmed_at IS NULL')
      .bind(locale, components, known.id)
      .run();
    // A fresh link once an hour at most: the one sign-up that moves last_mail_at sends it.
    if (mailDue && (await claimMail(env, known.id, now, expires)))
      await env.OUTBOX.send({ type: 'confirm', subscriber: known.id, service });
  } else if (mailDue && (await claimMail(env, known.id, now))) {
    // Confirmed: a stranger must not change someone's choices; the owner is told where to change them.
    await env.OUTBOX.send({ type: 'known', subscriber: known.id, service });
  }
}

/** Whether this sign-up is the one that may mail the address now (none did within the hour); with a new link's expiry for an unconfirmed one. */
async function claimMail(env: Env, id: number, now: number, expires?: number): Promise<boolean> {
  const result = await env.DB.prepare(
    `UPDATE subscribers SET last_mail_at = ?1${expires === undefined ? '' : ', expires_at = ?4'} WHERE id = ?2 AND last_mail_at <= ?3`,
  )
    .bind(now, id, now - SIGNUP_LIMITS.mailEveryMs, ...(expires === undefined ? [] : [expires]))
    .run();
  return result.meta.changes === 1;
}

async function confirm(url: URL, env: Env): Promise<Response> {
  const parts = await readToken(env, 'confirm', url.searchParams.get('t'));
  if (!parts || parts.length !== 2) return redirect(env, 'expired');
  const [id, expires] = parts as [number, number];
  const row = await env.DB.prepare('SELECT * FROM subscribers WHERE id = ?').bind(id).first<SubscriberRow>();
  if (row?.confirmed_at) return redirect(env, 'confirmed');
  if (!row || row.expires_at !== expires || expires < Date.now()) return redirect(env, 'expired');
  await env.DB.prepare('UPDATE subscribers SET confirmed_at = ?, expires_at = NULL WHERE id = ?')
    .bind(Date.now(), id)
    .run();
  return redirect(env, 'confirmed');
}

const leave = (env: Env, id: number) =>
  env.DB.batch([
    env.DB.prepare('DELETE FROM subscribers WHERE id = ?').bind(id),
    env.DB.prepare('DELETE FROM deliveries WHERE subscriber_id = ?').bind(id),
  ]);

/** The manage page's policy: its form posts here, and follows the answer to the site's pages (form-action governs redirects too). */
const pagePolicy = (env: Env) =>
  `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${new URL(env.SITE_URL).origin}; base-uri 'none'; frame-ancestors 'none'`;

async function manage(request: Request, url: URL, env: Env): Promise<Response> {
  const form = request.method === 'POST' ? await formOf(request) : undefined;
  const raw = form ? String(form.get('t') ?? '') : url.searchParams.get('t');
  const [id] = (await readToken(env, 'manage', raw)) ?? [];
  const row =
    id === undefined
      ? null
      : await env.DB.prepare('SELECT * FROM subscribers WHERE id = ? AND confirmed_at IS NOT NULL')
          .bind(id)
          .first<SubscriberRow>();
  // A link of an address that left (or never was): it is gone, which is what "unsubscribed" says.
  if (!row) return redirect(env, 'left');
  if (form) {
    if (form.get('action') === 'leave') {
      await leave(env, row.id);
      return redirect(env, 'left');
    }
    const chosen = [...new Set(form.getAll(FORM_FIELDS.components).map(String))].filter((c) => SLUG.test(c));
    await env.DB.prepare('UPDATE subscribers SET components = ? WHERE id = ?')
      .bind(JSON.stringify(chosen), row.id)
      .run();
    return redirect(env, 'confirmed');
  }
  const { results } = await env.DB.prepare('SELECT id, name FROM components ORDER BY position').all<{
    id: string;
    name: string;
  }>();
  const chosen = JSON.parse(row.components) as string[];
  return new Response(managePage(localeOf(row.locale), raw!, results, chosen), {
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': pagePolicy(env),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  });
}

/** RFC 8058: the mail client POSTs `List-Unsubscribe=One-Click`; the address is deleted, no page to visit. A GET shows the manage page. */
async function unsubscribe(request: Request, url: URL, env: Env): Promise<Response> {
  if (request.method !== 'POST') {
    const manageUrl = new URL(url);
    manageUrl.pathname = manageUrl.pathname.replace(/[^/]*$/, SERVICE_PATHS.manage);
    return new Response(null, { status: 303, headers: { location: manageUrl.href } });
  }
  const [id] = (await readToken(env, 'manage', url.searchParams.get('t'))) ?? [];
  if (id !== undefined) await leave(env, id);
  return new Response('Unsubscribed.\n', { status: 200, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

/**
 * Resend's webhook: a hard bounce or a spam complaint deletes the address as
 * leaving does (twice is the same as once); anything else is taken and
 * ignored. Without its secret, the endpoint is not there.
 */
async function emailEvents(request: Request, env: Env): Promise<Response> {
  if (!env.EMAIL_WEBHOOK_SECRET) return new Response('Not found\n', { status: 404 });
  const event = await readEmailEvent(request, env.EMAIL_WEBHOOK_SECRET, env.EMAIL_FROM, Date.now());
  if (event.kind === 'refused') {
    console.log(`email event refused: ${event.reason}`);
    return Response.json({ error: event.reason }, { status: event.status });
  }
  if (event.kind === 'ignored') {
    console.log(`email event ${event.type} ignored: ${event.reason}`);
    return Response.json({ ignored: event.reason });
  }
  let removed = 0;
  for (const address of event.addresses) {
    const row = await env.DB.prepare('SELECT id FROM subscribers WHERE email = ?')
      .bind(address)
      .first<{ id: number }>();
    if (!row) continue;
    await leave(env, row.id);
    removed++;
  }
  console.log(
    `email event ${event.type}: ${removed} of ${event.addresses.length} address(es) were subscribed, now deleted`,
  );
  return Response.json({ taken: event.type });
}

/** A handover's fields, checked: the signature says who sent it, not that it is well formed. */
function readHandover(value: unknown): Handover | undefined {
  const h = value as Handover;
  const text = (v: unknown, max: number) => typeof v === 'string' && v.length <= max;
  if (
    !h ||
    !text(h.id, 300) ||
    !text(h.kind, 40) ||
    !(h.status === null || text(h.status, 40)) ||
    !text(h.title, 2_000) ||
    !text(h.text, 100_000) ||
    !text(h.html, 200_000) ||
    !text(h.url, 2_000) ||
    !text(h.at, 40) ||
    !Array.isArray(h.components) ||
    !h.components.every((c) => text(c, 200)) ||
    !h.site ||
    !text(h.site.name, 200) ||
    !Array.isArray(h.site.components) ||
    !h.site.components.every((c) => text(c?.id, 200) && text(c?.name, 200))
  )
    return undefined;
  return h;
}

/** Which confirmed subscribers an event concerns: every one for a site-wide notice, else those who chose all or one of its components. */
const CONCERNS = `s.confirmed_at IS NOT NULL
  AND (s.components = '[]' OR ?1 = '[]' OR EXISTS (SELECT 1 FROM json_each(s.components) AS chosen WHERE chosen.value IN (SELECT value FROM json_each(?1))))
  AND NOT EXISTS (SELECT 1 FROM deliveries AS d WHERE d.event_id = ?2 AND d.subscriber_id = s.id)`;

/**
 * `status notify`'s handover, signed `t=<unix time>,v1=<HMAC-SHA256 of "<t>.<body>">`
 * (notify/channels.ts `signature`). The first handover of an id records the
 * event; every handover (the first, a retry, a second run) queues the
 * subscribers the ledger does not yet hold, in slices of one email batch.
 */
async function handover(request: Request, env: Env, service: string): Promise<Response> {
  const body = await cappedText(request, HANDOVER_MAX_BYTES);
  if (body === undefined) return Response.json({ error: 'too large for a handover' }, { status: 413 });
  const header = request.headers.get('x-status-signature') ?? '';
  const t = /(?:^|,)t=(\d+)/.exec(header)?.[1];
  const v1 = /(?:^|,)v1=([0-9a-f]{64})/.exec(header)?.[1];
  if (!env.SUBSCRIPTIONS_SECRET || !t || !v1 || !same(v1, hex(await hmac(env.SUBSCRIPTIONS_SECRET, `${t}.${body}`))))
    return Response.json({ error: 'bad signature' }, { status: 401 });
  if (Math.abs(Date.now() - Number(t) * 1000) > SIGNATURE_TOLERANCE_MS)
    return Response.json({ error: 'signature too old: check the clock' }, { status: 401 });
  let event: Handover | undefined;
  try {
    event = readHandover(JSON.parse(body));
  } catch {
    event = undefined;
  }
  if (!event) return Response.json({ error: 'not a handover' }, { status: 400 });
  const now = Date.now();
  await env.DB.batch([
    env.DB.prepare('DELETE FROM components'),
    ...event.site.components.map((component, position) =>
      env.DB.prepare('INSERT INTO components (id, name, position) VALUES (?, ?, ?)').bind(
        component.id,
        component.name,
        position,
      ),
    ),
    env.DB.prepare(
      'INSERT INTO events (id, payload, received_at, last_subscriber) VALUES (?, ?, ?, (SELECT COALESCE(MAX(id), 0) FROM subscribers)) ON CONFLICT (id) DO NOTHING',
    ).bind(event.id, body, now),
  ]);
  const stored = await env.DB.prepare('SELECT payload, last_subscriber FROM events WHERE id = ?')
    .bind(event.id)
    .first<{ payload: string; last_subscriber: number }>();
  // The first handover's content is the event: a second one with other words changes nothing.
  const first = JSON.parse(stored!.payload) as Handover;
  const { results } = await env.DB.prepare(
    `SELECT s.id FROM subscribers AS s WHERE s.id <= ?3 AND ${CONCERNS} ORDER BY s.id`,
  )
    .bind(JSON.stringify(first.components), first.id, stored!.last_subscriber)
    .all<{ id: number }>();
  const jobs: Array<{ body: Job }> = [];
  for (let i = 0; i < results.length; i += BATCH_SIZE) {
    const slice = results.slice(i, i + BATCH_SIZE);
    jobs.push({
      body: { type: 'fanout', event: first.id, after: slice[0]!.id - 1, upTo: slice.at(-1)!.id, service },
    });
  }
  // A queue takes 100 messages a call.
  for (let i = 0; i < jobs.length; i += 100) await env.OUTBOX.sendBatch(jobs.slice(i, i + 100));
  console.log(`handover ${first.id}: ${results.length} subscriber(s) queued in ${jobs.length} slice(s)`);
  return Response.json({ event: first.id, queued: results.length }, { status: 202 });
}

/** Back-off for a retried job: 10 s, 20 s, 40 s … up to 15 minutes, or what the API asked for. */
const backoff = (env: Env, attempts: number, asked?: number) =>
  Math.min(
    MAX_BACKOFF_SECONDS,
    Math.max(asked ?? 0, (Number(env.RETRY_SECONDS ?? 10) || 0) * 2 ** Math.max(0, attempts - 1)),
  );

async function sha256(text: string): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', encoder.encode(text))).slice(0, 32);
}

/** One slice of a fan-out: those of its subscribers the ledger does not hold yet, in one batch, then recorded. */
async function fanOut(message: QueueMessage<Job>, job: Extract<Job, { type: 'fanout' }>, env: Env) {
  const stored = await env.DB.prepare('SELECT payload FROM events WHERE id = ?')
    .bind(job.event)
    .first<{ payload: string }>();
  if (!stored) return message.ack();
  const event = JSON.parse(stored.payload) as Handover;
  const { results } = await env.DB.prepare(
    `SELECT s.id, s.email, s.locale FROM subscribers AS s WHERE s.id > ?3 AND s.id <= ?4 AND ${CONCERNS} ORDER BY s.id`,
  )
    .bind(JSON.stringify(event.components), event.id, job.after, job.upTo)
    .all<{ id: number; email: string; locale: string }>();
  if (results.length === 0) return message.ack();
  const emails: Email[] = await Promise.all(
    results.map(async (row) =>
      updateEmail(event, row.email, localeOf(row.locale), await links(env, job.service, row.id)),
    ),
  );
  // The same unsent set gets the same key: after a crash between sending and recording, the API sends nothing again.
  const ids = results.map((row) => row.id).join(',');
  const outcome = await sendBatch(emailApi(env), emails, `${event.id.slice(0, 180)}/${await sha256(ids)}`);
  if (outcome.kind === 'retry') {
    console.log(`fan-out ${event.id} (${results.length}): ${outcome.detail}; retrying (attempt ${message.attempts})`);
    return message.retry({ delaySeconds: backoff(env, message.attempts, outcome.afterSeconds) });
  }
  const now = Date.now();
  const refusedAll = outcome.kind === 'refused' ? outcome.detail : undefined;
  await env.DB.batch(
    results.map((row, index) => {
      const refused = refusedAll ?? (outcome.kind === 'sent' ? outcome.refused.get(index) : undefined);
      return env.DB.prepare(
        'INSERT INTO deliveries (event_id, subscriber_id, state, detail, at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
      ).bind(event.id, row.id, refused === undefined ? 'sent' : 'refused', refused ?? null, now);
    }),
  );
  const refusals = outcome.kind === 'sent' ? outcome.refused.size : results.length;
  console.log(`fan-out ${event.id}: ${results.length - refusals} sent, ${refusals} refused for good`);
  message.ack();
}

/** A confirmation link, or a subscribed address's reminder of where to manage it. */
async function mailOne(message: QueueMessage<Job>, job: Extract<Job, { type: 'confirm' | 'known' }>, env: Env) {
  const row = await env.DB.prepare('SELECT * FROM subscribers WHERE id = ?')
    .bind(job.subscriber)
    .first<SubscriberRow>();
  const locale = localeOf(row?.locale);
  let email: Email | undefined;
  if (row && job.type === 'confirm' && row.confirmed_at === null && row.expires_at !== null) {
    const link = `${serviceEndpoint(job.service, 'confirm')}?t=${await token(env, 'confirm', row.id, row.expires_at)}`;
    email = confirmationEmail(row.email, locale, env.SITE_NAME, link);
  } else if (row && job.type === 'known' && row.confirmed_at !== null)
    email = knownEmail(row.email, locale, env.SITE_NAME, await links(env, job.service, row.id));
  if (!email) return message.ack();
  const outcome = await sendBatch(emailApi(env), [email], `${job.type}/${row!.id}/${row!.last_mail_at}`);
  if (outcome.kind === 'retry')
    return message.retry({ delaySeconds: backoff(env, message.attempts, outcome.afterSeconds) });
  console.log(`${job.type} message: ${outcome.kind}`);
  message.ack();
}

/** Unconfirmed addresses whose link expired, rate-limit attempts past their window, events past the ledger's retention. */
async function cleanUp(env: Env, now: number): Promise<void> {
  const oldest = Math.max(SIGNUP_LIMITS.perClient.perMs, SIGNUP_LIMITS.perAddress.perMs);
  await env.DB.batch([
    env.DB.prepare('DELETE FROM subscribers WHERE confirmed_at IS NULL AND expires_at < ?').bind(now),
    env.DB.prepare('DELETE FROM attempts WHERE at < ?').bind(now - oldest),
    env.DB.prepare('DELETE FROM deliveries WHERE event_id IN (SELECT id FROM events WHERE received_at < ?)').bind(
      now - EVENT_RETENTION_MS,
    ),
    env.DB.prepare('DELETE FROM events WHERE received_at < ?').bind(now - EVENT_RETENTION_MS),
  ]);
}

/** The service's own address, as readers reach it (links in messages lead back here). */
const serviceOf = (url: URL) => url.origin + url.pathname.replace(/\/[^/]*$/, '');

export default {
  async fetch(request: Request, env: Env, context: ExecutionContext): Promise<Response> {
    const url = new URL(request.url);
    const endpoint = url.pathname.split('/').at(-1);
    const service = serviceOf(url);
    if (endpoint === SERVICE_PATHS.subscribe && request.method === 'POST')
      return signUp(request, env, service, context);
    if (endpoint === SERVICE_PATHS.confirm && request.method === 'GET') return confirm(url, env);
    if (endpoint === SERVICE_PATHS.manage) return manage(request, url, env);
    if (endpoint === SERVICE_PATHS.unsubscribe) return unsubscribe(request, url, env);
    if (endpoint === SERVICE_PATHS.handover && request.method === 'POST') return handover(request, env, service);
    if (endpoint === SERVICE_PATHS.emailEvents && request.method === 'POST') return emailEvents(request, env);
    return new Response('Not found\n', { status: 404 });
  },

  async queue(batch: MessageBatch<Job>, env: Env): Promise<void> {
    const perSecond = Number(env.EMAIL_API_RATE) || 2;
    for (const message of batch.messages) {
      const started = Date.now();
      const job = message.body;
      await (job.type === 'fanout' ? fanOut(message, job, env) : mailOne(message, job, env));
      // Keep to the API's rate: one request per 1/rate seconds.
      const wait = 1000 / perSecond - (Date.now() - started);
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    }
  },

  async scheduled(_controller: unknown, env: Env, context: ExecutionContext): Promise<void> {
    context.waitUntil(cleanUp(env, Date.now()));
  },
};
