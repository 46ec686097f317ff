import { z } from 'astro/zod';
import { STANDALONE_INCIDENT_STATUSES } from '../rules/statuses.ts';
import { oneOf } from './schemas/one-of.ts';
import { checkYaml, parseYaml } from './yaml-file.ts';
import { slugFromPath } from '../rules/slug.ts';
import { DURATION_FORMS, parseDuration } from '../rules/duration.ts';
import { promisedAt } from '../rules/promised-update.ts';
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

const LABEL_RULE = 'is required: the words shown in the menu, e.g. "Investigating, cause unknown"';
const NEXT_UPDATE_RULE = `must be a length of time after the update (${DURATION_FORMS}), e.g. "next_update: 30 min"`;

/**
 * A template's front matter: its label, its status (any but `merged`, which
 * names the incident that follows: `update --merge-into`), and the default
 * promise of its updates. A template is used at any time: only a length of
 * time after the update can be that promise, and a resolving one makes none.
 */
const templateSchema = z
  .strictObject(
    {
      label: z.string({ error: LABEL_RULE }).trim().min(1, LABEL_RULE),
      status: oneOf('status', STANDALONE_INCIDENT_STATUSES),
      next_update: z
        .string({ error: NEXT_UPDATE_RULE })
        .superRefine((value, ctx) => {
          const why =
            parseDuration(value) === undefined
              ? NEXT_UPDATE_RULE
              : (promisedAt(value, 0) as { problem?: string }).problem;
          if (why) ctx.addIssue({ code: 'custom', message: why });
        })
        .optional(),
    },
    {
      error: (issue) =>
        issue.code === 'invalid_type' ? 'must be the fields label: and status:, one per line' : undefined,
    },
  )
  .superRefine((data, ctx) => {
    if (data.next_update !== undefined && data.status === 'resolved')
      ctx.addIssue({
        code: 'custom',
        path: ['next_update'],
        message: 'a resolved update promises no next update; remove it',
      });
  });

export interface Template {
  /** The file name without `.md`: what `--template` takes. */
  name: string;
  path: string;
  label: string;
  status: z.output<typeof templateSchema>['status'];
  message: string;
  /** The promised next update an update from it carries by default (`--next` overrides it): a length of time, "30 min". */
  nextUpdate?: string;
  /** Line of the message in the file, for problems found in it. */
  messageLine: number;
}

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
  const read = parseYaml({ file: path, yaml: split.yaml, lineOffset: split.lineOffset, whole: 'frontmatter' });
  if (!('parsed' in read)) return { problems: read.problems };
  const checked = checkYaml(read.parsed, templateSchema);
  const problems = [...checked.problems];
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
  if (problems.length > 0 || !('data' in checked)) return { problems };
  const { label, status, next_update: nextUpdate } = checked.data;
  return {
    template: {
      name: slugFromPath(path),
      path,
      label,
      status,
      message,
      ...(nextUpdate === undefined ? {} : { nextUpdate }),
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
