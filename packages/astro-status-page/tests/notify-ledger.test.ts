import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { writeApiAt } from './helpers/api-at.ts';
import { CHIRP, STATUS_CLI } from './helpers/build.ts';
import { startReceiver, type Receiver, type Reply } from './helpers/receiver.ts';
import { childEnv } from './helpers/child-env.ts';

/*
 * Exactly once across crashes and concurrent runs: `notify --ledger` as real
 * child processes (killed with SIGKILL mid-batch, run twice at once) against
 * a real receiver on 127.0.0.1 standing in for Slack. The example's outage
 * between the builds of 12:45 and 14:30 on 28 Dec 2022 is four updates:
 * four messages, one a second (Slack's pace), which leaves room to kill a
 * run between its first and its second.
 */

const OUTAGE = '2022-12-28-login-and-posting-failing';
const UPDATES = ['125800', '132400', '135200', '141600'].map((time) => `${OUTAGE}-update-20221228T${time}Z`);

let dir: string;
let site: string;
const receivers: Receiver[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'status-ledger-'));
  site = join(dir, 'site');
  cpSync(join(CHIRP, 'incidents'), join(site, 'incidents'), { recursive: true });
  const example = readFileSync(join(CHIRP, 'status.config.yaml'), 'utf8');
  writeFileSync(
    join(site, 'status.config.yaml'),
    `${example.slice(0, example.indexOf('\n# Where `npm run status -- notify`'))}
notify:
  channels:
    - { name: team-slack, type: slack, url_env: SLACK_URL, components: [web, login] }
`,
  );
  writeApiAt(site, '2022-12-28T12:45:00Z', join(dir, 'builds', '1245'));
  writeApiAt(site, '2022-12-28T14:30:00Z', join(dir, 'builds', '1430'));
  writeApiAt(site, '2022-12-28T15:30:00Z', join(dir, 'builds', '1530'));
});

afterAll(async () => {
  await Promise.all(receivers.map((receiver) => receiver.close()));
  rmSync(dir, { recursive: true, force: true });
});

async function receiver(replies: Reply[] = []): Promise<Receiver> {
  const started = await startReceiver(replies);
  receivers.push(started);
  return started;
}

interface Run {
  child: ChildProcess;
  done: Promise<{ code: number | null; out: string }>;
}

/** One `notify` as a child process, from the build of `previous` to that of `current`. */
function notify(url: string, ledger: string, previous: string, current: string, ...args: string[]): Run {
  const child = spawn(
    process.execPath,
    [
      STATUS_CLI,
      'notify',
      '--previous',
      join(dir, 'builds', previous),
      '--current',
      join(dir, 'builds', current),
      '--ledger',
      ledger,
      '--timeout',
      '2',
      '--backoff',
      '0.05',
      ...args,
    ],
    { cwd: site, env: childEnv({ SLACK_URL: `${url}/services/T0/B0/token` }) },
  );
  let out = '';
  child.stdout!.on('data', (chunk) => (out += chunk));
  child.stderr!.on('data', (chunk) => (out += chunk));
  return { child, done: new Promise((resolve) => child.on('close', (code) => resolve({ code, out }))) };
}

/** Which update each message the receiver got announces, by its button's link. */
const announced = (receiver: Receiver) =>
  receiver.received.map((request) => {
    const body = JSON.parse(request.body) as { blocks: Array<{ elements?: Array<{ url: string }> }> };
    const link = body.blocks.flatMap((block) => block.elements ?? []).find((element) => element.url)!.url;
    return `${OUTAGE}-${link.split('#')[1]}`;
  });

const confirmed = (ledger: string) =>
  existsSync(ledger) ? readdirSync(ledger).filter((name) => name.endsWith('.done')) : [];

