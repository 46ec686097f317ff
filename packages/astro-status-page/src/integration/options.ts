import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/** What a site may pass to `statusPage()` in astro.config.mjs; everything else is status.config.yaml's. */
export interface StatusPageOptions {
  /**
   * The folder holding status.config.yaml, incidents/, templates/ and probes/.
   * Default: `STATUS_SITE_DIR`, else the Astro project's root.
   */
  siteDir?: string;
  /**
   * The path the status page lives under inside a larger Astro site, such as
   * '/status'. That site keeps its own address, base, 404 page and
   * robots.txt. Default: the page is the whole site, at the address
   * status.config.yaml's `url` names.
   */
  base?: string;
  /**
   * Style sheets of the site's own, after the engine's: a file of CSS custom
   * properties (`--link`, `--operational`, … in the engine's
   * src/styles/global.css) restyles every page. Paths from the project's
   * root, such as './src/styles/tokens.css'.
   */
  customCss?: string[];
}

export interface ResolvedOptions {
  siteDir?: string | undefined;
  /** '' for a site of its own, else '/segment[/segment…]' without a trailing slash. */
  base: string;
  /** Absolute paths of the site's style sheets. */
  customCss: string[];
}

/** The options checked once, with a message that names the option and what it takes. */
export function resolveOptions(options: StatusPageOptions, root: string): ResolvedOptions {
  const base = (options.base ?? '').replace(/\/+$/, '');
  if (base !== '' && !/^(\/(?!\.+(\/|$))[A-Za-z0-9._~-]+)+$/.test(base)) {
    throw new Error(
      `statusPage({ base: ${JSON.stringify(options.base)} }) in astro.config.mjs: base is a path such as '/status', made of letters, digits and . _ ~ - between slashes (not . or .. alone)`,
    );
  }
  const customCss = (options.customCss ?? []).map((path) => {
    const file = resolve(root, path);
    if (!path.endsWith('.css') || !existsSync(file)) {
      throw new Error(
        `statusPage({ customCss: [${JSON.stringify(path)}] }) in astro.config.mjs: ${path.endsWith('.css') ? `there is no file ${file}` : 'customCss lists .css files'}, paths from the project's root such as './src/styles/tokens.css'`,
      );
    }
    return file;
  });
  return { siteDir: options.siteDir, base, customCss };
}

/** Where one build works before its output is swapped in, and the Astro cache it keeps between runs. */
export interface BuildFolders {
  staging: string;
  cacheDir: string;
}

const keyOf = (...parts: string[]) => createHash('sha256').update(parts.join('\0')).digest('hex').slice(0, 16);

/**
 * The folders of one build, none shared with a build of another site or
 * output folder running at the same time from the same checkout. Astro
 * writes its prerender chunks to `<outDir>/.prerender/` when the output
 * folder lies inside the working directory `cwd`, else to the one
 * `<cwd>/.astro/.prerender/`, which two builds would share (and Astro moves
 * assets out of it by rename, which fails across file systems): so the
 * staging folder is `<outDir>.staging` beside the output when that lies
 * inside `cwd`, else a folder of its own under `<cwd>/.astro/`. The cache
 * (Astro's content store among it) is one per site and output folder under
 * the project's cache folder, kept between runs of that same build.
 */
export function buildFolders(finalOutDir: string, siteDir: string, cwd: string, projectCacheDir: string): BuildFolders {
  const beside = `${finalOutDir}.staging`;
  const inside = beside.startsWith(`${cwd.replace(/[\\/]$/, '')}${sep}`);
  return {
    staging: inside ? beside : join(cwd, '.astro', 'status-builds', keyOf(finalOutDir), 'staging'),
    cacheDir: join(projectCacheDir, 'status-builds', keyOf(siteDir, finalOutDir)),
  };
}
