import { checkSite } from '../../site/check-site.ts';
import { listComponents } from '../../files/schemas/site-config.ts';
import { formatProblem } from '../../files/validate.ts';
import { count } from '../choices.ts';
import type { Context } from '../context.ts';
import { loadSite, type Site } from '../site.ts';
import { checkTemplateFiles } from '../templates.ts';

/**
 * `status check`: every rule and message of the build, over every file.
 * Returns the exit code: 1 with every problem listed, 0 with a summary.
 */
export function check(ctx: Context): number {
  const { entries, files, problems, config } = checkSite(ctx.dir, { now: ctx.now });
  if (problems.length > 0) {
    for (const problem of problems) ctx.out(formatProblem(problem));
    const inFiles = new Set(problems.map((problem) => problem.file)).size;
    ctx.out(`${count(problems.length, 'problem')} in ${count(inFiles, 'file')}; the build would publish nothing.`);
    return 1;
  }
  const maintenances = entries.filter((entry) => entry.data.kind === 'maintenance').length;
  const components = config ? listComponents(config).length : 0;
  ctx.out(`OK: ${count(entries.length - maintenances, 'incident')} and ${count(maintenances, 'maintenance window')} in ${count(files, 'file')}, checked against ${count(components, 'component')}.`);
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
    ctx.out(`${count(problems.length, 'problem')} in ${count(files, 'template')}; \`new\` and \`update\` cannot use them.`);
    return 1;
  }
  ctx.out(`OK: ${count(templates, 'template')} render with every component and pass.`);
  return 0;
}
