import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { createHmac } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeApiAt } from './helpers/api-at.ts';
import { CHIRP, STATUS_CLI } from './helpers/build.ts';
import { startReceiver, type Receiver } from './helpers/receiver.ts';
import { serveStatic } from './helpers/static-server.ts';
import { childEnv } from './helpers/child-env.ts';

/*
 * `npm run status -- notify` end to end: the CLI as a child process, the
 * example site's outage between two builds (12:45 and 13:30 on 28 Dec 2022:
 * the "identified" update of 12:58 and the partial rollback of 13:24), and
 * real receivers on 127.0.0.1 for every channel, some of them failing.
 */

const OUTAGE = '2022-12-28-login-and-posting-failing';
const TITLE = 'Login and posting failing on web, iOS and Android';
const WEBHOOK_SECRET = 'whsec-5f1e0c9a7b3d';
const SMTP_PASSWORD = 'smtp-pa55-9d2c';
const TOKEN = (name: string) => `/services/T0/B0/${name}-token-4b8e1f`;

let dir: string;
let site: string;
let receivers: Record<'slack' | 'dmSlack' | 'discord' | 'teams' | 'webhook' | 'hub', Receiver>;
let smtp: SMTPServer;
let smtpPort: number;
const mails: ParsedMail[] = [];
let env: Record<string, string>;

function siteConfig(hub: string): string {
  const example = readFileSync(join(CHIRP, 'status.config.yaml'), 'utf8');
  return `${example.slice(0, example.indexOf('\n# Where `npm run status -- notify`'))}
notify:
  websub_hub: ${hub}/hub
  channels:
    - { name: team-slack, type: slack, url_env: SLACK_URL }
    - { name: dm-slack, type: slack, url_env: DM_SLACK_URL, components: [direct-messages] }
    - { name: discord, type: discord, url_env: DISCORD_URL }
    - { name: teams, type: teams, url_env: TEAMS_URL }
    - { name: consumers, type: webhook, url_env: WEBHOOK_URL, secret_env: WEBHOOK_SECRET }
    - name: email
      type: email
      url_env: SMTP_URL
      from: Chirp status <status@chirp.example>
      to: [subscribers@lists.chirp.example, ops@chirp.example]
      list_unsubscribe: mailto:unsubscribe@lists.chirp.example
`;
}

async function startSmtp(): Promise<void> {
  smtp = new SMTPServer({
    disabledCommands: ['STARTTLS'],
    allowInsecureAuth: true,
    onAuth: (auth, _session, callback) =>
      auth.username === 'mailer' && auth.password === SMTP_PASSWORD
        ? callback(null, { user: 'mailer' })
        : callback(new Error('bad credentials')),
    onData: (stream, _session, callback) => {
      simpleParser(stream)
        .then((mail) => mails.push(mail))
        .then(() => callback(), callback);
    },
  });
  await new Promise<void>((done) => smtp.listen(0, '127.0.0.1', done));
  smtpPort = (smtp.server.address() as { port: number }).port;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'status-notify-'));
  receivers = {
    slack: await startReceiver([{ status: 500 }, { status: 500 }, { status: 200 }]),
    dmSlack: await startReceiver(),
    discord: await startReceiver(['hang']),
    teams: await startReceiver([{ status: 429, headers: { 'retry-after': '1' } }]),
    webhook: await startReceiver(),
    hub: await startReceiver(),
  };
  await startSmtp();
  site = join(dir, 'site');
  cpSync(join(CHIRP, 'incidents'), join(site, 'incidents'), { recursive: true });
  writeFileSync(join(site, 'status.config.yaml'), siteConfig(receivers.hub.url));
  writeApiAt(site, '2022-12-28T12:45:00Z', join(dir, 'previous'));
  writeApiAt(site, '2022-12-28T13:30:00Z', join(dir, 'current', 'api', 'v2'));
  env = {
    SLACK_URL: `${receivers.slack.url}${TOKEN('slack')}`,
    DM_SLACK_URL: `${receivers.dmSlack.url}${TOKEN('dm')}`,
    DISCORD_URL: `${receivers.discord.url}${TOKEN('discord')}`,
    TEAMS_URL: `${receivers.teams.url}${TOKEN('teams')}`,
    WEBHOOK_URL: `${receivers.webhook.url}${TOKEN('webhook')}`,
    WEBHOOK_SECRET,
    SMTP_URL: `smtp://mailer:${SMTP_PASSWORD}@127.0.0.1:${smtpPort}`,
  };
});

