import { expect, test } from 'vitest';
import type { StatusModel } from '../model/status-model.ts';
import { checkedSite, handOverCheckedSite } from './checked-site.ts';

test('the checked site is handed only to a build of the same folder and the same now', () => {
  const model = { now: 1 } as unknown as StatusModel;
  handOverCheckedSite({ dir: '/sites/chirp/', now: 1000, model });
  expect(checkedSite('/sites/chirp')?.model).toBe(model);
  expect(checkedSite('/sites/chirp/../chirp', 1000)?.model).toBe(model);
  expect(checkedSite('/sites/chirp', 2000)).toBeUndefined();
  expect(checkedSite('/sites/other')).toBeUndefined();
});
