import { describe, expect, test } from 'vitest';
import { toSafeMarkdown } from './markdown.ts';

describe('toSafeMarkdown', () => {
  test('keeps Markdown and plain text as written', () => {
    expect(toSafeMarkdown('We are **investigating**.\n\n- one\n- two')).toBe('We are **investigating**.\n\n- one\n- two');
    expect(toSafeMarkdown('Latency < 200 ms again')).toBe('Latency < 200 ms again');
    expect(toSafeMarkdown(null)).toBe('');
  });

  test('converts HTML to Markdown', () => {
    expect(toSafeMarkdown('<p>Logins <strong>fail</strong>.</p><ul><li>web</li><li>iOS</li></ul>')).toBe('Logins **fail**.\n\n-   web\n-   iOS');
    expect(toSafeMarkdown('See <a href="https://example.com/pm">the postmortem</a>.')).toBe('See [the postmortem](https://example.com/pm).');
  });

  test('drops scripts, script links and images', () => {
    const markdown = toSafeMarkdown('<p>Fixed<script>alert(1)</script> <a href="javascript:alert(1)">here</a> <img src="https://x/p.png" alt="graph"></p>');
    expect(markdown).toBe('Fixed here graph');
    expect(markdown).not.toMatch(/alert|javascript|<img/);
  });
});