afterAll(async () => {
  await Promise.all(Object.values(receivers).map((r) => r.close()));
  await new Promise<void>((done) => smtp.close(() => done()));
  rmSync(dir, { recursive: true, force: true });
});

/** Run the CLI without blocking this process, whose receivers must answer meanwhile. */
function notify(
  extraEnv: Record<string, string>,
  ...args: string[]
): Promise<{ code: number | null; out: string; err: string; ms: number }> {
  const started = Date.now();
  const child = spawn(
    process.execPath,
    [
      STATUS_CLI,
      'notify',
      '--previous',
      join(dir, 'previous'),
      '--current',
      join(dir, 'current'),
      '--timeout',
      '2',
      '--backoff',
      '0.05',
      ...args,
    ],
    {
      cwd: site,
      env: childEnv(extraEnv),
    },
  );
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, out, err, ms: Date.now() - started })));
}

const json = (receiver: Receiver) => receiver.received.map((request) => JSON.parse(request.body));
const secrets = () => [
  WEBHOOK_SECRET,
  SMTP_PASSWORD,
  ...['slack', 'dm', 'discord', 'teams', 'webhook'].map((name) => TOKEN(name)),
];

describe('one deploy, every channel', () => {
  let run: Awaited<ReturnType<typeof notify>>;
  beforeAll(async () => {
    run = await notify(env);
  }, 20_000);

  test('the run says what it found, and exits 1 because one message could not be delivered', () => {
    expect(run.out).toContain(
      'Comparing the build of 2022-12-28T13:30:00.000Z with the previous build of 2022-12-28T12:45:00.000Z: 2 new.',
    );
    expect(run.out).toContain(
      `discord (discord): ${OUTAGE}-update-20221228T125800Z.discord: MAY HAVE ARRIVED, not confirmed, after 1 attempt to [DISCORD_URL]: no answer within 2 s: it may have arrived, so it is not retried. Check the receiver; if it did not arrive: npm run status -- notify --resend ${OUTAGE}-update-20221228T125800Z --channel discord`,
    );
    expect(run.out).toContain(`npm run status -- notify --resend ${OUTAGE}-update-20221228T125800Z --channel discord`);
    expect(run.code).toBe(1);
  });

  test('no secret appears in stdout or stderr', () => {
    for (const secret of secrets()) {
      expect(run.out).not.toContain(secret);
      expect(run.err).not.toContain(secret);
    }
    // Each line names where a message went, with the variable's name in place of its URL.
    expect(run.out).toContain(
      `team-slack (slack): ${OUTAGE}-update-20221228T125800Z.team-slack: delivered to [SLACK_URL] (200 OK, 3 attempts)`,
    );
    expect(run.out).toContain(`email (email): ${OUTAGE}-update-20221228T125800Z.email: delivered to [SMTP_URL]`);
  });

  test('Slack answering 500, 500, 200 gets each message delivered once; the next one follows in order', () => {
    const bodies = json(receivers.slack);
    expect(bodies.map((body) => body.text)).toEqual([
      `[Chirp status] Identified: ${TITLE}`,
      `[Chirp status] Identified: ${TITLE}`,
      `[Chirp status] Identified: ${TITLE}`,
      `[Chirp status] Identified: ${TITLE}`,
    ]);
    expect(receivers.slack.received[0]!.path).toBe(TOKEN('slack'));
    expect(bodies[2].blocks[0]).toEqual({ type: 'header', text: { type: 'plain_text', text: `Identified: ${TITLE}` } });
    expect(bodies[3].blocks[4].elements[0].url).toBe(
      `https://status.chirp.example/incidents/${OUTAGE}/#update-20221228T132400Z`,
    );
  });

  test('a channel for other components hears nothing of this outage', () => {
    expect(receivers.dmSlack.received).toEqual([]);
  });

  test('the hanging Discord times out without holding up the others, and its next message goes through', () => {
    expect(json(receivers.discord).map((body) => body.embeds[0].title)).toEqual([
      `Identified: ${TITLE}`,
      `Identified: ${TITLE}`,
    ]);
    expect(json(receivers.discord)[1].embeds[0].url).toBe(
      `https://status.chirp.example/incidents/${OUTAGE}/#update-20221228T132400Z`,
    );
    // The others were served while Discord hung: their first requests came before Discord's second.
    for (const other of [receivers.slack, receivers.teams, receivers.webhook])
      expect(other.times[0]!).toBeLessThan(receivers.discord.times[1]!);
  });

  test('Teams answering 429 with Retry-After: 1 is tried again a second later', () => {
    const { times } = receivers.teams;
    expect(times.length).toBe(3);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(990);
    expect(json(receivers.teams)[1].attachments[0].content.body[0].text).toBe(`Identified: ${TITLE}`);
  });

  test('the webhook gets Statuspage payloads, each signed: HMAC-SHA256 over the timestamp and the body verifies', () => {
    const { received } = receivers.webhook;
    expect(received.map((r) => r.headers['x-status-delivery-id'])).toEqual([
      `${OUTAGE}-update-20221228T125800Z.consumers`,
      `${OUTAGE}-update-20221228T132400Z.consumers`,
      `${OUTAGE}-update-20221228T132400Z-login.consumers`,
    ]);
    for (const request of received) {
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(request.headers['x-status-signature']))!;
      expect(createHmac('sha256', WEBHOOK_SECRET).update(`${t}.${request.body}`).digest('hex')).toBe(v1);
      expect(Math.abs(Number(t) - Date.now() / 1000)).toBeLessThan(60);
    }
    const [incident, , component] = json(receivers.webhook);
    expect(incident.page).toEqual({
      id: 'chirp',
      status_indicator: 'critical',
      status_description: 'Major System Outage',
    });
    expect(incident.incident.id).toBe(OUTAGE);
    expect(incident.incident.incident_updates[0].status).toBe('identified');
    expect(component.component_update).toMatchObject({
      component_id: 'login',
      old_status: 'major_outage',
      new_status: 'partial_outage',
    });
  });

  test('email arrives through SMTP: subject, both parts, the link, List-Unsubscribe and a stable Message-ID', () => {
    expect(mails.map((mail) => mail.subject)).toEqual([
      `[Chirp status] Identified: ${TITLE}`,
      `[Chirp status] Identified: ${TITLE}`,
    ]);
    const [first] = mails;
    expect(first!.from?.text).toBe('"Chirp status" <status@chirp.example>');
    expect((Array.isArray(first!.to) ? first!.to : [first!.to]).map((to) => to?.text)).toEqual([
      'subscribers@lists.chirp.example, ops@chirp.example',
    ]);
    expect(first!.text).toContain('We have traced the errors to significant backend server architecture changes');
    expect(first!.text).toContain(`Details: https://status.chirp.example/incidents/${OUTAGE}/#update-20221228T125800Z`);
    expect(first!.html).toContain(
      `<a href="https://status.chirp.example/incidents/${OUTAGE}/#update-20221228T125800Z">View on the status page</a>`,
    );
    expect(first!.headerLines.find((header) => header.key === 'list-unsubscribe')?.line).toBe(
      'List-Unsubscribe: <mailto:unsubscribe@lists.chirp.example>',
    );
    expect(first!.messageId).toBe(`<${OUTAGE}-update-20221228T125800Z.email@status.chirp.example>`);
  });

  test('the WebSub hub is pinged once for each feed the new updates changed', () => {
    const feeds = receivers.hub.received.map((request) => new URLSearchParams(request.body));
    expect(feeds.every((form) => form.get('hub.mode') === 'publish')).toBe(true);
    const urls = feeds.map((form) => form.get('hub.url'));
    expect(urls.slice(0, 3)).toEqual([
      'https://status.chirp.example/rss.xml',
      'https://status.chirp.example/history.rss',
      'https://status.chirp.example/history.atom',
    ]);
    expect(urls).toContain('https://status.chirp.example/components/api/rss.xml');
    expect(urls).toContain('https://status.chirp.example/components/login/atom.xml');
    expect(urls).not.toContain('https://status.chirp.example/components/direct-messages/rss.xml');
    expect(new Set(urls).size).toBe(urls.length);
  });

  test('--resend sends one notification again to one channel', async () => {
    const before = receivers.discord.received.length;
    const again = await notify(env, '--resend', `${OUTAGE}-update-20221228T125800Z`, '--channel', 'discord');
    expect(again.code).toBe(0);
    expect(receivers.discord.received.length).toBe(before + 1);
    expect(again.out).toContain(
      `discord (discord): ${OUTAGE}-update-20221228T125800Z.discord: delivered to [DISCORD_URL] (200 OK, 1 attempt)`,
    );
  });
});

