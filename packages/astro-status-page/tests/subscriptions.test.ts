import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import type { Handover } from '../src/rules/subscriptions.ts';
import { SIGNUP_LIMITS } from '../src/rules/subscriptions.ts';
import { readEmailEvent } from '../subscriptions/webhooks.ts';
import {
  signedEmailEvent,
  signedHandover,
  startEmailStandIn,
  startService,
  until,
  type EmailStandIn,
  type Service,
} from './helpers/subscriptions.ts';

/*
 * The subscriptions service in workerd (Miniflare), with its D1 database and
 * queue, against a stand-in of Resend's batch API: what a reader gets at each
 * step, what a robot gets, that each update reaches each reader once,
 * through retries, refusals and a crash midway, and that an address Resend
 * reports as bounced for good or as complaining gets no more mail.
 */

const SITE = 'https://status.chirp.example/';
let api: EmailStandIn;
let service: Service;
let client = 0;

beforeAll(async () => {
  api = await startEmailStandIn();
  service = await startService({ emailApi: api.url, siteUrl: SITE });
});
afterAll(async () => {
  await service?.dispose();
  await api?.close();
});
afterEach(() => {
  api.failing.clear();
  api.refusing.clear();
});

/** A sign-up as the form posts it, from its own client address unless given one. */
async function signUp(fields: Record<string, string | string[]>, from = `198.51.100.${++client}`, at = service) {
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const one of [value].flat()) form.append(name, one);
  return at.mf.dispatchFetch(`${at.url}/subscribe`, {
    method: 'POST',
    body: form,
    headers: { 'content-type': 'application/x-www-form-urlencoded', 'cf-connecting-ip': from },
    redirect: 'manual',
  });
}

const mailTo = (address: string) => api.sent.filter((email) => email.to.includes(address));
const linkIn = (text: string, path: string) => new RegExp(`http\\S+/${path}\\?t=\\S+`).exec(text)?.[0] ?? '';
const rows = async (sql: string, ...values: unknown[]) =>
  (
    await service.db
      .prepare(sql)
      .bind(...values)
      .all()
  ).results as Array<Record<string, unknown>>;
/** Long enough for the queue to deliver anything it still holds (its batches wait 50 ms). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

/** Sign up and follow the confirmation link: a confirmed reader. */
async function subscriber(address: string, components: string[] = [], locale = 'en') {
  await signUp({ email: address, components, locale, website: '' });
  await until(() => mailTo(address).length === 1);
  const confirm = await fetch(linkIn(mailTo(address)[0]!.text, 'confirm'), { redirect: 'manual' });
  expect(confirm.headers.get('location')).toBe(`${SITE}subscribe/confirmed/`);
}

const SITE_INFO = {
  name: 'Chirp',
  components: [
    { id: 'login', name: 'Login' },
    { id: 'timeline', name: 'Home timeline' },
    { id: 'api', name: 'Public API' },
  ],
};
const event = (id: string, components: string[], status = 'identified'): Handover => ({
  id,
  kind: 'update',
  status,
  title: 'Login and posting failing',
  text: `Update ${id}: we found the cause.`,
  html: `<p>Update ${id}: we found the cause.</p>`,
  url: `https://status.chirp.example/incidents/outage/#${id}`,
  components,
  at: '2022-12-28T12:58:00Z',
  site: SITE_INFO,
});
const handOver = (body: Handover) => service.mf.dispatchFetch(`${service.url}/notify`, signedHandover(body));

/** A Resend webhook's body (resend.com/docs/webhooks/emails/bounced), about a message the service sent to `to`. */
const resendEvent = (type: string, to: string, bounce?: { type: string; subType: string }) => ({
  type,
  created_at: '2026-12-07T20:00:00.000Z',
  data: {
    created_at: '2026-12-07T19:59:58.000000+00:00',
    email_id: '56761188-7520-42d8-8898-ff6fc54ce618',
    from: 'Chirp status <status@chirp.example>',
    to: [to],
    subject: '[Chirp] Identified: Login and posting failing',
    ...(bounce ? { bounce: { message: 'The recipient’s mail server rejected the message.', ...bounce } } : {}),
  },
});
const HARD = { type: 'Permanent', subType: 'General' };
const reportEvent = (body: object, options?: Parameters<typeof signedEmailEvent>[1], at = service) =>
  at.mf.dispatchFetch(`${at.url}/email-events`, signedEmailEvent(body, options));

