import { describe, expect, test } from 'vitest';
import type { ProbeResult } from '../files/probe-data.ts';
import { parseIncidentFile, type ValidIncidentFile } from '../files/validate.ts';
import { componentRuns, decide, runStatus } from './follow.ts';

/*
 * What measured facts do to incidents, on plain data: the status a run's
 * checks mean, and what the probe does once staff have had their say.
 */

const result = (check: string, failure?: ProbeResult['failure']): ProbeResult => ({
  at: '2022-12-28T12:13:00Z',
  check,
  component: 'web',
  ok: failure === undefined,
  ...(failure ? { failure, why: failure } : {}),
});

describe('the status a run measured', () => {
  test.each([
    [[undefined, undefined], 'operational'],
    [['down'], 'major_outage'],
    [['down', 'down'], 'major_outage'],
    [['down', undefined], 'partial_outage'],
    // Every check failed, but one still answers (slowly, or wrongly): not a total outage.
    [['down', 'slow'], 'partial_outage'],
    [['down', 'wrong'], 'partial_outage'],
    [['wrong'], 'partial_outage'],
    [['slow', undefined], 'degraded_performance'],
    [['slow', 'cert'], 'degraded_performance'],
  ] as const)('checks failing as %j: %s', (failures, status) => {
    expect(runStatus(failures.map((failure, i) => result(`web-${i}`, failure)))).toBe(status);
  });
});

const MIN = 60_000;
const T0 = Date.parse('2022-12-28T12:13:00Z');
const POLICY = { open_after: 2, close_after: 2, auto_resolve: false };
const runsOf = (...failures: Array<ProbeResult['failure']>) =>
  componentRuns(
    failures.map((failure, i) => ({
      ...result('web', failure),
      at: new Date(T0 + i * 5 * MIN).toISOString().replace('.000', ''),
    })),
    'web',
  );

function incident(updates: string): ValidIncidentFile {
  const text = `---\ntitle: Web is not responding\nimpact: critical\ncomponents:\n  web: major_outage\nstarted: 2022-12-28T12:13:00Z\nsource:\n  probe: web\nupdates:\n  - at: 2022-12-28T12:18:00Z\n    status: investigating\n    message: Checks failed.\n${updates}---\n`;
  const { entry, problems } = parseIncidentFile({ path: 'incidents/2022/2022-12-28-web-is-not-responding.md', text }, [
    'web',
  ]);
  expect(problems).toEqual([]);
  return entry!;
}

describe('following the incident the probe opened', () => {
  test('a status staff set is kept while the measure stays the same, and followed once the measure changes', () => {
    const staffSaidPartial = incident(
      `  - at: 2022-12-28T12:25:00Z\n    status: identified\n    components:\n      web: partial_outage\n    message: Only some readers are affected.\n`,
    );
    const now = T0 + 20 * MIN;
    expect(decide('web', runsOf('down', 'down', 'down', 'down', 'down'), POLICY, [staffSaidPartial], now)).toEqual({
      kind: 'none',
    });
    const slower = decide('web', runsOf('down', 'down', 'down', 'down', 'slow'), POLICY, [staffSaidPartial], now);
    expect(slower).toMatchObject({
      kind: 'update',
      update: { status: 'identified', components: [['web', 'degraded_performance']] },
    });
  });

  test('a staff incident naming the component, open, keeps the probe from opening one', () => {
    const staff = parseIncidentFile(
      {
        path: 'incidents/2022/2022-12-28-web-errors.md',
        text: `---\ntitle: Web errors\nimpact: major\ncomponents:\n  web: partial_outage\nupdates:\n  - at: 2022-12-28T12:10:00Z\n    status: investigating\n    message: Errors.\n---\n`,
      },
      ['web'],
    ).entry!;
    expect(decide('web', runsOf('down', 'down', 'down'), POLICY, [staff], T0 + 10 * MIN)).toEqual({ kind: 'none' });
    expect(decide('web', runsOf('down', 'down', 'down'), POLICY, [], T0 + 10 * MIN)).toMatchObject({
      kind: 'open',
      status: 'major_outage',
      started: T0,
    });
  });
});
