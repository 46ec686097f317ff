/**
 * `statusPage()`: the engine as an Astro integration. A site's
 * astro.config.mjs holds `integrations: [statusPage()]`; this reads the site's
 * status.config.yaml, injects every route, checks the content once and hands
 * the model to the pages (src/site/checked-site.ts, read by the pages through
 * the virtual module `virtual:astro-status-page/checked-site`).
 *
 * A build checks the content on a worker thread while Astro loads and bundles
 * the pages, renders into `<outDir>.staging` and swaps it in only when every
 * page was written: a refused file or a failed build keeps the last good site.
 * `astro dev` checks in this process, and again whenever a file of the site
 * changes, then reloads the browser.
 */
import { cpSync, existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { IncomingMessage } from 'node:http';
import { Worker } from 'node:worker_threads';
import sitemap from '@astrojs/sitemap';
import type { AstroIntegration } from 'astro';
import { CONFIG_FILE, INCIDENTS_DIR, readSiteConfig, SiteConfigError, TEMPLATES_DIR } from '../files/site-files.ts';
import { PROBES_DIR } from '../files/probe-data.ts';
import { formatProblem, type Problem } from '../files/validate.ts';
import type { StatusModel } from '../model/status-model.ts';
import { resolveNow } from '../rules/now.ts';
import { stepPath, SUBSCRIPTION_STEPS } from '../rules/subscriptions.ts';
import { deployment, DeploymentEnvError } from '../rules/urls.ts';
import { checkSite } from '../site/check-site.ts';
import { handOverCheckedSite } from '../site/checked-site.ts';
import { prefixed, STATUS_ROUTES } from './routes.ts';
import { siteStamp } from './site-stamp.ts';
import { buildFolders, resolveOptions, type StatusPageOptions } from './options.ts';

/** A subscriptions step page, under any base path. */
const isStepPage = (pathname: string) => SUBSCRIPTION_STEPS.some((step) => pathname.endsWith(stepPath(step)));

export type { StatusPageOptions } from './options.ts';

const VIRTUAL = 'virtual:astro-status-page/checked-site';
const RESOLVED = `\0${VIRTUAL}`;
const CUSTOM_CSS = 'virtual:astro-status-page/custom-css';

/** The package's folder, from src/integration/ (this repository) or dist/integration/ (installed): the routes are always its src/. */
const PACKAGE_ROOT = new URL('../../', import.meta.url);

type Checked = { problems: Problem[]; model?: StatusModel | undefined };

/** "3 problems:" and one line each, as `status check` prints them. */
const problemLines = (problems: readonly Problem[]): string[] => [
  `${problems.length} problem${problems.length === 1 ? '' : 's'}:`,
  ...problems.map((problem) => `  ${formatProblem(problem)}`),
];

/** The status page, as an Astro integration. */
export function statusPage(userOptions: StatusPageOptions = {}): AstroIntegration {
  let finalOutDir = '';
  let staging = '';
  return {
    name: 'astro-status-page',
    hooks: {
      'astro:config:setup': async ({ config, command, updateConfig, injectRoute }) => {
        const options = resolveOptions(userOptions, fileURLToPath(config.root));
        const dir = resolve(options.siteDir ?? process.env['STATUS_SITE_DIR'] ?? fileURLToPath(config.root));
        const embedded = options.base !== '';
        const building = command === 'build';
        const fail = (lines: string[]): never => {
          if (!building) throw new Error(lines.join('\n'));
          for (const line of lines) console.error(line);
          if (staging) rmSync(staging, { recursive: true, force: true });
          console.error(
            existsSync(finalOutDir)
              ? `Nothing was published; the previous site in ${finalOutDir} is unchanged.`
              : 'Nothing was published.',
          );
          process.exit(1);
        };

        let now: number;
        try {
          now = resolveNow(process.env['STATUS_NOW']);
        } catch (error) {
          return fail([(error as Error).message]);
        }
        // A site folder of its own (STATUS_SITE_DIR, a fixture) brings its own public/: the logo the config names is there.
        const ownPublic = join(dir, 'public');
        const publicDir = !embedded && existsSync(ownPublic) ? ownPublic : fileURLToPath(config.publicDir);

        // The check starts first: it is the longer half of the build, and the pages wait for its model.
        if (command === 'preview') return;
        const ownsRoot = !embedded;
        const checked: Promise<Checked> = building
          ? checkOnWorker({ dir, now, publicDir, ownsRoot })
          : Promise.resolve(checkSite(dir, { now, publicDir, ownsRoot }));
        handOver(dir, now, checked);
        checked.then(
          ({ problems }) => (building && problems.length > 0 ? fail(problemLines(problems)) : undefined),
          (error: unknown) =>
            fail([
              'The content check crashed; this is a bug, please report it with this line:',
              String((error as Error).message ?? error),
            ]),
        );

        // The page's own address and base path, unless it lives inside another site (which owns both).
        let site: string | undefined;
        let base = config.base;
        if (!embedded) {
          let url: string;
          try {
            url = readSiteConfig(dir).url;
          } catch (error) {
            // The check reports every problem of the config with its line. The build waits for it here:
            // a build left to go on without routes could finish, and exit 0, before the check fails it.
            if (error instanceof SiteConfigError) {
              if (building) return fail(problemLines((await checked).problems));
              return fail(problemLines(error.problems));
            }
            throw error;
          }
          try {
            ({ site, base } = deployment(url));
          } catch (error) {
            // A wrong STATUS_SITE_URL or STATUS_BASE: the check reports it, naming the variable.
            if (!(error instanceof DeploymentEnvError)) throw error;
            if (building) return fail(problemLines((await checked).problems));
            return fail([error.message]);
          }
        }
        const pageBase = `${base.replace(/\/?$/, '/')}${options.base.slice(1)}${embedded ? '/' : ''}`;

        let cacheDir = process.env['STATUS_CACHE_DIR'];
        if (building) {
          const outDir = process.env['STATUS_OUT_DIR'];
          finalOutDir = outDir === undefined ? fileURLToPath(config.outDir).replace(/[\\/]$/, '') : resolve(outDir);
          const folders = buildFolders(finalOutDir, dir, process.cwd(), fileURLToPath(config.cacheDir));
          staging = folders.staging;
          cacheDir ??= folders.cacheDir;
          rmSync(staging, { recursive: true, force: true });
        }
        for (const route of STATUS_ROUTES) {
          if (embedded && route.root) continue;
          injectRoute({
            pattern: prefixed(options.base, route.pattern),
            entrypoint: new URL(`src/routes/${route.entrypoint}`, PACKAGE_ROOT),
          });
        }
        const hasSitemap = config.integrations.some((integration) => integration.name === '@astrojs/sitemap');
        updateConfig({
          ...(site === undefined ? {} : { site, base }),
          publicDir: pathToFileURL(`${publicDir}/`),
          ...(staging ? { outDir: pathToFileURL(`${staging}/`) } : {}),
          ...(cacheDir ? { cacheDir: pathToFileURL(`${resolve(cacheDir)}/`) } : {}),
          // One request a page: its CSS inline. Four pages in flight at once: each page's write waits on the disk.
          build: { inlineStylesheets: 'always', format: 'directory', concurrency: 4 },
          integrations: [
            // The subscriptions step pages ("check your inbox"…) answer the service's redirects: nothing to index.
            ...(hasSitemap ? [] : [sitemap({ filter: (page) => !isStepPage(new URL(page).pathname) })]),
            publishStaging(),
          ],
          vite: {
            plugins: [
              checkedSitePlugin({ dir, pageBase, publicDir, ownsRoot, building }),
              customCssPlugin(options.customCss),
              bundledDependencies(),
            ],
          },
        });
      },
    },
  };

  /** Runs last, after the sitemap has written its files: the staged site replaces the last good one. */
  function publishStaging(): AstroIntegration {
    return {
      name: 'astro-status-page:publish',
      hooks: {
        'astro:build:done': () => {
          if (!staging) return;
          const previous = `${finalOutDir}.previous`;
          const landing = landBeside(staging, finalOutDir);
          rmSync(previous, { recursive: true, force: true });
          if (existsSync(finalOutDir)) renameSync(finalOutDir, previous);
          renameSync(landing, finalOutDir);
          rmSync(previous, { recursive: true, force: true });
        },
      },
    };
  }
}

/**
 * The staged site moved beside the output folder (`<outDir>.staging`), so
 * the swap is one rename; a staging folder on another file system is copied.
 */
function landBeside(staging: string, finalOutDir: string): string {
  const beside = `${finalOutDir}.staging`;
  if (staging === beside) return beside;
  rmSync(beside, { recursive: true, force: true });
  mkdirSync(dirname(beside), { recursive: true });
  try {
    renameSync(staging, beside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
    cpSync(staging, beside, { recursive: true });
  }
  // Its own folder under .astro/status-builds/ goes with it.
  rmSync(dirname(staging), { recursive: true, force: true });
  return beside;
}

/** The content check on a worker thread, started before Astro bundles the pages. */
function checkOnWorker(workerData: {
  dir: string;
  now: number;
  publicDir: string;
  ownsRoot: boolean;
}): Promise<Checked> {
  // From the package's dist/ the worker is compiled JavaScript; from its src/ (this repository), TypeScript.
  const worker = new Worker(new URL(`./build-check${extname(fileURLToPath(import.meta.url))}`, import.meta.url), {
    workerData,
  });
  return new Promise<Checked>((done, failed) => {
    worker.once('message', done);
    worker.once('error', failed);
    worker.once('exit', (code) => failed(new Error(`the content check stopped with exit code ${code}`)));
  });
}

/**
 * Libraries of many small files that the pages use, bundled with the pages
 * when building: left to Node, they are loaded file by file as the pages
 * start (date-fns's 80 for seven locales and `format`, each reading its 200
 * KB package.json again; feedsmith's 160 for one Atom generator), a tenth of
 * a second of every build. Not under `astro dev`, where Vite would transform
 * each of those files instead; not for the browser, which gets none of them.
 */
const BUNDLED_DEPENDENCIES = ['date-fns', '@date-fns/tz', 'feedsmith'];
function bundledDependencies() {
  return {
    name: 'astro-status-page:bundled-dependencies',
    apply: 'build' as const,
    configEnvironment: (name: string) =>
      name === 'client' ? undefined : { resolve: { noExternal: BUNDLED_DEPENDENCIES } },
  };
}

/** Hand the pages a check's model, or its problems as the error they throw when they ask for it. */
function handOver(dir: string, now: number, checked: Promise<Checked>): void {
  const model = checked.then(({ problems, model }) =>
    problems.length === 0 && model ? model : Promise.reject(new Error(problemLines(problems).join('\n'))),
  );
  // Handled where the pages await it; not an unhandled rejection meanwhile.
  model.catch(() => {});
  handOverCheckedSite({ dir, now, model });
}

/**
 * `virtual:astro-status-page/checked-site`: the pages' way to the checked
 * site and the path they live under. Under `astro dev`, a change to any file
 * of the site checks it again and reloads the browser.
 */
function checkedSitePlugin({
  dir,
  pageBase,
  publicDir,
  ownsRoot,
  building,
}: {
  dir: string;
  pageBase: string;
  publicDir: string;
  ownsRoot: boolean;
  building: boolean;
}) {
  const watched = [
    join(dir, CONFIG_FILE),
    join(dir, INCIDENTS_DIR),
    join(dir, TEMPLATES_DIR),
    join(dir, PROBES_DIR),
    publicDir,
  ];
  const isWatched = (file: string) => watched.some((path) => file === path || file.startsWith(`${path}${sep}`));
  return {
    name: 'astro-status-page:checked-site',
    resolveId: (id: string) => (id === VIRTUAL ? RESOLVED : undefined),
    load: (id: string) =>
      id === RESOLVED
        ? [
            `export const checkedSite = () => globalThis[Symbol.for('status-page.checked-site')];`,
            `export const pageBase = ${JSON.stringify(pageBase)};`,
          ].join('\n')
        : undefined,
    configureServer(server: {
      watcher: { add(paths: string[]): void; on(event: string, listener: (file: string) => void): void };
      ws: { send(payload: { type: 'full-reload' }): void };
      middlewares: { use(handler: (request: IncomingMessage, response: unknown, next: () => void) => void): void };
    }) {
      if (building) return;
      server.watcher.add(watched);
      let stamp = siteStamp(watched);
      const recheck = () => {
        stamp = siteStamp(watched);
        const now = resolveNow(process.env['STATUS_NOW']);
        handOver(dir, now, Promise.resolve(checkSite(dir, { now, publicDir, ownsRoot })));
      };
      const onChange = (file: string) => {
        if (!isWatched(file)) return;
        recheck();
        server.ws.send({ type: 'full-reload' });
      };
      for (const event of ['add', 'change', 'unlink']) server.watcher.on(event, onChange);
      // The watcher misses a second save soon after the first now and then: each request for a page or a
      // file of the API checks the files' stamp too; the browser's requests for a page's scripts, styles
      // and images (dozens of Vite modules a page) do not.
      server.middlewares.use((request, _response, next) => {
        const dest = request.headers['sec-fetch-dest'];
        if ((dest === undefined || dest === 'document' || dest === 'empty') && siteStamp(watched) !== stamp) recheck();
        next();
      });
    },
  };
}

/** `virtual:astro-status-page/custom-css`: the site's own style sheets, which every page imports after the engine's. */
function customCssPlugin(files: readonly string[]) {
  return {
    name: 'astro-status-page:custom-css',
    resolveId: (id: string) => (id === CUSTOM_CSS ? `\0${CUSTOM_CSS}` : undefined),
    load: (id: string) =>
      id === `\0${CUSTOM_CSS}` ? files.map((file) => `import ${JSON.stringify(file)};`).join('\n') : undefined,
  };
}