describe('signing up', () => {
  test('a new address, a known one and a refused one get the same 303 to "check your inbox"; only the new one is written to', async () => {
    const answers = [
      await signUp({ email: 'ada@example.net', components: ['login'], locale: 'de', website: '' }),
      await signUp({ email: 'ada@example.net', locale: 'de', website: '' }),
      await signUp({ email: 'not an address', website: '' }),
      await signUp({ email: 'robot@example.net', website: 'https://spam.example' }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe(`${SITE}subscribe/inbox/`);
      expect(await answer.text()).toBe('');
    }
    await settle();
    // One confirmation for the new address (the second sign-up is within the hour), none for the others.
    expect(mailTo('ada@example.net')).toHaveLength(1);
    expect(mailTo('robot@example.net')).toHaveLength(0);
    expect(
      await rows('SELECT email FROM subscribers WHERE email IN (?, ?)', 'ada@example.net', 'robot@example.net'),
    ).toEqual([{ email: 'ada@example.net' }]);
    const [message] = mailTo('ada@example.net');
    expect(message!.subject).toBe('Bestätigen Sie Ihr Abonnement des Status von Chirp');
    expect(message!.text).toContain('innerhalb von 24 Stunden');
  });

  test.each([
    ['ru', 'Подтвердите подписку на статус Chirp', 'в течение 24 ч'],
    ['zh-CN', '请确认订阅 Chirp 服务状态', '请在24小时内打开此链接'],
  ])('a sign-up from the page in %s is confirmed in that language', async (locale, subject, within) => {
    const address = `reader-${locale.toLowerCase()}@example.net`;
    await signUp({ email: address, locale, website: '' });
    await settle();
    const [message] = mailTo(address);
    expect(message!.subject).toBe(subject);
    expect(message!.text).toContain(within);
  });

  test('the confirmation link leads to "you are subscribed"; a forged, stale or expired one to "expired"', async () => {
    await signUp({ email: 'grace@example.net', website: '' });
    await until(() => mailTo('grace@example.net').length === 1);
    const link = linkIn(mailTo('grace@example.net')[0]!.text, 'confirm');
    const forged = link.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await fetch(forged, { redirect: 'manual' })).headers.get('location')).toBe(`${SITE}subscribe/expired/`);
    expect((await fetch(link, { redirect: 'manual' })).headers.get('location')).toBe(`${SITE}subscribe/confirmed/`);
    expect(
      await rows('SELECT confirmed_at IS NOT NULL AS confirmed FROM subscribers WHERE email = ?', 'grace@example.net'),
    ).toEqual([{ confirmed: 1 }]);
    // An expired link: the row's expiry is past.
    await signUp({ email: 'late@example.net', website: '' });
    await until(() => mailTo('late@example.net').length === 1);
    await service.db
      .prepare('UPDATE subscribers SET expires_at = expires_at - 86400001 WHERE email = ?')
      .bind('late@example.net')
      .run();
    const late = linkIn(mailTo('late@example.net')[0]!.text, 'confirm');
    expect((await fetch(late, { redirect: 'manual' })).headers.get('location')).toBe(`${SITE}subscribe/expired/`);
  });

  test('an unconfirmed address is deleted once its link expires (the hourly clean-up)', async () => {
    await signUp({ email: 'never@example.net', website: '' });
    await until(() => mailTo('never@example.net').length === 1);
    await service.db
      .prepare('UPDATE subscribers SET expires_at = ? WHERE email = ?')
      .bind(Date.now() - 1, 'never@example.net')
      .run();
    await service.mf.dispatchFetch(`${service.url}/cdn-cgi/local/scheduled?cron=23+*+*+*+*`);
    await until(
      async () => (await rows('SELECT id FROM subscribers WHERE email = ?', 'never@example.net')).length === 0,
    );
  });

  test('a known, confirmed address signing up again changes nothing; its owner is told, once an hour at most', async () => {
    await subscriber('known@example.net', ['api']);
    // An hour after the confirmation was sent:
    await service.db
      .prepare('UPDATE subscribers SET last_mail_at = last_mail_at - 3600001 WHERE email = ?')
      .bind('known@example.net')
      .run();
    await signUp({ email: 'known@example.net', components: ['login'], website: '' });
    await signUp({ email: 'known@example.net', website: '' });
    await until(() => mailTo('known@example.net').length === 2);
    await settle();
    expect(mailTo('known@example.net')).toHaveLength(2);
    expect(mailTo('known@example.net')[1]!.subject).toBe('Your subscription to Chirp status');
    expect(await rows('SELECT components FROM subscribers WHERE email = ?', 'known@example.net')).toEqual([
      { components: '["api"]' },
    ]);
  });

  test(`one client address gets ${SIGNUP_LIMITS.perClient.count} sign-ups an hour, one email address ${SIGNUP_LIMITS.perAddress.count} a day; past them, the same answer and nothing stored or sent`, async () => {
    const robot = '203.0.113.9';
    for (let i = 0; i <= SIGNUP_LIMITS.perClient.count; i++) {
      const answer = await signUp({ email: `bulk${i}@example.net`, website: '' }, robot);
      expect(answer.headers.get('location')).toBe(`${SITE}subscribe/inbox/`);
    }
    await settle();
    const stored = await rows("SELECT email FROM subscribers WHERE email LIKE 'bulk%'");
    expect(stored).toHaveLength(SIGNUP_LIMITS.perClient.count);
    expect(stored).not.toContainEqual({ email: `bulk${SIGNUP_LIMITS.perClient.count}@example.net` });
    // Another client is not held back by the robot's limit.
    await signUp({ email: 'other-client@example.net', website: '' }, '203.0.113.10');
    await until(() => mailTo('other-client@example.net').length === 1);
    // One address from many clients: past its daily limit, not even its choices change.
    for (let i = 0; i < SIGNUP_LIMITS.perAddress.count + 1; i++)
      await signUp({
        email: 'target@example.net',
        components: [i === SIGNUP_LIMITS.perAddress.count ? 'api' : 'login'],
        website: '',
      });
    await settle();
    expect(mailTo('target@example.net')).toHaveLength(1);
    expect(await rows('SELECT components FROM subscribers WHERE email = ?', 'target@example.net')).toEqual([
      { components: '["login"]' },
    ]);
  });

  test('a form over 64 KB gets the same 303, and nothing is stored or sent', async () => {
    // 3,000 made-up component ids: about 100 KB, where a real form of 500 components is some 30 KB.
    const components = Array.from({ length: 3000 }, (_, i) => `component-${i}-${'x'.repeat(20)}`);
    const answer = await signUp({ email: 'big-form@example.net', components, website: '' });
    expect(answer.status).toBe(303);
    expect(answer.headers.get('location')).toBe(`${SITE}subscribe/inbox/`);
    await settle();
    expect(mailTo('big-form@example.net')).toHaveLength(0);
    expect(await rows('SELECT id FROM subscribers WHERE email = ?', 'big-form@example.net')).toEqual([]);
  });

  test('no address reaches the logs', async () => {
    const logged: string[] = [];
    const stream = await startEmailStandIn();
    const logging = await startService({ emailApi: stream.url, siteUrl: SITE, log: (line) => logged.push(line) });
    try {
      await signUp({ email: 'secret-reader@example.net', website: '' }, '192.0.2.1', logging);
      await until(() => stream.sent.length === 1);
      await settle();
      // Its confirmation bounces for good: the address is deleted, and the log says so without it.
      const bounced = await reportEvent(resendEvent('email.bounced', 'secret-reader@example.net', HARD), {}, logging);
      expect(bounced.status).toBe(200);
      expect(logged.join('\n')).toContain('confirm message: sent');
      expect(logged.join('\n')).toContain('email event email.bounced: 1 of 1 address(es) were subscribed, now deleted');
      expect(logged.join('\n')).not.toContain('secret-reader');
      expect(logged.join('\n')).not.toContain('192.0.2.1');
    } finally {
      await logging.dispose();
      await stream.close();
    }
  });
});

