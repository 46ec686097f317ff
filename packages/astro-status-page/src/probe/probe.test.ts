import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startProbeServers, type ProbeServers } from '../../tests/helpers/probe-servers.ts';
import { buildSite } from '../../tests/helpers/build.ts';
import { componentRows, page, text as textOf } from '../../tests/helpers/pages.ts';
import { checkSite } from '../site/check-site.ts';
import { readProbeData } from '../files/probe-data.ts';
import { runProbe } from './probe.ts';
import { renderMarkdown } from '../rules/markdown.ts';

/*
 * The probe against real servers on 127.0.0.1: what each misbehaviour
 * records, and the incident two failed runs open, follow and hand back.
 */

let servers: ProbeServers;
beforeAll(async () => {
  servers = await startProbeServers();
});
afterAll(() => servers.close());

const T0 = Date.parse('2022-12-28T12:13:00Z');
const MIN = 60_000;

/** A site with web checked on /health (body and speed), and api on the https server (certificate). */
function site(extra = ''): string {
  const dir = mkdtempSync(join(tmpdir(), 'status-probe-'));
  writeFileSync(
    join(dir, 'status.config.yaml'),
    `name: Chirp
url: https://status.chirp.example
timezone: America/New_York
groups:
  - name: Apps
    components:
      - id: web
        name: Web
      - id: api
        name: Public API
probes:
  - component: web
    url: ${servers.url}health
    timeout: 1000
    headers_env: { Authorization: HEALTH_TOKEN }
    expect: { status: 200, max_ms: 900, body_contains: '"status":"UP"' }
${extra}`,
  );
  return dir;
}

const quiet = () => {};
const probeAt = (dir: string, at: number) =>
  runProbe({ dir, now: at, env: { HEALTH_TOKEN: 'Bearer t0ken' }, out: quiet, ca: servers.ca });
const incidentFiles = (dir: string) =>
  readdirSync(join(dir, 'incidents'), { recursive: true })
    .filter((name) => String(name).endsWith('.md'))
    .map(String);

describe('what one check records', () => {
  test.each([
    ['up', true, undefined, undefined],
    ['fail', false, 'down', 'HTTP 503'],
    ['hang', false, 'down', 'no answer within 1000 ms'],
    ['slow', false, 'down', 'no answer within 1000 ms'],
    ['wrong-body', false, 'wrong', 'the body lacks "\\"status\\":\\"UP\\""'],
  ] as const)('a server that is %s', async (behaviour, ok, failure, why) => {
    servers.behaviour = behaviour;
    const dir = site();
    const [result] = (await probeAt(dir, T0)).results;
    expect(result).toMatchObject({ at: '2022-12-28T12:13:00Z', check: 'web', component: 'web', ok });
    expect(result?.failure).toBe(failure);
    expect(result?.why).toBe(why);
    expect(readProbeData(dir).results).toEqual([result]);
    expect(servers.authorizations.at(-1)).toBe('Bearer t0ken');
  });

  test('a slow answer within the timeout fails as slow, and an expiring certificate as cert', async () => {
    servers.behaviour = 'slow';
    const dir = site(`  - component: api
    url: ${servers.httpsUrl}health
    expect: { cert_days: 14 }
`);
    writeFileSync(
      join(dir, 'status.config.yaml'),
      readFileSync(join(dir, 'status.config.yaml'), 'utf8').replace('timeout: 1000', 'timeout: 3000'),
    );
    const results = (await probeAt(dir, Date.now())).results;
    expect(results.find((result) => result.check === 'web')).toMatchObject({ ok: false, failure: 'slow', code: 200 });
    expect(results.find((result) => result.check === 'web')?.why).toMatch(/^answered in \d+ ms, over 900 ms$/);
    expect(results.find((result) => result.check === 'api')).toMatchObject({
      ok: false,
      failure: 'cert',
      code: 200,
      why: 'the TLS certificate expires in 2 days, under 14',
    });
  });
});

