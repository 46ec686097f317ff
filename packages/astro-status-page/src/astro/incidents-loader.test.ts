import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { LoaderContext } from 'astro/loaders';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { incidentsLoader, RULE_FOLDERS, rulesSource } from './incidents-loader.ts';

const SRC = resolve(import.meta.dirname, '..');
const FIXTURE = resolve(import.meta.dirname, '../../tests/fixtures/basic');

/** A copy of the folders the validator imports, to edit as a developer would. */
function ruleCopy(): string {
  const src = mkdtempSync(join(tmpdir(), 'status-rules-'));
  for (const folder of RULE_FOLDERS) cpSync(join(SRC, folder), join(src, folder), { recursive: true });
  return `${src}/`;
}
const edit = (src: string, path: string, from: string | RegExp, to: string) => {
  const text = readFileSync(join(src, path), 'utf8');
  const edited = text.replace(from, to);
  expect(edited).not.toBe(text);
  writeFileSync(join(src, path), edited);
};

test('the rules digest covers every rule file: a changed limit or a new file changes it, a test file does not', () => {
  const src = ruleCopy();
  const before = rulesSource(src);
  expect(before).toBeDefined();
  expect(rulesSource(src)).toBe(before);
  edit(src, 'rules/limits.test.ts', /$/, '\n// a comment\n');
  expect(rulesSource(src)).toBe(before);
  edit(src, 'rules/limits.ts', /titleBytes: \d+/, 'titleBytes: 3');
  const limited = rulesSource(src);
  expect(limited).not.toBe(before);
  writeFileSync(join(src, 'files/new-rule.ts'), 'export const NEW = 1;\n');
  expect(rulesSource(src)).not.toBe(limited);
});

/** Astro's store as the loader uses it, kept between loads as Astro keeps it between builds. */
type Entry = { id: string; data: { file: string; frontmatter: { title: string } }; body?: string; digest?: string };
function fakeStore() {
  const entries = new Map<string, Entry>();
  return {
    entries,
    store: {
      get: (id: string) => entries.get(id),
      set: (entry: Entry) => (entries.set(entry.id, structuredClone(entry)), true),
      keys: () => [...entries.keys()],
      values: () => [...entries.values()],
      delete: (id: string) => entries.delete(id),
    },
  };
}
const generateDigest = (text: string) => createHash('sha256').update(text).digest('hex');

let siteDirBefore: string | undefined;
beforeEach(() => {
  siteDirBefore = process.env['STATUS_SITE_DIR'];
  process.env['STATUS_SITE_DIR'] = FIXTURE;
});
afterEach(() => {
  if (siteDirBefore === undefined) delete process.env['STATUS_SITE_DIR'];
  else process.env['STATUS_SITE_DIR'] = siteDirBefore;
});

test('a stored entry is reused while the rules are unchanged, and checked again once a rule file changes', async () => {
  const src = ruleCopy();
  const loader = incidentsLoader(() => rulesSource(src));
  const { store, entries } = fakeStore();
  const load = () => loader.load({ store, generateDigest } as unknown as LoaderContext);
  await load();
  expect([...entries.keys()].sort()).toEqual(['older', 'outage', 'upgrade']);
  // Mark the stored entry: a reused entry keeps the mark, a re-checked one is parsed from the file again.
  const title = entries.get('outage')!.data.frontmatter.title;
  entries.get('outage')!.data.frontmatter.title = 'FROM THE STORE';
  await load();
  expect(entries.get('outage')!.data.frontmatter.title).toBe('FROM THE STORE');
  edit(src, 'rules/limits.ts', /titleBytes: \d+/, 'titleBytes: 3');
  await load();
  expect(entries.get('outage')!.data.frontmatter.title).toBe(title);
});
