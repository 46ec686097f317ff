import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from 'vitest';
import { REPO, SITE_TEMPLATE } from './helpers/build.ts';

/*
 * site-template/ is what `status init` copies into a new site as it is. It
 * is the one owner of those files: the example at the repository root holds
 * the same bytes (its workflows add only the lines passing its own secrets,
 * tests/workflows.test.ts), so a fix made to one is never missing from the other.
 */

/** Every file under a folder, relative to it. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();

/** The template's files the example holds as they are (not its README, .gitignore, tsconfig or workflows, which are its own or compared elsewhere). */
const SHARED = [
  'astro.config.mjs',
  'src/content.config.ts',
  '.gitattributes',
  'public/favicon.svg',
  ...readdirSync(join(SITE_TEMPLATE, 'templates')).map((name) => `templates/${name}`),
];

test.each(SHARED)('the example’s %s is the template’s', (path) => {
  expect(readFileSync(join(REPO, path), 'utf8')).toBe(readFileSync(join(SITE_TEMPLATE, path), 'utf8'));
});

test('the example has the template’s message templates, no more and no fewer', () => {
  expect(readdirSync(join(REPO, 'templates')).sort()).toEqual(readdirSync(join(SITE_TEMPLATE, 'templates')).sort());
});

test('nothing in the template is the example’s: no Chirp, no Twitter', () => {
  for (const path of filesUnder(SITE_TEMPLATE))
    expect(readFileSync(join(SITE_TEMPLATE, path), 'utf8'), path).not.toMatch(/chirp|twitter|musk/i);
});
