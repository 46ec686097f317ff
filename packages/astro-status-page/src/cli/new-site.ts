import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'yaml';
import { LOCALES, type Locale } from '../i18n/locales.ts';
import { slugify } from '../rules/slug.ts';
import { CONFIG_FILE } from '../files/site-files.ts';

/*
 * What `status init` writes: the files of site-template/ as they are, and
 * the few made from the answers (status.config.yaml, package.json). Pure but
 * for reading the package's own files; init.ts asks, checks and writes.
 */

/** The package's folder, from src/cli/ (this repository) or dist/cli/ (installed). */
const PACKAGE_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SITE_TEMPLATE_DIR = join(PACKAGE_ROOT, 'site-template');

/**
 * The Node a new site's devDependency `node` pins: what `npm install` brings
 * to a machine whose own Node is older. The repository root pins the same
 * (tests/init.test.ts keeps the two equal).
 */
export const NODE_VERSION = '24.21.0';

/** Template files stored under another name: npm never packs a file named .gitignore. */
const RENAMED: Record<string, string> = { gitignore: '.gitignore' };

export interface NewSiteComponent {
  id: string;
  name: string;
}

export interface NewSite {
  name: string;
  url: string;
  timezone: string;
  locale: Locale;
  groups: Array<{ name: string; components: NewSiteComponent[] }>;
}

/** One file of the new site: its path (with `/`) and its bytes or text. */
export interface SiteFile {
  path: string;
  content: string | Buffer;
}

/** The engine's package.json: its version, the Astro it needs and the Node it runs on. */
function enginePackage(): { version: string; peerDependencies: { astro: string }; engines: { node: string } } {
  return JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8'));
}

/** Every file of site-template/, as the new site holds it. */
export function templateFiles(): SiteFile[] {
  return readdirSync(SITE_TEMPLATE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const full = join(entry.parentPath, entry.name);
      const path = relative(SITE_TEMPLATE_DIR, full).split(sep).join('/');
      return { path: RENAMED[path] ?? path, content: readFileSync(full) };
    })
    .sort((a, b) => (a.path < b.path ? -1 : 1));
}

/** A YAML scalar as written in the config: plain when it can be, quoted when it must. */
const scalar = (value: string) => stringify(value, { lineWidth: 0 }).trimEnd();

/** The components, by group, as the config lists them. */
function groupsYaml(site: NewSite): string {
  return site.groups
    .map((group) =>
      [
        `  - name: ${scalar(group.name)}`,
        '    components:',
        ...group.components.flatMap((component) => [
          `      - id: ${component.id}`,
          `        name: ${scalar(component.name)}`,
        ]),
      ].join('\n'),
    )
    .join('\n');
}

/**
 * status.config.yaml, every field a staff member might change explained
 * where it is. No channel and no check yet, but a commented example of each;
 * freshness.interval is the deploy workflow's hourly schedule.
 */
export function renderSiteConfig(site: NewSite): string {
  const component = site.groups[0]!.components[0]!.id;
  return `# ${CONFIG_FILE}: what the page is called, where it is read and what it
# reports on. \`npm run status -- check\` checks it and every incident with the
# build's own rules; \`npm test\` also checks the workflows against it.

# The platform's name, in the page's title and every feed.
name: ${scalar(site.name)}
# The address people read the page at: https://status.example.com, or
# https://example.github.io/repository/ on GitHub Pages without a domain of its
# own. Feeds, the API and the watchdog (.github/workflows/watch.yml) use it;
# the deploy takes the address it publishes at from the Pages settings, so
# keep the two the same (README.md, "Deploying to GitHub Pages").
url: ${scalar(site.url)}
# A sentence under the title:
# description: Live and historical status of our website and apps.
# The platform's logo, an SVG or PNG under public/, also the favicon (without
# it the page shows public/favicon.svg), and its own site, which the header
# links back to:
# logo: /logo.svg
# homepage: https://www.example.com

# Every time and day readers see is in this zone: an IANA name such as
# Europe/Berlin, America/New_York or UTC.
timezone: ${scalar(site.timezone)}
# The language of the page: ${LOCALES.slice(0, -1).join(', ')} or ${LOCALES.at(-1)}. (The message
# templates in templates/ are in English: rewrite them in the page's language.)
locale: ${site.locale}
# With JavaScript, each reader sees times in their own zone (saying so); to keep
# every reader in the zone above:
# localTime: false

# How current the page promises to be. interval is how often the deploy
# rebuilds it (.github/workflows/deploy.yml: hourly, at 7 past): change both
# together, \`npm test\` compares them. A build later than interval + grace
# makes every page warn readers that it may be out of date.
freshness:
  interval: 1 h
  grace: 30 min

# The same site on other hosts, published by the same deploy (its mirror job:
# Cloudflare Pages); every page's footer lists them and the watchdog checks them:
# mirrors:
#   - https://example-status.pages.dev/

# What readers can tell is up or down, by group, in the order shown. An id is
# how incident files name a component (lowercase letters, digits and
# hyphens): rename it only while no incident uses it. A component may also
# have a description (one line under its name) and a link (its docs).
groups:
${groupsYaml(site)}

# Who is told when a deploy publishes an update. Each channel reads its
# address from the environment variable it names, never from this file: make
# a repository secret of that name and pass it to the notify step of
# .github/workflows/deploy.yml (\`npm test\` says what to add). Types: slack,
# discord, teams, webhook (also secret_env, its signing secret), email (also
# from and to). A channel with audience: staff hears only the watchdog
# (watch.yml), never an announcement; components: limits a channel to those.
# notify:
#   channels:
#     - name: team-slack
#       type: slack
#       url_env: SLACK_WEBHOOK_URL
#     - name: staff-slack
#       type: slack
#       url_env: STAFF_SLACK_WEBHOOK_URL
#       audience: staff

# HTTP checks of your own services, run every 5 minutes by
# .github/workflows/probe.yml: two failures in a row open an incident for the
# component, and the page shows response times. A header's value comes from
# the environment variable headers_env names (a secret passed to the probe step).
# probes:
#   - component: ${component}
#     url: https://www.example.com/health
#     expect: { status: 200, max_ms: 2000 }
#     headers_env: { Authorization: HEALTH_TOKEN }
`;
}

/** package.json: the site's scripts, the engine at this version, Node 24 for machines that have an older one. */
export function renderPackageJson(site: NewSite): string {
  const engine = enginePackage();
  const pkg = {
    name: `${slugify(site.name) || 'site'}-status`,
    version: '0.0.0',
    private: true,
    type: 'module',
    description: `The status page of ${site.name}, built with astro-status-page.`,
    engines: { node: engine.engines.node },
    scripts: {
      dev: 'astro dev',
      build: 'astro build',
      preview: 'astro preview',
      status: 'status',
      test: 'status check --workflows',
    },
    dependencies: { astro: engine.peerDependencies.astro, 'astro-status-page': `^${engine.version}` },
    // `npm ci --omit=dev` (the deploy) leaves it out: the runner's setup-node gives Node 24 there.
    devDependencies: { node: NODE_VERSION },
    // The install scripts npm may run: node's fetches the Node binary, esbuild's its own (Astro's bundler).
    allowScripts: { node: true, esbuild: true },
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** Every file of the new site, in path order. */
export function newSiteFiles(site: NewSite): SiteFile[] {
  const made: SiteFile[] = [
    { path: CONFIG_FILE, content: renderSiteConfig(site) },
    { path: 'package.json', content: renderPackageJson(site) },
  ];
  return [...templateFiles(), ...made].sort((a, b) => (a.path < b.path ? -1 : 1));
}
