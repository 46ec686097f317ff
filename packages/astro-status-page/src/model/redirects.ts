import { escapeHtml } from '../rules/markdown.ts';
import type { ValidIncidentFile } from '../files/validate.ts';
import { paths } from '../rules/urls.ts';

/*
 * Old links keep working after a move: an imported file's `source` names the
 * page it came from, and the build answers that page's old path with a
 * redirect to ours, both as a `_redirects` rule (Netlify, Cloudflare Pages)
 * and as a small static page for hosts without one.
 */

/** One old path (site-relative) and the incident page it now lives at. */
export interface LegacyRedirect {
  from: string;
  slug: string;
  title: string;
}

/**
 * Where each source published an incident: Statuspage `/incidents/<id>`;
 * cState `/issues/<segment>/`, which Hugo lowercases by default
 * (`disablePathToLower`), so both that and the original case are answered.
 */
const OLD_PATHS: Record<string, (id: string) => string[]> = {
  statuspage: (id) => [`/incidents/${id}/`],
  cstate: (id) => [...new Set([`/issues/${id.toLowerCase()}/`, `/issues/${id}/`])],
};

/**
 * The redirects of the published files, by old path. A path the site itself
 * publishes (an incident whose slug equals its old id) gets none, and the
 * first file to claim a path keeps it.
 */
export function legacyRedirects(files: readonly ValidIncidentFile[]): LegacyRedirect[] {
  const own = new Set(files.map((file) => paths.incident(file.slug)));
  const byPath = new Map<string, LegacyRedirect>();
  for (const file of files) {
    for (const [from, id] of Object.entries(file.data.source ?? {})) {
      for (const path of id === undefined ? [] : (OLD_PATHS[from]?.(id) ?? [])) {
        if (!own.has(path) && !byPath.has(path))
          byPath.set(path, { from: path, slug: file.slug, title: file.data.title });
      }
    }
  }
  return [...byPath.values()].sort((a, b) => a.from.localeCompare(b.from));
}

/** `_redirects` in the Netlify and Cloudflare Pages format: permanent, with and without the trailing slash. */
export function redirectsFile(redirects: readonly LegacyRedirect[], withBase: (path: string) => string): string {
  return redirects
    .flatMap(({ from, slug }) => {
      const to = withBase(paths.incident(slug));
      return [`${withBase(from.replace(/\/$/, ''))} ${to} 301`, `${withBase(from)} ${to} 301`];
    })
    .map((line) => `${line}\n`)
    .join('');
}

/** The static page at an old path: a meta refresh and a link, no script, kept out of search indexes. */
export function redirectPage(redirect: LegacyRedirect, href: string, canonical: string): string {
  const to = escapeHtml(href);
  const title = escapeHtml(redirect.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${to}">
<link rel="canonical" href="${escapeHtml(canonical)}">
<title>Moved: ${title}</title>
</head>
<body>
<p>This incident has moved: <a href="${to}">${title}</a>.</p>
</body>
</html>
`;
}
