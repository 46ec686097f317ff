import { worstStatus } from '../rules/levels.ts';
import type { ComponentStatus } from '../rules/statuses.ts';
import type { ComponentView } from './status-model.ts';

/*
 * How the home page shows a group. A group of up to `OPEN_GROUP_COMPONENTS`
 * shows every component with its bar of days. A larger one shows its worst
 * status, the components that are not operational with their bars, and the
 * operational rest folded away as links to their own pages: at the
 * component limit (LIMITS.components, 500) the home page stays within its
 * size budget, and a reader finds what is wrong without scrolling past
 * hundreds of green bars.
 */

/** The most components a group shows whole, bars and all. */
export const OPEN_GROUP_COMPONENTS = 25;

export interface HomeGroup {
  /** Shown with their bars, in the group's order. */
  rows: ComponentView[];
  /** Operational, shown folded as links; empty for a group shown whole. */
  folded: ComponentView[];
  /** The group's worst status, said beside its name when it is folded. */
  worst: ComponentStatus;
}

export function homeGroup(components: readonly ComponentView[]): HomeGroup {
  const worst = worstStatus(components.map((component) => component.status));
  if (components.length <= OPEN_GROUP_COMPONENTS) return { rows: [...components], folded: [], worst };
  return {
    rows: components.filter((component) => component.status !== 'operational'),
    folded: components.filter((component) => component.status === 'operational'),
    worst,
  };
}
