import { expect, test } from 'vitest';
import { splitFrontmatter } from './frontmatter.ts';

test('splits the YAML from the body and says where each starts', () => {
  const text = '---\ntitle: Outage\nimpact: minor\n---\nThe body.\n';
  expect(splitFrontmatter(text)).toEqual({
    yaml: 'title: Outage\nimpact: minor',
    yamlStart: 4,
    lineOffset: 1,
    body: 'The body.\n',
    bodyStart: 36,
    bodyLine: 5,
    eol: '\n',
  });
});

test('a BOM and CRLF line ends split the same way, and the line end is reported for lines added later', () => {
  const lf = splitFrontmatter('---\ntitle: Outage\n---\nBody\n')!;
  const crlf = splitFrontmatter('\uFEFF---\r\ntitle: Outage\r\n---\r\nBody\r\n')!;
  expect(crlf.yaml).toBe('title: Outage');
  expect(crlf.body).toBe('Body\r\n');
  expect(crlf.eol).toBe('\r\n');
  expect(crlf.yamlStart).toBe(6);
  expect([crlf.lineOffset, crlf.bodyLine]).toEqual([lf.lineOffset, lf.bodyLine]);
});

test('the closing line may end the file, and the YAML may be empty', () => {
  expect(splitFrontmatter('---\ntitle: x\n---')).toMatchObject({ yaml: 'title: x', body: '', bodyLine: 3 });
  expect(splitFrontmatter('---\n---\nBody')).toMatchObject({ yaml: '', body: 'Body', bodyLine: 3 });
});

test('no frontmatter: no opening line, no closing line, or a --- that is only the start of a longer line', () => {
  for (const text of [
    'title: x\n',
    '---\ntitle: x\n',
    '----\ntitle: x\n---\n',
    '---\ntitle: x\n----\n',
    ' ---\ntitle: x\n---\n',
    '',
  ])
    expect(splitFrontmatter(text)).toBeUndefined();
});
