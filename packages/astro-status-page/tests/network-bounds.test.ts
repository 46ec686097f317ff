import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CHIRP, ROOT, STATUS_CLI, TMP } from './helpers/build.ts';
import { AWAY, HTML_SECRET, startHostileServer, type HostileServer } from './helpers/hostile-server.ts';
import { childEnv } from './helpers/child-env.ts';
import { writeFullApiAt } from './helpers/api-at.ts';
import { serveStatic } from './helpers/static-server.ts';
import { API_FILE_MAX_BYTES } from '../src/notify/snapshot.ts';

/*
 * Every command that reads from the network, as a child process against a
 * server on 127.0.0.1 that answers without end, with a 5 GB body, or a byte
 * at a time: each stops at its size cap or its deadline, says which with
 * the address, and its peak memory (GNU time's maximum resident set size)
 * stays under 300 MB.
 */

const MAX_RSS_KB = 300 * 1024;
const NOW = '2022-12-28T16:00:00Z';

let server: HostileServer;
let dir: string;
beforeAll(async () => {
  server = await startHostileServer();
  mkdirSync(TMP, { recursive: true });
  dir = mkdtempSync(join(TMP, 'network-bounds-'));
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Ran {
  code: number | null;
  out: string;
  err: string;
  maxRssKb: number;
  ms: number;
}

/** Run `node <args>` under /usr/bin/time -v in `cwd`; the time's report is taken out of stderr. */
function measured(cwd: string, args: string[]): Promise<Ran> {
  const started = Date.now();
  const child = spawn('/usr/bin/time', ['-v', process.execPath, ...args], {
    cwd,
    env: childEnv({ STATUS_NOW: NOW }),
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (chunk) => (out += chunk));
  child.stderr.on('data', (chunk) => (err += chunk));
  return new Promise((done) =>
    child.on('close', (code) => {
      const report = err.lastIndexOf('\tCommand being timed:');
      if (process.env['SHOW_RSS'])
        console.log(
          args.slice(1, 3).join(' '),
          /Maximum resident set size \(kbytes\): (\d+)/.exec(err)?.[1],
          'kB',
          Date.now() - started,
          'ms',
        );
      const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(err.slice(report));
      done({
        code,
        out,
        err: err.slice(0, report).replace(/^Command exited with non-zero status \d+\n/m, ''),
        maxRssKb: Number(rss?.[1]),
        ms: Date.now() - started,
      });
    }),
  );
}

const status = (cwd: string, ...args: string[]) => measured(cwd, [STATUS_CLI, ...args]);

describe('status watch', () => {
  test('endless, 5 GB and trickling hosts: each cut at its cap or deadline, under 300 MB however many', async () => {
    // Hosts are read one after the other, each host's four files at once, each stopped at its cap.
    const hosts = ['endless', 'huge', 'trickle', 'endless', 'huge', 'endless', 'huge'].map(
      (kind, n) => `${server.url}/${kind}/${'x/'.repeat(n)}`,
    );
    const run = await status(CHIRP, 'watch', '--timeout', '2', ...hosts.flatMap((url) => ['--live', url]));
    const lines = run.out.trim().split('\n');
    // The host's files are read at once; whichever overflows first is named.
    const file = String.raw`api/v2/[a-z-]+\.json`;
    const over = 'the answer is over 2 MB, the most read; not read further';
    const late = String.raw`the answer did not end within 2 s \(\d+ bytes read\), the longest waited`;
    expect(lines[hosts.length]).toBe('staff-slack (slack, staff): off, STAFF_SLACK_WEBHOOK_URL not set: not alerted');
    hosts.forEach((host, n) =>
      expect(lines[n]).toMatch(
        new RegExp(`^${host}: unreachable: ${host.includes('trickle') ? late : `${host}${file}: ${over}`}$`),
      ),
    );
    expect(run.code).toBe(1);
    expect(run.maxRssKb).toBeGreaterThan(0);
    expect(run.maxRssKb).toBeLessThan(MAX_RSS_KB);
    // A flooding host costs the time to its cap, the trickling one its deadline.
    expect(run.ms).toBeLessThan(15_000);
  }, 30_000);

  test('hosts whose every API file is well-formed JSON just under 2 MB: each read and judged, under 300 MB however many', async () => {
    const root = mkdtempSync(join(dir, 'full-'));
    writeFullApiAt(CHIRP, '2022-12-28T15:30:00Z', join(root, 'api', 'v2'), API_FILE_MAX_BYTES - 100);
    const sizes = readdirSync(join(root, 'api', 'v2')).map((file) => statSync(join(root, 'api', 'v2', file)).size);
    expect(sizes.filter((size) => size > API_FILE_MAX_BYTES - 2_000)).toHaveLength(3);
    const host = await serveStatic(root);
    try {
      // Ten mirrors: hosts are read one after the other, each host's parsed files let go before the next.
      const hosts = Array.from({ length: 10 }, () => `${host.url}/`);
      const run = await status(CHIRP, 'watch', '--timeout', '5', ...hosts.flatMap((url) => ['--live', url]));
      const lines = run.out.trim().split('\n');
      expect(lines.slice(0, hosts.length)).toEqual(
        hosts.map(() => expect.stringMatching(/: OK, build [0-9a-f]{12} of 2022-12-28T15:30Z, 30 min old$/)),
      );
      expect(lines.slice(0, hosts.length).every((line, n) => line.startsWith(`${hosts[n]}: `))).toBe(true);
      expect(run.code).toBe(0);
      expect(run.maxRssKb).toBeLessThan(MAX_RSS_KB);
    } finally {
      await host.close();
    }
  }, 60_000);

  test('a host answering HTML where JSON belongs is named, its bytes never printed', async () => {
    const run = await status(CHIRP, 'watch', '--timeout', '2', '--live', `${server.url}/html/`);
    expect(run.out).toMatch(/: it is HTML or XML, not JSON \(50 bytes\): an error page\?/);
    expect(run.out + run.err).not.toContain(HTML_SECRET);
  }, 30_000);
});

test("notify's --previous address: an endless answer is cut at the cap, under 300 MB", async () => {
  const snapshot = resolve(ROOT, 'src/notify/snapshot.ts');
  const script = `import(${JSON.stringify(snapshot)}).then((m) => m.loadPrevious(process.argv[1], 5000)).then(() => console.log('read'), (e) => console.log(e.message))`;
  const run = await measured(dir, ['-e', script, `${server.url}/endless/`]);
  expect(run.out.trim()).toBe(
    `${server.url}/endless/api/v2/notify-index.json: the answer is over 2 MB, the most read; not read further`,
  );
  expect(run.maxRssKb).toBeLessThan(MAX_RSS_KB);
}, 30_000);

test('status import statuspage <address>: an endless answer stops the import at 5 MB, under 300 MB, writing nothing', async () => {
  const site = mkdtempSync(join(dir, 'import-'));
  const run = await status(site, 'import', 'statuspage', `${server.url}/endless`);
  expect(run.err.trim()).toBe(
    `error: ${server.url}/endless/api/v2/components.json: the answer is over 5 MB, the most read; not read further`,
  );
  expect(run.code).toBe(1);
  expect(run.maxRssKb).toBeLessThan(MAX_RSS_KB);
  expect(readdirSync(site)).toEqual([]);
}, 30_000);

describe('status probe', () => {
  let run: Ran;
  let site: string;
  beforeAll(async () => {
    site = mkdtempSync(join(dir, 'probe-'));
    const check = (name: string, path: string, more = '') =>
      `  - name: ${name}\n    component: web\n    url: ${server.url}${path}\n    timeout: 2000\n${more}`;
    writeFileSync(
      join(site, 'status.config.yaml'),
      `name: Chirp\nurl: https://status.chirp.example\ntimezone: UTC\ngroups:\n  - name: Apps\n    components:\n      - id: web\n        name: Web\nprobes:\n${[
        check('endless', '/endless/health', '    expect:\n      json:\n        status: UP\n'),
        check('huge', '/huge/health'),
        check('trickle', '/trickle/health'),
        check('moved', '/moved/3'),
        check('away', '/away'),
        check('loop', '/loop'),
      ].join('')}`,
    );
    run = await status(site, 'probe');
  }, 30_000);

  test('an endless or 5 GB answer is read up to 1 MB, judged on that, under 300 MB', () => {
    expect(run.out).toContain(
      'endless (web): FAILED, the answer is over 1 MB, the most a check reads, so it is not read as JSON',
    );
    // Only the status was asked for: the first megabyte carries it.
    expect(run.out).toMatch(/huge \(web\): ok, HTTP 200 in \d+ ms/);
    expect(run.maxRssKb).toBeLessThan(MAX_RSS_KB);
  });

  test('a trickling answer fails at the check’s timeout, for the whole answer', () => {
    expect(run.out).toMatch(
      /trickle \(web\): FAILED, the answer did not end within 2 s \(\d+ bytes read\), the longest waited/,
    );
  });

  test('a redirect within the site is followed and the page it leads to judged; one to another host is named, not followed', () => {
    expect(run.out).toMatch(/moved \(web\): ok, HTTP 200 in \d+ ms/);
    expect(server.seen).toContain('/health');
    expect(run.out).toContain(`away (web): FAILED, HTTP 301: redirected to ${AWAY}, not followed`);
    expect(run.out).toContain(
      `loop (web): FAILED, more than 5 redirects (the last to ${server.url}/loop), not followed further`,
    );
    const results = readFileSync(join(site, 'probes/results/2022-12-28.jsonl'), 'utf8');
    expect(results).toContain(`"why":"HTTP 301: redirected to ${AWAY}, not followed"`);
  });
});
