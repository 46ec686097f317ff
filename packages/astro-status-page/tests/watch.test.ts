import { spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { apiAt, writeApiAt } from './helpers/api-at.ts';
import { CHIRP, outDir, STATUS_CLI } from './helpers/build.ts';
import { startReceiver, type Receiver } from './helpers/receiver.ts';
import { serveStatic } from './helpers/static-server.ts';
import { childEnv } from './helpers/child-env.ts';

/*
 * `npm run status -- watch` end to end: the CLI as a child process in the
 * example site, at 16:00 UTC on 28 Dec 2022 (STATUS_NOW), against hosts on
 * 127.0.0.1 each serving the API of a build computed by the build's own code:
 * current, stale, of another build, down, and behind main. Staff hear it on
 * the example's `audience: staff` channel; subscribers' channels never do.
 */

const NOW = '2022-12-28T16:00:00Z';
const OUTAGE = '2022-12-28-login-and-posting-failing';
let dir: string;
const hosts: Record<string, { url: string; close: () => Promise<void> }> = {};
let staff: Receiver;
let subscribers: Receiver;
let downUrl: string;

/** A host serving the API of a build of the example at `at`; `servedAt` changes only the time it says it was built. */
async function host(name: string, at: string, servedAt?: string) {
  const root = join(dir, name);
  writeApiAt(CHIRP, at, join(root, 'api', 'v2'));
  if (servedAt) {
    const file = join(root, 'api', 'v2', 'status.json');
    const body = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(
      file,
      JSON.stringify({ ...body, page: { ...body.page, updated_at: new Date(servedAt).toISOString() } }),
    );
  }
  hosts[name] = await serveStatic(root);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'status-watch-'));
  await host('main', '2022-12-28T15:30:00Z');
  await host('mirror', '2022-12-28T15:30:00Z');
  await host('mirror2', '2022-12-28T15:30:00Z');
  await host('stale', '2022-12-28T13:00:00Z');
  await host('other', '2022-12-28T15:00:00Z');
  // Built at 15:30 from files that lack the 14:16 resolution.
  await host('behind', '2022-12-28T14:00:00Z', '2022-12-28T15:30:00Z');
  const down = await serveStatic(dir);
  downUrl = down.url;
  await down.close();
  staff = await startReceiver();
  subscribers = await startReceiver();
});

afterAll(async () => {
  await Promise.all([...Object.values(hosts).map((served) => served.close()), staff.close(), subscribers.close()]);
  rmSync(dir, { recursive: true, force: true });
});

/** Run the CLI on these hosts (each as --live) and flags (the words starting with --), without blocking this process, whose servers must answer meanwhile. */
function watch(...live: string[]): Promise<{ code: number | null; lines: string[]; err: string; ms: number }> {
  return watchIn(
    CHIRP,
    live.flatMap((url) => (url.startsWith('--') ? [url] : ['--live', url])),
  );
}

function watchIn(
  cwd: string,
  args: string[],
  now = NOW,
  staffUrl = staff.url,
): Promise<{ code: number | null; lines: string[]; err: string; ms: number }> {
  const started = Date.now();
  const env = {
    ...childEnv(),
    STATUS_NOW: now,
    STAFF_SLACK_WEBHOOK_URL: `${staffUrl}/services/T0/B0/staff-token`,
    SLACK_WEBHOOK_URL: `${subscribers.url}/services/T0/B0/team-token`,
  };
  const child = spawn(process.execPath, [STATUS_CLI, 'watch', '--timeout', '2', ...args], { cwd, env });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((done) =>
    child.on('close', (code) => done({ code, lines: out.trim().split('\n'), err, ms: Date.now() - started })),
  );
}

const id = (at: string) => apiAt(CHIRP, at)['status.json'].page.build_id;

describe('every host current and in step', () => {
  test('three hosts serving the same recent build: one OK line each, exit 0, nobody alerted', async () => {
    const run = await watch(hosts['main']!.url, hosts['mirror']!.url, hosts['mirror2']!.url);
    expect(run.err).toBe('');
    expect(run.lines).toEqual(
      [hosts['main']!.url, hosts['mirror']!.url, hosts['mirror2']!.url].map(
        (url) => `${url}: OK, build ${id('2022-12-28T15:30:00Z')} of 2022-12-28T15:30Z, 30 min old`,
      ),
    );
    expect(run.code).toBe(0);
    expect(staff.received).toEqual([]);
  });
});

