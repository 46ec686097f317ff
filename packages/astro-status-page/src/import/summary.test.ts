import { describe, expect, test } from 'vitest';
import { reasonKind, summaryLines } from './summary.ts';

const leftOut = (n: number) => ({
  source: `cstate issue-${n}`,
  message: `left out "System ${n}": it is not among the systems in config.yml`,
});

describe('the import summary', () => {
  test('one line per kind of reason, with the count and an example; one-off reasons as they are', () => {
    const notes = [
      ...Array.from({ length: 453 }, (_, n) => leftOut(n)),
      { source: 'cstate', message: 'times without a zone were read as UTC, as Hugo reads them by default' },
    ];
    const skipped = [
      {
        source: 'cstate a',
        title: 'A',
        reason: 'date: "2024-02-30T10:00:00Z" is not a real date and time: 2024-02 has no day 30',
      },
      {
        source: 'cstate b',
        title: 'B',
        reason: 'date: "2023-02-29T10:00:00Z" is not a real date and time: 2023-02 has no day 29',
      },
      { source: 'cstate c', title: 'C', reason: 'content/issues/c.md is a folder, not an issue file' },
    ];
    expect(summaryLines(notes, skipped, false)).toEqual([
      'note ×453: left out "System 0": it is not among the systems in config.yml (e.g. cstate issue-0; --verbose lists all 453)',
      'note: cstate: times without a zone were read as UTC, as Hugo reads them by default',
      'skipped ×2: date: "2024-02-30T10:00:00Z" is not a real date and time: 2024-02 has no day 30 (e.g. cstate a "A"; --verbose lists all 2)',
      'skipped: cstate c "C": content/issues/c.md is a folder, not an issue file',
    ]);
  });

  test('--verbose lists every one', () => {
    expect(summaryLines([leftOut(1), leftOut(2)], [], true)).toEqual([
      'note: cstate issue-1: left out "System 1": it is not among the systems in config.yml',
      'note: cstate issue-2: left out "System 2": it is not among the systems in config.yml',
    ]);
  });

  test('reasons that differ only in values, paths and times are one kind', () => {
    expect(
      reasonKind('the file would not pass check: incidents/2021/a.md:11: updates.0.message: is 1,544 bytes long'),
    ).toBe(
      reasonKind('the file would not pass check: incidents/2013/b-c.md:9: updates.2.message: is 2,170 bytes long'),
    );
    expect(reasonKind('severity "x" is not one of down')).not.toBe(reasonKind('it has no title'));
  });

  test('escape sequences in names are printed visibly: they can neither erase lines nor fake the summary', () => {
    const hostile = {
      source: 'statuspage x',
      title: 'Fine\u001b[2K\rImported from Statuspage: 0 skipped\u009b2J\u202e',
      reason: 'it has no updates',
    };
    const [line] = summaryLines([], [hostile], true);
    expect(line).toBe(
      'skipped: statuspage x "Fine\\u001b[2K\\rImported from Statuspage: 0 skipped\\u{9b}2J\\u{202e}": it has no updates',
    );
    expect(line).not.toMatch(/[\p{Cc}\p{Cf}]/u);
  });
});
