import { describe, expect, test } from 'vitest';
import { nextUpdate, type EventKind, type NextUpdate, type NextUpdateOptions } from './next-update.ts';

const t = (hhmm: string) => Date.parse(`2022-12-28T${hhmm}:00Z`);
const ok = (reopens = false): NextUpdate => ({ allowed: true, reopens });
const no = (why: Extract<NextUpdate, { allowed: false }>['why']): NextUpdate => ({ allowed: false, why });

describe('nextUpdate', () => {
  const cases: Array<[string, EventKind, string, string, string, NextUpdateOptions, NextUpdate]> = [
    // name, kind, last status, next time (last is at 12:00), next status, options, verdict
    ['a later update to an open incident', 'incident', 'investigating', '12:30', 'identified', {}, ok()],
    ['one at the same minute', 'incident', 'investigating', '12:00', 'identified', {}, ok()],
    ['resolving an open incident', 'incident', 'monitoring', '12:30', 'resolved', {}, ok()],
    ['an earlier update', 'incident', 'investigating', '11:30', 'identified', {}, no('earlier')],
    ['an earlier update with force', 'incident', 'investigating', '11:30', 'identified', { force: true }, ok()],
    [
      'an earlier update to a resolved incident with force (it lands before the resolution)',
      'incident',
      'resolved',
      '11:30',
      'monitoring',
      { force: true },
      ok(),
    ],
    ['an update to a resolved incident', 'incident', 'resolved', '12:30', 'investigating', {}, no('reopen')],
    [
      'an update to a resolved incident with reopen',
      'incident',
      'resolved',
      '12:30',
      'investigating',
      { reopen: true },
      ok(true),
    ],
    [
      'resolving a resolved incident, even with reopen',
      'incident',
      'resolved',
      '12:30',
      'resolved',
      { reopen: true },
      no('resolved'),
    ],
    ['a later maintenance update', 'maintenance', 'scheduled', '12:30', 'in_progress', {}, ok()],
    [
      'an update to a completed maintenance, even with reopen',
      'maintenance',
      'completed',
      '12:30',
      'verifying',
      { reopen: true },
      no('completed'),
    ],
    ['an earlier maintenance update', 'maintenance', 'in_progress', '11:00', 'completed', {}, no('earlier')],
  ];
  test.each(cases)('%s', (_name, kind, lastStatus, nextAt, nextStatus, options, verdict) => {
    expect(
      nextUpdate(kind, { at: t('12:00'), status: lastStatus }, { at: t(nextAt), status: nextStatus }, options),
    ).toEqual(verdict);
  });
});
