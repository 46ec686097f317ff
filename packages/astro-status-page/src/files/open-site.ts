import { listComponents, type Component, type SiteConfig } from './schemas/site-config.ts';
import { readIncidentSources, readSiteConfig } from './site-files.ts';
import { readTemplates, type Template } from './templates.ts';
import { validateIncidentFiles, type Problem, type SourceFile, type ValidIncidentFile } from './validate.ts';

/*
 * The site on disk, read the one way check, build, CLI, import and bench all
 * read it: the config, its components, every incident file and template, and
 * the incident files validated against those components.
 */

/** The site's files as read, before the incident rules are applied. */
export interface SiteFiles {
  dir: string;
  config: SiteConfig;
  /** Every component, in the config's order. */
  components: Component[];
  componentIds: string[];
  /** Every file under incidents/, readable or not. */
  sources: SourceFile[];
  /** The templates that can be used, and the problems of those that cannot. */
  templates: { templates: Template[]; problems: Problem[] };
}

/** The site read and its incident files validated. */
export interface OpenSite extends SiteFiles {
  /** The incident files that pass every rule. */
  entries: ValidIncidentFile[];
  /** Every problem of the incident files (not of the templates: they have their own). */
  problems: Problem[];
}

export interface ReadSiteOptions {
  /** Check the logo against this folder (Astro's `public/`), as `check` and the build do. */
  publicDir?: string | undefined;
  /** A config already in hand (the importer's, about to be written) instead of `status.config.yaml`. */
  config?: SiteConfig | undefined;
}

export interface OpenSiteOptions extends ReadSiteOptions {
  /** The real clock, for the "too far in the future" rules (default: now). */
  clock?: number | undefined;
  /** A file's entry from an earlier check of the very same text and component ids; such files are not parsed again. */
  unchanged?: (source: SourceFile, componentIds: readonly string[]) => ValidIncidentFile | undefined;
}

/** Read the site at `dir` without validating its incident files. Throws a SiteConfigError if the config is wrong. */
export function readSite(dir: string, options: ReadSiteOptions = {}): SiteFiles {
  const config =
    options.config ?? readSiteConfig(dir, options.publicDir === undefined ? {} : { publicDir: options.publicDir });
  const components = listComponents(config);
  return {
    dir,
    config,
    components,
    componentIds: components.map((component) => component.id),
    sources: readIncidentSources(dir),
    templates: readTemplates(dir),
  };
}

/** Read the site at `dir` and validate every incident file, rules across files included. Throws a SiteConfigError if the config is wrong. */
export function openSite(dir: string, options: OpenSiteOptions = {}): OpenSite {
  const site = readSite(dir, options);
  const { unchanged } = options;
  const { entries, problems } = validateIncidentFiles(
    site.sources,
    site.componentIds,
    unchanged && ((source) => unchanged(source, site.componentIds)),
    options.clock,
  );
  return { ...site, entries, problems };
}
