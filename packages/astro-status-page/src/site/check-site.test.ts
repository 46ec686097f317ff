import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { checkSite } from './check-site.ts';

const NOW = Date.parse('2022-12-28T13:00:00Z');

function siteWithHeaders(): string {
  const dir = mkdtempSync(join(tmpdir(), 'status-check-site-'));
  cpSync(resolve(import.meta.dirname, '../../tests/fixtures/basic'), dir, { recursive: true });
  cpSync(resolve(import.meta.dirname, '../../site-template/public'), join(dir, 'public'), { recursive: true });
  writeFileSync(join(dir, 'public/_headers'), "/*\n  Content-Security-Policy: script-src 'sha256-old='\n");
  return dir;
}

test("a site's own public/_headers is refused, naming it: the engine publishes _headers, whose script hashes change between releases", () => {
  const { problems, model } = checkSite(siteWithHeaders(), { now: NOW });
  expect(model).toBeUndefined();
  expect(problems).toEqual([
    expect.objectContaining({
      file: 'public/_headers',
      line: 1,
      field: 'file',
      message: expect.stringContaining('astro-status-page publishes _headers itself'),
    }),
  ]);
});

test('embedded in a larger site, the host keeps its own _headers', () => {
  expect(checkSite(siteWithHeaders(), { now: NOW, ownsRoot: false }).problems).toEqual([]);
});
