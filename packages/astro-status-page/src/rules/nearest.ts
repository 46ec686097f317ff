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

/** How `nearestMatches` ranks and compares candidates. */
export interface MatchOptions {
  /** At most this many matches. */
  limit: number;
  /** Candidates listed before the others whatever their distance (e.g. open incidents). */
  first?: (candidate: string) => boolean;
  /** The forms of a candidate a person may have typed (e.g. a slug with and without its date). */
  forms?: (candidate: string) => readonly string[];
}

/** 0 when `typed` is part of `form`, else the edit distance if it is a plausible typo of it. */
function closeness(typed: string, form: string): number | undefined {
  if (typed.length >= 3 && form.includes(typed)) return 0;
  const distance = levenshtein(typed, form);
  return distance <= Math.max(2, Math.ceil(form.length / 3)) ? distance : undefined;
}

/**
 * The candidates close to what was typed (containing it, or within a
 * plausible typo of one of their forms): `first` ones first, then the
 * closest, then the latest in reverse sort order (for dated slugs, newest).
 */
export function nearestMatches(value: string, candidates: readonly string[], options: MatchOptions): string[] {
  const typed = value.toLowerCase();
  const forms = options.forms ?? ((candidate: string) => [candidate]);
  const scored = candidates.flatMap((candidate) => {
    const distances = forms(candidate).flatMap((form) => closeness(typed, form) ?? []);
    return distances.length > 0
      ? [{ candidate, distance: Math.min(...distances), first: options.first?.(candidate) ?? false }]
      : [];
  });
  scored.sort(
    (a, b) => Number(b.first) - Number(a.first) || a.distance - b.distance || b.candidate.localeCompare(a.candidate),
  );
  return scored.slice(0, options.limit).map(({ candidate }) => candidate);
}
