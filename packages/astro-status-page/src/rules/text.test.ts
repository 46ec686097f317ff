import { describe, expect, test } from 'vitest';
import {
  cutText,
  decodeSource,
  findForbiddenCharacter,
  foreignLine,
  isolate,
  lineAt,
  literalMarkdown,
  quote,
  xmlSafe,
  printable,
  visible,
  writableStrings,
  writableText,
} from './text.ts';
import { escapeHtml, renderMarkdown } from './markdown.ts';

const bytes = (...values: number[]) => new Uint8Array(values);

describe('decodeSource: UTF-8 text only', () => {
  test('a UTF-8 BOM is dropped and CRLF or CR line ends become LF', () => {
    expect(decodeSource(bytes(0xef, 0xbb, 0xbf, 0x61, 0x0d, 0x0a, 0x62, 0x0d, 0x63))).toEqual({
      ok: true,
      text: 'a\nb\nc',
    });
  });

  test.each([
    ['UTF-16 little-endian', bytes(0xff, 0xfe, 0x61, 0x00), /is UTF-16 text; save the file as UTF-8/],
    ['UTF-16 big-endian', bytes(0xfe, 0xff, 0x00, 0x61), /is UTF-16 text/],
    [
      'invalid UTF-8 (a Latin-1 é)',
      bytes(0x63, 0x61, 0x66, 0xe9, 0x0a),
      /is not valid UTF-8 \(byte 3 cannot be read\); save the file as UTF-8/,
    ],
  ])('%s is refused with the fix', (_, input, message) => {
    const decoded = decodeSource(input);
    expect(decoded.ok).toBe(false);
    expect(decoded.ok ? '' : decoded.message).toMatch(message);
  });
});

describe('findForbiddenCharacter', () => {
  test.each([
    ['\u0001', 'U+0001'],
    ['\u001b[31mred', 'U+001B'],
    ['\u007f', 'U+007F'],
    ['\u0085', 'U+0085'],
    ['\ufffe', 'U+FFFE'],
    ['\ufdd0', 'U+FDD0'],
    ['\u{10ffff}', 'U+10FFFF'],
    ['\ud800', 'U+D800'],
    ['\udc00x', 'U+DC00'],
  ])('%j is refused as %s', (text, codePoint) => {
    expect(findForbiddenCharacter(`ok ${text}`)).toEqual({ index: 3, codePoint });
  });

  test.each(['tab\tand\nnewline', 'emoji 🔥 and مرحبا', 'זה בסדר', '\u2028 line separator', '…'])(
    '%j is allowed',
    (text) => {
      expect(findForbiddenCharacter(text)).toBeUndefined();
    },
  );
});

test('xmlSafe removes what XML 1.0 cannot carry and keeps the rest, CRLF included', () => {
  expect(xmlSafe('a\u0001b\u001bc\ufffed\ud800e\r\n🔥')).toBe('abcde\r\n🔥');
});

test('lineAt counts lines from 1', () => {
  expect([0, 2, 3, 7].map((index) => lineAt('ab\ncd\n\nx', index))).toEqual([1, 1, 2, 4]);
});

test('quote shows what cannot be seen by its code point: "web" and "web" + U+200D never read the same', () => {
  expect(quote('web\u200d')).toBe('"web<U+200D>"');
  expect(quote('\u202eweb\ufeff')).toBe('"<U+202E>web<U+FEFF>"');
  expect(quote('a\u00a0b\u3000c\u2028')).toBe('"a<U+00A0>b<U+3000>c<U+2028>"');
  expect(quote('esc\u001b[31m')).toBe('"esc\\u001b[31m"');
  // Visible text is kept as it is.
  expect(quote('web é 日本')).toBe('"web é 日本"');
});

test('quote shows at most 80 characters of a value', () => {
  expect(quote('x'.repeat(200_000))).toBe(`"${'x'.repeat(80)}…"`);
  expect(quote('short')).toBe('"short"');
});

