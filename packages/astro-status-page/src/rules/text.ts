/*
 * Text that every output can carry. Incident files are published as HTML,
 * RSS, Atom, JSON and iCalendar; XML 1.0 cannot hold most control characters
 * at all, and a pasted terminal colour code or a stray non-character breaks a
 * feed for every subscriber. So a file must be UTF-8 text without them, and
 * every XML writer strips them again in case anything slips through.
 */

export type DecodedSource = { ok: true; text: string } | { ok: false; message: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];
const SAVE_AS_UTF8 = 'save the file as UTF-8 (in most editors: "Save with encoding" → UTF-8)';
const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Bytes of a file to its text: UTF-8 only (a BOM is dropped), line endings as `\n`. */
export function decodeSource(bytes: Uint8Array): DecodedSource {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return { ok: false, message: `is UTF-16 text; ${SAVE_AS_UTF8}` };
  }
  const start = UTF8_BOM.every((byte, i) => bytes[i] === byte) ? 3 : 0;
  let text: string;
  try {
    text = decoder.decode(bytes.subarray(start));
  } catch {
    return {
      ok: false,
      message: `is not valid UTF-8 (byte ${firstInvalidUtf8Byte(bytes, start)} cannot be read); ${SAVE_AS_UTF8}`,
    };
  }
  return { ok: true, text: text.replace(/\r\n?/g, '\n') };
}

/** Offset of the first byte that does not start or continue a UTF-8 sequence, for the message. */
function firstInvalidUtf8Byte(bytes: Uint8Array, start: number): number {
  for (let end = start + 1; end <= bytes.length; end++) {
    try {
      decoder.decode(bytes.subarray(start, end));
    } catch {
      // An incomplete sequence at the very end only fails once more bytes cannot complete it.
      if (end === bytes.length || (bytes[end - 1]! & 0xc0) !== 0x80 || end - start > 4) return end - 1;
    }
  }
  return bytes.length - 1;
}

/**
 * C0 and C1 controls other than tab and newline, Unicode non-characters
 * (U+FDD0–U+FDEF and the last two code points of every plane), and lone
 * surrogates: none of them belongs in published text.
 */
const FORBIDDEN = /(?![\t\n])\p{Cc}|\p{Noncharacter_Code_Point}|\p{Cs}/u;
const FORBIDDEN_GLOBAL = new RegExp(FORBIDDEN.source, 'gu');
// XML and iCalendar line breaks may be CRLF, so the output filter keeps CR.
const FORBIDDEN_IN_OUTPUT = /(?![\t\n\r])\p{Cc}|\p{Noncharacter_Code_Point}|\p{Cs}/gu;

/** The first character no output can carry, with its index, or undefined. */
export function findForbiddenCharacter(text: string): { index: number; codePoint: string } | undefined {
  const match = FORBIDDEN.exec(text);
  if (!match) return undefined;
  return { index: match.index, codePoint: `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` };
}

/** The line of a whole file's first forbidden character and why it is refused, for a `file:line` problem. */
export function forbiddenInFile(text: string): { line: number; message: string } | undefined {
  const forbidden = findForbiddenCharacter(text);
  return (
    forbidden && { line: lineAt(text, forbidden.index), message: `contains ${describeForbidden(forbidden.codePoint)}` }
  );
}

/** A readable description of why the character is refused. */
export function describeForbidden(codePoint: string): string {
  const value = Number.parseInt(codePoint.slice(2), 16);
  if (value < 0x20 || (value >= 0x7f && value <= 0x9f))
    return `a control character (${codePoint}), e.g. a pasted terminal colour code; delete it`;
  if (value >= 0xd800 && value <= 0xdfff)
    return `half of a broken character (${codePoint}, a lone surrogate); retype the character around it`;
  return `a Unicode non-character (${codePoint}); delete it`;
}

/** Remove every character XML 1.0 cannot carry: the last line of defence of each XML writer. */
export function xmlSafe(text: string): string {
  return text.replace(FORBIDDEN_IN_OUTPUT, '');
}

