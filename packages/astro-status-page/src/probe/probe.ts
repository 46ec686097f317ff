import { openSite, type OpenSite } from '../files/open-site.ts';
import { formatProblem } from '../files/validate.ts';
import { visible } from '../rules/text.ts';
import { refuseLinksLeavingSite } from '../files/site-links.ts';
import { join } from 'node:path';
import { withFileLock } from '../files/file-lock.ts';
import { listDataFiles, PROBES_DIR, readProbeData, RESULTS_DIR, type ProbeResult } from '../files/probe-data.ts';
import type { ProbeConfig } from '../files/schemas/probes-config.ts';
import { componentRuns, decide, policyOf } from './follow.ts';
import { applyAction } from './incidents.ts';
import { runChecks } from './run.ts';
import { headerProblem } from './request.ts';
import { applyPlan, planRun } from './store.ts';

export interface ProbeOptions {
  dir: string;
  now: number;
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  /** Extra trusted certificates (tests). */
  ca?: string | Buffer | undefined;
  /**
   * `measure`: run the checks and record the results only; `follow`: run no
   * check, open or follow incidents from what is recorded (probe.yml runs the
   * two around its pull, so every prober's results are in before incidents
   * are written); `both` (default): one after the other.
   */
  step?: 'measure' | 'follow' | 'both';
}

/** One result as a line of the command's output: "web: ok, HTTP 200 in 182 ms". */
function describe(result: ProbeResult): string {
  const measured = result.code === undefined ? '' : `HTTP ${result.code} in ${result.ms} ms`;
  return `${result.check} (${result.component}): ${result.ok ? `ok, ${measured}` : `FAILED, ${visible(result.why ?? 'failed')}`}`;
}

/**
 * `status probe`: run every check once, record the results (and fold and
 * prune old ones), then open or follow each component's incident from what
 * was measured. Returns the files written, for the workflow to commit; a
 * site without `probes:` gets no results and no file is written.
 */
export async function runProbe(
  options: ProbeOptions,
): Promise<{ results: ProbeResult[]; written: string[]; refused: string[]; probes: number }> {
  const site = openSite(options.dir);
  refuseLinksLeavingSite(options.dir);
  const probes: readonly ProbeConfig[] = site.config.probes ?? [];
  const step = options.step ?? 'both';
  // Nothing to check: nothing is measured, folded or pruned, and no file is touched.
  if (probes.length === 0) return { results: [], written: [], refused: [], probes: 0 };
  // A check whose header values cannot be sent costs only itself: it is not run, and the command says why and fails.
  const refused = step === 'follow' ? [] : probes.flatMap((probe) => headerProblem(probe, options.env) ?? []);
  for (const problem of refused) options.out(`error: ${problem}; this check was not run`);
  const runnable = probes.filter((probe) => headerProblem(probe, options.env) === undefined);
  const fresh =
    step === 'follow'
      ? []
      : await runChecks(runnable, { env: options.env, ca: options.ca, now: options.now, at: options.now });
  for (const result of fresh) options.out(describe(result));
  // Measuring takes seconds; recording and following incidents is one run at a time in this checkout, from the
  // files as they are then, so a run that raced this one has recorded its results and opened its incident first.
  const written = withFileLock(join(options.dir, PROBES_DIR, 'run'), () => {
    const data = readProbeData(options.dir);
    for (const problem of data.problems) options.out(`warning: ${formatProblem(problem)} (this line is skipped)`);
    const plan = planRun(
      { results: data.results, daily: data.daily, resultFiles: listDataFiles(options.dir, RESULTS_DIR) },
      fresh,
      site.config.timezone,
      options.now,
    );
    const files = step === 'follow' ? [] : applyPlan(options.dir, plan);
    if (step === 'measure') return files;
    const all = [...data.results.filter((result) => Date.parse(result.at) <= options.now), ...fresh];
    files.push(...followIncidents(openSite(options.dir), all, options.now, options.out));
    return files;
  });
  return { results: fresh, written, refused, probes: probes.length };
}

/** Open or follow each probed component's incident from every result so far (this run's last); returns the incident files written. */
export function followIncidents(
  site: OpenSite,
  results: readonly ProbeResult[],
  now: number,
  out: (line: string) => void,
): string[] {
  const probes = site.config.probes ?? [];
  const ctx = {
    dir: site.dir,
    sources: [...site.sources],
    entries: site.entries,
    componentIds: site.componentIds,
    names: new Map(site.components.map((component) => [component.id, component.name])),
    probes,
    timezone: site.config.timezone,
  };
  const written: string[] = [];
  for (const component of [...new Set(probes.map((probe) => probe.component))]) {
    const action = decide(
      component,
      componentRuns(results, component),
      policyOf(probes.filter((probe) => probe.component === component)),
      site.entries,
      now,
    );
    const done = applyAction(ctx, action);
    if (done) {
      out(done);
      written.push(done.slice(done.indexOf(': ') + 2));
    }
  }
  return written;
}
