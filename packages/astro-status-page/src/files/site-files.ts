import { existsSync, readdirSync, readFileSync, realpathSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { decodeSource, forbiddenInFile } from '../rules/text.ts';
import { siteConfigSchema, type SiteConfig } from './schemas/site-config.ts';
import type { SourceFile } from './validate.ts';
import { checkYaml, formatProblem, parseYaml, type Problem } from './yaml-file.ts';

export const CONFIG_FILE = 'status.config.yaml';
export const INCIDENTS_DIR = 'incidents';
export const TEMPLATES_DIR = 'templates';

/** Thrown when `status.config.yaml` is wrong; lists every problem located. */
export class SiteConfigError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(
      `${CONFIG_FILE} is not valid; nothing was published:\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`,
    );
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
  const problem = (line: number, field: string, message: string): Problem => ({
    file: CONFIG_FILE,
    line,
    field,
    message,
  });
  const fail = (...problems: Problem[]): never => {
    throw new SiteConfigError(problems);
  };
  if (!existsSync(path))
    fail(
      problem(
        1,
        'file',
        `is missing from ${dir}; it names the page and its components (see docs/files.md, "Components")`,
      ),
    );
  const decoded = decodeSource(readFileSync(path));
  if (!decoded.ok) return fail(problem(1, 'file', decoded.message));
  const forbidden = forbiddenInFile(decoded.text);
  if (forbidden) fail(problem(forbidden.line, 'text', forbidden.message));
  if (decoded.text.trim() === '')
    fail(
      problem(
        1,
        'config',
        'is empty; it needs at least name, url and groups of components (see docs/files.md, "Components")',
      ),
    );
  const read = parseYaml({ file: CONFIG_FILE, yaml: decoded.text, lineOffset: 0, whole: 'config' });
  if (!('parsed' in read)) return fail(...read.problems);
  const checked = checkYaml(read.parsed, siteConfigSchema);
  if (!('data' in checked)) return fail(...checked.problems);
  const { logo } = checked.data;
  if (publicDir !== undefined && logo !== undefined && !isFile(join(publicDir, logo)))
    fail(problem(read.parsed.lineOf(['logo']), 'logo', missingLogo(logo, publicDir)));
  return checked.data;
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
  return readContentFolder(dir, INCIDENTS_DIR);
}

/** One of the site's folders of Markdown files, and what its files are called in messages. */
const FOLDER_NOUNS: Record<ContentFolder, string> = { incidents: 'incident files', templates: 'templates' };
export type ContentFolder = typeof INCIDENTS_DIR | typeof TEMPLATES_DIR;

/**
 * What may sit in a content folder (`incidents/`, `templates/`), the one rule
 * for both: every `.md` file, in subfolders too, in a stable order, with
 * paths relative to the site folder. Hidden files are skipped; whatever was
 * surely meant as a file of the folder but cannot be one (a folder or a pipe
 * named `x.md`, `x.MD`, a link that dangles or leaves the site, text that is
 * not UTF-8) comes back as an unreadable source saying why, for a located
 * problem instead of a crash. Nothing if the folder does not exist.
 */
export function readContentFolder(dir: string, folder: ContentFolder): SourceFile[] {
  const root = join(dir, folder);
  if (!existsSync(root)) return [];
  const sources: SourceFile[] = [];
  const siteRoot = realpathSync(dir);
  const noun = FOLDER_NOUNS[folder];
  // The folder itself may be a link, but only to a folder inside the site: nothing outside it is read.
  const real = realpathSync(root);
  if (real !== siteRoot && !real.startsWith(siteRoot + sep))
    return [
      {
        path: folder,
        text: '',
        unreadable: `is a link to ${real}, outside the site folder ${siteRoot}; nothing outside the site is read or published: make ${folder}/ a real folder here`,
      },
    ];
  if (!statSync(real).isDirectory())
    return [{ path: folder, text: '', unreadable: `is not a folder; ${noun} go in a folder named ${folder}/` }];
  const visit = (subfolder: string) => {
    for (const entry of readdirSync(join(dir, subfolder), { withFileTypes: true })) {
      // Hidden files are editors' and the CLI's own temporary files.
      if (entry.name.startsWith('.')) continue;
      const path = join(subfolder, entry.name);
      if (entry.isDirectory() && !entry.name.endsWith('.md')) {
        visit(path);
        continue;
      }
      const source = readSource(dir, siteRoot, path, entry, folder, noun);
      if (source) sources.push(source);
    }
  };
  visit(folder);
  return sources.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

// Names that were surely meant as content files: report them rather than skip them.
const NEAR_MISS = /\.(md|markdown|mdown|mkd)$|\.md[.~]/i;

/** One directory entry as a source, an unreadable source saying why, or undefined if it is not a content file at all. */
function readSource(
  dir: string,
  siteRoot: string,
  path: string,
  entry: Dirent,
  folder: string,
  noun: string,
): SourceFile | undefined {
  const unreadable = (why: string): SourceFile => ({ path, text: '', unreadable: why });
  const full = join(dir, path);
  if (entry.isSymbolicLink() && resolveLink(full) !== undefined && statSync(full).isDirectory()) {
    return unreadable(`is a link to a folder; folders under ${folder}/ must be real folders, not links`);
  }
  if (!entry.name.endsWith('.md')) {
    return NEAR_MISS.test(entry.name)
      ? unreadable(
          `is not read: ${noun} end in ".md" (lowercase). Did you mean ${entry.name.replace(/\.(md|markdown|mdown|mkd)\b.*$/i, '.md')}? Rename it, or move it out of ${folder}/`,
        )
      : undefined;
  }
  if (entry.isSymbolicLink()) {
    const target = resolveLink(full);
    if (target === undefined)
      return unreadable('is a link to a file that does not exist; replace it with the file itself');
    if (!target.startsWith(siteRoot + sep))
      return unreadable(`is a link to ${target}, outside the site folder; copy the file here instead of linking to it`);
    if (!statSync(full).isFile())
      return unreadable(`is a link to something that is not a file; ${noun} must be plain files`);
  } else if (entry.isDirectory()) {
    return unreadable(`is a folder, not a file; a folder under ${folder}/ must not end in .md`);
  } else if (!entry.isFile()) {
    return unreadable(`is not a plain file (a pipe, socket or device); ${noun} must be plain text files`);
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
