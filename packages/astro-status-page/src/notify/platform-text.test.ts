import { expect, test } from 'vitest';
import { markdownLimited, markdownText, slackLimited, slackText, truncate } from './platform-text.ts';

test('Slack: mentions, links and entities in a title reach Slack as text', () => {
  expect(slackText('Ping <!channel> & <@U123> at <https://evil.example|here>')).toBe(
    'Ping &lt;!channel&gt; &amp; &lt;@U123&gt; at &lt;https://evil.example|here&gt;',
  );
});

test('Markdown: a link, emphasis or heading in a title is shown as written', () => {
  expect(markdownText('[Click](https://evil.example) *now*, 1_000 ||spoiler||')).toBe(
    '\\[Click\\](https://evil.example) \\*now\\*, 1\\_000 \\|\\|spoiler\\|\\|',
  );
  expect(markdownText('# 1. Login - web')).toBe('\\# 1. Login - web');
  expect(markdownText('1. Login')).toBe('1\\. Login');
  // Ordinary punctuation stays as it is: what a reader sees is what the page shows.
  expect(markdownText('Login (web, iOS): 3.5 s - slow!')).toBe('Login (web, iOS): 3.5 s - slow!');
});

test.each([
  ['an emoji made of a surrogate pair', 'Login 🔥🔥🔥', 9, 'Login 🔥…'],
  ['a flag (two regional indicators)', 'Down 🇯🇵🇯🇵', 10, 'Down 🇯🇵…'],
  ['a family emoji joined by ZWJ', '👨‍👩‍👧 outage', 8, '…'],
  ['a combining accent', 'Cafe\u0301 down', 5, 'Caf…'],
])('truncation never splits %s', (_what, text, max, expected) => {
  const cut = truncate(text, max);
  expect(cut.length).toBeLessThanOrEqual(max);
  expect(cut).toBe(expected);
  expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
});

test('a cut inside an isolated title closes the isolate after its "…", within the limit', () => {
  const headline = `Identified: \u2068${'تعذّر تسجيل الدخول '.repeat(20)}\u2069`;
  const cut = truncate(headline, 150);
  expect(cut.length).toBeLessThanOrEqual(150);
  expect(cut).toMatch(/^Identified: \u2068[^\u2069]+…\u2069$/);
  // An isolate closed before the cut leaves nothing to close.
  expect(truncate(`\u2068مرحبا\u2069 ${'x'.repeat(200)}`, 20)).toBe(`\u2068مرحبا\u2069 ${'x'.repeat(11)}…`);
});

test('escaping and the limit together: no entity or escape is cut, and the result fits', () => {
  const slack = slackLimited('&'.repeat(200), 150);
  expect(slack.length).toBeLessThanOrEqual(150);
  expect(slack).toMatch(/^(&amp;)+…$/);
  const markdown = markdownLimited('*'.repeat(300), 256);
  expect(markdown.length).toBeLessThanOrEqual(256);
  expect(markdown).toMatch(/^(\\\*)+…$/);
});
