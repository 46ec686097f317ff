import { describe, expect, test } from 'vitest';
import { CONFIG, incident } from '../../tests/helpers/incident-files.ts';
import { eventAt } from './events.ts';
import { buildStatusModel } from './status-model.ts';
import { promiseAt } from './promise.ts';

/** An outage whose updates promise the next: the first in 30 min (kept), the second by 13:30 UTC; then resolved. */
function outage() {
  const file = incident('outage', {
    components: { web: 'major_outage' },
    updates: [
      ['2022-12-28T12:30:00Z', 'investigating'],
      ['2022-12-28T12:50:00Z', 'identified'],
      ['2022-12-28T14:00:00Z', 'resolved'],
    ],
  });
  const [first, second] = file.data.updates as Array<{ next_update?: string }>;
  first!.next_update = '30 min';
  second!.next_update = '2022-12-28T13:30:00Z';
  return file;
}

const at = (iso: string) => {
  const now = Date.parse(iso);
  return promiseAt(eventAt(outage(), now)!, now);
};

describe('the promise an open incident shows: only its newest update’s, until it closes', () => {
  test('after the first update, its 30 min: due by 13:00', () => {
    expect(at('2022-12-28T12:40:00Z')).toEqual({ state: 'due', by: Date.parse('2022-12-28T13:00:00Z') });
  });

  test('the second update’s promise replaces the first (kept, so never overdue)', () => {
    expect(at('2022-12-28T13:10:00Z')).toEqual({ state: 'due', by: Date.parse('2022-12-28T13:30:00Z') });
  });

  test('less than a minute past the promise is not yet overdue; 12 min past is', () => {
    expect(at('2022-12-28T13:30:59Z')?.state).toBe('due');
    expect(at('2022-12-28T13:42:00Z')).toEqual({
      state: 'overdue',
      by: Date.parse('2022-12-28T13:30:00Z'),
      overdueBy: 12 * 60_000,
    });
  });

  test('resolved, it promises nothing', () => {
    expect(at('2022-12-28T14:30:00Z')).toBeUndefined();
  });

  test('an update without next_update promises nothing, whatever an older one said', () => {
    const file = outage();
    delete (file.data.updates[1] as { next_update?: string }).next_update;
    const now = Date.parse('2022-12-28T13:10:00Z');
    expect(promiseAt(eventAt(file, now)!, now)).toBeUndefined();
  });

  test('the model carries it on the open incident', () => {
    const model = buildStatusModel(CONFIG, [outage()], Date.parse('2022-12-28T12:40:00Z'));
    expect(model.activeIncidents[0]?.nextUpdateBy).toBe(Date.parse('2022-12-28T13:00:00Z'));
  });
});