describe('incidents from facts', () => {
  test('two failed runs open exactly one incident that passes check and builds into a red row; recovery appends monitoring and keeps a staff edit', async () => {
    const dir = site();
    servers.behaviour = 'up';
    await probeAt(dir, T0 - 5 * MIN);
    servers.behaviour = 'fail';
    const first = await probeAt(dir, T0);
    expect(first.written.filter((path) => path.startsWith('incidents/'))).toEqual([]);
    const second = await probeAt(dir, T0 + 5 * MIN);
    expect(incidentFiles(dir)).toEqual(['2022/2022-12-28-web-is-not-responding.md']);
    const path = join(dir, 'incidents/2022/2022-12-28-web-is-not-responding.md');
    expect(second.written).toContain('incidents/2022/2022-12-28-web-is-not-responding.md');
    expect(readFileSync(path, 'utf8')).toBe(`---
id: 2022-12-28-web-is-not-responding
title: Web is not responding
impact: critical
components:
  web: major_outage
started: 2022-12-28T12:13:00Z
source:
  probe: web
updates:
  - at: 2022-12-28T12:18:00Z
    status: investigating
    message: "Checks of 127.0.0.1:${new URL(servers.url).port} failed since 07:13 EST: HTTP 503."
---
`);
    const checked = checkSite(dir, { now: T0 + 6 * MIN });
    expect(checked.problems).toEqual([]);
    expect(checked.model?.componentById.get('web')?.status).toBe('major_outage');
    expect(checked.model?.overall).toMatchObject({ indicator: 'critical' });
    // Built as the deploy builds it: the web's row is red and the incident is on the home page.
    const built = buildSite({ name: 'probe-opened', siteDir: dir, now: '2022-12-28T12:19:00Z' });
    expect(built.status, built.output).toBe(0);
    expect(componentRows('probe-opened')['Web']?.status).toBe('✕ Major outage');
    expect(textOf(page('probe-opened', '/'))).toContain('Web is not responding');

    // A third failed run, the same status: nothing new, and never a second incident.
    await probeAt(dir, T0 + 10 * MIN);
    expect(incidentFiles(dir)).toHaveLength(1);
    expect(readFileSync(path, 'utf8').match(/- at:/g)).toHaveLength(1);

    // Staff reword the first message and post their own update.
    const staff = readFileSync(path, 'utf8')
      .replace(/message: .*\n/, 'message: Our checks see errors on the web; we are on it.\n')
      .replace('---\n', '---\n# Edited by the on-call engineer.\n')
      .replace(
        /\n---\n$/,
        `\n  - at: 2022-12-28T12:30:00Z\n    status: identified\n    message: A bad deploy; rolling back.\n---\n\nNotes kept by staff.\n`,
      );
    writeFileSync(path, staff);

    // The checks pass again: after close_after (2) passing runs, one monitoring update.
    servers.behaviour = 'up';
    await probeAt(dir, T0 + 20 * MIN);
    await probeAt(dir, T0 + 25 * MIN);
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith(staff.slice(0, staff.indexOf('\n---\n\nNotes')))).toBe(true);
    expect(text.endsWith('---\n\nNotes kept by staff.\n')).toBe(true);
    expect(text).toContain(`  - at: 2022-12-28T12:38:00Z
    status: monitoring
    impact: none
    components:
      web: operational
    message: Checks pass again since 07:33 EST.
`);
    expect(checkSite(dir, { now: T0 + 26 * MIN }).problems).toEqual([]);
    // More passing runs: without auto_resolve, staff resolve it.
    await probeAt(dir, T0 + 30 * MIN);
    await probeAt(dir, T0 + 35 * MIN);
    expect(readFileSync(path, 'utf8')).toBe(text);
  });

  test('a change of measured status appends one update; auto_resolve resolves after the passing runs', async () => {
    const dir = site();
    writeFileSync(
      join(dir, 'status.config.yaml'),
      readFileSync(join(dir, 'status.config.yaml'), 'utf8').replace(
        'timeout: 1000',
        'timeout: 3000\n    auto_resolve: true\n    close_after: 1',
      ),
    );
    servers.behaviour = 'fail';
    await probeAt(dir, T0);
    await probeAt(dir, T0 + 5 * MIN);
    servers.behaviour = 'slow';
    await probeAt(dir, T0 + 10 * MIN);
    await probeAt(dir, T0 + 15 * MIN);
    const path = join(dir, 'incidents/2022/2022-12-28-web-is-not-responding.md');
    expect(readFileSync(path, 'utf8').match(/web: degraded_performance/g)).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toContain(
      `Checks of 127.0.0.1:${new URL(servers.url).port} are slow since 07:23 EST`,
    );
    servers.behaviour = 'up';
    await probeAt(dir, T0 + 20 * MIN);
    await probeAt(dir, T0 + 25 * MIN);
    const statuses = [...readFileSync(path, 'utf8').matchAll(/status: (\w+)/g)].map((match) => match[1]);
    expect(statuses).toEqual(['investigating', 'investigating', 'monitoring', 'resolved']);
    expect(checkSite(dir, { now: T0 + 30 * MIN }).problems).toEqual([]);
  });

  test('an open incident staff wrote for the component keeps the probe from opening another', async () => {
    const dir = site();
    writeFileSync(join(dir, 'status.config.yaml'), readFileSync(join(dir, 'status.config.yaml'), 'utf8'));
    const staffText = `---\ntitle: Web errors\nimpact: major\ncomponents:\n  web: partial_outage\nupdates:\n  - at: 2022-12-28T12:10:00Z\n    status: investigating\n    message: We are looking into errors.\n---\n`;
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(dir, 'incidents/2022'), { recursive: true });
    writeFileSync(join(dir, 'incidents/2022/2022-12-28-web-errors.md'), staffText);
    servers.behaviour = 'fail';
    for (const minutes of [0, 5, 10, 15]) await probeAt(dir, T0 + minutes * MIN);
    expect(incidentFiles(dir)).toEqual(['2022/2022-12-28-web-errors.md']);
    expect(readFileSync(join(dir, 'incidents/2022/2022-12-28-web-errors.md'), 'utf8')).toBe(staffText);
  });
});

