import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TZDate } from '@date-fns/tz';
import { format } from 'date-fns/format';
import { writeAtomic } from '../files/write-atomic.ts';
import { staffTime } from '../model/dates.ts';
import { durationText } from '../rules/duration.ts';
import { visible } from '../rules/text.ts';
import type { WatchProblem } from './judge.ts';

/*
 * What the watchdog told staff, kept between runs (`watch --state DIR`), so
 * that a problem lasting hours is said once, then reminded every so often,
 * and its end is said too. The decision is pure (decideAlert); the file is
 * one small JSON document, written whole or not at all.
 */

/** The problems staff were last told of. */
export interface AlertState {
  /** When staff were first told of these problems (the first alert since all was well). */
  since: number;
  /** When staff were last sent an alert or a reminder. */
  sentAt: number;
  /** The problems present at the last run, as problemKey gives them. */
  keys: string[];
}

/** What to tell staff on this run. */
export type AlertDecision =
  /** Problems staff have not heard of: say every current problem, those in `fresh` marked new. */
  | { kind: 'alert'; fresh: ReadonlySet<string> }
  /** The same problems for `remindMs` since the last message: say them again. */
  | { kind: 'remind'; since: number }
  /** The same problems, told recently: nothing sent. */
  | { kind: 'quiet'; count: number; sentAt: number; nextBy: number }
  /** Every problem staff were told of is gone: say so, once. */
  | { kind: 'resolved'; since: number }
  /** Nothing wrong, nothing told. */
  | { kind: 'none' };

/**
 * Given what staff were last told, the problems now and the time: what to
 * send, and the state to keep once it is sent (undefined: nothing to keep).
 * A problem that went away and came back is new again; problems that go
 * while others stay change nothing until the last one goes.
 */
export function decideAlert(
  last: AlertState | undefined,
  problems: readonly WatchProblem[],
  now: number,
  remindMs: number,
): { decision: AlertDecision; next: AlertState | undefined } {
  const keys = [...new Set(problems.map((problem) => problem.key))];
  if (keys.length === 0)
    return { decision: last ? { kind: 'resolved', since: last.since } : { kind: 'none' }, next: undefined };
  const told = new Set(last?.keys ?? []);
  const fresh = new Set(keys.filter((key) => !told.has(key)));
  if (!last || fresh.size > 0)
    return { decision: { kind: 'alert', fresh }, next: { since: last?.since ?? now, sentAt: now, keys } };
  if (now - last.sentAt >= remindMs)
    return { decision: { kind: 'remind', since: last.since }, next: { since: last.since, sentAt: now, keys } };
  return {
    decision: { kind: 'quiet', count: keys.length, sentAt: last.sentAt, nextBy: last.sentAt + remindMs },
    next: { ...last, keys },
  };
}

/** A moment for staff, in UTC: "16:15 UTC" on the day of `now`, else with its date. */
export function clockText(millis: number, now: number): string {
  const day = (at: number) => new Date(at).toISOString().slice(0, 10);
  return day(millis) === day(now) ? format(new TZDate(millis, 'UTC'), "HH:mm 'UTC'") : staffTime(millis);
}

/** The line a run prints when it sends nothing because staff already know. */
export function quietLine(decision: Extract<AlertDecision, { kind: 'quiet' }>, now: number): string {
  const problems = decision.count === 1 ? 'the same problem was' : `the same ${decision.count} problems were`;
  return `not alerted again: ${problems} alerted ${durationText(now - decision.sentAt)} ago; next reminder by ${clockText(decision.nextBy, now)}`;
}

/** The file in the state folder. */
export const STATE_FILE = 'watch-state.json';

interface StateFile {
  version: 1;
  /** Null: nothing is being alerted. */
  alerted: { since: string; sent_at: string; problems: string[] } | null;
}

/**
 * The state kept in `dir`, or none with a note saying why: a missing, empty
 * or unreadable file costs at most one alert too many, never the run.
 */
export function readAlertState(dir: string): { state: AlertState | undefined; note?: string } {
  const path = join(dir, STATE_FILE);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return {
      state: undefined,
      note: `watch state: no ${path} yet (a first run, or the kept state expired): any problem is new`,
    };
  }
  const unreadable = (why: string) => ({
    state: undefined,
    note: `watch state: ${path} ${why}: read as nothing alerted, so any problem is alerted as new`,
  });
  if (text.trim() === '') return unreadable('is empty');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return unreadable(`is not JSON (${visible(text, 40)})`);
  }
  const file = parsed as Partial<StateFile> | null;
  if (typeof file !== 'object' || file === null || file.version !== 1 || file.alerted === undefined)
    return unreadable('is not a watch state of version 1');
  if (file.alerted === null) return { state: undefined };
  const { since, sent_at: sentAt, problems } = file.alerted;
  const [sinceAt, sentAtMs] = [Date.parse(String(since)), Date.parse(String(sentAt))];
  if (
    !Number.isFinite(sinceAt) ||
    !Number.isFinite(sentAtMs) ||
    !Array.isArray(problems) ||
    !problems.every((key) => typeof key === 'string')
  )
    return unreadable('has no valid alerted.since, alerted.sent_at and alerted.problems');
  return { state: { since: sinceAt, sentAt: sentAtMs, keys: problems } };
}

/**
 * Keep `state` in `dir`, replacing the file whole. Nothing alerted is written
 * too (not a deleted file): the workflow keeps the folder as it is after each
 * run, and an older copy must never come back.
 */
export function writeAlertState(dir: string, state: AlertState | undefined): void {
  const file: StateFile = {
    version: 1,
    alerted: state
      ? {
          since: new Date(state.since).toISOString(),
          sent_at: new Date(state.sentAt).toISOString(),
          problems: state.keys,
        }
      : null,
  };
  writeAtomic(dir, STATE_FILE, `${JSON.stringify(file, null, 2)}\n`);
}
