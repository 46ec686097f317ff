import { z } from 'astro/zod';
import { describeUnknown } from '../../rules/nearest.ts';

/** A closed list of words, whose error names the nearest allowed word. */
export function oneOf<const T extends readonly [string, ...string[]]>(what: string, allowed: T) {
  return z.enum(allowed, {
    error: (issue) =>
      issue.input === undefined
        ? `is required; allowed: ${allowed.join(', ')}`
        : describeUnknown(what, issue.input, allowed),
  });
}
