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
  /**
   * Whether its name is said as a heading: not when it only repeats the
   * section's ("Components" under "Components", as `status init` names the
   * components no group took), unless it is folded and says its worst status there.
   */
  named: boolean;
}

/** The home page's view of a group named `name`, under the section heading `section`. */
export function homeGroup(name: string, components: readonly ComponentView[], section: string): HomeGroup {
  const worst = worstStatus(components.map((component) => component.status));
  const repeatsSection = name.trim().toLocaleLowerCase() === section.trim().toLocaleLowerCase();
  if (components.length <= OPEN_GROUP_COMPONENTS)
    return { rows: [...components], folded: [], worst, named: !repeatsSection };
  return {
    rows: components.filter((component) => component.status !== 'operational'),
    folded: components.filter((component) => component.status === 'operational'),
    worst,
    named: true,
  };
}