describe('handover and fan-out', () => {
  beforeAll(async () => {
    await subscriber('login-fan@example.net', ['login'], 'ja');
    await subscriber('api-fan@example.net', ['api'], 'fr');
    await subscriber('everything@example.net', [], 'ar');
  });

  test('an unsigned, wrongly signed, replayed or oversized handover is refused and sends nothing', async () => {
    const body = event('forged', []);
    const sent = api.sent.length;
    const unsigned = await service.mf.dispatchFetch(`${service.url}/notify`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    const wrong = await service.mf.dispatchFetch(`${service.url}/notify`, signedHandover(body, 'not-the-secret'));
    const old = await service.mf.dispatchFetch(
      `${service.url}/notify`,
      signedHandover(body, undefined, Math.floor(Date.now() / 1000) - 3600),
    );
    expect([unsigned.status, wrong.status, old.status]).toEqual([401, 401, 401]);
    // Over 1 MB, signed or not, it is not read further.
    const huge = await handOver({ ...event('huge', []), text: 'x'.repeat(1_100_000) });
    expect(huge.status).toBe(413);
    await settle();
    expect(api.sent.length).toBe(sent);
  });

  test('an update of one component reaches those who chose it or everything, once, in their language; a second handover sends nothing', async () => {
    const answer = await handOver(event('login-identified', ['login']));
    expect(answer.status).toBe(202);
    await until(() => mailTo('everything@example.net').length === 2 && mailTo('login-fan@example.net').length === 2);
    const [ja] = mailTo('login-fan@example.net').slice(1);
    expect(ja!.subject).toBe('[Chirp] 原因特定:Login and posting failing');
    expect(ja!.text).toContain('Update login-identified: we found the cause.');
    expect(ja!.text).toContain('詳細: https://status.chirp.example/incidents/outage/#login-identified');
    expect(ja!.headers['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
    expect(ja!.headers['List-Unsubscribe']).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/unsubscribe\?t=/);
    const [ar] = mailTo('everything@example.net').slice(1);
    expect(ar!.html).toContain('<div lang="ar" dir="rtl">');
    // Again, and again with other words: the same event, nothing more.
    expect((await handOver(event('login-identified', ['login']))).status).toBe(202);
    expect((await handOver({ ...event('login-identified', ['api']), title: 'Changed' })).status).toBe(202);
    await settle();
    expect(mailTo('login-fan@example.net')).toHaveLength(2);
    expect(mailTo('everything@example.net')).toHaveLength(2);
    expect(mailTo('api-fan@example.net')).toHaveLength(1);
    // The ledger: one row per reader it went to (grace@, confirmed above with every component, too), none for the API's.
    expect(
      await rows(
        "SELECT email, state FROM deliveries AS d JOIN subscribers AS s ON s.id = d.subscriber_id WHERE event_id = 'login-identified' ORDER BY email",
      ),
    ).toEqual([
      { email: 'everything@example.net', state: 'sent' },
      { email: 'grace@example.net', state: 'sent' },
      { email: 'login-fan@example.net', state: 'sent' },
    ]);
  });

  test('a site-wide notice (no component) reaches every confirmed reader', async () => {
    await handOver({ ...event('site-wide', []), kind: 'postmortem', status: null, text: '', html: '' });
    await until(() => mailTo('api-fan@example.net').length === 2);
    await until(() => mailTo('login-fan@example.net').length === 3 && mailTo('everything@example.net').length === 3);
    expect(mailTo('api-fan@example.net')[1]!.text).toContain('L’analyse de cet incident est publiée');
  });

  test('a permanent refusal is recorded and never retried; a temporary failure is retried until sent, nothing doubled', async () => {
    api.refusing.add('api-fan@example.net');
    api.failing.set(api.requests + 1, 503);
    api.failing.set(api.requests + 2, 429);
    await handOver(event('api-degraded', ['api', 'login']));
    await until(() => mailTo('login-fan@example.net').length === 4);
    await settle();
    expect(mailTo('login-fan@example.net')).toHaveLength(4);
    expect(mailTo('everything@example.net')).toHaveLength(4);
    expect(mailTo('api-fan@example.net')).toHaveLength(2);
    expect(
      await rows(
        "SELECT state, detail FROM deliveries AS d JOIN subscribers AS s ON s.id = d.subscriber_id WHERE event_id = 'api-degraded' AND email = 'api-fan@example.net'",
      ),
    ).toEqual([{ state: 'refused', detail: 'The `to` field must be a valid email address.' }]);
    api.refusing.clear();
    await handOver(event('api-degraded', ['api', 'login']));
    await settle();
    expect(mailTo('api-fan@example.net')).toHaveLength(2);
  });

  test('one-click unsubscribe (RFC 8058) deletes the address and its ledger rows; the manage link changes components', async () => {
    const [message] = mailTo('login-fan@example.net').slice(-1);
    const manage = linkIn(message!.text, 'manage');
    const page = await fetch(manage);
    expect(page.headers.get('content-security-policy')).toContain("form-action 'self' https://status.chirp.example;");
    const html = await page.text();
    expect(html).toContain('<html lang="ja" dir="ltr">');
    expect(html).toMatch(/value="login" checked> <bdi>Login<\/bdi>/);
    expect(html).toMatch(/value="api"> <bdi>Public API<\/bdi>/);
    const token = /name="t" value="([^"]+)"/.exec(html)![1]!;
    const saved = await fetch(manage, {
      method: 'POST',
      body: new URLSearchParams([
        ['t', token],
        ['components', 'api'],
        ['action', 'save'],
      ]),
      redirect: 'manual',
    });
    expect(saved.headers.get('location')).toBe(`${SITE}subscribe/confirmed/`);
    expect(await rows('SELECT components FROM subscribers WHERE email = ?', 'login-fan@example.net')).toEqual([
      { components: '["api"]' },
    ]);
    const unsubscribe = /<(\S+)>/.exec(message!.headers['List-Unsubscribe']!)![1]!;
    const gone = await fetch(unsubscribe, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(gone.status).toBe(200);
    expect(await rows('SELECT id FROM subscribers WHERE email = ?', 'login-fan@example.net')).toEqual([]);
    expect(
      await rows('SELECT COUNT(*) AS n FROM deliveries WHERE subscriber_id NOT IN (SELECT id FROM subscribers)'),
    ).toEqual([{ n: 0 }]);
    // Its links now lead to "unsubscribed"; an update sends it nothing.
    expect((await fetch(manage, { redirect: 'manual' })).headers.get('location')).toBe(`${SITE}subscribe/left/`);
    await handOver(event('after-leaving', []));
    await until(() => mailTo('everything@example.net').length === 5);
    await settle();
    expect(mailTo('login-fan@example.net')).toHaveLength(4);
  });
});

describe('bounces and complaints (Resend webhooks)', () => {
  const stillThere = async (address: string) =>
    (await rows('SELECT id FROM subscribers WHERE email = ?', address)).length === 1;

  beforeAll(async () => {
    for (const address of ['hard@example.net', 'complains@example.net', 'soft@example.net', 'target@example.org'])
      await subscriber(address);
  });

  test('a hard bounce deletes the address and its ledger rows; delivered twice, the same; the next update sends it nothing', async () => {
    await handOver(event('before-bounce', []));
    await until(() => mailTo('hard@example.net').length === 2 && mailTo('soft@example.net').length === 2);
    const body = resendEvent('email.bounced', 'Hard@Example.net', HARD);
    const first = await reportEvent(body, { id: 'msg_hard' });
    expect(first.status).toBe(200);
    expect(await stillThere('hard@example.net')).toBe(false);
    expect(
      await rows('SELECT COUNT(*) AS n FROM deliveries WHERE subscriber_id NOT IN (SELECT id FROM subscribers)'),
    ).toEqual([{ n: 0 }]);
    // Resend delivers again (the same svix-id) when an answer went missing: nothing more to do, the same 200.
    expect((await reportEvent(body, { id: 'msg_hard' })).status).toBe(200);
    await handOver(event('after-bounce', []));
    await until(() => mailTo('soft@example.net').length === 3);
    await settle();
    expect(mailTo('hard@example.net')).toHaveLength(2);
  });

  test('a spam complaint deletes the address', async () => {
    const answer = await reportEvent(resendEvent('email.complained', 'complains@example.net'));
    expect(answer.status).toBe(200);
    expect(await stillThere('complains@example.net')).toBe(false);
  });

  test('a bounce that may pass (transient, undetermined), another event type or another sender’s message changes nothing', async () => {
    const answers = [
      await reportEvent(
        resendEvent('email.bounced', 'soft@example.net', { type: 'Transient', subType: 'MailboxFull' }),
      ),
      await reportEvent(
        resendEvent('email.bounced', 'soft@example.net', { type: 'Undetermined', subType: 'Undetermined' }),
      ),
      await reportEvent(resendEvent('email.delivered', 'soft@example.net')),
      await reportEvent(resendEvent('email.delivery_delayed', 'soft@example.net')),
      await reportEvent({
        ...resendEvent('email.complained', 'soft@example.net'),
        data: { ...resendEvent('email.complained', 'soft@example.net').data, from: 'Chirp <billing@chirp.example>' },
      }),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await stillThere('soft@example.net')).toBe(true);
  });

  test('an unsigned, wrongly signed, replayed or oversized request is refused and deletes nothing', async () => {
    const body = resendEvent('email.complained', 'target@example.org');
    const unsigned = await service.mf.dispatchFetch(`${service.url}/email-events`, {
      method: 'POST',
      body: JSON.stringify(body),
    });
    const wrongSecret = await reportEvent(body, {
      secret: `whsec_${Buffer.from('not-the-secret').toString('base64')}`,
    });
    const tampered = signedEmailEvent(resendEvent('email.complained', 'someone-else@example.org'));
    const swapped = await service.mf.dispatchFetch(`${service.url}/email-events`, {
      ...tampered,
      body: JSON.stringify(body),
    });
    const old = await reportEvent(body, { seconds: Math.floor(Date.now() / 1000) - 6 * 60 });
    const ahead = await reportEvent(body, { seconds: Math.floor(Date.now() / 1000) + 6 * 60 });
    const padded = { ...body, padding: 'x'.repeat(70_000) };
    const oversized = await reportEvent(padded);
    expect([unsigned, wrongSecret, swapped, old, ahead, oversized].map((answer) => answer.status)).toEqual([
      401, 401, 401, 401, 401, 413,
    ]);
    expect(await old.json()).toEqual({
      error: 'signed more than 5 minutes away from now: a replay, or a clock to check',
    });
    expect(await stillThere('target@example.org')).toBe(true);
  });

  test('without EMAIL_WEBHOOK_SECRET the endpoint is not there: 404, and a signed complaint deletes nothing', async () => {
    const bare = await startService({ emailApi: api.url, siteUrl: SITE, webhookSecret: null });
    try {
      await bare.db
        .prepare(
          "INSERT INTO subscribers (email, locale, components, created_at, confirmed_at) VALUES (?, 'en', '[]', 0, 1)",
        )
        .bind('kept@example.net')
        .run();
      const answer = await reportEvent(resendEvent('email.complained', 'kept@example.net'), {}, bare);
      expect(answer.status).toBe(404);
      expect((await bare.db.prepare('SELECT email FROM subscribers').all()).results).toEqual([
        { email: 'kept@example.net' },
      ]);
    } finally {
      await bare.dispose();
    }
  });

  test('the signature is Svix’s: its published example verifies (then is refused as no event), one changed character does not', async () => {
    const request = (signature: string) =>
      new Request('https://status-subscriptions.example/email-events', {
        method: 'POST',
        headers: {
          'svix-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
          'svix-timestamp': '1614265330',
          'svix-signature': signature,
        },
        body: '{"test": 2432232314}',
      });
    const read = (signature: string) =>
      readEmailEvent(
        request(signature),
        'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
        'status@example.com',
        1614265330_000,
      );
    expect(await read('v0,bm90IGl0 v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=')).toEqual({
      kind: 'refused',
      status: 400,
      reason: 'not an event (no type, no data)',
    });
    expect(await read('v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ2OE=')).toMatchObject({ status: 401 });
  });
});

describe('a crash midway', () => {
  let dir: string;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('the service stopped after the first of three batches, started again, handed over again: each reader exactly one message', async () => {
    dir = mkdtempSync(join(tmpdir(), 'subscriptions-crash-'));
    const emails = await startEmailStandIn();
    let first = await startService({ emailApi: emails.url, siteUrl: SITE, persist: dir });
    const values = Array.from({ length: 250 }, (_, i) => `('reader${i}@example.org', 'en', '[]', 0, 1)`);
    await first.db
      .prepare(
        `INSERT INTO subscribers (email, locale, components, created_at, confirmed_at) VALUES ${values.join(',')}`,
      )
      .run();
    // The stand-in takes the first batch, and the service dies before it can record it.
    let stopped: Promise<void> | undefined;
    emails.onBatch = () => {
      emails.onBatch = undefined;
      stopped = first.dispose();
      return stopped;
    };
    await first.mf.dispatchFetch(`${first.url}/notify`, signedHandover(event('crash', [])));
    await until(() => stopped !== undefined);
    await stopped;
    expect(emails.sent.length).toBe(100);
    // `status notify` runs again (the workflow's retry, or the next deploy): the same event, handed over again.
    const second = await startService({ emailApi: emails.url, siteUrl: SITE, persist: dir });
    first = second;
    await second.mf.dispatchFetch(`${second.url}/notify`, signedHandover(event('crash', [])));
    await until(() => new Set(emails.sent.map((email) => email.to[0])).size === 250);
    await settle();
    const counts = new Map<string, number>();
    for (const email of emails.sent) counts.set(email.to[0]!, (counts.get(email.to[0]!) ?? 0) + 1);
    expect(counts.size).toBe(250);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    await second.dispose();
    await emails.close();
  });
});
