import { resolve } from 'node:path';

/**
 * The folder holding `status.config.yaml` and `incidents/`: the repository
 * root, or `STATUS_SITE_DIR` (tests and benchmarks build other sites). A
 * module of its own, importing nothing of the site's readers: the content
 * loader needs only this to see that the integration has already checked the
 * site (src/astro/incidents-loader.ts).
 */
export function siteDir(env: Record<string, string | undefined> = process.env): string {
  return resolve(env['STATUS_SITE_DIR'] ?? '.');
}