describe('one host of each kind of failure', () => {
  let run: Awaited<ReturnType<typeof watch>>;
  beforeAll(async () => {
    staff.received.length = 0;
    run = await watch(
      hosts['main']!.url,
      hosts['mirror']!.url,
      hosts['stale']!.url,
      hosts['other']!.url,
      downUrl,
      hosts['behind']!.url,
    );
  }, 20_000);

  test('each host is reported on its own line, saying what is wrong', () => {
    expect(run.lines.slice(0, 6)).toEqual([
      `${hosts['main']!.url}: OK, build ${id('2022-12-28T15:30:00Z')} of 2022-12-28T15:30Z, 30 min old`,
      `${hosts['mirror']!.url}: OK, build ${id('2022-12-28T15:30:00Z')} of 2022-12-28T15:30Z, 30 min old`,
      `${hosts['stale']!.url}: stale: build ${id('2022-12-28T13:00:00Z')} of 2022-12-28T13:00Z, 3 h old (at most 1 h 30 min)`,
      `${hosts['other']!.url}: another build: serves build ${id('2022-12-28T15:00:00Z')} of 2022-12-28T15:00Z, while ${hosts['main']!.url}, ${hosts['mirror']!.url} serve build ${id('2022-12-28T15:30:00Z')} of 2022-12-28T15:30Z`,
      `${downUrl}: unreachable: could not connect (ECONNREFUSED)`,
      `${hosts['behind']!.url}: behind main: build ${id('2022-12-28T14:00:00Z')} of 2022-12-28T15:30Z lacks 1 update due by now (${OUTAGE}-update-20221228T141600Z)`,
    ]);
    expect(run.code).toBe(1);
  });

  test('staff are alerted once, on the staff channel, with every problem; the subscribers’ channel hears nothing', () => {
    expect(staff.received).toHaveLength(1);
    const message = JSON.parse(staff.received[0]!.body);
    expect(message.text).toBe('[Chirp status] Chirp status page: 4 of 6 hosts failing the watchdog');
    const body = message.blocks[1].text.text as string;
    expect(body.split('\n')).toEqual(run.lines.slice(2, 6).map((line) => `- ${line}`));
    expect(subscribers.received).toEqual([]);
    expect(run.lines.at(-1)).toBe('staff-slack (slack, staff): alerted via [STAFF_SLACK_WEBHOOK_URL] (200 OK)');
    expect(run.lines.join('\n')).not.toContain('staff-token');
  });
});

