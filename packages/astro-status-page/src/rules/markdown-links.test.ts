import fc from 'fast-check';
import { Marked } from 'marked';
import { expect, test } from 'vitest';
import { isSafeUrl, unsafeLinks } from './markdown.ts';

// unsafeLinks skips lexing texts that cannot hold an unsafe link; this checks
// the shortcut against marked's own lexer on text made of every piece of link
// syntax and bare address marked knows (GFM autolinks of each scheme included).
const lexed = new Marked({ gfm: true });
const byLexer = (markdown: string) => {
  const found: string[] = [];
  lexed.walkTokens(lexed.lexer(markdown), (token) => {
    if (token.type === 'link' && !isSafeUrl(token.href)) found.push(token.href);
  });
  return found;
};
const PIECES = [
  '[',
  ']',
  '(',
  ')',
  '<',
  '>',
  ':',
  '/',
  '\\',
  ' ',
  '\n',
  'x',
  '.',
  '@',
  'www.',
  'http://',
  'https://',
  'ftp://',
  'xmpp:',
  'mailto:',
  'javascript:',
  'FTP://',
  'user@example.com',
  'example.com',
  '`',
  '*',
  '!',
  '#',
  '"',
];

test('property: the shortcut finds exactly what marked’s lexer finds', () => {
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }).map((parts) => parts.join('')),
      (markdown) => {
        expect(unsafeLinks(markdown)).toEqual(byLexer(markdown));
      },
    ),
    { numRuns: 3_000 },
  );
});

test('bare ftp:// and xmpp: addresses, which GFM turns into links, are still found', () => {
  expect(unsafeLinks('See ftp://files.example.com/log for details.')).toEqual(['ftp://files.example.com/log']);
  expect(unsafeLinks('Plain words, a time 12:58 and https://example.com are fine.')).toEqual([]);
});
