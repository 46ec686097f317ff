import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { activeSvgProblems } from './active-svg.ts';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A site whose public/ holds `files`, checked. */
function check(files: Record<string, string>) {
  dir = mkdtempSync(join(tmpdir(), 'active-svg-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, 'public', path, '..'), { recursive: true });
    writeFileSync(join(dir, 'public', path), text);
  }
  return activeSvgProblems(dir, join(dir, 'public')).map((problem) => `${problem.file}:${problem.line}`);
}

test('an SVG with a script, an event handler, a javascript: link or HTML inside is refused, at its line', () => {
  expect(
    check({
      'a.svg': '<svg>\n<script type="text/javascript">alert(1)</script></svg>',
      'deep/b.SVG': '<svg>\n\n<rect ONCLICK = "x()"/></svg>',
      'c.svg': "<svg><a xlink:href='javascript:void(0)'/></svg>",
      'd.svg': '<svg><foreignObject><iframe src="//evil.example"/></foreignObject></svg>',
    }),
  ).toEqual(['public/a.svg:2', 'public/c.svg:1', 'public/d.svg:1', 'public/deep/b.SVG:3']);
});

test('an ordinary logo passes, whatever its words say; other files and a missing public/ are not read', () => {
  expect(
    check({
      'logo.svg':
        '<svg><title>Turn on = off; see javascript: docs</title><a href="https://example.com"><path d="M0 0"/></a></svg>',
      'notes.txt': '<script>not an SVG</script>',
    }),
  ).toEqual([]);
  expect(activeSvgProblems(dir, join(dir, 'no-such-folder'))).toEqual([]);
});
