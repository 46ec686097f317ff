import type { Loader } from 'astro/loaders';
import { listComponents } from '../schemas/site-config.ts';
import { readIncidentSources, readSiteConfig, siteDir } from '../lib/site-files.ts';
import { IncidentValidationError, validateIncidentFiles } from '../lib/validate.ts';

/**
 * Loads `incidents/**\/*.md` with our own validator instead of the glob
 * loader: the glob loader's YAML parser turns `2022-12-28T12:13:00` into a UTC
 * date, hiding a missing zone, and it cannot check rules across files (unique
 * slugs) or report line numbers. The CLI's `check` runs the same function.
 */
export function incidentsLoader(): Loader {
  return {
    name: 'status-incidents',
    load: async ({ store, generateDigest }) => {
      const dir = siteDir();
      const componentIds = listComponents(readSiteConfig(dir)).map((component) => component.id);
      const { entries, problems } = validateIncidentFiles(readIncidentSources(dir), componentIds);
      if (problems.length > 0) throw new IncidentValidationError(problems);
      store.clear();
      for (const entry of entries) {
        const data = { file: entry.file, frontmatter: entry.data };
        store.set({ id: entry.slug, data, body: entry.body, filePath: entry.file, digest: generateDigest({ ...data, body: entry.body }) });
      }
    },
  };
}
