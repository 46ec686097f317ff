import { visible } from '../rules/text.ts';
import type { ImportNote, SkippedEvent } from './plan.ts';

/*
 * What an import says about what it skipped and changed: by default one line
 * per kind of reason with its count and an example (one site's 453 "left out"
 * notes are one line), with --verbose one line per incident. Every line is
 * made visible (src/rules/text.ts): names in a dump are untrusted.
 */

/**
 * The kind of a reason: its text with the parts that name one incident
 * (quoted values, file paths, times and numbers) blanked, so reasons that
 * differ only there are counted together.
 */
export function reasonKind(reason: string): string {
  return reason
    .replace(/"(?:[^"\\]|\\.)*"/g, '"…"')
    .replace(/\bincidents\/\S+?\.md(?::\d+)?/g, '…')
    .replace(/\d[\d:.,TZ+-]*/g, '#');
}

interface Line {
  label: string;
  reason: string;
  example: string;
}

function grouped(prefix: string, lines: readonly Line[], verbose: boolean): string[] {
  if (verbose) return lines.map((line) => `${prefix}: ${line.example}: ${line.reason}`);
  const byKind = new Map<string, Line[]>();
  for (const line of lines) byKind.set(reasonKind(line.reason), [...(byKind.get(reasonKind(line.reason)) ?? []), line]);
  return [...byKind.values()].map((group) => {
    const [first] = group as [Line, ...Line[]];
    if (group.length === 1) return `${prefix}: ${first.example}: ${first.reason}`;
    return `${prefix} ×${group.length}: ${first.reason} (e.g. ${first.example}; --verbose lists all ${group.length})`;
  });
}

/** The note and skip lines of an import's summary. */
export function summaryLines(
  notes: readonly ImportNote[],
  skipped: readonly SkippedEvent[],
  verbose: boolean,
): string[] {
  const noteLines = notes.map((note) => ({ label: 'note', reason: note.message, example: note.source }));
  const skipLines = skipped.map((skip) => ({
    label: 'skipped',
    reason: skip.reason,
    example: `${skip.source} ${JSON.stringify(skip.title)}`,
  }));
  return [...grouped('note', noteLines, verbose), ...grouped('skipped', skipLines, verbose)].map((line) =>
    visible(line),
  );
}
