import { describeUnknown } from '../rules/nearest.ts';
import { INCIDENT_STATUSES } from '../rules/statuses.ts';
import { formatProblem } from '../files/validate.ts';
import { Refusal } from '../files/refusal.ts';
import type { Context, Flags } from './context.ts';
import { need, str } from './flags.ts';
import { componentName, type Site } from './site.ts';
import { readTemplates, renderTemplate, type Template } from './templates.ts';

/**
 * The message template: `--template`, else picked from a menu at a terminal
 * when no `--message` is given (only templates of `--status`, when given).
 */
export async function chooseTemplate(
  ctx: Context,
  site: Site,
  flags: Flags,
  status: string | undefined,
): Promise<Template | undefined> {
  const { templates, problems } = readTemplates(site.dir);
  const name = str(flags, 'template');
  if (name !== undefined) {
    const found = templates.find((template) => template.name === name);
    if (found) return found;
    const broken = problems.filter((problem) => problem.file.endsWith(`/${name}.md`));
    if (broken.length > 0)
      throw new Refusal(
        `--template ${name} has problems; fix them first:\n${broken.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
      );
    throw new Refusal(
      `--template: ${describeUnknown('template', name, templates.length > 0 ? templates.map((template) => template.name) : ['(none in templates/)'])}`,
    );
  }
  // In timeline order, so the first offered for a new incident is an investigating one.
  const usable = templates
    .filter((template) => status === undefined || template.status === status)
    .sort((a, b) => INCIDENT_STATUSES.indexOf(a.status) - INCIDENT_STATUSES.indexOf(b.status));
  if (!ctx.prompt || str(flags, 'message') !== undefined || usable.length === 0) return undefined;
  const choices = [
    ...usable.map((template) => ({ value: template.name, label: `${template.label} (${template.status})` })),
    { value: '', label: 'No template: write my own' },
  ];
  const chosen = await ctx.prompt.select('Start the message from a template?', choices, usable[0]!.name);
  return usable.find((template) => template.name === chosen);
}

/** The message: `--message`, else asked for (starting from the template), else the template's text in a script. */
export async function messageFor(
  ctx: Context,
  site: Site,
  flags: Flags,
  template: Template | undefined,
  componentIds: readonly string[],
  example: string,
): Promise<string> {
  const filled =
    template &&
    renderTemplate(
      template,
      componentIds.map((id) => componentName(site, id)),
    );
  if (filled && !ctx.prompt && str(flags, 'message') === undefined) return filled;
  return need(ctx, flags, 'message', 'What should users know now?', example, filled);
}
