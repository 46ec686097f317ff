import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { ROOT } from './helpers/build.ts';
import { statusIn, statusInAsync } from './helpers/import.ts';
import { serveStatic } from './helpers/static-server.ts';

const STATUSPAGE = resolve(ROOT, 'tests/fixtures/statuspage');
const CSTATE = resolve(ROOT, 'tests/fixtures/cstate');
const OUTAGE = 'incidents/2024/2024-05-02-rest-api-errors-and-failed-webhooks.md';

let site: string;
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'status-import-cli-'));
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

const status = (...args: string[]) => statusIn(site, args);
const files = () =>
  existsSync(join(site, 'incidents'))
    ? readdirSync(join(site, 'incidents'), { recursive: true, encoding: 'utf8' })
        .filter((name) => name.endsWith('.md'))
        .sort()
    : [];

describe('import statuspage <folder>', () => {
  test('writes the config and a file per incident and maintenance that pass check, and prints the summary', () => {
    const { code, out, err } = status('import', 'statuspage', STATUSPAGE);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toContain('status.config.yaml: created (5 components in 3 groups)');
    expect(out).toContain(`created: ${OUTAGE}`);
    expect(out).toContain('skipped: statuspage k2v8d7r1z0pq "Resolved twice": it was resolved twice in a row');
    expect(out).toContain(
      'Imported from Statuspage: 5 components, 2 incidents, 2 maintenance, 1 skipped; 2024-04-20 to 2024-05-10 (4 created, 0 updated, 0 unchanged).',
    );
    expect(files()).toHaveLength(4);
    expect(status('check').out).toContain('OK: 2 incidents and 2 maintenance windows in 4 files');
  });

  test('--dry-run lists what would be written and writes nothing', () => {
    const { code, out } = status('import', 'statuspage', STATUSPAGE, '--dry-run');
    expect(code).toBe(0);
    expect(out).toContain(`created: ${OUTAGE}`);
    expect(out).toContain('Dry run: nothing was written.');
    expect(readdirSync(site)).toEqual([]);
  });

  test('a second import updates an edited file in place and changes nothing else', () => {
    status('import', 'statuspage', STATUSPAGE);
    const original = readFileSync(join(site, OUTAGE), 'utf8');
    writeFileSync(join(site, OUTAGE), original.replace('title: REST API errors', 'title: REST API trouble'));
    const { out } = status('import', 'statuspage', STATUSPAGE);
    expect(out).toContain(`updated: ${OUTAGE}`);
    expect(out).toContain('(0 created, 1 updated, 3 unchanged)');
    expect(readFileSync(join(site, OUTAGE), 'utf8')).toBe(original);
    expect(files()).toHaveLength(4);
  });

  test('never overwrites a hand-written file (no source) without --force', () => {
    mkdirSync(join(site, 'incidents/2024'), { recursive: true });
    writeFileSync(join(site, OUTAGE), '---\ntitle: Ours\n---\n');
    const refused = status('import', 'statuspage', STATUSPAGE);
    expect(refused.out).toContain(
      `skipped: statuspage p31zjtct2jer "REST API errors and failed webhooks": ${OUTAGE} exists and was not imported (it has no source); pass --force to replace it`,
    );
    expect(readFileSync(join(site, OUTAGE), 'utf8')).toBe('---\ntitle: Ours\n---\n');
    const forced = status('import', 'statuspage', STATUSPAGE, '--force');
    expect(forced.out).toContain(`updated: ${OUTAGE}`);
    expect(readFileSync(join(site, OUTAGE), 'utf8')).toContain('statuspage: p31zjtct2jer');
  });

  test('refuses to replace a different status.config.yaml without --force, writing nothing', () => {
    writeFileSync(join(site, 'status.config.yaml'), 'name: Ours\n');
    const { code, err } = status('import', 'statuspage', STATUSPAGE);
    expect(code).toBe(1);
    expect(err).toBe(
      'error: status.config.yaml exists and its components differ from the imported ones; nothing was written. Pass --force to replace it (incident files name components by id), or import into an empty folder.\n',
    );
    expect(files()).toEqual([]);
  });

  test('a source that is not there, or not Statuspage JSON, is a clear error', () => {
    expect(status('import', 'statuspage', join(site, 'nowhere')).err).toBe(
      `error: ${join(site, 'nowhere')} is not a folder or an http(s) URL\n`,
    );
    writeFileSync(join(site, 'components.json'), '{"page": {"name": "X"}, "components": [{"id": 1}]}');
    expect(status('import', 'statuspage', site).err).toMatch(
      /^error: .*components\.json is not Statuspage's format: components\.0\.id: .*\n$/,
    );
    expect(status('import', 'statuspag', site).err).toContain('Did you mean "statuspage"?');
    // A damaged file is named and described, its bytes never echoed.
    writeFileSync(join(site, 'components.json'), '<!DOCTYPE html><title>\u001b[2J502</title>');
    expect(status('import', 'statuspage', site).err).toBe(
      `error: ${join(site, 'components.json')}: it is HTML or XML, not JSON (37 bytes): an error page?\n`,
    );
  });

  test("another page's text stays text: characters no file can hold are replaced, markup stays literal, controls never reach the terminal", () => {
    const source = join(site, 'source');
    cpSync(STATUSPAGE, source, { recursive: true });
    const api = join(source, 'api/v2');
    type Export = {
      incidents: Array<{ name: string; incident_updates: Array<{ body: string }> }>;
      components: Array<{ name: string }>;
    };
    const edit = (file: string, change: (json: Export) => void) => {
      const json = JSON.parse(readFileSync(join(api, file), 'utf8'));
      change(json);
      writeFileSync(join(api, file), JSON.stringify(json));
    };
    const title = '[Reset your password](https://evil.example/login) <b>now</b>';
    edit('incidents.json', (json) => {
      json.incidents[0]!.name = `${title} \uFFFF\u001b[2J`;
      json.incidents[0]!.incident_updates[0]!.body = 'Fixed \uFFFF **soon**, see [the notes](https://ok.example).';
    });
    edit('components.json', (json) => (json.components[0]!.name = '[api](https://evil.example) \uFFFF'));
    mkdirSync(join(site, 'out'));
    const imported = statusIn(join(site, 'out'), ['import', 'statuspage', source]);
    expect(imported.err).toBe('');
    expect(imported.code).toBe(0);
    expect(imported.out.replaceAll('\n', '')).not.toMatch(/\p{Cc}/u);
    expect(statusIn(join(site, 'out'), ['check']).code).toBe(0);
    const written = readdirSync(join(site, 'out', 'incidents'), { recursive: true, encoding: 'utf8' })
      .filter((name) => name.endsWith('.md'))
      .map((name) => readFileSync(join(site, 'out', 'incidents', name), 'utf8'))
      .join('\n');
    // The title is a YAML string, shown as text; U+FFFF and the escape became U+FFFD.
    expect(written).toContain(`title: "${title} \uFFFD\uFFFD[2J"`);
    // The update's text was Markdown by its author's intent: it stays Markdown.
    expect(written).toContain('Fixed \uFFFD **soon**, see [the notes](https://ok.example).');
    expect(readFileSync(join(site, 'out', 'status.config.yaml'), 'utf8')).toContain(
      'name: "[api](https://evil.example) \uFFFD"',
    );
  });
});

