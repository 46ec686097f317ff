import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { formatProblem, type Problem } from './validate.ts';
import { Refusal } from './refusal.ts';

/*
 * Nothing outside the site is read or published. The content folders
 * (incidents/, templates/, probes/) and public/ (which Astro copies into the
 * site as it is, following links) may hold symbolic links only to places
 * inside the site: a link, or the folder itself, resolving anywhere else is
 * refused with its path and where it points. incidents/ and templates/ are
 * judged where they are read (readContentFolder in site-files.ts); here
 * everything under probes/ and public/.
 */

/**
 * Every link under probes/ and `publicDir`, or either folder itself, that
 * leads outside the site or nowhere, as located
 * problems. `publicDir` may also lead into the Astro project holding it
 * (its parent folder), which may be a larger site embedding the page.
 */
export function linksLeavingSite(
  dir: string,
  { publicDir, contentFolders = false }: { publicDir?: string | undefined; contentFolders?: boolean } = {},
): Problem[] {
  const site = realOrUndefined(dir);
  if (site === undefined) return [];
  const problems: Problem[] = [];
  const name = (path: string) => {
    const rel = relative(dir, path).split(sep).join('/');
    return rel.startsWith('..') ? path : rel;
  };
  const refuse = (path: string, message: string) =>
    problems.push({ file: name(path), line: 1, field: 'file', message });
  const leaving = (real: string) =>
    `is a link to ${real}, outside the site folder ${site}; nothing outside the site is read or published: copy what it needs here instead of linking to it`;
  const walk = (root: string, inside: readonly string[]) => {
    const within = (real: string) => inside.some((top) => real === top || real.startsWith(top + sep));
    const seen = new Set<string>();
    const visit = (path: string) => {
      const stat = lstatOrUndefined(path);
      if (stat === undefined) return;
      if (stat.isSymbolicLink()) {
        const real = realOrUndefined(path);
        if (real === undefined) {
          refuse(
            path,
            `is a link to ${describeTarget(path)}, which does not exist; replace it with the file or folder itself`,
          );
          return;
        }
        if (!within(real)) {
          refuse(path, leaving(real));
          return;
        }
      }
      const real = realOrUndefined(path);
      if (real === undefined || seen.has(real)) return;
      seen.add(real);
      if (!(stat.isSymbolicLink() ? statSync(real) : stat).isDirectory()) return;
      let names: string[];
      try {
        names = readdirSync(path);
      } catch {
        return;
      }
      for (const child of names.sort()) visit(join(path, child));
    };
    visit(root);
  };
  // incidents/ and templates/ themselves, for the commands that write there (check reports them where it reads them).
  if (contentFolders)
    for (const folder of ['incidents', 'templates']) {
      const path = join(dir, folder);
      const real = realOrUndefined(path);
      if (real !== undefined && real !== site && !real.startsWith(site + sep)) refuse(path, leaving(real));
    }
  walk(join(dir, 'probes'), [site]);
  if (publicDir !== undefined) {
    const project = realOrUndefined(dirname(publicDir));
    walk(publicDir, project === undefined || project === site ? [site] : [site, project]);
  }
  return problems;
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

function describeTarget(path: string): string {
  try {
    return readlinkSync(path);
  } catch {
    return 'nowhere';
  }
}

/** Refuse to run a command that reads or writes the site's folders when one of them leads outside the site. */
export function refuseLinksLeavingSite(dir: string): void {
  const problems = linksLeavingSite(dir, { contentFolders: true });
  if (problems.length > 0)
    throw new Refusal(
      `refusing to read or write the site:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
    );
}