describe('--state: staff hear of a problem once, are reminded, and hear when it is over', () => {
  // One folder kept from run to run, as watch.yml keeps it; each run later than the one before (STATUS_NOW).
  let state: string;
  beforeAll(() => {
    state = mkdtempSync(join(tmpdir(), 'status-watch-state-'));
  });
  afterAll(() => rmSync(state, { recursive: true, force: true }));
  const run = async (now: string, ...live: string[]) => {
    staff.received.length = 0;
    const args = [...live.flatMap((url) => ['--live', url]), '--state', state, '--remind', '15 min'];
    const result = await watchIn(CHIRP, args, `2022-12-28T${now}:00Z`);
    expect(result.err).toBe('');
    return { ...result, sent: staff.received.map((request) => JSON.parse(request.body)) };
  };
  const staleLine = (age: string) =>
    `${hosts['stale']!.url}: stale: build ${id('2022-12-28T13:00:00Z')} of 2022-12-28T13:00Z, ${age} old (at most 1 h 30 min)`;

  test('a first run with a stale host alerts once, saying it is a first run', async () => {
    const first = await run('16:00', hosts['main']!.url, hosts['stale']!.url);
    expect(first.lines[2]).toMatch(
      /^watch state: no .*watch-state\.json yet \(a first run, or the kept state expired\)/,
    );
    expect(first.lines.at(-1)).toBe('alerted');
    expect(first.code).toBe(1);
    expect(first.sent).toHaveLength(1);
    expect(first.sent[0].text).toBe('[Chirp status] Chirp status page: 1 of 2 hosts failing the watchdog');
    expect(first.sent[0].blocks[1].text.text).toBe(`- ${staleLine('3 h')}`);
  });

  test('the same problem ten minutes later: nothing sent, a line saying when staff were told and when they will be reminded; still exit 1', async () => {
    const second = await run('16:10', hosts['main']!.url, hosts['stale']!.url);
    expect(second.lines.slice(1)).toEqual([
      staleLine('3 h 10 min'),
      'not alerted again: the same problem was alerted 10 min ago; next reminder by 16:15 UTC',
    ]);
    expect(second.code).toBe(1);
    expect(second.sent).toEqual([]);
  });

  test('past the reminder interval: one reminder, then quiet again', async () => {
    const reminder = await run('16:15', hosts['main']!.url, hosts['stale']!.url);
    expect(reminder.lines.at(-1)).toBe('reminded: staff told again');
    expect(reminder.sent).toHaveLength(1);
    expect(reminder.sent[0].text).toBe(
      '[Chirp status] Chirp status page: still 1 of 2 hosts failing the watchdog (alerted first at 16:00 UTC)',
    );
    expect(reminder.sent[0].blocks[1].text.text).toBe(`- ${staleLine('3 h 15 min')}`);
    expect((await run('16:17', hosts['main']!.url, hosts['stale']!.url)).sent).toEqual([]);
  });

  test('a new problem is alerted at once, with every current problem, the new one marked', async () => {
    const added = await run('16:20', hosts['main']!.url, hosts['stale']!.url, downUrl);
    expect(added.lines.at(-1)).toBe('alerted');
    expect(added.sent).toHaveLength(1);
    expect(added.sent[0].blocks[1].text.text.split('\n')).toEqual([
      `- ${staleLine('3 h 20 min')}`,
      `- (new) ${downUrl}: unreachable: could not connect (ECONNREFUSED)`,
    ]);
  });

  test('every host current again: one "resolved" message, exit 0; the next OK run sends nothing', async () => {
    const resolved = await run('16:25', hosts['main']!.url, hosts['mirror']!.url);
    expect(resolved.lines.at(-1)).toBe('resolved: staff told');
    expect(resolved.code).toBe(0);
    expect(resolved.sent).toHaveLength(1);
    expect(resolved.sent[0].text).toBe('[Chirp status] Chirp status page: all clear');
    expect(resolved.sent[0].blocks[1].text.text).toBe(
      '- All clear: every host is current and no promised update is overdue; the problems alerted at 16:00 UTC are over',
    );
    const after = await run('16:30', hosts['main']!.url, hosts['mirror']!.url);
    expect(after.lines).toHaveLength(2);
    expect(after.code).toBe(0);
    expect(after.sent).toEqual([]);
    expect(JSON.parse(readFileSync(join(state, 'watch-state.json'), 'utf8'))).toEqual({ version: 1, alerted: null });
  });

  test('an alert no staff channel confirmed is not kept as told: the next run sends it again', async () => {
    const refusing = await startReceiver([{ status: 404 }]);
    const failing = join(state, 'failing');
    try {
      const args = ['--live', hosts['stale']!.url, '--state', failing];
      const first = await watchIn(CHIRP, args, '2022-12-28T16:00:00Z', refusing.url);
      expect(first.lines.at(-1)).toBe('not alerted: no staff channel confirmed it, so the next run tells staff again');
      const second = await watchIn(CHIRP, args, '2022-12-28T16:05:00Z', refusing.url);
      expect(second.lines.at(-1)).toBe('alerted');
      expect(refusing.received).toHaveLength(2);
    } finally {
      await refusing.close();
    }
  });

  test('a corrupt state file: staff are alerted, a note says why, the run does not crash', async () => {
    writeFileSync(join(state, 'watch-state.json'), '{"version": 1, "alerted": {"since');
    const corrupt = await run('16:35', hosts['main']!.url, hosts['stale']!.url);
    expect(corrupt.lines).toContain(
      `watch state: ${join(state, 'watch-state.json')} is not JSON ({"version": 1, "alerted": {"since): read as nothing alerted, so any problem is alerted as new`,
    );
    expect(corrupt.lines.at(-1)).toBe('alerted');
    expect(corrupt.code).toBe(1);
    expect(corrupt.sent).toHaveLength(1);
  });
});

