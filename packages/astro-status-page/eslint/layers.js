/**
 * The folders of src/, lowest first. A file may import from its own folder
 * and from folders on lower tiers, never sideways or up, so the folders can
 * never import each other in a circle and each can be read, tested and run
 * (the CLI in plain Node, without Astro) knowing only what lies below it.
 */
export const TIERS = [
  ['i18n'], // the interface's words in each language
  ['rules'], // pure rules and vocabulary: statuses, levels, limits, slugs, timestamps, URLs, Markdown
  ['files', 'net'], // the site on disk: schemas, parsing, validation, reading and writing files; the network: every read bounded
  ['model'], // what the page says: status, timelines, days, uptime, history, reader text
  ['outputs'], // api, feeds, calendar, badges, headers: the model rendered for machines
  ['site'], // the whole site checked at once: files, model and every output
  ['astro', 'integration', 'notify', 'import', 'probe'], // Astro glue and the integration; notifications; importers; HTTP checks
  ['watch'], // the watchdog: every host's build against the others and the repository; alerts through notify
  ['cli', 'components'], // the status command; Astro components
  ['layouts'],
  ['routes'],
];
/** Folders anyone may import (style sheets, type declarations). */
/**
 * The folders whose code runs only inside Astro (src/ itself holds
 * content.config.ts). Everything else must run in plain Node, where the CLI,
 * the importers, notify and the build's check run: no `astro:*` module and no
 * `import.meta.env` there.
 */
const ASTRO_ONLY = new Set(['astro', 'components', 'layouts', 'routes', '']);
/** Folders anyone may import (style sheets, type declarations). */
const LEAVES = new Set(['styles', 'types']);

const tierOf = new Map(TIERS.flatMap((folders, tier) => folders.map((folder) => [folder, tier])));

/** The top folder of src/ a path lies in ('' for src/ itself), or undefined outside src/. */
function srcFolder(path) {
  const match = /(?:^|\/)src\/(?:([^/]+)\/)?[^/]*$/.exec(path) ?? /(?:^|\/)src\/([^/]+)\//.exec(path);
  if (!match) return undefined;
  return match[1] ?? '';
}

function resolveRelative(fromFile, specifier) {
  const parts = fromFile.split('/').slice(0, -1);
  for (const part of specifier.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.') parts.push(part);
  }
  return parts.join('/');
}

const downwardOnly = {
  meta: {
    type: 'problem',
    docs: { description: 'src/ folders import only from lower tiers (eslint/layers.js)' },
    schema: [],
    messages: {
      upward:
        '{{from}}/ may not import {{to}}/ ({{specifier}}): src/ folders import downwards only, {{order}}. Move the shared code down, or the caller up.',
      unknown:
        'src/{{folder}}/ is not in the folder order of eslint/layers.js; add it to TIERS (or LEAVES) so its imports are checked.',
      astroOnly:
        '{{what}} only exists inside Astro, but src/{{folder}}/ must also run in plain Node (CLI, import, notify, the check); move this code to src/astro/.',
      outside: '{{specifier}} leaves src/; code in src/ must not depend on tests/, scripts/ or bench/.',
    },
  },
  create(context) {
    const filename = context.filename.replaceAll('\\', '/');
    const from = srcFolder(filename);
    if (from === undefined) return {};
    const isTest = /\.test\.ts$/.test(filename);
    // src/content.config.ts is Astro's entry point, above everything it wires together.
    const fromTier = from === '' ? TIERS.length : tierOf.get(from);
    const check = (node) => {
      const specifier = node.source?.value;
      if (typeof specifier === 'string' && specifier.startsWith('astro:') && !ASTRO_ONLY.has(from)) {
        return context.report({ node, messageId: 'astroOnly', data: { what: specifier, folder: from } });
      }
      if (typeof specifier !== 'string' || !specifier.startsWith('.')) return;
      const target = resolveRelative(filename, specifier);
      const to = srcFolder(target);
      // A unit test beside its module may use the shared test helpers.
      if (to === undefined)
        return isTest && /(?:^|\/)tests\//.test(target)
          ? undefined
          : context.report({ node, messageId: 'outside', data: { specifier } });
      if (to === from || LEAVES.has(to)) return;
      if (fromTier === undefined) return context.report({ node, messageId: 'unknown', data: { folder: from } });
      const toTier = tierOf.get(to);
      if (toTier === undefined) return context.report({ node, messageId: 'unknown', data: { folder: to } });
      if (toTier >= fromTier) {
        const order = TIERS.map((folders) => folders.join(' | ')).join(' < ');
        context.report({ node, messageId: 'upward', data: { from: from || 'src', to, specifier, order } });
      }
    };
    const metaEnv = (node) => {
      if (
        node.meta.name === 'import' &&
        node.property.name === 'meta' &&
        node.parent.type === 'MemberExpression' &&
        node.parent.property.name === 'env' &&
        !ASTRO_ONLY.has(from)
      ) {
        context.report({ node: node.parent, messageId: 'astroOnly', data: { what: 'import.meta.env', folder: from } });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
      MetaProperty: metaEnv,
    };
  },
};

export const layers = { rules: { 'downward-only': downwardOnly } };
