/*
 * A promised next update, as staff write it on an update (`next_update:`) or
 * pass it to the CLI (`--next`): a length of time after the update
 * ("30 min", rules/duration.ts) or a moment with a zone (rules/timestamp.ts).
 * One reader for the file schema, the CLI, templates and the model.
 */

import { DURATION_FORMS, parseDuration } from './duration.ts';
import { LIMITS } from './limits.ts';
import { quote } from './text.ts';
import { timestampSchema } from './timestamp.ts';

/** What `next_update:` takes, for error messages. */
export const PROMISE_FORMS = `a length of time after the update (${DURATION_FORMS}) or a time with a zone (2022-12-28T13:54:00Z)`;

export type PromiseReading = { at: number } | { problem: string };

/** When the update posted at `postedAt` promised the next one, or why `written` cannot be read as a promise. */
export function promisedAt(written: unknown, postedAt: number): PromiseReading {
  if (typeof written !== 'string' || written.trim() === '')
    return { problem: `must be ${PROMISE_FORMS}, e.g. "next_update: 30 min"` };
  const text = written.trim();
  const duration = parseDuration(text);
  let at: number;
  if (duration !== undefined) at = postedAt + duration;
  else if (/^\d{4}-\d{2}-\d{2}/.test(text)) {
    const parsed = timestampSchema.safeParse(text);
    if (!parsed.success) return { problem: parsed.error.issues[0]?.message ?? `${quote(text)} is not a time` };
    at = Date.parse(parsed.data);
  } else return { problem: `${quote(text)} is not ${PROMISE_FORMS}` };
  if (at <= postedAt)
    return {
      problem: `${quote(text)} is not after the update it is on (${new Date(postedAt).toISOString()}); promise a time after it, e.g. "next_update: 30 min"`,
    };
  const hours = (at - postedAt) / 3_600_000;
  if (hours > LIMITS.promiseHours)
    return {
      problem: `${quote(text)} is ${Math.round(hours)} h after the update; at most ${LIMITS.promiseHours} h may be promised (readers wait for it). Did you mean minutes?`,
    };
  return { at };
}