describe('hosts answering with hostile text', () => {
  test('a build id with terminal escapes, and an answer that is not JSON, are shown with their controls visible, never raw', async () => {
    const escaped = join(dir, 'escaped');
    writeApiAt(CHIRP, '2022-12-28T15:30:00Z', join(escaped, 'api', 'v2'));
    const file = join(escaped, 'api', 'v2', 'status.json');
    const body = JSON.parse(readFileSync(file, 'utf8'));
    writeFileSync(
      file,
      JSON.stringify({ ...body, page: { ...body.page, build_id: '\u001b[2J\u001b[1Aall good\u202e' } }),
    );
    const garbled = join(dir, 'garbled');
    writeApiAt(CHIRP, '2022-12-28T15:30:00Z', join(garbled, 'api', 'v2'));
    writeFileSync(join(garbled, 'api', 'v2', 'notify-index.json'), '<html>\u001b[31m502 Bad Gateway</html>');
    const [one, two] = [await serveStatic(escaped), await serveStatic(garbled)];
    try {
      const run = await watch(hosts['main']!.url, one.url, two.url);
      const all = `${run.lines.join('\n')}${run.err}`;
      expect(all.replaceAll('\n', '')).not.toMatch(/\p{Cc}|[\u202a-\u202e]/u);
      expect(run.lines).toContain(
        `${one.url}: another build: serves build \\u{1b}[2J\\u{1b}[1Aall good\\u{202e} of 2022-12-28T15:30Z, while ${hosts['main']!.url} serves build ${id('2022-12-28T15:30:00Z')} of 2022-12-28T15:30Z`,
      );
      expect(run.lines).toContain(
        `${two.url}: unreachable: ${two.url}/api/v2/notify-index.json: it is HTML or XML, not JSON (33 bytes): an error page?`,
      );
      expect(run.code).toBe(1);
    } finally {
      await Promise.all([one.close(), two.close()]);
    }
  }, 20_000);
});

describe('a promised update overdue on the live page', () => {
  // The example's page as built mid-outage (13:30 UTC), served as a host serves it: its open incident's
  // newest update (13:24) promised the next within 30 min, by 13:54 UTC.
  let live: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    live = await serveStatic(outDir('example-mid-outage'));
  });
  afterAll(() => live.close());
  const watchAt = (now: string) => watchIn(CHIRP, ['--live', live.url], now);
  const okLine = (url: string, age: string) =>
    new RegExp(`^${url}: OK, build [0-9a-f]{12} of 2022-12-28T13:30Z, ${age} old$`);

  test('before the promised time: the host is OK, exit 0, nobody alerted', async () => {
    staff.received.length = 0;
    const run = await watchAt('2022-12-28T13:50:00Z');
    expect(run.lines).toEqual([expect.stringMatching(okLine(live.url, '20 min'))]);
    expect(run.code).toBe(0);
    expect(staff.received).toEqual([]);
  });

  test('12 min after it, with the page still current: one clear line, exit 1, staff alerted', async () => {
    staff.received.length = 0;
    const run = await watchAt('2022-12-28T14:06:00Z');
    const line = `update overdue by 12 min: "Login and posting failing on web, iOS and Android" promised its next update by 2022-12-28T13:54Z (https://status.chirp.example/incidents/${OUTAGE}/); post one: npm run status -- update ${OUTAGE} --next 30m`;
    expect(run.lines.slice(0, 2)).toEqual([expect.stringMatching(okLine(live.url, '36 min')), line]);
    expect(run.code).toBe(1);
    expect(staff.received).toHaveLength(1);
    const message = JSON.parse(staff.received[0]!.body);
    expect(message.text).toBe('[Chirp status] Chirp status page: 1 promised update overdue');
    expect(message.blocks[1].text.text).toBe(`- ${line}`);
  });
});

