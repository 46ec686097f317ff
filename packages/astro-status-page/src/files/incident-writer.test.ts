import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { Refusal } from './refusal.ts';
import { insertUpdate, isoSeconds } from './incident-writer.ts';
import { readIncidentSources } from './site-files.ts';
import { keepForm, writeAtomic } from './write-atomic.ts';

const UPDATE = { at: '2022-12-28T14:00:00Z', status: 'resolved', message: 'Fixed.' };
const ITEM = '  - at: 2022-12-28T14:00:00Z\n    status: resolved\n    message: Fixed.\n';

const file = (updates: string, after = '') => `---\ntitle: T\nupdates:\n${updates}${after}---\nBody.\n`;
const FIRST = '  - at: 2022-12-28T12:00:00Z\n    status: investigating\n    message: Looking.\n';

describe('insertUpdate', () => {
  test('appends after the last item and before keys and comments that follow the list', () => {
    expect(insertUpdate(file(FIRST, '  # about the list\nimpact: major\n'), UPDATE)).toBe(
      file(FIRST + ITEM, '  # about the list\nimpact: major\n'),
    );
  });

  test('follows the list’s own indentation', () => {
    const flush = FIRST.replace(/^ {2}/gm, '');
    expect(insertUpdate(file(flush), UPDATE)).toBe(file(flush + ITEM.replace(/^ {2}/gm, '')));
  });

  test('keeps Windows line endings', () => {
    const crlf = (text: string) => text.replace(/\n/g, '\r\n');
    expect(insertUpdate(crlf(file(FIRST)), UPDATE)).toBe(crlf(file(FIRST + ITEM)));
  });

  test('an earlier update goes before the first later one', () => {
    const early = { ...UPDATE, at: '2022-12-28T11:00:00Z', status: 'investigating' };
    expect(insertUpdate(file(FIRST), early)).toBe(
      file(ITEM.replace('14:00', '11:00').replace('resolved', 'investigating') + FIRST),
    );
  });

  test('a multi-line message is a literal block, a long one folded', () => {
    expect(insertUpdate(file(FIRST), { ...UPDATE, message: 'Line one.\n\nLine two.' })).toContain(
      '    message: |-\n      Line one.\n\n      Line two.\n---',
    );
    expect(insertUpdate(file(FIRST), { ...UPDATE, message: 'word '.repeat(20).trim() })).toContain(
      '    message: >-\n      word word',
    );
  });

  describe('with impact and component statuses', () => {
    const LEVELS = {
      ...UPDATE,
      status: 'monitoring',
      impact: 'minor',
      components: [
        ['web', 'operational'],
        ['2fa', 'degraded_performance'],
        ['10', 'partial_outage'],
      ] as Array<[string, string]>,
    };
    const LEVELS_ITEM =
      '  - at: 2022-12-28T14:00:00Z\n    status: monitoring\n    impact: minor\n    components:\n      web: operational\n      2fa: degraded_performance\n      "10": partial_outage\n    message: Fixed.\n';

    test('writes them between status and message, ids in the order given, touching no other byte', () => {
      const after = '  # about the list\nimpact: major\n';
      expect(insertUpdate(file(FIRST, after), LEVELS)).toBe(file(FIRST + LEVELS_ITEM, after));
    });

    test('keeps Windows line endings inside the components map', () => {
      const crlf = (text: string) => text.replace(/\n/g, '\r\n');
      expect(insertUpdate(crlf(file(FIRST)), LEVELS)).toBe(crlf(file(FIRST + LEVELS_ITEM)));
    });

    test('an empty components list and no impact write nothing extra', () => {
      expect(insertUpdate(file(FIRST), { ...UPDATE, components: [] })).toBe(file(FIRST + ITEM));
    });

    test('a one-line [..] list gets them too', () => {
      const text = '---\nupdates: [{at: 2022-12-28T12:00:00Z, status: investigating, message: Looking.}]\n---\n';
      const { updates } = parse(insertUpdate(text, LEVELS).split('---\n')[1]!) as {
        updates: Array<Record<string, unknown>>;
      };
      expect(updates[1]).toEqual({
        at: '2022-12-28T14:00:00Z',
        status: 'monitoring',
        impact: 'minor',
        components: { web: 'operational', '2fa': 'degraded_performance', '10': 'partial_outage' },
        message: 'Fixed.',
      });
      expect(Object.keys(updates[1]!)).toEqual(['at', 'status', 'impact', 'components', 'message']);
    });
  });

  test('a one-line [..] list is re-printed with the new item, and nothing else of the file changes', () => {
    const head = '---\n# Keep this comment.\ntitle:   "Spaced  oddly"\nmessage: >-\n  a folded\n  text\n';
    const text = `${head}updates: [{at: 2022-12-28T12:00:00Z, status: investigating, message: Looking.}]\n---\nBody.\n`;
    const written = insertUpdate(text, UPDATE);
    expect(written.startsWith(head)).toBe(true);
    expect(written.endsWith('\n---\nBody.\n')).toBe(true);
    expect(written).toContain('status: resolved');
  });

  test('refuses a file without frontmatter or without updates, naming the fix', () => {
    expect(() => insertUpdate('no frontmatter', UPDATE)).toThrow(Refusal);
    expect(() => insertUpdate('---\ntitle: T\n---\n', UPDATE)).toThrow('the file has no `updates` list to add to');
  });
});

