import { cpSync, mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { CHIRP, ROOT, STATUS_CLI } from './helpers/build.ts';
import { KEYS, TerminalSession } from './helpers/terminal.ts';

// The CLI as a person at a terminal meets it: a real pseudo-terminal, the
// screen read back through a headless xterm. The basic fixture with the
// repository's templates, "now" fixed at 31 Dec 2022 10:00 UTC.
const NOW = '2022-12-31T10:00:00Z';
let site: string;

beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'status-tty-'));
  cpSync(resolve(ROOT, 'tests/fixtures/basic'), site, { recursive: true });
  cpSync(resolve(CHIRP, 'templates'), join(site, 'templates'), { recursive: true });
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

const terminal = (...args: string[]) =>
  new TerminalSession([process.execPath, STATUS_CLI, ...args], { cwd: site, env: { ...process.env, STATUS_NOW: NOW } });
const read = (path: string) => readFileSync(join(site, path), 'utf8');
const FILE = 'incidents/2022/2022-12-31-login-failing-on-ios.md';

/** Answer one prompt: wait until it is on screen, then press the keys. */
async function answer(session: TerminalSession, prompt: string, keys: string): Promise<void> {
  await session.waitFor(prompt);
  session.type(keys);
}

test(
  'new through the prompts: components by name, the proposed impact, a relative start, a template, then the file to confirm',
  { timeout: 30_000 },
  async () => {
    const session = terminal('new');
    await answer(session, 'What are users seeing, in a short headline?', `Login failing on iOS${KEYS.enter}`);
    await session.waitFor('│    ◻ Direct messages (now ✓ Operational)');
    expect(session.screen()).toContain(
      '│   Apps\n│    ◻ Web (now ✓ Operational)\n│    ◻ iOS app (now ✓ Operational)\n│   Core services\n│    ◻ Login (now ✓ Operational)',
    );
    // Down to iOS app, select; down to Login, select.
    session.type(`${KEYS.down}${KEYS.space}${KEYS.down}${KEYS.space}${KEYS.enter}`);
    await answer(session, 'Status of iOS app?', KEYS.enter);
    await answer(session, 'Status of Login?', `${KEYS.up}${KEYS.enter}`);
    await session.waitFor('○ minor: ▲ Minor service outage');
    expect(session.screen()).toContain(
      'Impact? Proposed: critical, from the worst status chosen (iOS app ✕ Major outage)\n│  ● critical: ✕ Major system outage (proposed)\n│  ○ major',
    );
    session.type(KEYS.enter);
    await answer(session, 'When did it start?', `15 min ago${KEYS.enter}`);
    await session.waitFor('○ No template: write my own');
    expect(session.screen()).toContain('│  ● Investigating, cause unknown (investigating)');
    session.type(KEYS.enter);
    await answer(session, 'What should users know now?', KEYS.enter);
    await session.waitFor('Write incidents/2022/2022-12-31-login-failing-on-ios.md?');
    const shown = session.screen();
    expect(shown).toContain('◇  incidents/2022/2022-12-31-login-failing-on-ios.md');
    expect(shown).toMatch(/│ +started: 2022-12-31T09:45:00Z +│/);
    expect(shown).toContain('Page: https://status.fixture.example/incidents/2022-12-31-login-failing-on-ios/');
    expect(existsSync(join(site, FILE))).toBe(false);
    session.type(KEYS.enter);
    expect(await session.finish()).toBe(0);
    expect(session.screen()).toContain(`Created: ${FILE}`);
    expect(read(FILE)).toBe(`---
id: 2022-12-31-login-failing-on-ios
title: Login failing on iOS
impact: critical
components:
  ios: major_outage
  login: partial_outage
started: 2022-12-31T09:45:00Z
updates:
  - at: 2022-12-31T10:00:00Z
    status: investigating
    next_update: 30 min
    message: >-
      We are investigating problems with iOS app and Login. We do not know the
      cause yet; we will post an update within 30 minutes.
---
`);
  },
);

const FLAGS = [
  '--title',
  'Login failing on iOS',
  '--component',
  'ios=major_outage',
  '--impact',
  'critical',
  '--message',
  'Investigating.',
  '--started',
  '07:13',
];

test('at a terminal, declining the confirmation writes nothing', { timeout: 30_000 }, async () => {
  const session = terminal('new', ...FLAGS);
  await session.waitFor('Write incidents/2022/2022-12-31-login-failing-on-ios.md?');
  expect(session.screen()).toMatch(/│ +started: 2022-12-31T07:13:00Z +│/);
  session.type(`${KEYS.right}${KEYS.enter}`);
  expect(await session.finish()).toBe(1);
  expect(session.screen()).toContain('error: not confirmed; nothing was written');
  expect(existsSync(join(site, FILE))).toBe(false);
});

