import { PAGE_SCRIPT_HASH } from './page-script.ts';

/**
 * The Content-Security-Policy of every page. Pages carry one script, the
 * page script (page-script.ts: the stale-page warning, the promised update
 * and "ago" kept current, the reader's own time): only that exact script,
 * by its hash, may run; `default-src 'none'` forbids the rest; images are our own (the favicon) or
 * inline SVG data; the manifest and same-origin fetches are our own (tools
 * such as Lighthouse read robots.txt from the page's context). Styles are
 * `<style>` elements that Astro inlines to keep the home page to one round
 * trip; their hashes differ per build and per page,
 * which a static `_headers` file cannot follow, so inline styles are allowed
 * (`'unsafe-inline'`). Markdown never emits raw HTML (see markdown.ts), so no
 * reader-supplied `<style>` can reach a page.
 *
 * Forms post nowhere, unless the site has a subscriptions service: then the
 * sign-up form may post to it, and follow its 303 to the site's own "check
 * your inbox" page (form-action also governs a form's redirects).
 *
 * `_headers` (headers-file.ts) sends the same policy plus `frame-ancestors 'none'`,
 * which browsers ignore in a `<meta>`.
 */
export function contentSecurityPolicy(formTargets: readonly string[] = []): string {
  const forms = formTargets.length > 0 ? formTargets.join(' ') : "'none'";
  return `default-src 'none'; script-src ${PAGE_SCRIPT_HASH}; img-src 'self' data:; manifest-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action ${forms}`;
}

/** The policy of a site without a subscriptions service. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Where the pages' forms may go: the subscriptions service, and the site (its answers redirect there); none without a service. */
export function formTargets(service: string | undefined, site: string | URL): string[] {
  if (service === undefined) return [];
  return [...new Set([new URL(service).origin, new URL(site).origin])];
}
