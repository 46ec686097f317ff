import { expect, test } from 'vitest';
import { groupIds } from './api.ts';

test('group ids are unique: a slug of the name, the position when the name has no Latin slug, the position added when a slug is taken', () => {
  expect(groupIds(['Apps', 'アプリ', 'الخدمات', 'Core services', 'Apps!', 'apps'])).toEqual([
    'group-apps',
    'group-2',
    'group-3',
    'group-core-services',
    'group-apps-5',
    'group-apps-6',
  ]);
});
