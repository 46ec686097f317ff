import { expect, test } from 'vitest';
import type { ComponentStatus } from '../rules/statuses.ts';
import { homeGroup, OPEN_GROUP_COMPONENTS } from './home-groups.ts';
import type { ComponentView } from './status-model.ts';

const view = (id: string, status: ComponentStatus) => ({ id, status }) as ComponentView;
const operational = (count: number) => Array.from({ length: count }, (_, i) => view(`c${i}`, 'operational'));

test('a group up to the limit shows every component, bars and all', () => {
  const components = [...operational(OPEN_GROUP_COMPONENTS - 1), view('db', 'partial_outage')];
  expect(homeGroup('Apps', components, 'Components')).toEqual({
    rows: components,
    folded: [],
    worst: 'partial_outage',
    named: true,
  });
});

test('a larger group shows what is wrong with bars, folds the operational rest, and says its worst status', () => {
  const components = [...operational(30), view('db', 'major_outage'), view('cache', 'under_maintenance')];
  const group = homeGroup('Apps', components, 'Components');
  expect(group.rows.map((component) => component.id)).toEqual(['db', 'cache']);
  expect(group.folded).toHaveLength(30);
  expect(group.worst).toBe('major_outage');
  expect(homeGroup('Apps', operational(40), 'Components')).toMatchObject({ rows: [], worst: 'operational' });
});

test('a group named as its section ("Components" under "Components") has no heading of its own, unless folded', () => {
  expect(homeGroup('Komponenten', operational(3), 'Komponenten').named).toBe(false);
  expect(homeGroup(' components ', operational(3), 'Components').named).toBe(false);
  expect(homeGroup('Apps', operational(3), 'Components').named).toBe(true);
  // Folded, the heading says the group's worst status.
  expect(homeGroup('Components', operational(40), 'Components').named).toBe(true);
});