test('isoSeconds drops milliseconds, as a person writes a time', () => {
  expect(isoSeconds(Date.parse('2022-12-28T12:31:07.999Z'))).toBe('2022-12-28T12:31:07Z');
});

describe('a file keeps its bytes through update and resolve', () => {
  // What `update` and `resolve` do: read the file as every check reads it (BOM dropped, line ends as \n), insert, write.
  const roundTrip = (bytes: string, update = UPDATE) => {
    const dir = mkdtempSync(join(tmpdir(), 'status-bytes-'));
    mkdirSync(join(dir, 'incidents'));
    writeFileSync(join(dir, 'incidents/outage.md'), bytes);
    const [source] = readIncidentSources(dir);
    writeAtomic(dir, source!.path, insertUpdate(source!.text, update));
    return readFileSync(join(dir, 'incidents/outage.md'), 'utf8');
  };
  const crlf = (text: string) => text.replace(/\n/g, '\r\n');
  const withoutItem = (text: string, item: string) => {
    expect(text).toContain(item);
    return text.replace(item, '');
  };

  test.each([
    ['CRLF', crlf(file(FIRST, '# a comment\n')), crlf(ITEM)],
    ['a BOM', `\uFEFF${file(FIRST)}`, ITEM],
    ['a BOM and CRLF', `\uFEFF${crlf(file(FIRST))}`, crlf(ITEM)],
    ['LF', file(FIRST), ITEM],
  ])('%s: byte for byte the same but for the new item, in the same line ends', (_, before, item) => {
    expect(withoutItem(roundTrip(before), item)).toBe(before);
  });

  test('a file mixing line ends keeps each line’s own; the new lines take the most common', () => {
    const mixed = crlf(file(FIRST)).replace('title: T\r\n', 'title: T\n');
    expect(withoutItem(roundTrip(mixed), crlf(ITEM))).toBe(mixed);
  });

  test('an update inserted before the last one (--force) keeps the lines after it too', () => {
    const before = `\uFEFF${crlf(file(FIRST + ITEM))}`;
    const early = { ...UPDATE, at: '2022-12-28T13:00:00Z', status: 'identified' };
    expect(
      withoutItem(roundTrip(before, early), crlf(ITEM.replace('14:00', '13:00').replace('resolved', 'identified'))),
    ).toBe(before);
  });

  test('keepForm changes nothing when the lines are the same, and a plain LF file is written as given', () => {
    const windows = `\uFEFF${crlf(file(FIRST))}`;
    expect(keepForm(windows, file(FIRST))).toBe(windows);
    expect(keepForm(file(FIRST), file(FIRST + ITEM))).toBe(file(FIRST + ITEM));
  });
});
