import TurndownService from 'turndown';
import { isSafeUrl, withoutUnsafeLinks } from '../rules/markdown.ts';

// The same links the page renders (src/rules/markdown.ts): anything else becomes plain text.
const HTML_TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i;

const turndown = new TurndownService({
  headingStyle: 'atx',
  bulletListMarker: '-',
  codeBlockStyle: 'fenced',
  emDelimiter: '*',
});
// Scripts, styles and embedded documents carry nothing a reader should see.
turndown.remove(['script', 'style', 'iframe', 'object', 'embed', 'noscript']);
turndown.addRule('safe-links', {
  filter: (node) => node.nodeName === 'A',
  replacement: (content, node) => {
    const href = (node as HTMLAnchorElement).getAttribute('href') ?? '';
    return isSafeUrl(href) && content.trim() ? `[${content}](${href.trim()})` : content;
  },
});
// An image would load from someone else's server on every page view; keep its description.
turndown.addRule('image-alt', {
  filter: 'img',
  replacement: (_, node) => (node as HTMLImageElement).getAttribute('alt') ?? '',
});

// HTML comments are notes to the editor (`<!-- markdown-link-check-disable -->`), never for readers.
const HTML_COMMENT = /<!--[\s\S]*?(?:-->|$)/g;
// Tags nested deeper than this are no document a person wrote, and would overflow turndown's recursion.
const MAX_TAG_DEPTH = 200;
const ANY_TAG = /<(\/?)([a-z][a-z0-9]*)\b[^<>]*?(\/?)>/gi;
const VOID_TAGS = new Set([
  'br',
  'hr',
  'img',
  'input',
  'meta',
  'link',
  'wbr',
  'area',
  'base',
  'col',
  'embed',
  'source',
  'track',
  'param',
]);

/** How deeply the tags of an HTML text nest (an over-estimate when end tags are left out). */
export function tagDepth(html: string): number {
  let depth = 0;
  let deepest = 0;
  for (const [, closing, name, selfClosing] of html.matchAll(ANY_TAG)) {
    if (closing) depth = Math.max(0, depth - 1);
    else if (!selfClosing && !VOID_TAGS.has(name!.toLowerCase())) deepest = Math.max(deepest, ++depth);
  }
  return deepest;
}

/** HTML as plain text: every tag dropped, the words kept. */
const flatten = (html: string) =>
  html
    .replace(/<[^<>]*>/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/ *\n */g, '\n')
    .trim();

/**
 * An imported body as safe Markdown. Statuspage and cState bodies are
 * Markdown-ish text, sometimes HTML: HTML comments are dropped; HTML is
 * converted (scripts dropped, only http, mailto and relative links kept), or
 * flattened to text when nested too deep to convert (said to `note`); text
 * without tags is kept as written, but for a link our pages would not publish
 * (`[name](<>)`, `javascript:`), which keeps its text and loses the link (said
 * to `note`), so the update is imported.
 */
export function toSafeMarkdown(text: string | null | undefined, note?: (message: string) => void): string {
  const { markdown, dropped } = withoutUnsafeLinks(convert(text, note));
  for (const href of dropped)
    note?.(
      `a link to ${JSON.stringify(href)} was left out, its text kept: links may only be https:, http:, mailto: or a path`,
    );
  return markdown;
}

function convert(text: string | null | undefined, note?: (message: string) => void): string {
  const trimmed = (text ?? '').replace(/\r\n?/g, '\n').replace(HTML_COMMENT, '').trim();
  if (!HTML_TAG.test(trimmed)) return trimmed;
  const depth = tagDepth(trimmed);
  if (depth <= MAX_TAG_DEPTH) {
    try {
      return turndown.turndown(trimmed).trim();
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
  }
  note?.(`HTML nested ${depth} tags deep (at most ${MAX_TAG_DEPTH} are read) was kept as plain text, its tags dropped`);
  return flatten(trimmed);
}
