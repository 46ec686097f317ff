import { CONTENT_SECURITY_POLICY } from './csp.ts';

/**
 * `_headers`, the response headers of Netlify and Cloudflare Pages (GitHub
 * Pages and S3 ignore it), published by the engine rather than kept in a
 * site's public/: its policy names the hashes of the engine's own inline
 * scripts, so a copy in a site would go stale with the next release; its
 * form-action names the site's subscriptions service, when it has one.
 * Rules are kept from overlapping on Cache-Control: both hosts join a header
 * set by two matching rules into one comma-separated value.
 */
export const headersFile = (
  policy: string = CONTENT_SECURITY_POLICY,
): string => `# Response headers for Netlify and Cloudflare Pages, written by astro-status-page.
# Every page also carries the policy in <meta http-equiv>; frame-ancestors only works here.
/*
  Content-Security-Policy: ${policy}; frame-ancestors 'none'
  X-Content-Type-Options: nosniff
  Referrer-Policy: no-referrer

# Pages, feeds and API JSON change with every incident update: a minute at most.
# The API, feeds, calendar and badges (also each component's under /components/)
# may be read by a page on any origin (a widget), so they allow every origin; all
# of it is public, and no credentials are ever involved.
/
  Cache-Control: public, max-age=60
/index.html
  Cache-Control: public, max-age=60
/404.html
  Cache-Control: public, max-age=60
/incidents/*
  Cache-Control: public, max-age=60
/components/*
  Cache-Control: public, max-age=60
  Access-Control-Allow-Origin: *
/history/*
  Cache-Control: public, max-age=60
/subscribe/*
  Cache-Control: public, max-age=60
/rss.xml
  Cache-Control: public, max-age=60
  Access-Control-Allow-Origin: *
/sitemap-*
  Cache-Control: public, max-age=60
/api/*
  Cache-Control: public, max-age=60
  Access-Control-Allow-Origin: *
/history.atom
  Cache-Control: public, max-age=60
  Access-Control-Allow-Origin: *
/history.rss
  Cache-Control: public, max-age=60
  Access-Control-Allow-Origin: *
/maintenance.ics
  Cache-Control: public, max-age=60
  Access-Control-Allow-Origin: *
/badge.svg
  Cache-Control: public, max-age=60
  Access-Control-Allow-Origin: *

# Hashed build assets never change under the same name.
/_astro/*
  Cache-Control: public, max-age=31536000, immutable
`;
