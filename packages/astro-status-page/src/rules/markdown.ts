import { Marked, type Token, type Tokens } from 'marked';
import { byteLength } from './limits.ts';
import { graphemeStart } from './text.ts';
import { smartypantsu } from 'smartypants';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

// Links may leave the site only by an explicit scheme; `//host` and `/\host`
// look like paths but browsers read them as other hosts.
const SAFE_URL = /^(https?:\/\/|mailto:|\/(?![/\\])|#|\.\.?\/)/i;

/** Whether a link target may be published. */
export const isSafeUrl = (href: string): boolean => SAFE_URL.test(href.trim());

// Incident text is written in a hurry and published everywhere (HTML, feeds,
// API): raw HTML is shown as text and only ordinary links survive, so a pasted
// <script> or javascript: link can never run on the status page.
const marked = new Marked({
  gfm: true,
  renderer: {
    html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!isSafeUrl(token.href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(token.href)}"${title}>${text}</a>`;
    },
    image: (token: Tokens.Image) => escapeHtml(token.text),
  },
});

// Typographic quotes, apostrophes, dashes and ellipses ("--" → "—"), as a
// typesetter would, by SmartyPants itself, on plain text only: code keeps what
// was typed, and the renderer still escapes the result. (marked-smartypants
// would do it on the finished HTML and turns escaping of inline text off, so
// a typed "&" or ">" would reach pages and feeds raw.)
marked.use({
  walkTokens(token) {
    if (token.type === 'text' && !('tokens' in token && token.tokens)) token.text = smartypantsu(token.text, '1');
  },
});

// Each text is rendered once per process: the check renders every message and
// body to prove it can be, then the model renders them for the pages, and
// many updates share a text ("The work has started."). Bounded so a
// long-running `astro dev` does not keep every text it ever saw.
const rendered = new Map<string, string>();
const RENDERED_MAX = 50_000;

// Each block of incident text takes the direction of its own first strong
// letter (dir="auto"), wherever it is shown: an English update on an Arabic
// page reads left to right with its full stop at the end, and an Arabic
// paragraph in an English postmortem right to left. Raw HTML is escaped
// above, so every tag matched here is the renderer's own.
const OWN_DIRECTION = /<(p|h[1-6]|li|blockquote|td|th)>/g;

/** Markdown (block level) to safe HTML, each block in its own direction. */
export function renderMarkdown(markdown: string): string {
  let html = rendered.get(markdown);
  if (html === undefined) {
    html = marked.parse(markdown, { async: false }).replace(OWN_DIRECTION, '<$1 dir="auto">');
    if (rendered.size >= RENDERED_MAX) rendered.clear();
    rendered.set(markdown, html);
  }
  return html;
}

// Only link syntax ([text](url), [text][ref] with [ref]: url, <scheme:...>)
// and GFM's bare ftp:// and xmpp: autolinks can carry an address the renderer
// drops; its other bare autolinks are http(s) or mailto by construction. Most
// texts have none of these, and lexing each one is the check's largest cost
// after YAML (0.5 s at 3,000 incidents), so they are not lexed at all.
const MAY_HOLD_AN_UNSAFE_LINK = /[[<]|ftp:|xmpp:/i;

/** Link targets in the Markdown that the renderer would drop (e.g. `javascript:`, `//host`), in order. */
export function unsafeLinks(markdown: string): string[] {
  if (!MAY_HOLD_AN_UNSAFE_LINK.test(markdown)) return [];
  const found: string[] = [];
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === 'link' && !isSafeUrl(token.href)) found.push(token.href);
  });
  return found;
}

/**
 * The Markdown with every link the renderer would drop (an empty target, `javascript:`, `//host`)
 * written as its text alone, and the targets so dropped, in order. For text from elsewhere (an
 * import), where one bad link should cost only the link.
 */
export function withoutUnsafeLinks(markdown: string): { markdown: string; dropped: string[] } {
  if (!MAY_HOLD_AN_UNSAFE_LINK.test(markdown)) return { markdown, dropped: [] };
  const links: Tokens.Link[] = [];
  marked.walkTokens(marked.lexer(markdown), (token) => {
    if (token.type === 'link' && !isSafeUrl(token.href)) links.push(token as Tokens.Link);
  });
  let rest = markdown;
  let done = '';
  for (const link of links) {
    const at = rest.indexOf(link.raw);
    if (at === -1) continue;
    done += rest.slice(0, at) + link.text;
    rest = rest.slice(at + link.raw.length);
  }
  return { markdown: done + rest, dropped: links.map((link) => link.href) };
}

/**
 * The first `maxBytes` of a message, cut where a reader expects (after whole
 * blocks, else after whole inline pieces: a link, code or emphasis is never
 * split, else at a space), or undefined when it fits whole. The cut Markdown
 * renders on its own; the caller says that more follows.
 */
export function excerptMarkdown(markdown: string, maxBytes: number): string | undefined {
  if (byteLength(markdown) <= maxBytes) return undefined;
  const kept: string[] = [];
  let room = maxBytes;
  for (const block of marked.lexer(markdown)) {
    if (byteLength(block.raw) <= room) {
      kept.push(block.raw);
      room -= byteLength(block.raw);
      continue;
    }
    // The first block that does not fit: keep its start if nothing was kept yet, or if it is a paragraph.
    if (kept.length === 0 || block.type === 'paragraph') kept.push(inlineStart(block, room));
    break;
  }
  return kept.join('').trimEnd();
}

/** As much of one block's inline pieces as fits in `room` bytes, the last text piece cut at a space. */
function inlineStart(block: Token, room: number): string {
  const pieces =
    'tokens' in block && block.tokens && block.type === 'paragraph'
      ? block.tokens
      : [{ type: 'text', raw: block.raw } as Token];
  let start = '';
  let left = room;
  for (const piece of pieces) {
    const bytes = byteLength(piece.raw);
    if (bytes <= left) {
      start += piece.raw;
      left -= bytes;
      continue;
    }
    if (piece.type === 'text') start += cutAtSpace(piece.raw, left);
    break;
  }
  return start;
}

/** The longest start of plain text within `room` bytes that ends before a space (whole graphemes, always). */
function cutAtSpace(text: string, room: number): string {
  const cut = graphemeStart(text, room, byteLength);
  const space = cut.search(/\s\S*$/);
  return space > 0 ? cut.slice(0, space) : cut;
}
