import { createServer } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import { afterEach, describe, expect, test } from 'vitest';
import type { NotifyChannel } from '../src/files/schemas/notify-config.ts';
import type { SiteConfig } from '../src/files/schemas/site-config.ts';
import type { ValidIncidentFile } from '../src/files/validate.ts';
import { buildStatusModel } from '../src/model/status-model.ts';
import { REAL_CLOCK, type Clock, type RetryPolicy } from '../src/notify/delivery.ts';
import { runNotify, type NotifyRun } from '../src/notify/run.ts';
import { buildFromModel } from '../src/notify/current-build.ts';
import { CONFIG, incident, maintenance } from './helpers/incident-files.ts';
import { startReceiver, type RateLimit, type Reply, type Receiver } from './helpers/receiver.ts';

/*
 * `notify` under faults, in-process against real receivers on 127.0.0.1
 * (HTTP servers standing in for each platform, a real SMTP server from
 * smtp-server): what each receiver got, the exit code the CLI would give,
 * the lines printed. Rate-limited platforms run on a fake clock shared by
 * the sender and the receiver, so a 500-update burst costs no real minutes.
 */

const POLICY: RetryPolicy = { attempts: 4, timeoutMs: 2_000, backoffMs: 20, maxWaitMs: 60_000, bodyWaitMs: 500 };
const SMTP_PASSWORD = 'smtp-pa55-9d2c';
const TOKEN = '/services/T0/B0/token-4b8e1f';
const NOW = Date.parse('2023-03-01T12:00:00Z');

const closing: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  await Promise.all(closing.splice(0).map((close) => close()));
});

async function receiver(replies: Reply[] = [], limit?: RateLimit): Promise<Receiver> {
  const started = await startReceiver(replies, limit);
  closing.push(started.close);
  return started;
}