describe('runs that send nothing', () => {
  test('an unchanged rebuild: nothing new, nothing sent, exit 0', async () => {
    const counts = Object.values(receivers).map((r) => r.received.length);
    const run = await notify(env, '--previous', join(dir, 'current'));
    expect(run.out).toContain(': 0 new.');
    expect(run.code).toBe(0);
    expect(Object.values(receivers).map((r) => r.received.length)).toEqual(counts);
  });

  test('the previous build read from the live site by URL: the same content, nothing new', async () => {
    const live = await serveStatic(join(dir, 'current'));
    try {
      const run = await notify(env, '--previous', `${live.url}/`, '--dry-run');
      expect(run.out).toContain('with the previous build of 2022-12-28T13:30:00.000Z: 0 new.');
      expect(run.code).toBe(0);
    } finally {
      await live.close();
    }
  });

  test('a previous build of another page (a changed address, a wrong --previous) is no baseline: only the last hour is announced, and the run says why', async () => {
    // Another site's index, empty: compared with it, every update of this page since 2022 would look new.
    const other = join(dir, 'other-site');
    mkdirSync(other, { recursive: true });
    const index = JSON.parse(readFileSync(join(dir, 'previous', 'notify-index.json'), 'utf8'));
    writeFileSync(
      join(other, 'notify-index.json'),
      JSON.stringify({ ...index, url: 'https://status.other.example/', incidents: [], maintenances: [] }),
    );
    const run = await notify(env, '--previous', other, '--dry-run');
    expect(run.out).toContain(
      'The previous build is of https://status.other.example/, not of this page, https://status.chirp.example/ (its address changed, or --previous names another site): announcing only what is newer than an hour before the build of 2022-12-28T13:30:00.000Z, as on a first run:',
    );
    const announced = [...run.out.matchAll(/^ {2}\S+ \((?:update|postmortem|[a-z-]+), (\S+)\)$/gm)].map((m) => m[1]!);
    expect(announced.length).toBeGreaterThan(0);
    for (const at of announced) expect(Date.parse(at)).toBeGreaterThanOrEqual(Date.parse('2022-12-28T12:30:00Z'));
    expect(run.code).toBe(0);
  });

  test('--dry-run prints every message per channel, sends nothing, and shows no secret', async () => {
    const counts = Object.values(receivers).map((r) => r.received.length);
    const mailCount = mails.length;
    const run = await notify(env, '--dry-run');
    expect(run.code).toBe(0);
    expect(Object.values(receivers).map((r) => r.received.length)).toEqual(counts);
    expect(mails.length).toBe(mailCount);
    expect(run.out).toContain(
      `--- ${OUTAGE}-update-20221228T125800Z.team-slack\nPOST $SLACK_URL\ncontent-type: application/json\n`,
    );
    expect(run.out).toContain(
      `x-status-signature: t=<unix time of each attempt>,v1=<HMAC-SHA256 of "<t>.<body>" with $WEBHOOK_SECRET>`,
    );
    expect(run.out).toContain(`Subject: [Chirp status] Identified: ${TITLE}`);
    expect(run.out).toContain('List-Unsubscribe: <mailto:unsubscribe@lists.chirp.example>');
    expect(run.out).toContain('websub: would ping');
    for (const secret of secrets()) expect(`${run.out}${run.err}`).not.toContain(secret);
  });

  test('a channel whose variable holds no usable URL fails the run, naming the variable, not its value', async () => {
    const counts = Object.values(receivers).map((r) => r.received.length);
    const run = await notify(
      { ...env, SLACK_URL: 'https://me:pa55-word-secret@hooks.example/x' },
      '--channel',
      'team-slack',
    );
    expect(run.out).toContain(
      "team-slack (slack): $SLACK_URL must not carry a user name or password; it must hold the slack webhook's absolute http(s) URL",
    );
    expect(run.out).toMatch(/not delivered: .*team-slack/);
    expect(run.code).toBe(1);
    expect(Object.values(receivers).map((r) => r.received.length)).toEqual(counts);
    expect(`${run.out}${run.err}`).not.toContain('pa55-word-secret');
  });

  test('notify --help names every channel type and where channels are configured', async () => {
    const run = await notify(env, '--help');
    expect(`${run.out}${run.err}`).toContain(
      'on every channel under notify.channels in status.config.yaml (types: slack, discord, teams, webhook, email;',
    );
  });

  test('an unreachable --previous says which address and why, not just "fetch failed"', async () => {
    // A port nothing listens on.
    const free = createServer();
    await new Promise<void>((done) => free.listen(0, '127.0.0.1', done));
    const { port } = free.address() as { port: number };
    await new Promise((done) => free.close(done));
    const run = await notify(env, '--previous', `http://127.0.0.1:${port}/`, '--dry-run');
    expect(run.code).toBe(1);
    expect(run.err).toContain(`http://127.0.0.1:${port}/api/v2/notify-index.json: could not connect (ECONNREFUSED)`);
  });

  test("a damaged previous index is named, file or address, and described: never JSON.parse's raw bytes", async () => {
    const damaged = join(dir, 'damaged');
    cpSync(join(dir, 'previous'), join(damaged, 'api', 'v2'), { recursive: true });
    const index = join(damaged, 'api', 'v2', 'notify-index.json');
    writeFileSync(index, readFileSync(index, 'utf8').slice(0, 40));
    const cut = await notify(env, '--previous', damaged, '--dry-run');
    expect(cut.code).toBe(1);
    expect(cut.err).toBe(`error: ${index}: its JSON is cut short or damaged (40 bytes): a partial download?\n`);

    writeFileSync(index, '<!DOCTYPE html>\u001b[31m<h1>502</h1>');
    const served = await serveStatic(dir);
    try {
      const html = await notify(env, '--previous', `${served.url}/damaged/`, '--dry-run', '--timeout', '30');
      expect(html.code).toBe(1);
      expect(html.err).toBe(
        `error: ${served.url}/damaged/api/v2/notify-index.json: it is HTML or XML, not JSON (32 bytes): an error page?\n`,
      );
    } finally {
      await served.close();
    }
  });

  test('a previous build made before the notify index is compared through its endpoints, by update time', async () => {
    const legacy = join(dir, 'legacy');
    writeApiAt(site, '2022-12-28T12:45:00Z', legacy);
    rmSync(join(legacy, 'notify-index.json'));
    // Its update ids counted positions, as builds before the index did.
    const body = JSON.parse(readFileSync(join(legacy, 'incidents.json'), 'utf8'));
    for (const incident of body.incidents)
      incident.incident_updates.forEach(
        (update: { id: string }, i: number, all: unknown[]) => (update.id = `${incident.id}-update-${all.length - i}`),
      );
    writeFileSync(join(legacy, 'incidents.json'), JSON.stringify(body));
    const run = await notify(env, '--previous', legacy, '--dry-run');
    expect(run.out).toContain('The previous build has no notify-index.json');
    expect(run.out).toContain(': 2 new.');
  });

  test('an SMTP_URL with an unencoded password fails email alone and never reaches stderr', async () => {
    const run = await notify(
      { ...env, SMTP_URL: `smtp://mailer:pa/ss%zz-${SMTP_PASSWORD}@127.0.0.1:${smtpPort}` },
      '--channel',
      'email',
      '--channel',
      'team-slack',
      '--dry-run',
    );
    expect(run.out).toContain('email (email): $SMTP_URL');
    expect(`${run.out}${run.err}`).not.toContain(SMTP_PASSWORD);
  });

  test('a bad --resend id is refused with an example of a valid one', async () => {
    const run = await notify(env, '--resend', 'nonsense', '--dry-run');
    expect(run.code).toBe(1);
    expect(run.err).toContain(
      'error: --resend: nothing called "nonsense" in this build. A resend takes an update id (2022-12-28-login-and-posting-failing-update-20221228T125800Z), <slug>-postmortem, <slug>-reminder',
    );
  });
});
