import { validateIncidentFiles, type Problem } from '../files/validate.ts';
import { listComponents, type SiteConfig } from '../files/schemas/site-config.ts';
import { joinNames } from './choices.ts';
import { renderIncident } from '../files/new-incident.ts';
import { insertUpdate } from '../files/incident-writer.ts';
import { PLACEHOLDER, readTemplates, type Template } from '../files/templates.ts';

// Reading templates belongs to the site on disk (files/templates.ts); the commands take them from here.
export { readTemplates, TEMPLATES_DIR, type Template } from '../files/templates.ts';

/** The template's message with the component names filled in. */
export const renderTemplate = (template: Template, componentNames: readonly string[]): string =>
  template.message.replaceAll(PLACEHOLDER, joinNames(componentNames));

/**
 * The component lists a template is checked with: each component alone (a
 * name holding Markdown such as `*`, `[` or `<` may break the message only
 * once it is filled in), and all of them, in the site's order and reversed
 * (the longest message, and names whose Markdown pairs up with another's,
 * such as `[` in one and `](…)` in the next). Staff may choose any of them.
 */
function samples<T>(components: readonly T[]): T[][] {
  const all = components.length > 1 ? [[...components], [...components].reverse()] : [];
  return [...components.map((component) => [component]), ...all];
}

/**
 * Check a template as the build checks incidents: render it with the
 * components of `samples` into an incident whose update has the template's
 * status, and validate that file. Problems point at the template's message.
 */
function templateProblems(template: Template, components: ReadonlyArray<{ id: string; name: string }>): Problem[] {
  const found = new Map<string, Problem>();
  for (const sample of samples(components)) {
    const message = renderTemplate(
      template,
      sample.map((component) => component.name),
    );
    const first = {
      at: '2000-01-01T00:00:00Z',
      status: 'investigating',
      message: template.status === 'investigating' ? message : 'Investigating.',
    };
    let text = renderIncident({
      id: 'template-check',
      title: `Template ${template.name}`,
      impact: 'critical',
      components: sample.map(({ id }) => [id, 'major_outage']),
      update: first,
    });
    if (template.status !== 'investigating')
      text = insertUpdate(text, { at: '2000-01-01T00:10:00Z', status: template.status, message });
    const { problems } = validateIncidentFiles(
      [{ path: 'incidents/template-check.md', text }],
      sample.map(({ id }) => id),
    );
    for (const problem of problems) {
      const what = `${problem.field}: ${problem.message}`;
      // The same fault found with several samples is reported once, with the first that shows it.
      if (!found.has(what))
        found.set(what, {
          file: template.path,
          line: template.messageLine,
          field: 'message',
          message: `rendered with ${joinNames(sample.map(({ name }) => name))}: ${what}`,
        });
    }
  }
  return [...found.values()];
}

/** Every template of the site checked: how many are usable, and every problem found. */
export function checkTemplateFiles(dir: string, config: SiteConfig): { templates: number; problems: Problem[] } {
  const { templates, problems } = readTemplates(dir);
  const components = listComponents(config);
  return {
    templates: templates.length,
    problems: [...problems, ...templates.flatMap((template) => templateProblems(template, components))],
  };
}
