// @ts-check
import sitemap from '@astrojs/sitemap';
import { defineConfig } from 'astro/config';
import { readSiteConfig, siteDir } from './src/files/site-files.ts';
import { deployment } from './src/rules/urls.ts';

// The site's public URL lives in status.config.yaml with the rest of its
// identity, read by the same reader as `status check` (a bad config fails
// there first, with its line and field); its path is the base of every link.
// STATUS_SITE_URL and STATUS_BASE override them for previews and
// project-style hosting (e.g. GitHub Pages under /status/).
const { site, base } = deployment(readSiteConfig(siteDir()).url);

export default defineConfig({
  site,
  base,
  trailingSlash: 'ignore',
  outDir: process.env.STATUS_OUT_DIR ?? './dist',
  cacheDir: process.env.STATUS_CACHE_DIR ?? './node_modules/.astro',
  // Four pages in flight at once: each page's write waits on the disk, and
  // rendering the next meanwhile cuts 3,000 incidents from ~8 s to ~7 s (npm run bench).
  build: { inlineStylesheets: 'always', format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
  // sitemap-index.xml lists every page, under the base path, for crawlers.
  integrations: [sitemap()],
});