test('import statuspage <url> reads the public API of a page served on 127.0.0.1', async () => {
  const server = await serveStatic(STATUSPAGE);
  try {
    const { code, out } = await statusInAsync(site, ['import', 'statuspage', `${server.url}/`]);
    expect(code).toBe(0);
    expect(out).toContain(
      'Imported from Statuspage: 5 components, 2 incidents, 2 maintenance, 1 skipped; 2024-04-20 to 2024-05-10 (4 created, 0 updated, 0 unchanged).',
    );
  } finally {
    await server.close();
  }
  // The same port, now closed.
  const unreachable = await statusInAsync(site, ['import', 'statuspage', server.url]);
  expect(unreachable.err).toBe(`error: could not reach ${server.url}/api/v2/components.json: ECONNREFUSED\n`);
});

test('import cstate <folder> writes files that pass check', () => {
  const { code, out } = status('import', 'cstate', CSTATE);
  expect(code).toBe(0);
  expect(out).toContain(
    'Imported from cState: 4 components, 4 incidents, 0 maintenance, 0 skipped; 2024-03-01 to 2024-05-03 (4 created, 0 updated, 0 unchanged).',
  );
  expect(status('check').code).toBe(0);
  expect(status('import', 'cstate', CSTATE).out).toContain('(0 created, 0 updated, 4 unchanged)');
});