/** Kill the run with SIGKILL as soon as the ledger holds its first confirmation (the next message is a second away). */
async function killAfterFirst(run: Run, ledger: string): Promise<void> {
  const started = Date.now();
  while (confirmed(ledger).length === 0) {
    if (Date.now() - started > 10_000) throw new Error('no confirmation within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  run.child.kill('SIGKILL');
  await run.done;
}

describe('a run killed after the first of four deliveries', () => {
  test('run again, it sends the three not confirmed, and never the first twice', async () => {
    const slack = await receiver();
    const ledger = join(dir, 'ledger-rerun');
    await killAfterFirst(notify(slack.url, ledger, '1245', '1430'), ledger);
    expect(announced(slack)).toEqual(UPDATES.slice(0, 1));

    const again = await notify(slack.url, ledger, '1245', '1430').done;
    expect(announced(slack)).toEqual(UPDATES);
    expect(again.out).toContain(`${UPDATES[0]}.team-slack: already delivered (confirmed `);
    expect(again.out).toContain('Done: 3 delivered, none failed.');
    expect(again.code).toBe(0);

    // A third run finds everything confirmed and sends nothing.
    const third = await notify(slack.url, ledger, '1245', '1430').done;
    expect(third.out).toContain('Done: 0 delivered, none failed.');
    expect(slack.received).toHaveLength(4);
  }, 30_000);

  test('the next deploy, comparing the next two builds as usual, sends what the killed run left', async () => {
    const slack = await receiver();
    const ledger = join(dir, 'ledger-next-deploy');
    await killAfterFirst(notify(slack.url, ledger, '1245', '1430'), ledger);

    // An update owed then deleted from the site (a correction) is not sent, and owed no more.
    const deleted = `${OUTAGE}-update-20221228T140000Z`;
    writeFileSync(
      join(ledger, `${deleted}.team-slack.owed`),
      JSON.stringify({ deliveryId: `${deleted}.team-slack`, notificationId: deleted, channel: 'team-slack' }),
    );
    // The next deploy: the live site is now the build of 14:30, and nothing new happened by 15:30.
    const next = await notify(slack.url, ledger, '1430', '1530').done;
    expect(next.out).toContain(`Owed by an earlier run but no longer published, so not sent: ${deleted}.team-slack`);
    expect(existsSync(join(ledger, `${deleted}.team-slack.owed`))).toBe(false);
    expect(next.out).toContain(': 0 new.');
    expect(next.out).toContain('Left unsent by an earlier run that did not finish (the ledger): 3.');
    expect(announced(slack)).toEqual(UPDATES);
    expect(next.code).toBe(0);
  }, 30_000);
});

test('two runs of one deploy at once send each message once, in order', async () => {
  const slack = await receiver();
  const ledger = join(dir, 'ledger-twice');
  const [one, two] = await Promise.all([
    notify(slack.url, ledger, '1245', '1430').done,
    notify(slack.url, ledger, '1245', '1430').done,
  ]);
  expect(announced(slack)).toEqual(UPDATES);
  expect([one.code, two.code]).toEqual([0, 0]);
  // Each message was sent by one run and found confirmed by the other.
  const both = `${one.out}\n${two.out}`;
  for (const update of UPDATES) {
    expect(both.split(`${update}.team-slack: delivered to`)).toHaveLength(2);
    expect(both.split(`${update}.team-slack: already delivered`)).toHaveLength(2);
  }
}, 30_000);

test('a message whose run died before hearing back is reported, not sent again', async () => {
  // The receiver never answers the first message: the run is killed while it waits.
  const slack = await receiver(['hang']);
  const ledger = join(dir, 'ledger-in-flight');
  const run = notify(slack.url, ledger, '1245', '1430', '--timeout', '30');
  while (slack.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
  run.child.kill('SIGKILL');
  await run.done;

  const again = await notify(slack.url, ledger, '1245', '1430').done;
  expect(again.out).toContain(
    `${UPDATES[0]}.team-slack: MAY HAVE ARRIVED, not confirmed: the run sending it (process ${run.child.pid} on `,
  );
  expect(again.out).toContain(`npm run status -- notify --resend ${UPDATES[0]} --channel team-slack`);
  expect(announced(slack)).toEqual(UPDATES);
  expect(again.code).toBe(1);

  // Staff checked: it did not arrive. The resend sends it, and the ledger then holds it as confirmed.
  const resent = await notify(slack.url, ledger, '1245', '1430', '--resend', UPDATES[0]!, '--channel', 'team-slack')
    .done;
  expect(resent.code).toBe(0);
  expect(announced(slack)).toEqual([...UPDATES, UPDATES[0]]);
  const after = await notify(slack.url, ledger, '1245', '1430').done;
  expect(after.out).toContain('Done: 0 delivered, none failed.');
  expect(after.code).toBe(0);
}, 30_000);

test('a 200 whose body trickles in counts as delivered at once, with no doubt and no resend', async () => {
  // The status line at once, then 20 s of body; the run reads the body for 2 s at most.
  const slack = await receiver([{ status: 200, body: 'ok'.padEnd(40, '.'), trickleMs: 20_000 }]);
  const started = Date.now();
  const run = await notify(
    slack.url,
    join(dir, 'ledger-trickle'),
    '1245',
    '1430',
    '--resend',
    UPDATES[0]!,
    '--channel',
    'team-slack',
  ).done;
  expect(run.out).toContain(`${UPDATES[0]}.team-slack: delivered to [SLACK_URL] (200 OK, 1 attempt)`);
  expect(run.out).not.toContain('MAY HAVE ARRIVED');
  expect(run.code).toBe(0);
  // Well short of the 20 s the body takes: the run's 2 s of reading plus a busy machine's start of a process.
  expect(Date.now() - started).toBeLessThan(12_000);
}, 30_000);
