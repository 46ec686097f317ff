import en from '../i18n/en.json' with { type: 'json' };
import { COMPONENT_STATUSES, IMPACTS, type ComponentStatus, type Impact } from './statuses.ts';

/*
 * The page's one vocabulary. Every level has one word, one symbol and one
 * colour, shared by the banner, incident cards, component rows, badges and the
 * API, so the same words never mean two things on one screen. The levels line
 * up with the component statuses the way Atlassian Statuspage's colours and
 * API descriptions do: minor = degraded (yellow ▲), major = partial outage
 * (orange ◆), critical = major outage (red ✕).
 *
 * The English words (badges, notifications, the CLI) are the English
 * catalog's (src/i18n/en.json), their one owner; pages take theirs from the
 * site's catalog. The API's words are Statuspage's, which clients compare, so
 * they are written here; levels.test.ts fails if the two drift apart.
 */

/** The page's (or an incident's) level: an impact, or maintenance. */
export type Level = Impact | 'maintenance';

export interface LevelWords {
  /** The banner's sentence and an incident's severity, in sentence case. */
  label: string;
  /** Statuspage's `status.description` for this indicator (the same words, title case). */
  api: string;
  symbol: string;
}

export const LEVELS: Record<Level, LevelWords> = {
  none: { label: en.levels.none, api: 'All Systems Operational', symbol: '✓' },
  maintenance: { label: en.levels.maintenance, api: 'Service Under Maintenance', symbol: '⚙' },
  minor: { label: en.levels.minor, api: 'Minor Service Outage', symbol: '▲' },
  major: { label: en.levels.major, api: 'Partial System Outage', symbol: '◆' },
  critical: { label: en.levels.critical, api: 'Major System Outage', symbol: '✕' },
};

/** Words and symbols for component statuses; each shares its symbol and colour with the level it implies. */
export const COMPONENT_STATUS_WORDS: Record<ComponentStatus, { label: string; symbol: string }> = {
  operational: { label: en.componentStatus.operational.label, symbol: '✓' },
  under_maintenance: { label: en.componentStatus.under_maintenance.label, symbol: '⚙' },
  degraded_performance: { label: en.componentStatus.degraded_performance.label, symbol: '▲' },
  partial_outage: { label: en.componentStatus.partial_outage.label, symbol: '◆' },
  major_outage: { label: en.componentStatus.major_outage.label, symbol: '✕' },
};

/** The impact a component status means for users: a major outage is critical, maintenance is none. */
export const IMPACT_OF_STATUS: Record<ComponentStatus, Impact> = {
  operational: 'none',
  under_maintenance: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
};

/** The more severe of two impacts. */
export const worseImpact = (a: Impact, b: Impact): Impact => (IMPACTS.indexOf(a) >= IMPACTS.indexOf(b) ? a : b);

/** The worst of several statuses; operational when there are none. */
export function worstStatus(statuses: Iterable<ComponentStatus>): ComponentStatus {
  let worst = 0;
  for (const status of statuses) worst = Math.max(worst, COMPONENT_STATUSES.indexOf(status));
  return COMPONENT_STATUSES[worst]!;
}

/** The least impact that these component statuses imply. */
export function impliedImpact(statuses: Iterable<ComponentStatus>): Impact {
  return IMPACT_OF_STATUS[worstStatus(statuses)];
}
