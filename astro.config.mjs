// @ts-check
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { parse } from 'yaml';

// The site's public URL lives in status.config.yaml with the rest of its
// identity; STATUS_SITE_URL and STATUS_BASE override it for previews and
// project-style hosting (e.g. GitHub Pages under /status/).
const siteDir = resolve(process.env.STATUS_SITE_DIR ?? '.');
const config = parse(readFileSync(join(siteDir, 'status.config.yaml'), 'utf8'));

export default defineConfig({
  site: process.env.STATUS_SITE_URL ?? config.url,
  base: process.env.STATUS_BASE ?? '/',
  trailingSlash: 'ignore',
  outDir: process.env.STATUS_OUT_DIR ?? './dist',
  cacheDir: process.env.STATUS_CACHE_DIR ?? './node_modules/.astro',
  build: { inlineStylesheets: 'always', format: 'directory' },
  devToolbar: { enabled: false },
  // sitemap-index.xml lists every page, under the base path, for crawlers.
  integrations: [sitemap()],
});
