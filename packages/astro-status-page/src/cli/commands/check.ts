import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkSite } from '../../site/check-site.ts';
import { checkWorkflows, WORKFLOWS_DIR, type WorkflowFile } from '../../site/workflows.ts';
import { listComponents } from '../../files/schemas/site-config.ts';
import { CONFIG_FILE } from '../../files/site-files.ts';
import { formatProblem, type Problem } from '../../files/validate.ts';
import { count } from '../choices.ts';
import type { Context } from '../context.ts';
import { loadSite, type Site } from '../site.ts';
import { checkTemplateFiles } from '../templates.ts';

/**
 * `status check`: every rule and message of the build, over every file.
 * Returns the exit code: 1 with every problem listed, 0 with a summary.
 */
export function check(ctx: Context): number {
  const { entries, files, problems, config } = checkSite(ctx.dir, { now: ctx.now, env: ctx.env });
  if (problems.length > 0) {
    for (const problem of problems) ctx.out(formatProblem(problem));
    const inFiles = new Set(problems.map((problem) => problem.file)).size;
    ctx.out(`${count(problems.length, 'problem')} in ${count(inFiles, 'file')}; the build would publish nothing.`);
    return 1;
  }
  const maintenances = entries.filter((entry) => entry.data.kind === 'maintenance').length;
  const components = config ? listComponents(config).length : 0;
  ctx.out(
    `OK: ${count(entries.length - maintenances, 'incident')} and ${count(maintenances, 'maintenance window')} in ${count(files, 'file')}, checked against ${count(components, 'component')}.`,
  );
  return 0;
}

/**
 * `status check`, second part: every template in templates/, rendered with
 * every component (alone and all together) and validated with the build's rules. Returns the exit
 * code; a site whose configuration cannot be read was reported by `check`.
 */
export function checkTemplates(ctx: Context): number {
  let site: Site;
  try {
    site = loadSite(ctx.dir);
  } catch {
    return 1;
  }
  const { templates, problems } = checkTemplateFiles(site.dir, site.config);
  if (templates === 0 && problems.length === 0) return 0;
  for (const problem of problems) ctx.out(formatProblem(problem));
  if (problems.length > 0) {
    const files = new Set(problems.map((problem) => problem.file)).size;
    ctx.out(
      `${count(problems.length, 'problem')} in ${count(files, 'template')}; \`new\` and \`update\` cannot use them.`,
    );
    return 1;
  }
  ctx.out(`OK: ${count(templates, 'template')} render with every component and pass.`);
  return 0;
}

/** Every `.yml` and `.yaml` file of the site's .github/workflows/, in name order; undefined when there is no such folder. */
function readWorkflowFiles(dir: string): WorkflowFile[] | undefined {
  const folder = join(dir, WORKFLOWS_DIR);
  if (!existsSync(folder)) return undefined;
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name))
    .map((entry) => entry.name)
    .sort()
    .map((name) => ({ path: `${WORKFLOWS_DIR}/${name}`, text: readFileSync(join(folder, name), 'utf8') }));
}

/**
 * `status check --workflows`, third part: the GitHub Actions workflows
 * against status.config.yaml (site/workflows.ts: secrets and schedules).
 * Returns the exit code; a site whose configuration cannot be read was
 * reported by `check`.
 */
export function checkWorkflowFiles(ctx: Context): number {
  let site: Site;
  try {
    site = loadSite(ctx.dir);
  } catch {
    return 1;
  }
  const files = readWorkflowFiles(ctx.dir);
  const problems: Problem[] =
    files === undefined
      ? [
          {
            file: WORKFLOWS_DIR,
            line: 1,
            field: 'folder',
            message: `is missing from ${ctx.dir}; --workflows checks the GitHub Actions workflows that deploy, watch and probe the site (status init writes them)`,
          },
        ]
      : checkWorkflows(site.config, readFileSync(join(ctx.dir, CONFIG_FILE), 'utf8'), files);
  for (const problem of problems) ctx.out(formatProblem(problem));
  if (problems.length > 0) {
    const inFiles = new Set(problems.map((problem) => problem.file)).size;
    ctx.out(
      `${count(problems.length, 'problem')} in ${count(inFiles, 'file')}; the workflows and status.config.yaml disagree.`,
    );
    return 1;
  }
  ctx.out(
    `OK: ${count(files!.length, 'workflow')} agree with status.config.yaml: each step gets the secrets the config names for it, the schedules keep its freshness, and what watch and notify keep is carried from run to run.`,
  );
  return 0;
}
