import { Marked, type Tokens } from 'marked';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

const SAFE_URL = /^(https?:|mailto:|\/|#|\.)/i;

// Incident text is written in a hurry and published everywhere (HTML, feeds,
// API): raw HTML is shown as text and only ordinary links survive, so a pasted
// <script> or javascript: link can never run on the status page.
const marked = new Marked({
  gfm: true,
  renderer: {
    html: (token: Tokens.HTML | Tokens.Tag) => escapeHtml(token.text),
    link(token: Tokens.Link) {
      const text = this.parser.parseInline(token.tokens);
      if (!SAFE_URL.test(token.href)) return text;
      const title = token.title ? ` title="${escapeHtml(token.title)}"` : '';
      return `<a href="${escapeHtml(token.href)}"${title}>${text}</a>`;
    },
    image: (token: Tokens.Image) => escapeHtml(token.text),
  },
});

/** Markdown (block level) to safe HTML. */
export function renderMarkdown(markdown: string): string {
  return marked.parse(markdown, { async: false });
}
