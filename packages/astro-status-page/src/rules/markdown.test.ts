import { expect, test } from 'vitest';
import { renderMarkdown } from './markdown.ts';

test('renders ordinary Markdown', () => {
  expect(renderMarkdown('We are *investigating*. See [details](https://example.com).')).toBe(
    '<p dir="auto">We are <em>investigating</em>. See <a href="https://example.com">details</a>.</p>\n',
  );
});

test('raw HTML is shown as text, never executed', () => {
  const html = renderMarkdown('Error: <script>alert(1)</script> & "quotes"');
  expect(html).not.toContain('<script>');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
});

test('javascript: links lose their link', () => {
  expect(renderMarkdown('[click](javascript:alert(1))')).toBe('<p dir="auto">click</p>\n');
});

test('quotes, apostrophes and dashes are typographic; code keeps what was typed', () => {
  expect(renderMarkdown(`We're seeing "timeouts" on login -- a fix is rolling out... See \`--force\`.`)).toBe(
    '<p dir="auto">We’re seeing “timeouts” on login — a fix is rolling out… See <code>--force</code>.</p>\n',
  );
});

test('every block takes its own direction, and a typed <p> stays text, not a block', () => {
  const html = renderMarkdown(
    '## Summary\n\nPosting still fails.\n\n- تسجيل الدخول يفشل.\n- Web\n\n> quoted\n\n<p>typed</p>',
  );
  expect(html.match(/<(h2|p|li|blockquote) dir="auto">/g)).toEqual([
    '<h2 dir="auto">',
    '<p dir="auto">',
    '<li dir="auto">',
    '<li dir="auto">',
    '<blockquote dir="auto">',
    '<p dir="auto">',
  ]);
  expect(html).toContain('&lt;p&gt;typed&lt;/p&gt;');
});
