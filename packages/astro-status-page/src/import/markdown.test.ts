import { describe, expect, test } from 'vitest';
import { toSafeMarkdown } from './markdown.ts';

describe('toSafeMarkdown', () => {
  test('keeps Markdown and plain text as written', () => {
    expect(toSafeMarkdown('We are **investigating**.\n\n- one\n- two')).toBe(
      'We are **investigating**.\n\n- one\n- two',
    );
    expect(toSafeMarkdown('Latency < 200 ms again')).toBe('Latency < 200 ms again');
    expect(toSafeMarkdown(null)).toBe('');
  });

  test('converts HTML to Markdown', () => {
    expect(toSafeMarkdown('<p>Logins <strong>fail</strong>.</p><ul><li>web</li><li>iOS</li></ul>')).toBe(
      'Logins **fail**.\n\n-   web\n-   iOS',
    );
    expect(toSafeMarkdown('See <a href="https://example.com/pm">the postmortem</a>.')).toBe(
      'See [the postmortem](https://example.com/pm).',
    );
  });

  test('drops scripts, script links and images', () => {
    const markdown = toSafeMarkdown(
      '<p>Fixed<script>alert(1)</script> <a href="javascript:alert(1)">here</a> <img src="https://x/p.png" alt="graph"></p>',
    );
    expect(markdown).toBe('Fixed here graph');
    expect(markdown).not.toMatch(/alert|javascript|<img/);
  });
});

describe('text fidelity', () => {
  test('HTML comments are dropped, in HTML and in Markdown', () => {
    expect(toSafeMarkdown('<!-- markdown-link-check-disable-next-line -->\nSee [the docs](https://example.com).')).toBe(
      'See [the docs](https://example.com).',
    );
    expect(toSafeMarkdown('<p>Fixed<!-- note to self --> now.</p>')).toBe('Fixed now.');
    expect(toSafeMarkdown('Unclosed <!-- comment runs to the end')).toBe('Unclosed');
  });

  test.each([200, 2_000, 50_000])(
    '%i nested tags never crash: beyond the limit the words are kept as text, and said',
    (depth) => {
      const notes: string[] = [];
      const markdown = toSafeMarkdown(
        `${'<blockquote><b>'.repeat(depth / 2)}still here${'</b></blockquote>'.repeat(depth / 2)}`,
        (note) => notes.push(note),
      );
      expect(markdown).toContain('still here');
      expect(notes).toEqual(
        depth > 200
          ? [`HTML nested ${depth} tags deep (at most 200 are read) was kept as plain text, its tags dropped`]
          : [],
      );
    },
  );
});
