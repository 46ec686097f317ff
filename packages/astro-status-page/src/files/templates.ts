import { parse } from 'yaml';
import { describeUnknown } from '../rules/nearest.ts';
import { STANDALONE_INCIDENT_STATUSES, type IncidentStatus } from '../rules/statuses.ts';

/** A template's status: any but `merged`, which names the incident that follows (`update --merge-into`). */
const TEMPLATE_STATUSES: readonly string[] = STANDALONE_INCIDENT_STATUSES;
import { slugFromPath } from '../rules/slug.ts';
import { splitFrontmatter } from './frontmatter.ts';
import { readContentFolder, TEMPLATES_DIR } from './site-files.ts';
import type { Problem, SourceFile } from './validate.ts';

/*
 * Message templates, `templates/<name>.md` beside `incidents/`: a label and
 * the update status in the frontmatter, the message below, with
 * {components} standing for the names of the components chosen.
 */

export { TEMPLATES_DIR };
export const PLACEHOLDER = '{components}';
const FIELDS = ['label', 'status'];

export interface Template {
  /** The file name without `.md`: what `--template` takes. */
  name: string;
  path: string;
  label: string;
  status: IncidentStatus;
  message: string;
  /** Line of the message in the file, for problems found in it. */
  messageLine: number;
}

/** The line of `key:` in the file (1-based), or the first line. */
const lineOfKey = (text: string, key: string) =>
  text.split('\n').findIndex((line) => line.startsWith(`${key}:`)) + 1 || 1;

/** One template file, or the problems that keep it from being used. */
export function parseTemplate(source: SourceFile): { template?: Template; problems: Problem[] } {
  const { path, text } = source;
  const problem = (line: number, field: string, message: string): Problem => ({ file: path, line, field, message });
  if (source.unreadable) return { problems: [problem(1, 'file', source.unreadable)] };
  const split = splitFrontmatter(text);
  if (!split)
    return {
      problems: [
        problem(1, 'frontmatter', 'missing: start with ---, then label: and status:, then ---, then the message'),
      ],
    };
  let data: Record<string, unknown>;
  try {
    data = (parse(split.yaml) ?? {}) as Record<string, unknown>;
  } catch (error) {
    return { problems: [problem(2, 'frontmatter', `YAML syntax: ${(error as Error).message.split('\n')[0]}`)] };
  }
  if (typeof data !== 'object' || Array.isArray(data))
    return { problems: [problem(2, 'frontmatter', 'must be the fields label: and status:, one per line')] };
  const problems = Object.keys(data)
    .filter((key) => !FIELDS.includes(key))
    .map((key) => problem(lineOfKey(text, key), key, `is not a template field; allowed: ${FIELDS.join(', ')}`));
  const { label, status } = data;
  if (typeof label !== 'string' || label.trim() === '')
    problems.push(
      problem(
        lineOfKey(text, 'label'),
        'label',
        'is required: the words shown in the menu, e.g. "Investigating, cause unknown"',
      ),
    );
  if (!TEMPLATE_STATUSES.includes(status as string))
    problems.push(problem(lineOfKey(text, 'status'), 'status', describeUnknown('status', status, TEMPLATE_STATUSES)));
  const messageLine = split.bodyLine;
  const message = split.body.trim();
  if (message === '')
    problems.push(problem(messageLine, 'message', 'is empty: write the message users read below the frontmatter'));
  for (const unknown of new Set(message.match(/\{[^}]*\}/g) ?? [])) {
    if (unknown !== PLACEHOLDER)
      problems.push(
        problem(messageLine, 'message', `unknown placeholder ${unknown}; templates may use ${PLACEHOLDER}`),
      );
  }
  if (problems.length > 0) return { problems };
  return {
    template: {
      name: slugFromPath(path),
      path,
      label: label as string,
      status: status as IncidentStatus,
      message,
      messageLine,
    },
    problems,
  };
}

/** Every template of the site, by file name, with the problems of those that cannot be used. */
export function readTemplates(dir: string): { templates: Template[]; problems: Problem[] } {
  const parsed = readContentFolder(dir, TEMPLATES_DIR).map(parseTemplate);
  const templates: Template[] = [];
  const problems = parsed.flatMap((result) => result.problems);
  const byName = new Map<string, string>();
  for (const template of parsed.flatMap((result) => result.template ?? [])) {
    // `--template` takes the file name, so two files in subfolders may not share one.
    const earlier = byName.get(template.name);
    if (earlier) {
      problems.push({
        file: template.path,
        line: 1,
        field: 'file name',
        message: `template "${template.name}" is already used by ${earlier}; rename one, --template takes the file name`,
      });
      continue;
    }
    byName.set(template.name, template.path);
    templates.push(template);
  }
  return { templates, problems };
}
