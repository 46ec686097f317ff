import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { main } from '../src/cli/main.ts';
import { ROOT } from './helpers/build.ts';

// TTNRT's cState site (tests/fixtures/cstate-ttnrt, from github.com/TTNRT/status-code)
// has `baseURL: /`: the page's address is not in the source, so the import asks for it.
const TTNRT = resolve(ROOT, 'tests/fixtures/cstate-ttnrt');

let site: string;
beforeEach(() => {
  site = mkdtempSync(join(tmpdir(), 'status-import-url-'));
});
afterEach(() => rmSync(site, { recursive: true, force: true }));

async function status(...argv: string[]): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const collect = (line: string) => lines.push(line);
  const code = await main(argv, { dir: site, now: Date.parse('2024-06-01T00:00:00Z'), env: {}, out: collect }, collect);
  return { code, output: lines.join('\n') };
}

test('a source without an absolute address writes nothing and says to pass --url', async () => {
  const { code, output } = await status('import', 'cstate', TTNRT);
  expect(code).toBe(1);
  expect(output).toContain(
    'the imported status.config.yaml would not be valid, so nothing was written: url: is not an absolute URL',
  );
  expect(output).toContain('(the source gave "/"; pass the page\'s address with --url)');
});

test('--url gives the address: the import is written and passes check', async () => {
  const { code, output } = await status('import', 'cstate', TTNRT, '--url', 'https://status.ttnrtsite.me');
  expect(output).toContain(
    'Imported from cState: 6 components, 1 incident, 0 maintenance, 0 skipped; 2023-11-25 to 2023-11-25 (1 created, 0 updated, 0 unchanged).',
  );
  expect(code).toBe(0);
  expect(readFileSync(join(site, 'status.config.yaml'), 'utf8')).toContain('url: https://status.ttnrtsite.me\n');
  expect(await status('check')).toMatchObject({ code: 0 });
});

// Telerik Platform's incidents.json (tests/fixtures/statuspage-real/README.md) as the public app saved it:
// its incidents without the page object, which the fixture adds back; removed again here.
function trimmedTelerik(): string {
  const dir = join(site, '..', `${site.split('/').at(-1)}-export`);
  mkdirSync(dir, { recursive: true });
  const saved = JSON.parse(
    readFileSync(resolve(ROOT, 'tests/fixtures/statuspage-real/telerik-incidents/incidents.json'), 'utf8'),
  ) as { page?: unknown; incidents: unknown[] };
  writeFileSync(join(dir, 'incidents.json'), JSON.stringify({ incidents: saved.incidents }));
  return dir;
}

test('an export without its page object: refused without --url, saying so; with --url, imported with that address', async () => {
  const dir = trimmedTelerik();
  try {
    const refused = await status('import', 'statuspage', dir);
    expect(refused.code).toBe(1);
    expect(refused.output).toContain("give the page's address with --url https://status.example.com");
    const { code, output } = await status('import', 'statuspage', dir, '--url', 'https://status.telerik.com');
    expect(output).toContain('Imported from Statuspage: 1 component, 3 incidents, 0 maintenance, 0 skipped');
    expect(output).toContain('no file names the page: its address is https://status.telerik.com');
    expect(code).toBe(0);
    const config = readFileSync(join(site, 'status.config.yaml'), 'utf8');
    expect(config).toContain('name: status.telerik.com\nurl: https://status.telerik.com\n');
    expect(await status('check')).toMatchObject({ code: 0 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