/** A clock that moves only when the code waits: pacing and retries cost no real time. */
function fakeClock(): Clock {
  let now = NOW;
  return { now: () => now, sleep: async (ms) => void (now += ms) };
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A real SMTP server; `options` script its faults. */
async function smtpServer(
  options: Partial<SMTPServerOptions> = {},
): Promise<{ port: number; mails: ParsedMail[]; recipients: string[][] }> {
  const mails: ParsedMail[] = [];
  const recipients: string[][] = [];
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    logger: false,
    onAuth: (auth, _session, callback) =>
      auth.password === SMTP_PASSWORD
        ? callback(null, { user: 'mailer' })
        : callback(Object.assign(new Error('Authentication failed'), { responseCode: 535 })),
    onData: (stream, session, callback) => {
      simpleParser(stream)
        .then((mail) => {
          mails.push(mail);
          recipients.push(session.envelope.rcptTo.map((rcpt) => rcpt.address));
        })
        .then(() => callback(), callback);
    },
    ...options,
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  closing.push(() => new Promise<void>((done) => server.close(() => done())));
  return { port: (server.server.address() as { port: number }).port, mails, recipients };
}

const OUTAGE = incident('2023-03-01-login', {
  components: { login: 'major_outage' },
  updates: [
    [
      '2023-03-01T11:00:00Z',
      'investigating',
      'Login is failing for <!channel> & <@U123>: see <https://evil.example|here>.',
    ],
    ['2023-03-01T11:30:00Z', 'identified', 'A bad deploy; rolling back.'],
  ],
});
/** The two updates of the outage, and a maintenance announced a week before. */
const FILES: ValidIncidentFile[] = [
  OUTAGE,
  maintenance('2023-03-02-db', {
    components: ['dm'],
    window: ['2023-03-02T02:00:00Z', '2023-03-02T04:00:00Z'],
    updates: [['2023-02-22T10:00:00Z', 'scheduled']],
  }),
];

interface Ran {
  code: number;
  out: string;
  ms: number;
  /** How long the run took on its clock: what a real run waits (retries, pacing) plus the real time it took. */
  clockMs: number;
}

/** One run, as `npm run status -- notify` makes it: every update newer than `since` is new. */
async function notify(
  channels: NotifyChannel[],
  env: Record<string, string>,
  options: Partial<NotifyRun> & { files?: ValidIncidentFile[]; hub?: string; since?: number } = {},
): Promise<Ran> {
  const config: SiteConfig = { ...CONFIG, notify: { channels, ...(options.hub ? { websub_hub: options.hub } : {}) } };
  const files = options.files ?? FILES;
  const current = buildFromModel(buildStatusModel(config, files, NOW), CONFIG.url);
  const previous = {
    index: buildFromModel(
      buildStatusModel(config, files, options.since ?? Date.parse('2023-03-01T10:00:00Z')),
      CONFIG.url,
    ).index,
    url: CONFIG.url,
  };
  const lines: string[] = [];
  const clock = options.clock ?? fakeClock();
  const [started, clockStarted] = [Date.now(), clock.now()];
  const outcome = await runNotify({
    config,
    env,
    current,
    previous,
    resend: [],
    only: [],
    recipients: [],
    dryRun: false,
    policy: POLICY,
    timeLimitMs: 720_000,
    out: (line) => lines.push(line),
    ...options,
    clock,
  });
  const out = lines.join('\n');
  const ms = Date.now() - started;
  const clockMs = clock === REAL_CLOCK ? ms : clock.now() - clockStarted + ms;
  for (const secret of [SMTP_PASSWORD, TOKEN]) expect(out).not.toContain(secret);
  return { code: outcome.failed.length === 0 ? 0 : 1, out, ms, clockMs };
}

const slack = (name = 'slack'): NotifyChannel => ({ name, type: 'slack', url_env: 'SLACK_URL' });
const email = (to = ['list@test.example', 'ops@test.example']): NotifyChannel => ({
  name: 'email',
  type: 'email',
  url_env: 'SMTP_URL',
  from: 'Status <status@test.example>',
  to,
});
const smtpUrl = (port: number, password = SMTP_PASSWORD) => `smtp://mailer:${password}@127.0.0.1:${port}`;
/** The command a line prints after "npm run status -- notify", as the flags runNotify takes. */
function printedResend(out: string, pattern: RegExp): Pick<NotifyRun, 'resend' | 'only' | 'recipients'> {
  const line = out.split('\n').find((candidate) => pattern.test(candidate))!;
  const args = line
    .slice(line.lastIndexOf('npm run status -- notify ') + 'npm run status -- notify '.length)
    .split(' ');
  const values = (flag: string) => args.flatMap((arg, i) => (args[i - 1] === flag ? [arg] : []));
  return { resend: values('--resend'), only: values('--channel'), recipients: values('--to') };
}

const table: string[] = [];
const row = (scenario: string, deliveries: string, ran: Ran) =>
  table.push(
    `| ${scenario} | ${deliveries} | ${ran.code} | ${(ran.clockMs / 1000).toFixed(2)} s | ${(ran.ms / 1000).toFixed(2)} s |`,
  );

describe('HTTP faults: retried only when nothing can have arrived', () => {
  test('a receiver that reads the request and drops the connection gets it once; the run says it may have arrived, and how to resend', async () => {
    const hook = await receiver(['reset']);
    const ran = await notify([slack()], { SLACK_URL: `${hook.url}${TOKEN}` });
    expect(hook.received).toHaveLength(2);
    expect(ran.out).toContain(
      'slack (slack): 2023-03-01-login-update-20230301T110000Z.slack: MAY HAVE ARRIVED, not confirmed, after 1 attempt to [SLACK_URL]',
    );
    expect(ran.out).toContain(
      'if it did not arrive: npm run status -- notify --resend 2023-03-01-login-update-20230301T110000Z --channel slack',
    );
    expect(ran.out).toContain(
      'slack (slack): 2023-03-01-login-update-20230301T113000Z.slack: delivered to [SLACK_URL] (200 OK, 1 attempt)',
    );
    expect(ran.code).toBe(1);
    row('Slack resets after reading the request', `${hook.received.length} requests, 1 "may have arrived"`, ran);
  });

  test('a refused connection is retried to the last attempt, and the printed resend sends exactly that message', async () => {
    const port = await closedPort();
    const ran = await notify([slack()], { SLACK_URL: `http://127.0.0.1:${port}${TOKEN}` });
    expect(ran.out).toContain('FAILED after 4 attempts to [SLACK_URL]: could not connect (ECONNREFUSED)');
    expect(ran.code).toBe(1);
    row('Slack refuses connections', '0 (4 attempts each)', ran);
  });

  test('a failed component update resends that component update alone', async () => {
    const hook = await receiver([{ status: 200 }, { status: 404 }]);
    const channels: NotifyChannel[] = [
      { name: 'consumers', type: 'webhook', url_env: 'HOOK_URL', secret_env: 'HOOK_SECRET' },
    ];
    const env = { HOOK_URL: `${hook.url}/hook`, HOOK_SECRET: 'whsec' };
    const ran = await notify(channels, env, { since: Date.parse('2023-03-01T10:30:00Z') });
    expect(ran.code).toBe(1);
    const resend = printedResend(ran.out, /FAILED/);
    expect(resend.resend).toEqual(['2023-03-01-login-update-20230301T110000Z-login']);
    const before = hook.received.length;
    const again = await notify(channels, env, resend);
    expect(again.code).toBe(0);
    expect(hook.received.slice(before).map((r) => r.headers['x-status-delivery-id'])).toEqual([
      '2023-03-01-login-update-20230301T110000Z-login.consumers',
    ]);
    row(
      'webhook 404 on a component update, then its printed resend',
      '1 incident + 1 component update (after the resend)',
      again,
    );
  });

  test('a slow receiver gets every attempt signed at the moment it is sent', async () => {
    const hook = await receiver([
      { status: 503, delayMs: 600 },
      { status: 200, delayMs: 600 },
      { status: 200, delayMs: 600 },
    ]);
    const channels: NotifyChannel[] = [
      { name: 'consumers', type: 'webhook', url_env: 'HOOK_URL', secret_env: 'HOOK_SECRET' },
    ];
    const ran = await notify(
      channels,
      { HOOK_URL: `${hook.url}/hook`, HOOK_SECRET: 'whsec' },
      { policy: { ...POLICY, backoffMs: 1_100 }, clock: REAL_CLOCK },
    );
    const stamps = hook.received.map((r) => Number(/^t=(\d+),/.exec(String(r.headers['x-status-signature']))![1]));
    hook.times.forEach((arrived, i) => expect(Math.abs(arrived / 1000 - stamps[i]!)).toBeLessThan(1.5));
    expect(stamps[1]!).toBeGreaterThan(stamps[0]!);
    expect(ran.code).toBe(0);
    row('webhook slow (0.6 s a request) and a 503', `${hook.received.length} requests, each signed when sent`, ran);
  });
});

describe("receivers' reasons", () => {
  test('each platform says why it refused, and the run prints it, control characters made visible', async () => {
    const hooks = {
      slack400: await receiver([
        { status: 400, body: 'invalid_blocks' },
        { status: 400, body: 'invalid_blocks' },
      ]),
      slack200: await receiver([
        { status: 200, body: 'invalid_blocks' },
        { status: 200, body: 'invalid_blocks' },
      ]),
      discord: await receiver(
        Array(2).fill({
          status: 400,
          headers: { 'content-type': 'application/json' },
          body: '{"message": "Invalid Form Body", "code": 50035, "errors": {"embeds": {}}}',
        }),
      ),
      teams: await receiver(
        Array(2).fill({
          status: 400,
          headers: { 'content-type': 'application/json' },
          body: '{"error": {"code": "BadRequest", "message": "Card \\u001b[2J\\u001b[31mrejected\\nline two"}}',
        }),
      ),
    };
    const ran = await notify(
      [
        slack('slack-400'),
        { name: 'slack-200', type: 'slack', url_env: 'SLACK_200_URL' },
        { name: 'discord', type: 'discord', url_env: 'DISCORD_URL' },
        { name: 'teams', type: 'teams', url_env: 'TEAMS_URL' },
      ],
      {
        SLACK_URL: `${hooks.slack400.url}${TOKEN}`,
        SLACK_200_URL: `${hooks.slack200.url}${TOKEN}`,
        DISCORD_URL: `${hooks.discord.url}${TOKEN}`,
        TEAMS_URL: `${hooks.teams.url}${TOKEN}`,
      },
      { files: [OUTAGE] },
    );
    const id = '2023-03-01-login-update-20230301T110000Z';
    expect(ran.out).toContain(
      `slack-400 (slack): ${id}.slack-400: FAILED after 1 attempt to [SLACK_URL]: 400 Bad Request: invalid_blocks. Once fixed:`,
    );
    expect(ran.out).toContain(
      `slack-200 (slack): ${id}.slack-200: FAILED after 1 attempt to [SLACK_200_URL]: 200 OK, but the receiver says "invalid_blocks": not posted`,
    );
    expect(ran.out).toContain(
      `discord (discord): ${id}.discord: FAILED after 1 attempt to [DISCORD_URL]: 400 Bad Request: Invalid Form Body (50035).`,
    );
    expect(ran.out).toContain(
      `teams (teams): ${id}.teams: FAILED after 1 attempt to [TEAMS_URL]: 400 Bad Request: Card \\u{1b}[2J\\u{1b}[31mrejected line two (BadRequest).`,
    );
    expect(ran.out).not.toContain('\u001b');
    expect(ran.out).not.toContain('MAY HAVE ARRIVED');
    expect(ran.code).toBe(1);
  });
});

describe('email, told honestly', () => {
  test('one of two recipients refused with 550: the other gets it, the refused one is reported with its own resend', async () => {
    let refuse = true;
    const smtp = await smtpServer({
      onRcptTo: (address, _session, callback) =>
        address.address === 'ops@test.example' && refuse
          ? callback(Object.assign(new Error('No such user'), { responseCode: 550 }))
          : callback(),
    });
    const ran = await notify([email()], { SMTP_URL: smtpUrl(smtp.port) });
    expect(smtp.recipients).toEqual([['list@test.example'], ['list@test.example']]);
    expect(ran.out).toContain(
      'email (email): 2023-03-01-login-update-20230301T113000Z.email: FAILED for ops@test.example: SMTP 550 No such user. Once fixed: npm run status -- notify --resend 2023-03-01-login-update-20230301T113000Z --channel email --to ops@test.example',
    );
    expect(ran.code).toBe(1);
    row('SMTP 550 for one of two recipients', `${smtp.mails.length} mails, to the accepted one`, ran);
    refuse = false;
    const again = await notify(
      [email()],
      { SMTP_URL: smtpUrl(smtp.port) },
      printedResend(ran.out, /FAILED for ops@test.example.*update-20230301T113000Z/),
    );
    expect(again.code).toBe(0);
    expect(smtp.recipients.at(-1)).toEqual(['ops@test.example']);
    expect(smtp.mails).toHaveLength(3);
  });

  test('450 and 421 are retried; 535 is not', async () => {
    let busy = 2;
    const smtp = await smtpServer({
      onRcptTo: (_address, _session, callback) =>
        busy-- > 0 ? callback(Object.assign(new Error('Mailbox busy'), { responseCode: 450 })) : callback(),
    });
    const ran = await notify([email(['list@test.example'])], { SMTP_URL: smtpUrl(smtp.port) });
    expect(ran.code).toBe(0);
    expect(smtp.mails).toHaveLength(2);
    expect(ran.out).toMatch(/SMTP 450 .*Mailbox busy.*, retrying/);
    row('SMTP 450 twice, then accepted', `${smtp.mails.length} mails, once each`, ran);

    let closed = 1;
    const closing421 = await smtpServer({
      onConnect: (_session, callback) =>
        closed-- > 0
          ? callback(Object.assign(new Error('Too busy, come back later'), { responseCode: 421 }))
          : callback(),
    });
    const later = await notify([email(['list@test.example'])], { SMTP_URL: smtpUrl(closing421.port) });
    expect(later.code).toBe(0);
    expect(closing421.mails).toHaveLength(2);
    row('SMTP 421 at connect, then accepted', `${closing421.mails.length} mails, once each`, later);

    const wrong = await notify([email(['list@test.example'])], { SMTP_URL: smtpUrl(smtp.port, 'wrong-password') });
    expect(wrong.code).toBe(1);
    expect(wrong.out).toMatch(/FAILED after 1 attempt to \[SMTP_URL\]: SMTP 535/);
    row('SMTP 535 (wrong password)', '0, 1 attempt each', wrong);
  });

  test('a connection dropped after DATA is not retried: the server holds one copy', async () => {
    const copies: number[] = [];
    const smtp = await smtpServer({
      onData: (stream, session, callback) => {
        stream.on('data', () => {});
        stream.on('end', () => {
          copies.push(1);
          void callback;
          (session as unknown as { _socket?: { destroy: () => void } })._socket?.destroy();
        });
      },
    });
    // smtp-server hands no socket to onData: close the whole server's connections instead.
    const ran = await notify(
      [email(['list@test.example'])],
      { SMTP_URL: smtpUrl(smtp.port) },
      { policy: { ...POLICY, timeoutMs: 1_000 } },
    );
    expect(copies.length).toBe(2);
    expect(ran.out).toMatch(/MAY HAVE ARRIVED, not confirmed, after 1 attempt to \[SMTP_URL\]/);
    expect(ran.code).toBe(1);
    row('SMTP silent after DATA', `${copies.length} copies (one per message)`, ran);
  });

  test('a refused SMTP connection is retried; an SMTP_URL nodemailer cannot read fails email alone, and every other channel and the hub still run', async () => {
    const port = await closedPort();
    const refused = await notify([email(['list@test.example'])], { SMTP_URL: smtpUrl(port) });
    expect(refused.out).toMatch(/FAILED after 4 attempts to \[SMTP_URL\]: SMTP (ESOCKET|ECONNECTION)/);
    row('SMTP refused', '0 (4 attempts each)', refused);

    for (const password of ['pa%zz-secret', 'pa/ss-secret', 'pa?ss-secret', 'pa%ss#word-secret']) {
      const [hook, hub] = [await receiver(), await receiver()];
      const ran = await notify(
        [email(['list@test.example']), slack()],
        { SMTP_URL: `smtp://mailer:${password}@127.0.0.1:25`, SLACK_URL: `${hook.url}${TOKEN}` },
        { hub: `${hub.url}/hub` },
      );
      expect(ran.out).toMatch(
        /email \(email\): \$SMTP_URL (holds a user name or password that is not percent-encoded|is not an absolute URL)/,
      );
      expect(ran.out).not.toContain('secret');
      expect(hook.received).toHaveLength(2);
      expect(hub.received.length).toBeGreaterThan(0);
      expect(ran.code).toBe(1);
      if (password === 'pa%zz-secret')
        row(
          'SMTP_URL with an unencoded % in the password',
          `email 0 (names $SMTP_URL); Slack ${hook.received.length}, hub ${hub.received.length}`,
          ran,
        );
    }
  });
});

describe('the hub', () => {
  test('a hanging hub is pinged in parallel, bounded by one time limit, and started with the channels', async () => {
    const hub = await receiver(Array.from({ length: 20 }, () => 'hang' as const));
    const hook = await receiver();
    const ran = await notify(
      [slack()],
      { SLACK_URL: `${hook.url}${TOKEN}` },
      { hub: `${hub.url}/hub`, policy: { ...POLICY, timeoutMs: 500 } },
    );
    const feeds = hub.received.length;
    expect(feeds).toBeGreaterThanOrEqual(5);
    expect(ran.ms).toBeLessThan(500 * Math.ceil(feeds / 4) + 3_000);
    expect(hook.times[0]!).toBeLessThan(hub.times.at(-1)!);
    const resend = printedResend(ran.out, /websub: .*MAY HAVE ARRIVED/);
    expect(resend.only).toEqual(['websub']);
    const fixed = await receiver();
    const again = await notify([slack()], { SLACK_URL: `${hook.url}${TOKEN}` }, { ...resend, hub: `${fixed.url}/hub` });
    expect(again.code).toBe(0);
    expect(fixed.received.map((r) => new URLSearchParams(r.body).get('hub.url'))).toEqual(resend.resend);
    row(`hub hangs (${feeds} feeds, 0.5 s timeout)`, `${feeds} pings, 4 at a time; Slack unaffected`, ran);
  });
});

describe('a burst of 500 new updates, paced to each platform’s rate', () => {
  const burst = Array.from({ length: 100 }, (_, i) =>
    incident(`2023-03-01-burst-${i}`, {
      components: { web: 'partial_outage' },
      updates: [0, 1, 2, 3, 4].map((k): [string, 'investigating'] => [
        new Date(Date.parse('2023-03-01T10:30:00Z') + (i * 5 + k) * 1_000).toISOString(),
        'investigating',
      ]),
    }),
  );
  const limits = {
    slack: { count: 1, perMs: 1_000 },
    discord: { count: 5, perMs: 2_000 },
    teams: { count: 4, perMs: 1_000 },
  } as const;
  test.each(Object.entries(limits))('%s: all 500 delivered in order without one 429', async (type, limit) => {
    const clock = fakeClock();
    const hook = await receiver([], { ...limit, now: clock.now });
    const ran = await notify(
      [{ name: type, type: type as 'slack', url_env: 'URL' }],
      { URL: `${hook.url}/hook` },
      { files: burst, clock },
    );
    expect(hook.limited).toEqual([]);
    expect(hook.received).toHaveLength(500);
    expect(ran.code).toBe(0);
    const virtual = (clock.now() - NOW) / 1000;
    row(
      `burst of 500 to ${type} (limit ${limit.count} per ${limit.perMs / 1000} s)`,
      `500, 0 × 429, ${virtual} s on the platform's clock`,
      ran,
    );
  });

  test('a time limit shorter than the burst needs stops early, listing what to resend, and the listed command sends the rest', async () => {
    const clock = fakeClock();
    const hook = await receiver([], { ...limits.slack, now: clock.now });
    const ran = await notify(
      [slack()],
      { SLACK_URL: `${hook.url}${TOKEN}` },
      { files: burst, clock, timeLimitMs: 120_000 },
    );
    expect(hook.received).toHaveLength(121);
    expect(ran.code).toBe(1);
    expect(ran.out).toContain("slack (slack): the run's time limit (120 s) was reached; 379 message(s) NOT SENT:");
    const rest = printedResend(ran.out, /to send them all/);
    expect(rest.resend).toHaveLength(379);
    // Staff read the log and run the command a minute later.
    await clock.sleep(60_000);
    const again = await notify([slack()], { SLACK_URL: `${hook.url}${TOKEN}` }, { files: burst, clock, ...rest });
    expect(again.code).toBe(0);
    expect(hook.received).toHaveLength(500);
    expect(new Set(hook.received.map((r) => JSON.parse(r.body).blocks[4].elements[0].url)).size).toBe(500);
    expect(hook.limited).toEqual([]);
    row('burst of 500 to Slack with --time-limit 120', '121, then 379 by the printed resend', ran);
  });
});

describe('resending what a run printed', () => {
  test('a reminder and a window notice can be resent by the ids the run prints', async () => {
    const hook = await receiver();
    for (const id of ['2023-03-02-db-reminder', '2023-03-02-db-window-opened']) {
      const ran = await notify([slack()], { SLACK_URL: `${hook.url}${TOKEN}` }, { resend: [id] });
      expect(ran.code).toBe(0);
    }
    expect(hook.received.map((r) => JSON.parse(r.body).text)).toEqual([
      '[Test status] Starts in about an hour: Maintenance 2023-03-02-db',
      '[Test status] In progress: Maintenance 2023-03-02-db',
    ]);
  });
});

test('report', () => {
  // The scenario table for the report (printed, not asserted).
  console.log(
    [
      '| scenario | deliveries | exit | time, real run | time, this test |',
      '| --- | --- | --- | --- | --- |',
      ...table,
    ].join('\n'),
  );
});
