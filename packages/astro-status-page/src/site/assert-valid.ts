import { formatProblem, validateIncidentFiles, type ValidIncidentFile } from '../files/validate.ts';
import type { SiteFiles } from '../files/open-site.ts';
import { Refusal } from '../files/refusal.ts';
import { renderProblems } from './render-problems.ts';

/**
 * Validate `text` as the file at `path` together with every other file (so
 * cross-file rules such as unique slugs hold), exactly as the build would.
 * The CLI and the probe can therefore never write a file that the build refuses.
 */
export function assertValid(
  site: Pick<SiteFiles, 'sources' | 'componentIds'>,
  path: string,
  text: string,
): ValidIncidentFile {
  const sources = [...site.sources.filter((source) => source.path !== path), { path, text }];
  const { entries, problems } = validateIncidentFiles(sources, site.componentIds);
  const own = problems.filter((problem) => problem.file === path);
  if (own.length > 0) {
    throw new Refusal(
      `refusing to write ${path}; the build would reject it:\n${own.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
    );
  }
  const entry = entries.find((candidate) => candidate.file === path);
  if (!entry) throw new Refusal(`refusing to write ${path}: it did not validate`);
  const rendering = renderProblems([entry]);
  if (rendering.length > 0)
    throw new Refusal(
      `refusing to write ${path}; the build would reject it:\n${rendering.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
    );
  return entry;
}
