import { catalogOf } from '../i18n/catalog.ts';
import { listFormatOf } from '../i18n/locales.ts';
import { COMPONENT_STATUS_WORDS, LEVELS } from '../rules/levels.ts';

/** The CLI speaks English, as staff write incident files. */
const NO_IMPACT_LABEL = catalogOf('en').levels.noImpact;
import type { SiteConfig } from '../files/schemas/site-config.ts';
import { IMPACTS, type ComponentStatus, type Impact } from '../rules/statuses.ts';

/** One entry of a menu: what is written to the file, and what a person reads. */
export interface Choice {
  value: string;
  label: string;
}

/** Plain words as menu entries. */
export const plainChoices = (values: readonly string[]): Choice[] => values.map((value) => ({ value, label: value }));

/** "✕ Major outage": a status in the page's words and symbol. */
export const statusWords = (status: ComponentStatus): string =>
  `${COMPONENT_STATUS_WORDS[status].symbol} ${COMPONENT_STATUS_WORDS[status].label}`;

/** Every component by name, grouped and ordered as on the page, each with its status now. */
export function componentGroups(
  config: SiteConfig,
  statuses: ReadonlyMap<string, ComponentStatus>,
): Map<string, Choice[]> {
  return new Map(
    config.groups.map((group) => [
      group.name,
      group.components.map((component) => ({
        value: component.id,
        label: `${component.name} (now ${statusWords(statuses.get(component.id) ?? 'operational')})`,
      })),
    ]),
  );
}

/** Component statuses as menu entries, in the page's words. */
export const statusChoices = (statuses: readonly ComponentStatus[]): Choice[] =>
  statuses.map((status) => ({ value: status, label: statusWords(status) }));

/**
 * Impacts from the worst down (a person in an outage looks for the bad ones
 * first), the proposed one marked. One below it is allowed, but the page
 * raises it to what the statuses imply, and says so; `none` is left out
 * while a component is down, as the build refuses it then.
 */
export function impactChoices(proposed: Impact): Choice[] {
  const note = (impact: Impact) => {
    if (impact === proposed) return ' (proposed)';
    return IMPACTS.indexOf(impact) < IMPACTS.indexOf(proposed) ? ` (the page shows ${proposed} anyway)` : '';
  };
  const allowed = IMPACTS.filter((impact) => impact !== 'none' || proposed === 'none');
  return [...allowed].reverse().map((impact) => ({
    value: impact,
    label: `${impact}: ${LEVELS[impact].symbol} ${impact === 'none' ? NO_IMPACT_LABEL : LEVELS[impact].label}${note(impact)}`,
  }));
}

/**
 * What to tell staff when the impact they passed is below what the statuses
 * imply, which the page raises it to: `--impact major` ("Partial system
 * outage") with `timelines=major_outage` is shown as critical. Undefined when
 * it is not raised.
 */
export function raisedImpactNote(declared: Impact, implied: Impact, because: readonly string[]): string | undefined {
  if (IMPACTS.indexOf(declared) >= IMPACTS.indexOf(implied)) return undefined;
  const words = (impact: Impact) => `${impact} ("${impact === 'none' ? NO_IMPACT_LABEL : LEVELS[impact].label}")`;
  return `Impact: writing ${words(declared)}, but the page, feeds and API show ${words(implied)}: ${because.join(', ')} implies it`;
}

/** "Web, iOS app and Login": names in a sentence. */
export const joinNames = (names: readonly string[]): string => listFormatOf('en').format(names);

/** "1 file", "3 files": a count in a sentence. */
export const count = (n: number, word: string, plural = `${word}s`): string => `${n} ${n === 1 ? word : plural}`;
