import { globSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { siteConfigSchema, type SiteConfig } from '../schemas/site-config.ts';
import { formatProblem, type Problem, type SourceFile } from './validate.ts';

export const CONFIG_FILE = 'status.config.yaml';
export const INCIDENTS_DIR = 'incidents';

/**
 * The folder holding `status.config.yaml` and `incidents/`: the repository
 * root, or `STATUS_SITE_DIR` (tests and benchmarks build other sites).
 */
export function siteDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env['STATUS_SITE_DIR'] ?? '.');
}

/** Read and validate `status.config.yaml`; throws with every problem located. */
export function readSiteConfig(dir: string): SiteConfig {
  const path = join(dir, CONFIG_FILE);
  const lines = new LineCounter();
  const doc = parseDocument(readFileSync(path, 'utf8'), { lineCounter: lines, schema: 'core' });
  const result = siteConfigSchema.safeParse(doc.toJS());
  if (result.success) return result.data;
  const problems: Problem[] = result.error.issues.map((issue) => {
    const node = doc.getIn(issue.path, true) as { range?: [number] } | undefined;
    return {
      file: relative(process.cwd(), path),
      line: node?.range ? lines.linePos(node.range[0]).line : 1,
      field: issue.path.join('.') || 'config',
      message: issue.message,
    };
  });
  throw new Error(`${CONFIG_FILE} is not valid:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
}

/** Every `incidents/**\/*.md` file, in a stable order, with paths relative to the site folder. */
export function readIncidentSources(dir: string): SourceFile[] {
  return globSync('**/*.md', { cwd: join(dir, INCIDENTS_DIR) })
    .sort()
    .map((file) => {
      const path = join(INCIDENTS_DIR, file);
      return { path, text: readFileSync(join(dir, path), 'utf8') };
    });
}
