export { assertValid } from '../site/assert-valid.ts';
import { nearestMatches } from '../rules/nearest.ts';
import { absoluteUrl, deployment, paths } from '../rules/urls.ts';
import { slugFromPath } from '../rules/slug.ts';
import { slugHolders, type SourceFile, type ValidIncidentFile } from '../files/validate.ts';
import { openSite, type OpenSite } from '../files/open-site.ts';
import type { SiteConfig } from '../files/schemas/site-config.ts';
import type { ComponentStatus, Impact } from '../rules/statuses.ts';
import { Refusal } from '../files/refusal.ts';
import { refuseLinksLeavingSite } from '../files/site-links.ts';

/** A status site on disk, read and validated exactly as the build reads it. */
export type Site = OpenSite;

/** Read `status.config.yaml`, every incident file and template under `dir`, and validate the incident files. */
export function loadSite(dir: string): Site {
  refuseLinksLeavingSite(dir);
  try {
    return openSite(dir);
  } catch (error) {
    // A config that is wrong or cannot be read: its message lists every problem, located.
    throw new Refusal((error as Error).message);
  }
}

/** A component's name as the page shows it ("iOS app" for `ios`). */
export function componentName(site: Site, id: string): string {
  return site.components.find((component) => component.id === id)?.name ?? id;
}

/**
 * The zone clock times like "07:13" are read in: the site's `timezone` when
 * status.config.yaml declares one, else UTC.
 */
export function siteTimeZone(config: SiteConfig): string {
  return (config as SiteConfig & { timezone?: string }).timezone ?? 'UTC';
}

/** Every component's status at `now`, as the page shows it. */
export async function currentStatuses(site: Site, now: number): Promise<Map<string, ComponentStatus>> {
  // Loaded only when asked: scripts that never prompt start faster without the model.
  const [{ eventAt, isActive }, { deriveComponentStatuses }] = await Promise.all([
    import('../model/events.ts'),
    import('../model/status.ts'),
  ]);
  const active = validEntries(site)
    .flatMap((entry) => eventAt(entry, now) ?? [])
    .filter(isActive);
  return deriveComponentStatuses(site.componentIds, active);
}

/** The statuses of the components an incident affects at `now`, and the impact it is shown at. */
export async function incidentStatusesNow(
  entry: ValidIncidentFile,
  now: number,
): Promise<{ statuses: Map<string, ComponentStatus>; impact: Impact }> {
  const { eventAt } = await import('../model/events.ts');
  const event = eventAt(entry, now);
  if (event?.kind !== 'incident') return { statuses: new Map(), impact: 'none' };
  return {
    statuses: new Map(event.components.map((component) => [component.id, component.status])),
    impact: event.impact,
  };
}

/** Every file of the site that passes validation, by slug. */
export function validEntries(site: Site): ValidIncidentFile[] {
  return site.entries;
}

/** A slug `update` and friends may take, and whether its event is still open (open ones are suggested first). */
export interface SlugChoice {
  slug: string;
  open: boolean;
}

/** How many slugs a refusal suggests: a misspelling needs the nearest few, never the whole history. */
const SUGGESTED_SLUGS = 5;

/** A slug as typed: in full, or without its date. */
const slugForms = (slug: string) => [slug, slug.replace(/^\d{4}-\d{2}-\d{2}-/, '')];

/** "unknown slug" with at most five near matches, open ones first, and where the full list is. */
export function describeUnknownSlug(slug: string, choices: readonly SlugChoice[]): string {
  const open = new Set(choices.filter((choice) => choice.open).map((choice) => choice.slug));
  const matches = nearestMatches(slug, [...new Set(choices.map((choice) => choice.slug))], {
    limit: SUGGESTED_SLUGS,
    forms: slugForms,
    first: (candidate) => open.has(candidate),
  });
  const everything = 'Every slug: npm run status -- list --all';
  if (matches.length === 0)
    return `unknown slug "${slug}"; none is close. Open now: ${[...open].join(', ') || '(none)'}. ${everything}`;
  const lines = matches.map((match) => `  ${match}${open.has(match) ? '  (open)' : ''}`);
  return [`unknown slug "${slug}". Did you mean:`, ...lines, everything].join('\n');
}

/**
 * The file a slug names: its exact slug (its `id`, or its file name), or the
 * slug without its date (`login-failing` for `2022-12-28-login-failing`) when
 * only one file ends so. Refuses with the nearest slugs among `choices` otherwise.
 */
export function findSource(site: Site, slug: string, choices: readonly SlugChoice[]): SourceFile {
  const holders = [...slugHolders(site.sources, site.entries)];
  const bySlug = (wanted: (candidate: string) => boolean) => [
    ...new Set(holders.filter(([candidate]) => wanted(candidate)).map(([, path]) => path)),
  ];
  const exact = bySlug((candidate) => candidate === slug);
  const suffix = exact.length > 0 ? exact : bySlug((candidate) => candidate.endsWith(`-${slug}`));
  if (suffix.length === 1) return site.sources.find((source) => source.path === suffix[0])!;
  // Each file by the slug its page has: its id, else its file name.
  const shown = (path: string) => site.entries.find((entry) => entry.file === path)?.slug ?? slugFromPath(path);
  if (suffix.length > 1) throw new Refusal(`"${slug}" matches ${suffix.map(shown).join(', ')}; give the full slug`);
  throw new Refusal(describeUnknownSlug(slug, choices));
}

/** The public URL of an incident's page, honouring STATUS_SITE_URL and STATUS_BASE as the build does. */
export function pageUrl(site: Site, slug: string, env: Record<string, string | undefined> = process.env): string {
  const { site: origin, base } = deployment(site.config.url, env);
  return absoluteUrl(origin, base, paths.incident(slug));
}
