/** Site-relative paths of every page, so links and feeds agree. */
export const paths = {
  home: () => '/',
  incident: (slug: string) => `/incidents/${slug}/`,
  component: (id: string) => `/components/${id}/`,
  componentFeed: (id: string) => `/components/${id}/rss.xml`,
  history: () => '/history/',
  feed: () => '/rss.xml',
  atom: () => '/history.atom',
  calendar: () => '/maintenance.ics',
  badge: () => '/badge.svg',
  componentAtom: (id: string) => `/components/${id}/atom.xml`,
  componentBadge: (id: string) => `/components/${id}/badge.svg`,
  api: (endpoint: string) => `/api/v2/${endpoint}`,
  subscribe: () => '/subscribe/',
};

/** Prefix a site-relative path with the deployment's base path (e.g. `/status/`). */
export function withBase(base: string, path: string): string {
  return `${base.replace(/\/$/, '')}${path}`;
}

/** Absolute URL of a site-relative path, for feeds and other documents read off-site. */
export function absoluteUrl(site: URL | string, base: string, path: string): string {
  return new URL(withBase(base, path), site).href;
}

/** The page at `pathname` (this build's, base included) on a mirror: the same site on another host, at the mirror's own path. */
export function onMirror(mirror: string, base: string, pathname: string): string {
  const within = pathname.startsWith(base) ? pathname.slice(base.length) : pathname.replace(/^\//, '');
  return new URL(within, mirror.endsWith('/') ? mirror : `${mirror}/`).href;
}

/** The same address for calendar apps: `webcal://` opens the reader's calendar and subscribes. */
export const webcalUrl = (url: string): string => url.replace(/^https?:/, 'webcal:');

/**
 * Where the site is served: the config's `url`, whose path (e.g. `/status/`)
 * is the base of every link, unless STATUS_SITE_URL or STATUS_BASE override
 * them (previews, GitHub Pages project sites).
 */
export function deployment(
  configUrl: string,
  env: Record<string, string | undefined> = process.env,
): { site: string; base: string } {
  const problem = deploymentEnvProblem(env);
  if (problem) throw new DeploymentEnvError(`the environment variable ${problem.variable} ${problem.message}`);
  const url = new URL(env['STATUS_SITE_URL'] || configUrl);
  const base = env['STATUS_BASE'] || url.pathname;
  return { site: `${url.origin}/`, base: base.endsWith('/') ? base : `${base}/` };
}

/** A wrong STATUS_SITE_URL or STATUS_BASE: its message names the variable and says what is allowed. */
export class DeploymentEnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DeploymentEnvError';
  }
}

/**
 * Why the environment's STATUS_SITE_URL or STATUS_BASE cannot be the page's
 * address or base path, naming the variable; undefined when they can (or are unset).
 */
export function deploymentEnvProblem(
  env: Record<string, string | undefined>,
): { variable: 'STATUS_SITE_URL' | 'STATUS_BASE'; message: string } | undefined {
  const url = env['STATUS_SITE_URL'];
  const urlWhy = url ? urlProblem(url, PAGE_URL) : undefined;
  if (urlWhy)
    return {
      variable: 'STATUS_SITE_URL',
      message: `${urlWhy}; set it to the page's absolute address with its scheme, such as https://status.example.com/, or unset it`,
    };
  const base = env['STATUS_BASE'];
  const baseWhy = base ? sitePathProblem(base) : undefined;
  if (baseWhy)
    return {
      variable: 'STATUS_BASE',
      message: `${baseWhy}; set it to the path the page is served under, such as /status/, or unset it`,
    };
  return undefined;
}

/**
 * What one URL field accepts. Every URL field of the config and the notify
 * variables is checked by `urlProblem` with its own form, so a rule fixed for
 * one (credentials, scheme, host) holds for all.
 */
export interface UrlForm {
  /** Schemes allowed, with their colon, e.g. ['https:', 'http:']. */
  schemes: readonly string[];
  /** A query (?…) or fragment (#…) is allowed. */
  query?: boolean;
  /** A user name and password are allowed (an SMTP URL carries its login, a secret in the environment). */
  credentials?: boolean;
}

/** A page or endpoint on the web: http(s), never with a user name or password, which would be published or sent in clear. */
export const WEB_URL: UrlForm = { schemes: ['https:', 'http:'], query: true };
/** The status page's own address, the base of every absolute link: no query or fragment to append paths to. */
export const PAGE_URL: UrlForm = { schemes: ['https:', 'http:'] };
/** `List-Unsubscribe` (RFC 2369): a mailto: address, or an https: page (a published address, so no password). */
export const LIST_UNSUBSCRIBE_URL: UrlForm = { schemes: ['mailto:', 'https:'], query: true };
/** A chat or webhook endpoint, from the environment: `fetch` refuses a URL with a user name or password. */
export const WEBHOOK_URL: UrlForm = { schemes: ['https:', 'http:'], query: true };
/** An SMTP server, from the environment, with its login: smtp://user:pass@host:587 or smtps://…:465. */
export const SMTP_URL: UrlForm = { schemes: ['smtps:', 'smtp:'], query: true, credentials: true };

// The WHATWG parser silently drops tabs and line breaks inside a URL and
// trims control characters at its ends, so what was written is not what would be used.
const UNSEEN = /[\s\p{Cc}]/u;

/**
 * Why `value` is not an absolute URL of this form, or undefined. The reason
 * never repeats the value: it may be a secret read from the environment.
 */
export function urlProblem(value: string, form: UrlForm): string | undefined {
  if (UNSEEN.test(value)) return 'holds a space, line break or control character';
  if (!URL.canParse(value)) return 'is not an absolute URL';
  const url = new URL(value);
  if (!form.schemes.includes(url.protocol))
    return `uses ${url.protocol}, but only ${form.schemes.join(' or ')} is allowed here`;
  if (url.protocol === 'mailto:')
    return /^[^@]+@[^@]+$/.test(decodeURIComponent(url.pathname)) ? undefined : 'names no address after mailto:';
  if (!url.hostname) return 'has no host';
  if (!form.credentials && (url.username || url.password)) return 'must not carry a user name or password';
  if (!form.query && (url.search || url.hash)) return 'must not have a query (?…) or fragment (#…)';
  return undefined;
}

/**
 * Why `value` is not a path on this site, such as /logo.svg, or undefined.
 * `//host/x` and `/\host/x` are read by browsers as another host's address.
 */
export function sitePathProblem(value: string): string | undefined {
  if (!value.startsWith('/')) return 'must start with /';
  if (value[1] === '/' || value[1] === '\\')
    return `starts with ${value.slice(0, 2)}, which browsers read as another host's address`;
  if (UNSEEN.test(value) || value.includes('\\')) return 'holds a space, backslash, line break or control character';
  if (value.split('/').includes('..')) return 'must not step out of the site with ..';
  return undefined;
}