/** 1-based line of an index in a text. */
export function lineAt(text: string, index: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < index; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

// Characters a reader cannot see or tell from a space: format characters (U+200D ZERO WIDTH JOINER,
// bidi controls, U+FEFF), line separators, spaces other than U+0020, and private-use characters.
const UNSEEN_IN_QUOTE =
  /[\p{Cf}\p{Co}\u2028\u2029\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\u115F\u1160\u3164\uFFA0]/gu;

/**
 * At most `max` characters of a value, for messages: a bad 200 KB value is
 * not echoed whole, and what cannot be seen is shown by its code point
 * ("web<U+200D>"), so `unknown component "web<U+200D>"` does not read as "web".
 * Controls come out as JSON escapes (\u001b).
 */
export function quote(value: string, max = 80): string {
  const codePoints = (text: string) => [...text].length;
  const shown = codePoints(value) <= max ? value : `${graphemeStart(value, max, codePoints)}…`;
  return JSON.stringify(shown).replace(
    UNSEEN_IN_QUOTE,
    (char) => `<U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`,
  );
}

// Controls (ESC starts terminal sequences that move the cursor and erase lines),
// format characters (bidi overrides that reorder what is shown) and line separators.
const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
// The same for whole printed lines of ours, which may hold line breaks and tabs, and titles with
// emoji (a family's U+200D joiners, a flag's tags): controls, direction marks and separators only.
const INVISIBLE_IN_OUTPUT = /(?![\n\t])\p{Cc}|[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069\u2028\u2029]/gu;

const escaped = (char: string) => `\\u{${char.codePointAt(0)!.toString(16)}}`;

/**
 * Text from elsewhere (a host's answer, a receiver's reason, an imported
 * name) made safe to print on one terminal line: every control, format and
 * line-separator character written as `\u{1b}`, so it cannot erase lines,
 * fake a summary or reorder what follows; cut to `max` characters at a
 * grapheme boundary when given; the rest unchanged. The one helper for such
 * text: every command's output passes through `printable` too.
 */
export function visible(text: string, max?: number): string {
  return (max === undefined ? text : cutText(text, max)).replace(INVISIBLE, escaped);
}

/**
 * A line the CLI prints, whatever it holds: its own line breaks and tabs
 * kept, every other control and direction mark written as `\u{1b}`. The
 * last net under `visible`, at the CLI's one way out (cli/entry.ts).
 */
export function printable(line: string): string {
  return line.replace(INVISIBLE_IN_OUTPUT, escaped);
}

// Letters written right to left (Hebrew, Arabic, Syriac, Thaana, N'Ko and their
// supplements and presentation forms) and the invisible marks that steer direction.
const STEERS_DIRECTION =
  /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]|[\u{10800}-\u{10FFF}\u{1E800}-\u{1EFFF}]/u;

/**
 * User-written text set inside a line of other words where HTML cannot give
 * it a `dir` (a page's <title>, a feed item's title, a notification): wrapped
 * in FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE when it could turn the
 * words around it (a right-to-left letter, a U+202E), so "[Resolved] مرحبا"
 * keeps its bracket where it was and a pasted override ends with the title.
 * In a right-to-left line (`line: 'rtl'`, an Arabic page's words) every text
 * is isolated: "Login fails." among Arabic words would otherwise lose its
 * full stop to the far side. In a left-to-right line, left-to-right text
 * comes back as it is.
 */
export function isolate(text: string, line: 'ltr' | 'rtl' = 'ltr'): string {
  return text !== '' && (line === 'rtl' || STEERS_DIRECTION.test(text)) ? `\u2068${text}\u2069` : text;
}

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });

/**
 * At most `max` UTF-16 units of `text` (what zod's `.max` counts), cut at a
 * grapheme boundary and ended with "…" when cut: an emoji family or a flag is
 * kept whole or dropped whole, never split.
 */
export function cutText(text: string, max: number): string {
  return text.length <= max ? text : `${graphemeStart(text, max - 1)}…`;
}

/**
 * The longest start of `text` made of whole graphemes whose `size` (UTF-16
 * units unless told, e.g. UTF-8 bytes) is at most `max`: the one place text
 * is cut, so no cut splits a family of four or a flag.
 */
export function graphemeStart(text: string, max: number, size: (text: string) => number = (s) => s.length): string {
  let kept = '';
  let used = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    used += size(segment);
    if (used > max) break;
    kept += segment;
  }
  return kept;
}

// Whatever no file of ours may hold (controls, line breaks, non-characters, lone surrogates).
const NOT_WRITABLE = /\p{Cc}|\p{Noncharacter_Code_Point}|\p{Cs}/gu;

/**
 * Text another server sent (a probe's answer, an error), made fit to record on
 * one line: every character our files refuse replaced by U+FFFD (never fatal),
 * runs of spaces collapsed, and cut to `max` UTF-16 units at a grapheme boundary.
 */
export function foreignLine(text: string, max: number): string {
  const clean = text
    .replace(/[\t\n\r\u2028\u2029]/g, ' ')
    .replace(NOT_WRITABLE, '\uFFFD')
    .replace(/ {2,}/g, ' ')
    .trim();
  return cutText(clean, max);
}

/**
 * Text another program wrote (an import's titles, names and messages), fit
 * for our files: every character they refuse (controls but tab and line
 * break, non-characters such as U+FFFF, lone surrogates) replaced by U+FFFD,
 * never fatal; line ends as `\n`.
 */
export function writableText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(FORBIDDEN_GLOBAL, '\uFFFD');
}

/** Every string in a value parsed from elsewhere (JSON, YAML) made `writableText`, keys included. */
export function writableStrings(value: unknown): unknown {
  if (typeof value === 'string') return writableText(value);
  if (Array.isArray(value)) return value.map(writableStrings);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [writableText(key), writableStrings(item)]));
  return value;
}

/**
 * Text from elsewhere set into Markdown so that it stays literal: every ASCII
 * punctuation character backslash-escaped (CommonMark), so `[a](b)`, `<b>`,
 * `*`, `&amp;`, a bare `https://…` (its colon escaped: no autolink) and a
 * line's leading `#` are shown as written, never as links, HTML or headings.
 */
export function literalMarkdown(text: string): string {
  return text.replace(/[!-/:-@[-`{-~]/g, (char) => `\\${char}`);
}
