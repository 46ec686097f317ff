import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, expect, test } from 'vitest';
import { seededRandom } from '../bench/generate.ts';
import { LIMITS } from '../src/rules/limits.ts';
import { buildSite, CHIRP, outDir, TMP } from './helpers/build.ts';
import { builtPages, page, text } from './helpers/pages.ts';

// Every page stays within its budget with content at every limit: a busy
// month of incidents whose titles, messages, timelines and postmortems are
// all as long as allowed (natural-language text: distinct words, not one
// repeated string that gzip would fold away).
const NOW = Date.parse('2023-03-01T12:00:00Z');
const WORDS =
  'the a we our login posting timeline users some many requests errors servers database region network cache deploy rollback change fix monitor slow failing restored again after before during while because traffic load queue retry latency timeout partial service app web ios android api messages notifications search upload media images video links accounts sessions tokens password reset email delivery delayed investigating identified cause working engineers team customers apologise update minutes hours shortly expect next'.split(
    ' ',
  );

function prose(random: () => number, bytes: number): string {
  let text = '';
  while (text.length < bytes) text += `${WORDS[Math.floor(random() * WORDS.length)]}${random() < 0.1 ? '. ' : ' '}`;
  return text.slice(0, bytes).trim();
}

function incident(random: () => number, start: number, open: boolean): string {
  const updates = Array.from({ length: LIMITS.updates }, (_, i) => {
    const status = !open && i === LIMITS.updates - 1 ? 'resolved' : 'identified';
    return `  - at: ${new Date(start + i * 60_000).toISOString()}\n    status: ${status}\n    message: ${JSON.stringify(prose(random, LIMITS.messageBytes))}`;
  });
  return `---\ntitle: ${JSON.stringify(prose(random, LIMITS.titleBytes).replace(/\n/g, ' '))}\nimpact: major\ncomponents:\n  web: partial_outage\n  login: degraded_performance\nupdates:\n${updates.join('\n')}\n---\n${prose(random, LIMITS.bodyBytes)}\n`;
}

const site = resolve(TMP, 'limits-budget/site');
beforeAll(() => {
  const random = seededRandom(9);
  mkdirSync(join(site, 'incidents'), { recursive: true });
  writeFileSync(join(site, 'status.config.yaml'), readFileSync(join(CHIRP, 'status.config.yaml')));
  // Eight open incidents, and six a day for the past 20 days.
  for (let i = 0; i < 8; i++)
    writeFileSync(join(site, `incidents/open-${i}.md`), incident(random, NOW - (i + 1) * 3_600_000, true));
  for (let day = 1; day <= 20; day++) {
    for (let i = 0; i < 6; i++)
      writeFileSync(
        join(site, `incidents/past-${day}-${i}.md`),
        incident(random, NOW - day * 86_400_000 - i * 7_200_000, false),
      );
  }
  const { status, output } = buildSite({ name: 'limits-budget', siteDir: site, now: new Date(NOW).toISOString() });
  if (status !== 0) throw new Error(output);
}, 300_000);

const gzipped = (path: string) =>
  gzipSync(readFileSync(join(outDir('limits-budget'), path.endsWith('/') ? `${path}index.html` : path))).length;

test('the home page fits the first round trip (14 KB gzipped) with every text at its limit', () => {
  expect(gzipped('/')).toBeLessThanOrEqual(14 * 1024);
});

test('a card shows the start of a long update and links to the whole of it on the incident page', () => {
  const card = page('limits-budget', '/').querySelector('#active ~ article')!;
  const shown = text(card.querySelector('.message'));
  expect(Buffer.byteLength(shown)).toBeLessThanOrEqual(LIMITS.cardMessageBytes);
  const link = card.querySelector('.read-full a')!;
  expect(text(link)).toMatch(/^Read the full update on /);
  const [path, anchor] = link.getAttribute('href')!.split('#');
  const full = text(page('limits-budget', path!).querySelector(`[id="${anchor}"]`));
  expect(full).toContain(shown);
  expect(full.length).toBeGreaterThan(shown.length + 400);
});

test('of eight open incidents, the home page shows five cards and counts the rest', () => {
  const home = page('limits-budget', '/');
  expect(home.querySelectorAll('#active ~ article')).toHaveLength(5);
  expect(text(home.querySelector('#active ~ p a'))).toBe(
    '3 more open incidents, less severe, are in the incident history',
  );
});

test('no page is over 50 KB gzipped, the longest incident included', () => {
  const sizes = builtPages('limits-budget').map((path) => [path, gzipped(path)] as const);
  expect(sizes.length).toBeGreaterThan(120);
  expect(sizes.filter(([, size]) => size > 50 * 1024)).toEqual([]);
});
