import { cpSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, test } from 'vitest';
import { checkSite } from './check-site.ts';
import { refuseLinksLeavingSite } from '../files/site-links.ts';

const NOW = Date.parse('2022-12-28T13:00:00Z');

function siteWithPublic(): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'status-check-site-')));
  cpSync(resolve(import.meta.dirname, '../../tests/fixtures/basic'), dir, { recursive: true });
  cpSync(resolve(import.meta.dirname, '../../site-template/public'), join(dir, 'public'), { recursive: true });
  return dir;
}

function siteWithHeaders(): string {
  const dir = siteWithPublic();
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

// Nothing outside the site is read or published: a link, or the folder itself, leading outside any folder the
// site is read from (incidents/, templates/, probes/) or published from (public/, copied as it is) is refused.
test.each<[string, (site: string, outside: string) => void, string]>([
  [
    'a file in public/ (the logo)',
    (site, out) => symlinkSync(join(out, 'secret.txt'), join(site, 'public/status-logo.svg')),
    'public/status-logo.svg',
  ],
  ['a folder in public/', (site, out) => symlinkSync(out, join(site, 'public/assets')), 'public/assets'],
  [
    'a file deep in a real folder of public/',
    (site, out) => {
      mkdirSync(join(site, 'public/a/b'), { recursive: true });
      symlinkSync(join(out, 'secret.txt'), join(site, 'public/a/b/c.txt'));
    },
    'public/a/b/c.txt',
  ],
  [
    'public/ itself',
    (site, out) => {
      rmSync(join(site, 'public'), { recursive: true });
      symlinkSync(out, join(site, 'public'));
    },
    'public',
  ],
  [
    'incidents/ itself',
    (site, out) => {
      cpSync(join(site, 'incidents'), join(out, 'incidents'), { recursive: true });
      rmSync(join(site, 'incidents'), { recursive: true });
      symlinkSync(join(out, 'incidents'), join(site, 'incidents'));
    },
    'incidents',
  ],
  ['templates/ itself', (site, out) => symlinkSync(out, join(site, 'templates')), 'templates'],
  ['probes/ itself', (site, out) => symlinkSync(out, join(site, 'probes')), 'probes'],
  [
    'a results file in probes/',
    (site, out) => {
      mkdirSync(join(site, 'probes/results'), { recursive: true });
      symlinkSync(join(out, 'secret.txt'), join(site, 'probes/results/2022-12-28.jsonl'));
    },
    'probes/results/2022-12-28.jsonl',
  ],
])('a link leaving the site is refused with its path and where it points: %s', (_, link, file) => {
  const site = siteWithPublic();
  const outside = realpathSync(mkdtempSync(join(tmpdir(), 'status-outside-')));
  writeFileSync(join(outside, 'secret.txt'), 'root:x:0:0');
  link(site, outside);
  const { problems, model } = checkSite(site, { now: NOW });
  expect(model).toBeUndefined();
  expect(problems).toContainEqual({
    file,
    line: 1,
    field: 'file',
    message: expect.stringMatching(
      new RegExp(`^is a link to ${outside}(/secret\\.txt|/incidents)?, outside the site folder`),
    ),
  });
  expect(problems.filter((problem) => problem.file === file)).toHaveLength(1);
  // The commands that read and write the site (the CLI's loadSite, probe) refuse too, before anything is read or written.
  if (!file.startsWith('public'))
    expect(() => refuseLinksLeavingSite(site)).toThrow(`${file}:1: file: is a link to ${outside}`);
});

test('links inside the site are fine, and a link that leads nowhere under public/ is refused', () => {
  const site = siteWithPublic();
  writeFileSync(join(site, 'brand.svg'), '<svg/>');
  symlinkSync(join(site, 'brand.svg'), join(site, 'public/brand.svg'));
  expect(checkSite(site, { now: NOW }).problems).toEqual([]);
  symlinkSync(join(site, 'gone.svg'), join(site, 'public/gone.svg'));
  expect(checkSite(site, { now: NOW }).problems).toEqual([
    expect.objectContaining({ file: 'public/gone.svg', message: expect.stringContaining('which does not exist') }),
  ]);
});
