import { describe, expect, test } from 'vitest';
import type { DailyAggregate, ProbeResult } from '../files/probe-data.ts';
import { KEEP_RESULTS_DAYS, planRun } from './store.ts';

const ZONE = 'America/New_York';
const result = (at: string, ms: number | undefined, ok = true): ProbeResult => ({
  at,
  check: 'web',
  component: 'web',
  ok,
  ...(ms === undefined ? { failure: 'down', why: 'no answer' } : { code: 200, ms }),
});

// 27 December in New York runs from 05:00 UTC on the 27th to 05:00 UTC on the 28th.
const DAY_27 = [
  result('2022-12-27T05:00:00Z', 40),
  result('2022-12-27T10:00:00Z', 15),
  result('2022-12-27T15:00:00Z', 50),
  result('2022-12-27T20:00:00Z', 20),
  result('2022-12-28T04:59:00Z', 35),
  result('2022-12-28T01:00:00Z', undefined, false),
];
// Outside it: the evening of the 26th (New York) and the morning of the 28th.
const AROUND = [result('2022-12-27T04:59:00Z', 999), result('2022-12-28T05:00:00Z', 999)];

describe('folding a finished day', () => {
  test('sums the day in the site zone: checks, failures, median and 95th percentile by nearest rank', () => {
    // Answered: 15 20 35 40 50 → median the 3rd (35), 95th percentile the ceil(4.75) = 5th (50).
    const plan = planRun(
      { results: [...DAY_27, ...AROUND], daily: [], resultFiles: [] },
      [],
      ZONE,
      Date.parse('2022-12-29T05:00:00Z'),
    );
    const lines = plan.append.get('probes/daily/web.jsonl')!.map((line) => JSON.parse(line) as DailyAggregate);
    expect(lines).toContainEqual({ day: '2022-12-27', zone: ZONE, checks: 6, failures: 1, p50: 35, p95: 50 });
    expect(lines.map((line) => line.day)).toEqual(['2022-12-26', '2022-12-27']);
  });

  test('waits a day after the day ends, so every run of it (a racing one too) is in', () => {
    const plan = planRun({ results: DAY_27, daily: [], resultFiles: [] }, [], ZONE, Date.parse('2022-12-29T04:59:59Z'));
    expect(plan.append.get('probes/daily/web.jsonl')).toBeUndefined();
  });

  test('folds a day once: a folded day is not written again', () => {
    const folded: DailyAggregate = {
      component: 'web',
      day: '2022-12-27',
      zone: ZONE,
      checks: 6,
      failures: 1,
      p50: 35,
      p95: 50,
    };
    const plan = planRun(
      { results: DAY_27, daily: [folded], resultFiles: [] },
      [],
      ZONE,
      Date.parse('2022-12-30T00:00:00Z'),
    );
    expect(plan.append.get('probes/daily/web.jsonl')).toBeUndefined();
  });

  test('appends a run to its UTC day file and removes results files older than the days kept', () => {
    const files = [
      'probes/results/2022-12-23.jsonl',
      'probes/results/2022-12-24.jsonl',
      'probes/results/2022-12-28.jsonl',
    ];
    const fresh = result('2022-12-28T12:13:00Z', 180);
    const plan = planRun(
      { results: [], daily: [], resultFiles: files },
      [fresh],
      ZONE,
      Date.parse('2022-12-28T12:13:00Z'),
    );
    expect(plan.append.get('probes/results/2022-12-28.jsonl')).toEqual([
      '{"at":"2022-12-28T12:13:00Z","check":"web","component":"web","ok":true,"code":200,"ms":180}',
    ]);
    expect(KEEP_RESULTS_DAYS).toBe(4);
    expect(plan.remove).toEqual(['probes/results/2022-12-23.jsonl']);
  });
});
