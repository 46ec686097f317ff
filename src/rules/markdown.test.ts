import { expect, test } from 'vitest';
import { renderMarkdown } from './markdown.ts';

test('renders ordinary Markdown', () => {
  expect(renderMarkdown('We are *investigating*. See [details](https://example.com).')).toBe(
    '<p>We are <em>investigating</em>. See <a href="https://example.com">details</a>.</p>\n',
  );
});

test('raw HTML is shown as text, never executed', () => {
  const html = renderMarkdown('Error: <script>alert(1)</script> & "quotes"');
  expect(html).not.toContain('<script>');
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
});

test('javascript: links lose their link', () => {
  expect(renderMarkdown('[click](javascript:alert(1))')).toBe('<p>click</p>\n');
});

test('quotes, apostrophes and dashes are typographic; code keeps what was typed', () => {
  expect(renderMarkdown(`We're seeing "timeouts" on login -- a fix is rolling out... See \`--force\`.`)).toBe(
    '<p>We’re seeing “timeouts” on login — a fix is rolling out… See <code>--force</code>.</p>\n',
  );
});