// What a probed server sends is data, not markup: quoted so Markdown and HTML stay literal, cut to what the
// results reader accepts before it is written, characters our files refuse replaced; one hostile answer never
// costs the run, and the incident it opens passes check.
describe('what a server sends is recorded as data', () => {
  const family = '👨‍👩‍👧‍👦';
  test.each([
    ['a Markdown link', '[Reset your password here](https://evil.example/login)'],
    ['HTML', '<img src=x onerror=alert(1)><script>alert(1)</script>'],
    ['a bare address and an entity', 'see https://evil.example/login &amp; www.evil.example'],
    ['a heading and a list at the start of a line', '\n# Down\n- [x] evil'],
    ['a non-character, controls and a line break', 'a\uffffb\u0000c\u001b[31md\r\ne\u2028f'],
    ['a reason over 300 characters', 'x'.repeat(5_000)],
    ['an emoji family where the reason is cut', `${'y'.repeat(271)}${family.repeat(10)}`],
  ])('%s', async (_, status) => {
    servers.behaviour = 'wrong-body';
    servers.wrongBody = JSON.stringify({ status });
    const dir = site();
    writeFileSync(
      join(dir, 'status.config.yaml'),
      readFileSync(join(dir, 'status.config.yaml'), 'utf8').replace(
        `body_contains: '"status":"UP"'`,
        'json: { status: UP }',
      ),
    );
    try {
      await probeAt(dir, T0);
      const second = await probeAt(dir, T0 + 5 * MIN);
      // Recorded and read back: the reason is cut to the reader's 300 and holds nothing our files refuse.
      const [result] = readProbeData(dir).results;
      expect(readProbeData(dir).problems).toEqual([]);
      expect(result?.why?.length).toBeLessThanOrEqual(300);
      expect(result?.why).not.toMatch(/[\p{Cc}\uffff]/u);
      // Cut at a grapheme boundary: never a family without its last member, never a joiner left dangling.
      expect(result?.why).not.toMatch(/\u200d…|\u200d$/u);
      if (status.includes(family)) expect(result?.why).toMatch(new RegExp(`(${family})+…$`, 'u'));
      // One incident opens, that passes check, whose message shows the text and makes no link, image or script.
      expect(second.written.filter((path) => path.startsWith('incidents/'))).toHaveLength(1);
      const { problems, entries } = checkSite(dir, { now: T0 + 5 * MIN });
      expect(problems).toEqual([]);
      const html = renderMarkdown(entries[0]!.data.updates[0]!.message);
      expect(html).not.toMatch(/<(a|img|script|h1|ul|li|input)\b/);
      expect(html).toContain('status is &quot;');
      if (status.startsWith('[Reset')) expect(html).toContain('[Reset your password here](https://evil.example/login)');
      if (status.startsWith('<img')) expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    } finally {
      servers.wrongBody = '{"status":"DOWN"}';
    }
  });

  test('a header value from the environment with a line break costs its check only, naming the variable', async () => {
    servers.behaviour = 'up';
    const dir = site(`  - component: api
    url: ${servers.url}health
`);
    const lines: string[] = [];
    const run = await runProbe({
      dir,
      now: T0,
      env: { HEALTH_TOKEN: 'Bearer t0ken\n' },
      out: (line) => lines.push(line),
    });
    expect(run.results.map((result) => result.check)).toEqual(['api']);
    expect(run.refused).toEqual([
      'the environment variable HEALTH_TOKEN (header Authorization of check web) holds a line break (often one at its end, pasted from a file); a header value is printable text on one line: set the variable again without it',
    ]);
    expect(lines.join('\n')).not.toContain('t0ken');
    expect(lines).toContain(`error: ${run.refused[0]}; this check was not run`);
    // Nothing was measured of web: no result recorded for it, no incident opened.
    expect(readProbeData(dir).results.map((result) => result.check)).toEqual(['api']);
  });
});
