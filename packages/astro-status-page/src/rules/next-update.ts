/*
 * Which update may follow a timeline's last one, when staff add it with the
 * CLI (`update`, `resolve`, `start`, `complete`). Pure: the command reads the
 * file, asks this rule, and words the refusal for a person. The file schema
 * (files/schemas/incident.ts) checks the whole timeline afterwards; this rule
 * is stricter, refusing what is valid but would surprise readers unless asked
 * explicitly.
 */

import { closes, type EventKind } from './statuses.ts';

export type { EventKind } from './statuses.ts';

/** The status the CLI's closing command writes (`resolve`, `complete`). */
export const closingStatus = (kind: EventKind): 'resolved' | 'completed' =>
  kind === 'incident' ? 'resolved' : 'completed';

export interface TimedStatus {
  /** Epoch ms. */
  at: number;
  status: string;
}

/** What staff asked for explicitly on the command line. */
export interface NextUpdateOptions {
  /** Insert an update older than the last at its place in time. */
  force?: boolean;
  /** Add to a resolved incident, reopening it. */
  reopen?: boolean;
}

export type NextUpdate =
  | { allowed: true; /** Written with `reopened: true`. */ reopens: boolean }
  | {
      allowed: false;
      /**
       * `earlier`: older than the last update, without `force`; `completed`:
       * the maintenance is over; `resolved`: resolving a resolved incident;
       * `reopen`: adding to a resolved incident without `reopen`.
       */
      why: 'earlier' | 'completed' | 'resolved' | 'reopen';
    };

/** May `next` follow `last`, the newest update of a timeline of this kind? */
export function nextUpdate(
  kind: EventKind,
  last: TimedStatus,
  next: TimedStatus,
  options: NextUpdateOptions = {},
): NextUpdate {
  // Inserted before the last update, it lands before any closing one too.
  if (next.at < last.at) return options.force ? { allowed: true, reopens: false } : { allowed: false, why: 'earlier' };
  if (!closes(kind, last.status)) return { allowed: true, reopens: false };
  if (kind === 'maintenance') return { allowed: false, why: 'completed' };
  if (closes(kind, next.status)) return { allowed: false, why: 'resolved' };
  return options.reopen ? { allowed: true, reopens: true } : { allowed: false, why: 'reopen' };
}
