import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Context, Flags } from '../context.ts';
import { count } from '../choices.ts';
import { Refusal } from '../../files/refusal.ts';
import { describeUnknown } from '../../rules/nearest.ts';
import { visible } from '../../rules/text.ts';
import { mapCstate, readCstateFolder } from '../../import/cstate.ts';
import { ImportError, type ImportPlan } from '../../import/plan.ts';
import { mapStatuspage } from '../../import/statuspage.ts';
import { fetchManagement, fetchPublicPage, MANAGEMENT_API, readPublicFolder } from '../../import/statuspage-source.ts';
import { writeImport, type ImportReport } from '../../import/write.ts';
import { summaryLines } from '../../import/summary.ts';
import { API_KEY_VARIABLE, IMPORT_SOURCES, type ImportSource } from '../../import/sources.ts';

const NAMES: Record<ImportSource, string> = { statuspage: 'Statuspage', cstate: 'cState' };

/** The folder or URL argument, refused with an example when missing or not there. */
function sourceArgument(from: string, source: string | undefined, example: string): string {
  if (!source) throw new Refusal(`import ${from} needs a source; e.g. npm run status -- import ${from} ${example}`);
  if (/^https?:\/\//i.test(source)) return source;
  const path = resolve(source);
  if (!existsSync(path) || !statSync(path).isDirectory())
    throw new Refusal(`${source} is not a folder${from === 'statuspage' ? ' or an http(s) URL' : ''}`);
  return path;
}

async function statuspagePlan(ctx: Context, flags: Flags, source: string | undefined): Promise<ImportPlan> {
  const pageId = typeof flags['page-id'] === 'string' ? flags['page-id'] : undefined;
  if (pageId) {
    const apiKey = ctx.env[API_KEY_VARIABLE];
    if (!apiKey)
      throw new Refusal(
        `--page-id reads the whole history through the management API, which needs a key: set ${API_KEY_VARIABLE} in the environment (Statuspage → API info)`,
      );
    const apiUrl = typeof flags['api-url'] === 'string' ? flags['api-url'] : MANAGEMENT_API;
    return mapStatuspage(await fetchManagement({ apiUrl, pageId, apiKey }));
  }
  const where = sourceArgument('statuspage', source, 'https://status.example.com');
  const url = typeof flags['url'] === 'string' ? flags['url'] : undefined;
  return mapStatuspage(await (/^https?:/i.test(where) ? fetchPublicPage(where, url) : readPublicFolder(where, url)));
}

/** What the import did (or would do), one line per file, then the summary. */
export function formatReport(report: ImportReport, from: string, dryRun: boolean, verbose = false): string[] {
  const lines = [
    `${report.config.path}: ${report.config.outcome} (${count(report.config.components, 'component')} in ${count(report.config.groups, 'group')})`,
  ];
  for (const file of report.files) if (file.outcome !== 'unchanged') lines.push(`${file.outcome}: ${file.path}`);
  lines.push(...summaryLines(report.notes, report.skipped, verbose));
  const incidents = report.files.filter((file) => file.kind === 'incident').length;
  const outcomes = (['created', 'updated', 'unchanged'] as const).map(
    (outcome) => `${report.files.filter((file) => file.outcome === outcome).length} ${outcome}`,
  );
  const range = report.range ? `; ${report.range.from} to ${report.range.to}` : '';
  lines.push(
    `Imported from ${from}: ${count(report.config.components, 'component')}, ${count(incidents, 'incident')}, ${count(report.files.length - incidents, 'maintenance', 'maintenance')}, ${report.skipped.length} skipped${range} (${outcomes.join(', ')}).`,
  );
  if (dryRun) lines.push('Dry run: nothing was written.');
  return lines;
}

/** `import statuspage <url|folder>`, `import statuspage --page-id ID`, `import cstate <folder>`. */
export async function importCommand(
  ctx: Context,
  flags: Flags,
  from: string | undefined,
  source: string | undefined,
): Promise<number> {
  if (!from || !IMPORT_SOURCES.includes(from as (typeof IMPORT_SOURCES)[number])) {
    throw new Refusal(
      from
        ? describeUnknown('import source', from, IMPORT_SOURCES)
        : `say what to import from: ${IMPORT_SOURCES.join(' or ')}; e.g. npm run status -- import statuspage https://status.example.com`,
    );
  }
  const dryRun = flags['dry-run'] === true;
  try {
    const plan =
      from === 'cstate'
        ? mapCstate(readCstateFolder(sourceArgument(from, source, '../my-cstate-site')), ctx.now)
        : await statuspagePlan(ctx, flags, source);
    if (typeof flags['url'] === 'string') plan.config.url = flags['url'];
    const report = writeImport(ctx.dir, plan, { dryRun, force: flags['force'] === true });
    for (const line of formatReport(
      report,
      NAMES[from as (typeof IMPORT_SOURCES)[number]],
      dryRun,
      flags['verbose'] === true,
    ))
      ctx.out(line);
    return 0;
  } catch (error) {
    if (error instanceof ImportError) throw new Refusal(visible(error.message));
    throw error;
  }
}