describe('before the first deploy (--before-first-deploy, which watch.yml passes while GitHub lists no Pages deployment)', () => {
  let unpublished: { url: string; close: () => Promise<void> };
  beforeAll(async () => {
    // A host with nothing published yet: every path is its 404 page, as GitHub Pages answers before a first deploy.
    const root = join(dir, 'unpublished');
    mkdirSync(root);
    writeFileSync(join(root, '404.html'), '<h1>404</h1>');
    unpublished = await serveStatic(root);
  });
  afterAll(() => unpublished.close());

  test('no host serving anything (404, refused) is no outage: one line, exit 0, nobody alerted', async () => {
    staff.received.length = 0;
    const run = await watch(unpublished.url, downUrl, '--before-first-deploy');
    expect(run.lines).toEqual([
      expect.stringMatching(
        /^Not deployed yet: no host serves the page \(.*\), and there has been no deploy; nothing to watch until the first one, nobody alerted\.$/,
      ),
    ]);
    expect(run.lines[0]).toContain(`${downUrl}: could not connect (ECONNREFUSED)`);
    expect(run.code).toBe(0);
    expect(staff.received).toEqual([]);
  });

  test('once any host serves a build, every host is judged as always: one that serves nothing is down', async () => {
    staff.received.length = 0;
    const run = await watch(hosts['main']!.url, downUrl, '--before-first-deploy');
    expect(run.lines.slice(0, 2)).toEqual([
      expect.stringMatching(/: OK, build /),
      `${downUrl}: unreachable: could not connect (ECONNREFUSED)`,
    ]);
    expect(run.code).toBe(1);
    expect(staff.received).toHaveLength(1);
  });

  test('without the flag, a page that serves nothing is reported down, as for any deployed page', async () => {
    staff.received.length = 0;
    const run = await watch(unpublished.url, downUrl);
    expect(run.lines.slice(0, 2)).toEqual([
      expect.stringMatching(new RegExp(`^${unpublished.url}: unreachable: `)),
      `${downUrl}: unreachable: could not connect (ECONNREFUSED)`,
    ]);
    expect(run.code).toBe(1);
    expect(staff.received).toHaveLength(1);
  });
});

describe('flags', () => {
  test('a --live that is not an address, and a --max-age that is not a duration, are refused with an example', async () => {
    const bad = await watch('status.chirp.example');
    expect(bad.err).toContain(
      '--live: "status.chirp.example" is not an absolute URL; give a host\'s root address, such as https://status.chirp.example',
    );
    expect(bad.code).toBe(1);
    const age = await watchIn(CHIRP, ['--max-age', 'a while']);
    expect(age.err).toContain('--max-age: "a while" is not a duration; write "1 h", "30 min", "1 h 30 min" or "90m"');
    expect(age.code).toBe(1);
    const remind = await watchIn(CHIRP, ['--state', dir, '--remind', 'often']);
    expect(remind.err).toContain(
      '--remind: "often" is not a duration of a minute or more; write "1 h", "30 min", "1 h 30 min" or "90m"',
    );
    expect(remind.code).toBe(1);
  });

  test("without --live it checks the config's url and every mirror; --max-age overrides the page's promise", async () => {
    const site = join(dir, 'site');
    cpSync(join(CHIRP, 'incidents'), join(site, 'incidents'), { recursive: true });
    const config = readFileSync(join(CHIRP, 'status.config.yaml'), 'utf8')
      .replace('url: https://status.chirp.example', `url: ${hosts['main']!.url}/`)
      .replace('  - https://chirp-status.pages.dev/', `  - ${hosts['stale']!.url}/`);
    writeFileSync(join(site, 'status.config.yaml'), config);
    const run = await watchIn(site, ['--max-age', '4 h']);
    expect(run.lines.slice(0, 2)).toEqual([
      `${hosts['main']!.url}/: OK, build ${id('2022-12-28T15:30:00Z')} of 2022-12-28T15:30Z, 30 min old`,
      expect.stringMatching(new RegExp(`^${hosts['stale']!.url}/: behind main: `)),
    ]);
  });
});