test('--yes writes without showing the file or asking', { timeout: 30_000 }, async () => {
  const session = terminal('new', ...FLAGS, '--yes');
  expect(await session.finish()).toBe(0);
  expect(session.screen()).not.toContain('Write incidents');
  expect(session.screen()).toContain(`Created: ${FILE}`);
  expect(read(FILE)).toContain('started: 2022-12-31T07:13:00Z\n');
});

test(
  'update through the prompts: a template, the components that change by name, the proposed impact',
  { timeout: 30_000 },
  async () => {
    const session = terminal('new', ...FLAGS, '--component', 'login=partial_outage', '--yes');
    expect(await session.finish()).toBe(0);
    const update = terminal('update', 'login-failing-on-ios', '--at', '2022-12-31T10:30:00Z');
    await update.waitFor('○ No template: write my own');
    expect(update.screen()).toContain(
      'Start the message from a template?\n│  ● Investigating, cause unknown (investigating)\n│  ○ Identified: rolling back (identified)\n│  ○ Monitoring a fix (monitoring)',
    );
    update.type(`${KEYS.down}${KEYS.down}${KEYS.enter}`);
    await update.waitFor('│    ◻ Login (now ◆ Partial outage)');
    expect(update.screen()).toContain('│    ◻ iOS app (now ✕ Major outage)');
    update.type(`${KEYS.down}${KEYS.space}${KEYS.enter}`);
    // iOS app recovers: operational is offered first.
    await answer(update, 'Status of iOS app?', `${KEYS.up}${KEYS.enter}`);
    await update.waitFor('○ minor: ▲ Minor service outage');
    expect(update.screen()).toContain(
      'Impact from this update on? Proposed: major, from the worst status after it (now critical)',
    );
    update.type(KEYS.enter);
    await answer(update, 'What should users know now?', KEYS.enter);
    await answer(update, 'Write incidents/2022/2022-12-31-login-failing-on-ios.md?', KEYS.enter);
    expect(await update.finish()).toBe(0);
    expect(read(FILE)).toContain(`  - at: 2022-12-31T10:30:00Z
    status: monitoring
    impact: major
    components:
      ios: operational
    message: >-
      A fix is in place and iOS app should be working again. We are watching
      closely to make sure.
---
`);
  },
);

test(
  'init through the prompts: each question in turn, this machine’s time zone offered, the config shown before writing',
  { timeout: 30_000 },
  async () => {
    const target = join(site, 'acme-status');
    const session = new TerminalSession([process.execPath, STATUS_CLI, 'init', target], {
      cwd: site,
      env: { ...process.env, STATUS_NOW: NOW, TZ: 'Asia/Tokyo' },
    });
    await answer(session, 'What is the platform called?', `Acme${KEYS.enter}`);
    await answer(session, 'Address the page will be read at?', `status.acme.example${KEYS.enter}`);
    // A bare host name is refused where it is typed, with the reason; the answer can be corrected in place.
    await session.waitFor('"status.acme.example" is not an absolute URL');
    session.type(`${'\u007f'.repeat('status.acme.example'.length)}https://status.acme.example${KEYS.enter}`);
    await session.waitFor('Time zone of the times readers see (IANA name)?');
    await session.waitFor('Asia/Tokyo');
    session.type(KEYS.enter);
    await session.waitFor('○ ar: Arabic');
    expect(session.screen()).toContain('Language of the page?\n│  ● en: English\n│  ○ de: German');
    session.type(`${KEYS.down}${KEYS.enter}`);
    await answer(session, 'Components readers can tell are up or down', `Website, api=Public API${KEYS.enter}`);
    await session.waitFor(`Write the site into ${target}?`);
    expect(session.screen()).toMatch(/│ +timezone: Asia\/Tokyo +│/);
    expect(session.screen()).toMatch(/│ +locale: de +│/);
    expect(existsSync(target)).toBe(false);
    session.type(KEYS.enter);
    expect(await session.finish()).toBe(0);
    expect(session.screen()).toContain(`Created a status site for Acme in ${target}: 18 files.`);
    expect(readFileSync(join(target, 'status.config.yaml'), 'utf8')).toContain(
      'groups:\n  - name: Komponenten\n    components:\n      - id: website\n        name: Website\n      - id: api\n        name: Public API\n',
    );
  },
);