// The management API, as a local server: paginated, and only for the right key.
describe('import statuspage --page-id (management API)', () => {
  const KEY = 'sk-test-5f2c9e1a7b';
  const PAGE = 'y2j98763l56x';
  const COUNT = 230;
  const requests: string[] = [];
  let server: Server;
  let apiUrl: string;
  const fixture = (name: string) =>
    JSON.parse(readFileSync(join(STATUSPAGE, 'api/v2', name), 'utf8')) as Record<
      string,
      Array<Record<string, unknown>>
    >;

  /** COUNT resolved incidents, a day apart, the newest first as the API lists them; the first has a postmortem. */
  const incidents = Array.from({ length: COUNT }, (_, i) => {
    const start = Date.parse('2024-05-01T10:00:00Z') - i * 86_400_000;
    const at = (minutes: number) => new Date(start + minutes * 60_000).toISOString();
    const update = (status: string, minutes: number, new_status: string) => ({
      status,
      body: `${status} ${i}`,
      created_at: at(minutes),
      display_at: at(minutes),
      affected_components: [{ code: 'cgfzr0hg2k8w', name: 'REST API', old_status: 'operational', new_status }],
    });
    return {
      id: `inc${i}`,
      name: `API errors ${i}`,
      status: 'resolved',
      impact: 'major',
      created_at: at(0),
      started_at: at(0),
      incident_updates: [update('resolved', 30, 'operational'), update('investigating', 0, 'partial_outage')],
      components: [{ id: 'cgfzr0hg2k8w' }],
      postmortem_body: i === 0 ? '<p>The database ran out of <em>connections</em>.</p>' : null,
      postmortem_published_at: i === 0 ? at(24 * 60) : null,
      scheduled_for: null,
      scheduled_until: null,
    };
  });

  function respond(request: IncomingMessage): { status: number; body: unknown } {
    if (request.headers.authorization !== `OAuth ${KEY}`)
      return { status: 401, body: { error: 'Could not authenticate' } };
    const url = new URL(request.url ?? '/', 'http://x');
    const page = Number(url.searchParams.get('page') ?? 1);
    const perPage = Number(url.searchParams.get('per_page') ?? 100);
    const paginate = (items: unknown[]) => items.slice((page - 1) * perPage, page * perPage);
    const components = fixture('components.json')['components']!;
    switch (url.pathname) {
      case `/v1/pages/${PAGE}`:
        return {
          status: 200,
          body: {
            id: PAGE,
            name: 'Acme',
            domain: 'status.acme.example',
            subdomain: 'acme',
            url: 'https://acme.example',
          },
        };
      case `/v1/pages/${PAGE}/components`:
        return { status: 200, body: paginate(components.filter((component) => !component['group'])) };
      case `/v1/pages/${PAGE}/component-groups`:
        return { status: 200, body: paginate(components.filter((component) => component['group'])) };
      case `/v1/pages/${PAGE}/incidents`:
        return {
          status: 200,
          body: paginate([...fixture('scheduled-maintenances.json')['scheduled_maintenances']!, ...incidents]),
        };
      default:
        return { status: 404, body: { error: 'not found' } };
    }
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      requests.push(request.url ?? '');
      const { status, body } = respond(request);
      response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  });
  afterAll(() => new Promise<void>((done) => server.close(() => done())));

  test('reads every page of the whole history with the key from the environment, and never prints the key', async () => {
    requests.length = 0;
    const { code, out, err } = await statusInAsync(
      site,
      ['import', 'statuspage', '--page-id', PAGE, '--api-url', apiUrl],
      { STATUSPAGE_API_KEY: KEY },
    );
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(requests.filter((url) => url.includes('/incidents?'))).toEqual(
      [1, 2, 3].map((page) => `/v1/pages/${PAGE}/incidents?page=${page}&per_page=100`),
    );
    expect(out).toContain(
      `Imported from Statuspage: 5 components, ${COUNT} incidents, 2 maintenance, 0 skipped; 2023-09-15 to 2024-05-10 (${COUNT + 2} created, 0 updated, 0 unchanged).`,
    );
    expect(out + err).not.toContain(KEY);
    expect(readFileSync(join(site, 'status.config.yaml'), 'utf8')).toContain('url: https://status.acme.example\n');
    const newest = readFileSync(join(site, 'incidents/2024/2024-05-01-api-errors-0.md'), 'utf8');
    expect(newest).toContain('postmortem_at: 2024-05-02T10:00:00Z\n');
    expect(newest).toMatch(/---\nThe database ran out of \*connections\*\.\n$/);
    expect(statusIn(site, ['check']).code).toBe(0);
  });

  test('a wrong or missing key is a clear error that does not show the key', async () => {
    const wrong = await statusInAsync(site, ['import', 'statuspage', '--page-id', PAGE, '--api-url', apiUrl], {
      STATUSPAGE_API_KEY: 'sk-wrong-key-0000',
    });
    expect(wrong.code).toBe(1);
    expect(wrong.err).toBe(
      `error: ${apiUrl}/pages/${PAGE} refused the API key (HTTP 401); check STATUSPAGE_API_KEY and --page-id\n`,
    );
    expect(wrong.out + wrong.err).not.toContain('sk-wrong-key-0000');
    const missing = await statusInAsync(site, ['import', 'statuspage', '--page-id', PAGE, '--api-url', apiUrl], {
      STATUSPAGE_API_KEY: '',
    });
    expect(missing.err).toContain('set STATUSPAGE_API_KEY in the environment');
    expect(readdirSync(site)).toEqual([]);
  });
});
