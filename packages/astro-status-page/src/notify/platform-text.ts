/*
 * Text as each platform must receive it so that it shows what the page
 * shows, and no more: Slack reads `&`, `<` and `>` as markup in every text
 * field (`<!channel>` pings everyone, `<url|label>` makes a link), Teams and
 * Discord read Markdown where the page shows plain text (titles, component
 * names). Limits are cut by grapheme, never inside a character or an emoji,
 * and a cut closes the direction isolates it opened (an Arabic title cut
 * short still ends where its "…" does, so the words after it keep their order).
 */

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

const OPENS_ISOLATE = /^[\u2066-\u2068]$/;
const POP_ISOLATE = '\u2069';

/** At most `max` characters (UTF-16 code units, as the platforms count), cut between graphemes, ending in "…" when cut (and a U+2069 for each isolate left open). */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let out = '';
  let open = 0;
  for (const { segment } of graphemes.segment(text)) {
    // Isolate marks are graphemes of their own (Grapheme_Cluster_Break=Control).
    const opened = OPENS_ISOLATE.test(segment) ? open + 1 : segment === POP_ISOLATE ? Math.max(0, open - 1) : open;
    if (out.length + segment.length + 1 + opened > max) break;
    out += segment;
    open = opened;
  }
  return `${out}…${POP_ISOLATE.repeat(open)}`;
}

/** Slack's three control characters as entities (api.slack.com/reference/surfaces/formatting#escaping). */
export const slackText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** Escaped for Slack and within `max` once escaped: cut first, so no entity is split. */
export function slackLimited(text: string, max: number): string {
  let cut = truncate(text, max);
  while (slackText(cut).length > max) cut = truncate(cut.slice(0, -1), Math.max(1, cut.length - 2));
  return slackText(cut);
}

/**
 * Plain text that Markdown (as Teams and Discord read it) shows as written:
 * the marks that make emphasis, code, links, spoilers and autolinks
 * backslash-escaped anywhere, and a heading, quote or list marker at the start.
 */
export const markdownText = (text: string) =>
  text
    .replace(/[\\`*_~[\]<>|]/g, '\\$&')
    .replace(
      /^(\s*)([#>+-]|\d+[.)])/,
      (_match, space: string, mark: string) => `${space}${mark.replace(/[#>+\-.)]/, '\\$&')}`,
    );

/** Escaped for Markdown and within `max`, cut before escaping so no escape is split. */
export function markdownLimited(text: string, max: number): string {
  let cut = truncate(text, max);
  while (markdownText(cut).length > max) cut = truncate(cut.slice(0, -1), Math.max(1, cut.length - 2));
  return markdownText(cut);
}
