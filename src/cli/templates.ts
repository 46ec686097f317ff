import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describeUnknown } from '../rules/nearest.ts';
import { validateIncidentFiles, type Problem } from '../files/validate.ts';
import { listComponents, type SiteConfig } from '../files/schemas/site-config.ts';
import { INCIDENT_STATUSES, type IncidentStatus } from '../rules/statuses.ts';
import { joinNames } from './choices.ts';
import { renderIncident } from '../files/new-incident.ts';
import { insertUpdate } from '../files/incident-writer.ts';

/*
 * Message templates, `templates/<name>.md` beside `incidents/`: a label and
 * the update status in the frontmatter, the message below, with
 * {components} standing for the names of the components chosen.
 */

export const TEMPLATES_DIR = 'templates';
const PLACEHOLDER = '{components}';
const FRONTMATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n/;
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
const lineOfKey = (text: string, key: string) => text.split('\n').findIndex((line) => line.startsWith(`${key}:`)) + 1 || 1;

/** One template file, or the problems that keep it from being used. */
function parseTemplate(path: string, text: string): { template?: Template; problems: Problem[] } {
  const problem = (line: number, field: string, message: string): Problem => ({ file: path, line, field, message });
  const match = FRONTMATTER.exec(text);
  if (!match) return { problems: [problem(1, 'frontmatter', 'missing: start with ---, then label: and status:, then ---, then the message')] };
  let data: Record<string, unknown>;
  try {
    data = (parse(match[1]!) ?? {}) as Record<string, unknown>;
  } catch (error) {
    return { problems: [problem(2, 'frontmatter', `YAML syntax: ${(error as Error).message.split('\n')[0]}`)] };
  }
  const problems = Object.keys(data)
    .filter((key) => !FIELDS.includes(key))
    .map((key) => problem(lineOfKey(text, key), key, `is not a template field; allowed: ${FIELDS.join(', ')}`));
  const { label, status } = data;
  if (typeof label !== 'string' || label.trim() === '') problems.push(problem(lineOfKey(text, 'label'), 'label', 'is required: the words shown in the menu, e.g. "Investigating, cause unknown"'));
  if (!INCIDENT_STATUSES.includes(status as IncidentStatus)) problems.push(problem(lineOfKey(text, 'status'), 'status', describeUnknown('status', status, INCIDENT_STATUSES)));
  const messageLine = match[0].split('\n').length;
  const message = text.slice(match[0].length).trim();
  if (message === '') problems.push(problem(messageLine, 'message', 'is empty: write the message users read below the frontmatter'));
  for (const unknown of new Set(message.match(/\{[^}]*\}/g) ?? [])) {
    if (unknown !== PLACEHOLDER) problems.push(problem(messageLine, 'message', `unknown placeholder ${unknown}; templates may use ${PLACEHOLDER}`));
  }
  if (problems.length > 0) return { problems };
  const name = path.replace(/^.*\//, '').replace(/\.md$/, '');
  return { template: { name, path, label: label as string, status: status as IncidentStatus, message, messageLine }, problems };
}

/** Every template of the site, by file name, with the problems of those that cannot be used. */
export function readTemplates(dir: string): { templates: Template[]; problems: Problem[] } {
  let files: string[];
  try {
    files = readdirSync(join(dir, TEMPLATES_DIR)).filter((file) => file.endsWith('.md')).sort();
  } catch {
    return { templates: [], problems: [] };
  }
  const parsed = files.map((file) => parseTemplate(join(TEMPLATES_DIR, file), readFileSync(join(dir, TEMPLATES_DIR, file), 'utf8')));
  return { templates: parsed.flatMap((result) => result.template ?? []), problems: parsed.flatMap((result) => result.problems) };
}

/** The template's message with the component names filled in. */
export const renderTemplate = (template: Template, componentNames: readonly string[]): string => template.message.replaceAll(PLACEHOLDER, joinNames(componentNames));

/**
 * Check a template as the build checks incidents: render it with sample
 * components into an incident whose update has the template's status, and
 * validate that file. Problems point at the template's message.
 */
function templateProblems(template: Template, components: ReadonlyArray<{ id: string; name: string }>): Problem[] {
  const sample = components.slice(0, 2);
  const message = renderTemplate(template, sample.map((component) => component.name));
  const first = { at: '2000-01-01T00:00:00Z', status: 'investigating', message: template.status === 'investigating' ? message : 'Investigating.' };
  let text = renderIncident({ title: `Template ${template.name}`, impact: 'critical', components: sample.map(({ id }) => [id, 'major_outage']), update: first });
  if (template.status !== 'investigating') text = insertUpdate(text, { at: '2000-01-01T00:10:00Z', status: template.status, message });
  const { problems } = validateIncidentFiles([{ path: 'incidents/template-check.md', text }], components.map(({ id }) => id));
  return problems.map((problem) => ({ file: template.path, line: template.messageLine, field: 'message', message: `rendered with ${joinNames(sample.map(({ name }) => name))}: ${problem.field}: ${problem.message}` }));
}

/** Every template of the site checked: how many are usable, and every problem found. */
export function checkTemplateFiles(dir: string, config: SiteConfig): { templates: number; problems: Problem[] } {
  const { templates, problems } = readTemplates(dir);
  const components = listComponents(config);
  return { templates: templates.length, problems: [...problems, ...templates.flatMap((template) => templateProblems(template, components))] };
}
