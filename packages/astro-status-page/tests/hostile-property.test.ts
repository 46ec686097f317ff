import fc from 'fast-check';
import { SyntaxValidator } from 'fast-xml-validator';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import ICAL from 'ical.js';
import { parse } from 'node-html-parser';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { checkSite } from '../src/site/check-site.ts';
import { formatProblem } from '../src/files/validate.ts';
import { isolate } from '../src/rules/text.ts';
import { BUILD_SCRIPT, copySite, runScript } from './helpers/site-copy.ts';

// Property (fast-check): whatever a careless or hostile person types as a
// title, a message or a body, either `check` refuses the file with a located,
// readable message, or the build succeeds, every output parses, and the text
// reaches readers exactly as written.
const NOW = '2022-12-31T00:00:00Z';
const FORBIDDEN = ['\u0000', '\u0001', '\u001b[31m', '\u007f', '\u0085', '\ufffe', '\u{10ffff}', '\ud800', '\udc00'];
const PIECES = [
  ...['\u202e', '\u200f', '\u2028', 'مرحبا', 'שלום', '🔥', '👩‍💻', 'é', '\u0301'],
  ...['<', '>', '&', '"', "'", ']]>', '<![CDATA[', '&amp;', '<script>', '</title>', '--'],
  ...[
    '*',
    '_',
    '`',
    '[x](',
    'https://example.com',
    'javascript:',
    '//evil.example',
    '#',
    '> ',
    '- ',
    '1. ',
    '\n',
    '\n\n',
    '  ',
    '\t',
    '\\',
    '{{',
    '%s',
  ],
  ...['a', 'b', ' ', 'Login', 'failing'],
];
// Mostly text that may be published, sometimes with a character that may not, so both paths are exercised.
const text = (max: number) =>
  fc
    .array(
      fc.oneof(
        { arbitrary: fc.constantFrom(...PIECES), weight: 60 },
        { arbitrary: fc.constantFrom(...FORBIDDEN), weight: 1 },
      ),
      { minLength: 1, maxLength: max },
    )
    .map((parts) => parts.join(''));
// Pieces that no rule refuses anywhere: no line break (titles are one line), no link
// that could form an unsafe one, short enough (at most 19 bytes) for every limit.
const SAFE_PIECES = PIECES.filter((piece) => !/[\n\u2028]/.test(piece) && piece !== 'javascript:' && piece !== '[x](');
const cleanText = (max: number) =>
  fc.array(fc.constantFrom(...SAFE_PIECES), { minLength: 1, maxLength: max }).map((parts) => parts.join(''));
const deepMarkdown = fc
  .integer({ min: 1, max: 24 })
  .chain((depth) => fc.constantFrom('> ', '- ', '* ', '1. ').map((marker) => `${marker.repeat(depth)}deep`));
const anIncident = fc.record({ title: text(12), message: text(30), body: fc.oneof(text(40), deepMarkdown) });
// Every run also holds one incident that must be refused (a forbidden character
// in its title) and one that must be published (words first, no forbidden
// character, too short to nest past the limit), so both paths are taken on every seed.
const aRefusedIncident = fc.record({
  title: fc.tuple(cleanText(6), fc.constantFrom(...FORBIDDEN), cleanText(6)).map((parts) => parts.join('')),
  message: text(30),
  body: text(40),
});
const aPublishedIncident = fc.record({
  title: cleanText(6).map((rest) => `Login ${rest}`),
  message: cleanText(12).map((rest) => `failing ${rest}`),
  body: cleanText(8),
});
const someIncidents = fc
  .tuple(fc.array(anIncident, { minLength: 2, maxLength: 6 }), aRefusedIncident, aPublishedIncident)
  .map(([rest, refused, published]) => [...rest, refused, published]);

const file = (incident: { title: string; message: string; body: string }) =>
  `---\ntitle: ${JSON.stringify(incident.title)}\nimpact: minor\ncomponents:\n  web: degraded_performance\nupdates:\n  - at: 2022-12-30T10:00:00Z\n    status: investigating\n    message: ${JSON.stringify(incident.message)}\n---\n${incident.body}\n`;

test('property: refused with a clear message, or published faithfully in every output', async () => {
  let published = 0;
  let refusedCount = 0;
  await fc.assert(
    fc.asyncProperty(someIncidents, async (incidents) => {
      const dir = copySite('basic', 'property');
      incidents.forEach((incident, i) => writeFileSync(join(dir, `incidents/p${i}.md`), file(incident)));
      const first = checkSite(dir, { now: Date.parse(NOW) });
      for (const problem of first.problems) {
        expect(problem.file).toMatch(/^incidents\/p\d+\.md$/);
        expect(problem.line).toBeGreaterThanOrEqual(1);
        expect(problem.field).not.toBe('');
        expect(formatProblem(problem).length).toBeLessThan(600);
      }
      const refused = new Set(first.problems.map((problem) => problem.file));
      expect(refused).toContain(`incidents/p${incidents.length - 2}.md`);
      expect(refused).not.toContain(`incidents/p${incidents.length - 1}.md`);
      refusedCount += refused.size;
      published += incidents.length - refused.size;
      for (const path of refused) rmSync(join(dir, path));
      expect(checkSite(dir, { now: Date.parse(NOW) }).problems).toEqual([]);

      const out = join(dir, 'dist');
      mkdirSync(out);
      const build = await runScript([BUILD_SCRIPT, 'build'], {
        STATUS_SITE_DIR: dir,
        STATUS_NOW: NOW,
        STATUS_OUT_DIR: out,
        STATUS_CACHE_DIR: join(dir, '.cache'),
      });
      expect(build.output).not.toMatch(/^\s+at\s/m);
      expect(build.code).toBe(0);
      const read = (path: string) => readFileSync(join(out, path), 'utf8');
      for (const path of [
        'rss.xml',
        'history.atom',
        'components/web/rss.xml',
        'components/web/atom.xml',
        'badge.svg',
        'sitemap-0.xml',
      ]) {
        expect(SyntaxValidator.validate(read(path)), path).toBe(true);
      }
      const rssTitles = parseRssFeed(read('rss.xml')).items?.map((item) => item.title) ?? [];
      const atomTitles = parseAtomFeed(read('history.atom')).entries?.map((entry) => entry.title?.value) ?? [];
      const api = JSON.parse(read('api/v2/incidents.json')) as {
        incidents: Array<{ id: string; name: string; incident_updates: Array<{ body: string }> }>;
      };
      new ICAL.Component(ICAL.parse(read('maintenance.ics')));
      incidents.forEach((incident, i) => {
        if (refused.has(`incidents/p${i}.md`)) return;
        const title = incident.title.trim();
        expect(parse(read(`incidents/p${i}/index.html`)).querySelector('h1')?.text).toBe(title);
        expect(rssTitles).toContain(`[Investigating] ${isolate(title)}`);
        expect(atomTitles).toContain(`[Investigating] ${isolate(title)}`);
        const published = api.incidents.find((candidate) => candidate.id === `p${i}`);
        expect(published?.name).toBe(title);
        expect(published?.incident_updates[0]?.body).toBe(incident.message.trim());
      });
      rmSync(dir, { recursive: true, force: true });
    }),
    { numRuns: 3 },
  );
  // Both outcomes happened, so the property was tested both ways.
  expect(published).toBeGreaterThan(0);
  expect(refusedCount).toBeGreaterThan(0);
}, 180_000);
