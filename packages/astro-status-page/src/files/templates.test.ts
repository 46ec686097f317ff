import { expect, test } from 'vitest';
import { parseTemplate } from './templates.ts';
import { formatProblem } from './yaml-file.ts';

const problems = (text: string) => parseTemplate({ path: 'templates/t.md', text }).problems.map(formatProblem);

// Templates go through the YAML pipeline every site file does (files/yaml-file.ts): located, with "did you mean".
test('a misspelt key gets the field the schema declares, on its line', () => {
  expect(
    problems('---\nlable: Looking into it\nstatus: investigating\n---\nWe are looking into {components}.\n'),
  ).toEqual([
    'templates/t.md:2: label: is required: the words shown in the menu, e.g. "Investigating, cause unknown"',
    'templates/t.md:2: lable: is not a field we know; did you mean "label"? Check its spelling.',
  ]);
});

test('a wrong value names the nearest allowed one; merged is not a template status', () => {
  expect(problems('---\nlabel: Fixed\nstatus: resolvd\n---\nFixed.\n')).toEqual([
    'templates/t.md:3: status: unknown status "resolvd". Did you mean "resolved"? Allowed: investigating, identified, monitoring, resolved',
  ]);
  expect(problems('---\nlabel: Merged\nstatus: merged\n---\nFollowed elsewhere.\n')[0]).toMatch(
    /^templates\/t\.md:3: status: unknown status "merged"/,
  );
});

test('YAML that is not the two fields, or not YAML at all, is located too', () => {
  expect(problems('---\n- label\n- status\n---\nText.\n')).toEqual([
    'templates/t.md:2: frontmatter: must be the fields label: and status:, one per line',
  ]);
  expect(problems('---\nlabel: [unclosed\n---\nText.\n')[0]).toMatch(
    /^templates\/t\.md:\d: frontmatter: YAML syntax: /,
  );
});

test('a good template is read', () => {
  expect(
    parseTemplate({ path: 'templates/t.md', text: '---\nlabel: Fixed\nstatus: resolved\n---\nFixed {components}.\n' })
      .template,
  ).toEqual({
    name: 't',
    path: 'templates/t.md',
    label: 'Fixed',
    status: 'resolved',
    message: 'Fixed {components}.',
    messageLine: 5,
  });
});
