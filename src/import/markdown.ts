import TurndownService from 'turndown';
import { isSafeUrl } from '../rules/markdown.ts';

// The same links the page renders (src/rules/markdown.ts): anything else becomes plain text.
const HTML_TAG = /<\/?[a-z][a-z0-9]*(\s[^<>]*)?\/?>/i;

const turndown = new TurndownService({ headingStyle: 'atx', bulletListMarker: '-', codeBlockStyle: 'fenced', emDelimiter: '*' });
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
turndown.addRule('image-alt', { filter: 'img', replacement: (_, node) => (node as HTMLImageElement).getAttribute('alt') ?? '' });

/**
 * An imported body as safe Markdown. Statuspage and cState bodies are
 * Markdown-ish text, sometimes HTML: HTML is converted (scripts dropped, only
 * http, mailto and relative links kept); text without tags is kept as written.
 */
export function toSafeMarkdown(text: string | null | undefined): string {
  const trimmed = (text ?? '').replace(/\r\n?/g, '\n').trim();
  return HTML_TAG.test(trimmed) ? turndown.turndown(trimmed).trim() : trimmed;
}
