/** The integration's virtual module (src/integration/index.ts): what the pages read of the checked site. */
declare module 'virtual:astro-status-page/checked-site' {
  /** The site the integration checked for this build (or, under `astro dev`, since the last change). */
  export const checkedSite: () => import('../site/checked-site.ts').CheckedSite | undefined;
  /** The path the pages live under, with a trailing slash. */
  export const pageBase: string;
}

/** The site's own style sheets (`statusPage({ customCss })`), imported after the engine's. */
declare module 'virtual:astro-status-page/custom-css';
