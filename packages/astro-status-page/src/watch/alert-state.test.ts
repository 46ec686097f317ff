import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import {
  clockText,
  decideAlert,
  quietLine,
  readAlertState,
  STATE_FILE,
  writeAlertState,
  type AlertState,
} from './alert-state.ts';
import { problemKey, type WatchProblem } from './judge.ts';

const at = (time: string) => Date.parse(`2022-12-28T${time}:00Z`);
const MIN = 60_000;
const REMIND = 120 * MIN;
const stale: WatchProblem = {
  key: problemKey('stale', 'https://a.example/', 'abc'),
  line: 'https://a.example/: stale: …',
};
const down: WatchProblem = { key: problemKey('unreachable', 'https://b.example/'), line: 'https://b.example/: …' };
const told = (keys: WatchProblem[], since: string, sentAt = since): AlertState => ({
  since: at(since),
  sentAt: at(sentAt),
  keys: keys.map((problem) => problem.key),
});

describe('what the watchdog tells staff, given what it told them before', () => {
  test('nothing wrong and nothing told: nothing sent, nothing kept', () => {
    expect(decideAlert(undefined, [], at('14:00'), REMIND)).toEqual({ decision: { kind: 'none' }, next: undefined });
  });

  test('a first problem is alerted at once, and kept as told at that time', () => {
    const { decision, next } = decideAlert(undefined, [stale], at('14:15'), REMIND);
    expect(decision).toEqual({ kind: 'alert', fresh: new Set([stale.key]) });
    expect(next).toEqual(told([stale], '14:15'));
  });

  test('the same problem a run later is not sent again; the line says when it was and when the reminder is due', () => {
    const { decision, next } = decideAlert(told([stale], '14:15'), [stale], at('15:00'), REMIND);
    expect(decision).toEqual({ kind: 'quiet', count: 1, sentAt: at('14:15'), nextBy: at('16:15') });
    expect(next).toEqual(told([stale], '14:15'));
    if (decision.kind === 'quiet')
      expect(quietLine(decision, at('15:00'))).toBe(
        'not alerted again: the same problem was alerted 45 min ago; next reminder by 16:15 UTC',
      );
  });

  test('once the reminder interval has passed since the last message, a reminder, and the clock starts again', () => {
    expect(decideAlert(told([stale], '14:15'), [stale], at('16:14'), REMIND).decision.kind).toBe('quiet');
    const { decision, next } = decideAlert(told([stale], '14:15'), [stale], at('16:15'), REMIND);
    expect(decision).toEqual({ kind: 'remind', since: at('14:15') });
    expect(next).toEqual(told([stale], '14:15', '16:15'));
  });

  test('a new problem beside an old one is alerted at once, only it marked new; the episode keeps its first time', () => {
    const { decision, next } = decideAlert(told([stale], '14:15'), [stale, down], at('14:30'), REMIND);
    expect(decision).toEqual({ kind: 'alert', fresh: new Set([down.key]) });
    expect(next).toEqual(told([stale, down], '14:15', '14:30'));
  });

  test('a problem gone while another stays sends nothing; if it comes back it is new again', () => {
    const fewer = decideAlert(told([stale, down], '14:15'), [stale], at('14:30'), REMIND);
    expect(fewer.decision.kind).toBe('quiet');
    expect(fewer.next!.keys).toEqual([stale.key]);
    expect(decideAlert(fewer.next, [stale, down], at('14:45'), REMIND).decision).toEqual({
      kind: 'alert',
      fresh: new Set([down.key]),
    });
  });

  test('every problem gone after an alert: resolved, once, and nothing kept', () => {
    const { decision, next } = decideAlert(told([stale, down], '14:15', '16:15'), [], at('16:30'), REMIND);
    expect(decision).toEqual({ kind: 'resolved', since: at('14:15') });
    expect(next).toBeUndefined();
    expect(decideAlert(next, [], at('16:45'), REMIND).decision).toEqual({ kind: 'none' });
  });

  test('several problems are counted in the quiet line; times on another day carry their date', () => {
    const { decision } = decideAlert(told([stale, down], '23:00'), [stale, down], at('23:45'), REMIND);
    if (decision.kind !== 'quiet') throw new Error(decision.kind);
    expect(quietLine(decision, at('23:45'))).toBe(
      'not alerted again: the same 2 problems were alerted 45 min ago; next reminder by 29 Dec 2022, 01:00 UTC',
    );
    expect(clockText(at('09:05'), at('23:45'))).toBe('09:05 UTC');
  });
});

describe('the state file', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const fresh = () => (dir = mkdtempSync(join(tmpdir(), 'watch-state-')));

  test('what is written is read back; nothing alerted is written too, as null', () => {
    fresh();
    const state = told([stale, down], '14:15', '16:15');
    writeAlertState(dir, state);
    expect(readAlertState(dir)).toEqual({ state });
    writeAlertState(dir, undefined);
    expect(JSON.parse(readFileSync(join(dir, STATE_FILE), 'utf8'))).toEqual({ version: 1, alerted: null });
    expect(readAlertState(dir)).toEqual({ state: undefined });
  });

  test.each([
    ['', 'is empty'],
    ['{"version": 1, "alerted": {"since": "x"', 'is not JSON'],
    ['[1, 2]', 'is not a watch state of version 1'],
    ['{"version": 1, "alerted": {"since": "yesterday", "sent_at": 0, "problems": "all"}}', 'has no valid alerted'],
  ])('a file holding %j is read as nothing alerted, with a note (%s)', (text, why) => {
    fresh();
    writeFileSync(join(dir, STATE_FILE), text);
    const read = readAlertState(dir);
    expect(read.state).toBeUndefined();
    expect(read.note).toContain(`${join(dir, STATE_FILE)} ${why}`);
    expect(read.note).toContain('any problem is alerted as new');
  });

  test('no file yet: nothing alerted, with a note', () => {
    fresh();
    expect(readAlertState(dir).note).toMatch(/^watch state: no .*watch-state\.json yet/);
  });
});
