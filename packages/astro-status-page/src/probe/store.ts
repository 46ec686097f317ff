import { rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  dailyFile,
  dailyLine,
  RESULTS_DIR,
  resultLine,
  resultsFile,
  type DailyAggregate,
  type ProbeResult,
} from '../files/probe-data.ts';
import { readIfThere, writeAtomic } from '../files/write-atomic.ts';
import { aggregateResults } from '../model/measured.ts';
import { dayKey, startOfZonedDay } from '../model/days.ts';
import { addDays } from 'date-fns/addDays';
import { TZDate } from '@date-fns/tz';

/*
 * How the recorded data stays bounded: each run appends its results to the
 * day's results file; a day in the site zone is folded into one line per
 * component once it has been over for FOLD_AFTER_MS (by then every run of
 * that day, even one that raced, has been pushed), and results files older
 * than KEEP_RESULTS_DAYS are deleted (after their days were folded). Folding
 * is a pure function of the results, so two racing runs that fold the same
 * day append the same line, which the reader takes once.
 */

const DAY_MS = 86_400_000;
/** A day is folded once it has been over this long. */
export const FOLD_AFTER_MS = DAY_MS;
/** Raw results are kept this many days (longer than a day plus folding's wait, in any zone). */
export const KEEP_RESULTS_DAYS = 4;

/** What one run changes under probes/: lines appended to files, files removed. */
export interface StorePlan {
  append: Map<string, string[]>;
  remove: string[];
}

/** What is recorded already: the results, the folded days and the results files. */
export interface Recorded {
  results: readonly ProbeResult[];
  daily: readonly DailyAggregate[];
  resultFiles: readonly string[];
}

const push = (plan: StorePlan, path: string, line: string) => {
  const lines = plan.append.get(path) ?? [];
  lines.push(line);
  plan.append.set(path, lines);
};

/** The zone days of the results of one component not folded yet and over for FOLD_AFTER_MS, each with its results. */
function daysToFold(
  results: readonly ProbeResult[],
  folded: ReadonlySet<string>,
  zone: string,
  now: number,
): Array<{ day: string; results: ProbeResult[] }> {
  // No day holding a result of the last FOLD_AFTER_MS can be over for that long (ISO times in UTC sort as text).
  const recent = new Date(now - FOLD_AFTER_MS).toISOString();
  const ends = new Map<string, number>();
  const byDay = new Map<string, ProbeResult[]>();
  for (const result of results) {
    if (result.at >= recent) continue;
    const at = Date.parse(result.at);
    const day = dayKey(at, zone);
    if (folded.has(day)) continue;
    let end = ends.get(day);
    if (end === undefined) ends.set(day, (end = addDays(new TZDate(startOfZonedDay(at, zone), zone), 1).getTime()));
    if (end + FOLD_AFTER_MS > now) continue;
    const rows = byDay.get(day);
    if (rows) rows.push(result);
    else byDay.set(day, [result]);
  }
  return [...byDay.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([day, rows]) => ({ day, results: rows }));
}

/** What a run that measured `fresh` at `now` writes and removes, given what is recorded. Pure. */
export function planRun(recorded: Recorded, fresh: readonly ProbeResult[], zone: string, now: number): StorePlan {
  const plan: StorePlan = { append: new Map(), remove: [] };
  for (const result of fresh) push(plan, resultsFile(result.at), resultLine(result));
  const all = [...recorded.results, ...fresh];
  const components = [...new Set(all.map((result) => result.component))].sort();
  for (const component of components) {
    const folded = new Set(recorded.daily.filter((row) => row.component === component).map((row) => row.day));
    for (const { day, results } of daysToFold(
      all.filter((result) => result.component === component),
      folded,
      zone,
      now,
    )) {
      push(plan, dailyFile(component), dailyLine({ component, day, zone, ...aggregateResults(results) }));
    }
  }
  const oldest = new Date(now - KEEP_RESULTS_DAYS * DAY_MS).toISOString().slice(0, 10);
  plan.remove = recorded.resultFiles.filter((file) => file.slice(RESULTS_DIR.length + 1, -'.jsonl'.length) < oldest);
  return plan;
}

/** Write a plan under `dir`: each file gets its lines at its end (atomically), old results files are deleted. */
export function applyPlan(dir: string, plan: StorePlan): string[] {
  for (const [path, lines] of plan.append) {
    const previous = readIfThere(join(dir, path)) ?? '';
    writeAtomic(dir, path, `${previous}${previous === '' || previous.endsWith('\n') ? '' : '\n'}${lines.join('\n')}\n`);
  }
  for (const path of plan.remove) rmSync(join(dir, path), { force: true });
  return [...plan.append.keys(), ...plan.remove];
}
