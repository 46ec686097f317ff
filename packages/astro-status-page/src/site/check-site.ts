import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { catalogOf } from '../i18n/catalog.ts';
import { directionOf } from '../i18n/locales.ts';
import { buildApi } from '../outputs/api.ts';
import { maintenanceCalendar } from '../outputs/calendar.ts';
import { feedItems } from '../outputs/feed.ts';
import { nearest } from '../rules/nearest.ts';
import { buildStatusModel, type StatusModel } from '../model/status-model.ts';
import { siteText } from '../model/site-text.ts';
import { activeSvgProblems } from '../files/active-svg.ts';
import { SiteConfigError } from '../files/site-files.ts';
import { openSite, type OpenSite } from '../files/open-site.ts';
import { linksLeavingSite } from '../files/site-links.ts';
import { readProbeData, type ProbeData } from '../files/probe-data.ts';
import { deployment, deploymentEnvProblem } from '../rules/urls.ts';
import type { Problem, ValidIncidentFile } from '../files/validate.ts';
import { renderProblems } from './render-problems.ts';
import type { SiteConfig } from '../files/schemas/site-config.ts';

export interface SiteCheck {
  config?: SiteConfig;
  entries: ValidIncidentFile[];
  /** Files read under incidents/, valid or not. */
  files: number;
  problems: Problem[];
  /** The model the pages are built from, when there were no problems: `npm run build` hands it to Astro. */
  model?: StatusModel;
}

/**
 * Everything the build does except writing files: read and validate the
 * config and every incident file, render every message and body, and compute
 * the model, the API, the feeds and the calendar. `status check`, the build
 * (before Astro starts) and the CLI's writes all run this, so `check`
 * passing means the build passes.
 */
export function checkSite(
  dir: string,
  options: {
    now: number;
    clock?: number;
    publicDir?: string;
    ownsRoot?: boolean;
    env?: Record<string, string | undefined>;
  },
): SiteCheck {
  let site: OpenSite;
  // public/ is the folder Astro copies into the site as it is: the logo must be there.
  const publicDir = options.publicDir ?? join(dir, 'public');
  try {
    site = openSite(dir, { publicDir, clock: options.clock });
  } catch (error) {
    if (error instanceof SiteConfigError) return { entries: [], files: 0, problems: error.problems };
    throw error;
  }
  const { config, entries, problems } = site;
  // Nothing outside the site is read (probes/) or published (public/, which Astro copies following links).
  // incidents/ itself is reported where it is read; templates/ is read only by the commands that write.
  const reported = new Set(problems.map((problem) => problem.file));
  problems.push(
    ...linksLeavingSite(dir, { publicDir, contentFolders: true }).filter((problem) => !reported.has(problem.file)),
  );
  // A page that is a site of its own publishes the root's _headers; a host site embedding it keeps its own.
  if (options.ownsRoot !== false && existsSync(join(publicDir, HEADERS)))
    problems.push(headersProblem(relative(dir, join(publicDir, HEADERS))));
  // Published on the page's own address: no SVG there may carry a script (a host site's public/ is its own).
  if (options.ownsRoot !== false) problems.push(...activeSvgProblems(dir, publicDir));
  const files = site.sources.length;
  // STATUS_SITE_URL and STATUS_BASE stand in for the config's url: checked as it is, naming the variable.
  const envProblem = deploymentEnvProblem(options.env ?? process.env);
  if (envProblem)
    problems.push({ file: 'environment', line: 1, field: envProblem.variable, message: envProblem.message });
  if (problems.length > 0) return { config, entries, files, problems };
  problems.push(...renderProblems(entries));
  problems.push(...mergeProblems(entries, new Map(site.sources.map((source) => [source.path, source.text]))));
  // A probe data line that cannot be read costs only itself (`probe` warns of it), never the build.
  const outputs = outputProblems(config, entries, options.now, readProbeData(dir), options.env ?? process.env);
  problems.push(...outputs.problems);
  return { config, entries, files, problems, ...(problems.length === 0 ? { model: outputs.model } : {}) };
}

const HEADERS = '_headers';

const headersProblem = (file: string): Problem => ({
  file,
  line: 1,
  field: 'file',
  message:
    "astro-status-page publishes _headers itself: its Content-Security-Policy names the hashes of the engine's own scripts, which change between releases, so a copy here would block them after an upgrade; delete this file",
});

/**
 * A merged incident names one that follows it: another incident of this site,
 * so its page can link there and that incident carries the components.
 */
export function mergeProblems(
  entries: readonly ValidIncidentFile[],
  texts: ReadonlyMap<string, string> = new Map(),
): Problem[] {
  const kinds = new Map(entries.map((entry) => [entry.slug, entry.data.kind]));
  const incidents = entries.filter((entry) => entry.data.kind === 'incident').map((entry) => entry.slug);
  const problems: Problem[] = [];
  for (const entry of entries) {
    if (entry.data.kind !== 'incident') continue;
    entry.data.updates.forEach((update, i) => {
      const into = update.into;
      if (into === undefined) return;
      const why =
        into === entry.slug
          ? 'names this incident itself; name the incident that follows this one'
          : kinds.get(into) === 'maintenance'
            ? `names a maintenance (${into}); an incident is merged into another incident`
            : kinds.has(into)
              ? null
              : unknownIncident(into, incidents);
      if (why === null) return;
      const lines = (texts.get(entry.file) ?? '').split('\n');
      const index = lines.findIndex((line) => /^\s*into:/.test(line) && line.includes(into));
      problems.push({ file: entry.file, line: index + 1 || 1, field: `updates.${i}.into`, message: why });
    });
  }
  return problems;
}

function unknownIncident(into: string, incidents: readonly string[]): string {
  const guess = nearest(into, incidents);
  return `names no incident of this site: "${into}" is neither a file name under incidents/ (without ".md") nor an "id:".${guess ? ` Did you mean "${guess}"?` : ''} Write the id of the incident that follows this one`;
}

/** Compute what the build publishes from the files; anything that throws is reported, not crashed on. */
function outputProblems(
  config: SiteConfig,
  entries: readonly ValidIncidentFile[],
  now: number,
  probes: ProbeData,
  env: Record<string, string | undefined>,
): { model?: StatusModel; problems: Problem[] } {
  try {
    const model = buildStatusModel(config, entries, now, probes);
    const { site, base } = deployment(config.url, env);
    buildApi({ model, site, base });
    maintenanceCalendar({
      model,
      site,
      base,
      text: siteText({ locale: config.locale, timezone: config.timezone, now }),
    });
    feedItems(model.events, catalogOf(config.locale).updateStatus, directionOf(config.locale));
    return { model, problems: [] };
  } catch (error) {
    return {
      problems: [
        {
          file: 'incidents',
          line: 1,
          field: 'site',
          message: `the pages could not be computed (${(error as Error).message}); please report this as a bug`,
        },
      ],
    };
  }
}
