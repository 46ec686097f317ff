import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { decodeSource, forbiddenInFile } from '../rules/text.ts';
import { LineCounter, parseDocument } from 'yaml';
import { siteConfigSchema, type SiteConfig } from './schemas/site-config.ts';
import { formatProblem, toPlainData, type Problem, type SourceFile } from './validate.ts';

export const CONFIG_FILE = 'status.config.yaml';
export const INCIDENTS_DIR = 'incidents';

/**
 * The folder holding `status.config.yaml` and `incidents/`: the repository
 * root, or `STATUS_SITE_DIR` (tests and benchmarks build other sites).
 */
export function siteDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env['STATUS_SITE_DIR'] ?? '.');
}

/** Thrown when `status.config.yaml` is wrong; lists every problem located. */
export class SiteConfigError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(`${CONFIG_FILE} is not valid; nothing was published:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`);
    this.name = 'SiteConfigError';
    this.problems = problems;
  }
}

/**
 * Read and validate `status.config.yaml`: the one reader of the config, used
 * by the build (astro.config.mjs and the model), `check` and the CLI, so they
 * can never read it differently. Throws a SiteConfigError with every problem.
 * Given `publicDir` (the folder Astro copies into the site), it also checks
 * that the logo is there; `check` and `npm run build` do, before building.
 */
export function readSiteConfig(dir: string, { publicDir }: { publicDir?: string } = {}): SiteConfig {
  const path = join(dir, CONFIG_FILE);
  const problem = (line: number, field: string, message: string): Problem => ({ file: CONFIG_FILE, line, field, message });
  const fail = (...problems: Problem[]): never => {
    throw new SiteConfigError(problems);
  };
  if (!existsSync(path)) fail(problem(1, 'file', `is missing from ${dir}; it names the page and its components (see README, "Components")`));
  const decoded = decodeSource(readFileSync(path));
  if (!decoded.ok) return fail(problem(1, 'file', decoded.message));
  const forbidden = forbiddenInFile(decoded.text);
  if (forbidden) fail(problem(forbidden.line, 'text', forbidden.message));
  if (decoded.text.trim() === '') fail(problem(1, 'config', 'is empty; it needs at least name, url and groups of components (see README, "Components")'));
  const lines = new LineCounter();
  const doc = parseDocument(decoded.text, { lineCounter: lines, schema: 'core', prettyErrors: false });
  const yaml = [...doc.errors, ...doc.warnings];
  if (yaml.length > 0) fail(...yaml.map((error) => problem(lines.linePos(error.pos[0]).line, 'config', `YAML: ${error.message.split('\n')[0]}`)));
  const data = toPlainData(doc);
  if (!data.ok) return fail(problem(1, 'config', data.message));
  const lineOf = (path: readonly PropertyKey[]) => {
    const node = doc.getIn(path, true) as { range?: [number] } | undefined;
    return node?.range ? lines.linePos(node.range[0]).line : 1;
  };
  const result = siteConfigSchema.safeParse(data.value);
  if (!result.success) return fail(...result.error.issues.map((issue) => problem(lineOf(issue.path), issue.path.join('.') || 'config', issue.message)));
  const { logo } = result.data;
  if (publicDir !== undefined && logo !== undefined && !isFile(join(publicDir, logo))) fail(problem(lineOf(['logo']), 'logo', missingLogo(logo, publicDir)));
  return result.data;
}

const isFile = (path: string) => existsSync(path) && statSync(path).isFile();

/** "names /logo.svg, but there is no public/logo.svg; …", with the images that are there. */
function missingLogo(logo: string, folder: string): string {
  const images = (existsSync(folder) ? readdirSync(folder, { recursive: true, withFileTypes: true }) : [])
    .filter((entry) => entry.isFile() && /\.(svg|png)$/i.test(entry.name))
    .map((entry) => `/${relative(folder, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort();
  const there = images.length > 0 ? `images there: ${images.join(', ')}` : 'there are no SVG or PNG files there';
  return `names ${logo}, but there is no public${logo}; add the file to public/ or remove logo (${there})`;
}

/** Every `incidents/**\/*.md` file, in a stable order, with paths relative to the site folder. */
export function readIncidentSources(dir: string): SourceFile[] {
  const root = join(dir, INCIDENTS_DIR);
  if (!existsSync(root)) return [];
  const sources: SourceFile[] = [];
  const siteRoot = realpathSync(dir);
  const visit = (folder: string) => {
    for (const entry of readdirSync(join(dir, folder), { withFileTypes: true })) {
      // Hidden files are editors' and the CLI's own temporary files.
      if (entry.name.startsWith('.')) continue;
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.endsWith('.md')) {
        visit(path);
        continue;
      }
      const source = readSource(dir, siteRoot, path, entry);
      if (source) sources.push(source);
    }
  };
  visit(INCIDENTS_DIR);
  return sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// Names that were surely meant as incident files: report them rather than skip them.
const NEAR_MISS = /\.(md|markdown|mdown|mkd)$|\.md[.~]/i;

/** One directory entry as a source, an unreadable source saying why, or undefined if it is not an incident file at all. */
function readSource(dir: string, siteRoot: string, path: string, entry: Dirent): SourceFile | undefined {
  const unreadable = (why: string): SourceFile => ({ path, text: '', unreadable: why });
  const full = join(dir, path);
  if (entry.isSymbolicLink() && resolveLink(full) !== undefined && statSync(full).isDirectory()) {
    return unreadable('is a link to a folder; folders under incidents/ must be real folders, not links');
  }
  if (!entry.name.endsWith('.md')) {
    return NEAR_MISS.test(entry.name) ? unreadable(`is not read: incident files end in ".md" (lowercase). Did you mean ${entry.name.replace(/\.(md|markdown|mdown|mkd)\b.*$/i, '.md')}? Rename it, or move it out of incidents/`) : undefined;
  }
  if (entry.isSymbolicLink()) {
    const target = resolveLink(full);
    if (target === undefined) return unreadable('is a link to a file that does not exist; replace it with the file itself');
    if (!target.startsWith(siteRoot + sep)) return unreadable(`is a link to ${target}, outside the site folder; copy the file here instead of linking to it`);
    if (!statSync(full).isFile()) return unreadable('is a link to something that is not a file; incident files must be plain files');
  } else if (entry.isDirectory()) {
    return unreadable('is a folder, not a file; a folder under incidents/ must not end in .md');
  } else if (!entry.isFile()) {
    return unreadable('is not a plain file (a pipe, socket or device); incident files must be plain text files');
  }
  const decoded = decodeSource(readFileSync(full));
  return decoded.ok ? { path, text: decoded.text } : unreadable(decoded.message);
}

function resolveLink(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}
