// @ts-check
import { defineConfig } from 'astro/config';

// The floor's page (bench/floor.ts) as an Astro project of one route, built
// by `npm run bench` beside the floor and `npm run build` on the same files:
// what Astro itself costs for these pages, before any of the status page's
// own work. The build options are the status page's (astro.config.mjs),
// written out: importing that config would read a site's status.config.yaml.
export default defineConfig({
  outDir: process.env.BENCH_ASTRO_OUT ?? './dist',
  cacheDir: process.env.BENCH_ASTRO_CACHE ?? './node_modules/.astro',
  build: { inlineStylesheets: 'always', format: 'directory', concurrency: 4 },
  devToolbar: { enabled: false },
});
