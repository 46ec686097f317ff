import { expect, test } from 'vitest';
import { updateIds } from './update-id.ts';

const at = (iso: string) => Date.parse(iso);

test('an id is the update’s UTC time, whatever zone it was written in', () => {
  expect(updateIds([at('2022-12-28T12:58:00Z'), at('2022-12-28T08:24:30-05:00')])).toEqual([
    'update-20221228T125800Z',
    'update-20221228T132430Z',
  ]);
});

test('inserting or deleting an update moves no other update’s id', () => {
  const times = ['2022-12-28T12:25:00Z', '2022-12-28T12:58:00Z', '2022-12-28T13:24:00Z'].map(at);
  const ids = updateIds(times);
  const inserted = updateIds([times[0]!, at('2022-12-28T12:40:00Z'), times[1]!, times[2]!]);
  expect(inserted.filter((id) => id !== 'update-20221228T124000Z')).toEqual(ids);
  expect(updateIds([times[0]!, times[2]!])).toEqual([ids[0], ids[2]]);
});

test('milliseconds are kept when present; two updates at one moment are told apart in file order', () => {
  expect(updateIds([at('2022-12-28T12:58:00.250Z')])).toEqual(['update-20221228T125800.250Z']);
  const same = at('2022-12-28T12:58:00Z');
  expect(updateIds([same, same, same])).toEqual([
    'update-20221228T125800Z',
    'update-20221228T125800Z-2',
    'update-20221228T125800Z-3',
  ]);
});
