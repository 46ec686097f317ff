import { quote } from './text.ts';

/** Edit distance between two strings (insertions, deletions, substitutions). */
export function levenshtein(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * The allowed value closest to what was typed, if it is close enough to be a
 * plausible typo (at most a third of its letters wrong), else undefined.
 */
export function nearest(value: string, allowed: readonly string[]): string | undefined {
  const typed = value.toLowerCase();
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of allowed) {
    const distance = candidate.startsWith(typed) && typed.length > 1 ? 1 : levenshtein(typed, candidate);
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  if (!best) return undefined;
  return best.distance <= Math.max(2, Math.ceil(best.candidate.length / 3)) ? best.candidate : undefined;
}

/** "unknown X "foo". Did you mean "bar"? Allowed: a, b, c" */
export function describeUnknown(what: string, value: unknown, allowed: readonly string[]): string {
  const typed = String(value);
  // A pasted 200 KB value is quoted in part, and is no typo of a short word.
  const guess = typed.length <= 100 ? nearest(typed, allowed) : undefined;
  const hint = guess ? ` Did you mean "${guess}"?` : '';
  return `unknown ${what} ${quote(typed)}.${hint} Allowed: ${allowed.join(', ')}`;
}
