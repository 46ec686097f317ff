import { expect, test } from 'vitest';
import { LIMITS, longestEmphasisRun, markdownDepth, markdownProblem } from './limits.ts';
import { renderMarkdown } from './markdown.ts';

test.each([
  ['plain text', 'We are investigating.', 0],
  ['a list', '- one\n- two', 1],
  ['a nested list by indentation', '- one\n  - two\n    - three', 3],
  ['quotes inside a list', '- > > quoted', 3],
  ['5,000 list markers on one line', '* '.repeat(5000), 5000],
  ['ordered markers', '1. 2. 3) x', 3],
])('markdownDepth: %s', (_, markdown, depth) => {
  expect(markdownDepth(markdown)).toBe(depth);
});

test('emphasis runs are measured', () => {
  expect(longestEmphasisRun('**bold** and ' + '_'.repeat(150))).toBe(150);
});

test.each([
  [
    '5,000 "* " (overflowed the renderer\'s stack)',
    '* '.repeat(5000) + 'x',
    /nests lists or quotes 5000 levels deep; at most 16/,
  ],
  ['5,000 ">"', '>'.repeat(5000) + ' x', /nests lists or quotes 5000 levels deep/],
  [
    'a 1,000-deep nested list (took 7.5 s)',
    Array.from({ length: 1000 }, (_, i) => `${' '.repeat(i * 2)}- item`).join('\n'),
    /levels deep/,
  ],
  ['3,000 "*" on each side', '*'.repeat(3000) + 'x' + '*'.repeat(3000), /a run of 3000 emphasis characters/],
])('markdownProblem refuses %s', (_, markdown, message) => {
  expect(markdownProblem(markdown)).toMatch(message);
});

test(`the deepest allowed Markdown (${LIMITS.markdownDepth} levels) renders`, () => {
  const deepest = Array.from({ length: LIMITS.markdownDepth }, (_, i) => `${' '.repeat(i * 2)}- level ${i + 1}`).join(
    '\n',
  );
  expect(markdownProblem(deepest)).toBeUndefined();
  expect(renderMarkdown(deepest).match(/<ul>/g)).toHaveLength(LIMITS.markdownDepth);
});