describe('isolate: user text inside a line the page wrote', () => {
  test.each([
    ['مرحبا بالعالم', 'Arabic'],
    ['שלום', 'Hebrew'],
    ['Login \u202Eliated', 'a right-to-left override'],
    ['Login \u2067x', 'an unclosed isolate'],
  ])('%s (%s) is wrapped in FSI … PDI', (text) => {
    expect(isolate(text)).toBe(`\u2068${text}\u2069`);
  });

  test.each(['Login failing everywhere', 'ログインできません', '🔥 Ünïcode', ''])(
    '%s, which cannot turn its neighbours around, comes back as it is',
    (text) => {
      expect(isolate(text)).toBe(text);
    },
  );

  test.each(['Login still fails.', 'ログインできません', 'مرحبا'])(
    '%s in a right-to-left line is isolated whatever its letters, so its full stop stays at its end',
    (text) => {
      expect(isolate(text, 'rtl')).toBe(`\u2068${text}\u2069`);
      expect(isolate('', 'rtl')).toBe('');
    },
  );
});

describe('text from elsewhere: cut at grapheme boundaries, made writable, quoted literally', () => {
  test('cutText keeps an emoji family, a flag and a combined letter whole or drops them whole', () => {
    const family = '👨‍👩‍👧‍👦';
    expect(cutText(`ab${family}`, 13)).toBe(`ab${family}`);
    expect(cutText(`ab${family}cd`, 13)).toBe('ab…');
    expect(cutText('ab🇫🇷🇩🇪', 7)).toBe('ab🇫🇷…');
    expect(cutText('abcde\u0301f', 6)).toBe('abcd…');
    expect(cutText('short', 300)).toBe('short');
  });

  test('foreignLine replaces what our files refuse, on one line, within its length', () => {
    expect(foreignLine('a\uffffb\u0000c\u001b[31md\r\ne\u2028f\ud800', 300)).toBe(
      'a\ufffdb\ufffdc\ufffd[31md e f\ufffd',
    );
    expect(foreignLine('x'.repeat(1000), 300)).toHaveLength(300);
  });

  test('literalMarkdown leaves no link, HTML, heading or emphasis', () => {
    for (const text of ['[a](https://evil.example)', '<b>x</b>', '# h', '*x* _y_', 'https://evil.example', '&amp;'])
      expect(renderMarkdown(literalMarkdown(text))).toBe(`<p dir="auto">${escapeHtml(text)}</p>\n`);
  });
});

describe('text from elsewhere on a terminal, and in our files', () => {
  test('visible shows every control, format and separator character by its code point, cut short when asked', () => {
    expect(visible('\u001b[2Jok\u202e\n')).toBe('\\u{1b}[2Jok\\u{202e}\\u{a}');
    expect(visible('👨‍👩‍👧‍👦 family and more', 12)).toBe('👨\\u{200d}👩\\u{200d}👧\\u{200d}👦…');
  });

  test("printable keeps a line's own breaks, tabs and emoji, and shows controls and direction marks", () => {
    expect(printable('a\tb\nc \u001b[31mred\r\u2067x\u2069 👨‍👩‍👧‍👦 🇯🇵')).toBe(
      'a\tb\nc \\u{1b}[31mred\\u{d}\\u{2067}x\\u{2069} 👨‍👩‍👧‍👦 🇯🇵',
    );
    expect(printable(printable('\u001b'))).toBe('\\u{1b}');
  });

  test('writableText replaces what no file may hold, never fails; writableStrings does it in keys and values', () => {
    expect(writableText('a\uFFFFb\u0007c\r\nd\te')).toBe('a\uFFFDb\uFFFDc\nd\te');
    expect(writableStrings({ 'k\uFFFE': ['x\u001b', 1, null, { y: '\uD800' }] })).toEqual({
      'k\uFFFD': ['x\uFFFD', 1, null, { y: '\uFFFD' }],
    });
  });
});
