// @ts-check
import { defineConfig } from 'astro/config';
import statusPage from 'astro-status-page';

// Everything the page says comes from status.config.yaml, incidents/,
// templates/ and probes/; the integration reads them, sets the site's address
// and base path from the config's `url`, and injects every page and feed.
export default defineConfig({
  devToolbar: { enabled: false },
  integrations: [statusPage()],
});
