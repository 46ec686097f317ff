import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { SLUG } from '../rules/slug.ts';
import type { Problem } from './validate.ts';

/*
 * The measured facts `npm run status -- probe` records, and the one owner of
 * their format. Both kinds are JSON Lines files that only ever grow by whole
 * lines at their end, and .gitattributes merges them with git's `union`
 * driver, so two probe runs that race (two branches, two pushes) merge
 * without a conflict:
 *
 *   probes/results/<UTC date>.jsonl   every check's result, kept a few days
 *   probes/daily/<component>.jsonl    one line per finished day in the site
 *                                     zone: checks, failures, median and 95th
 *                                     percentile response time, kept forever
 */

export const PROBES_DIR = 'probes';
export const RESULTS_DIR = `${PROBES_DIR}/results`;
export const DAILY_DIR = `${PROBES_DIR}/daily`;

/** Why a check failed: no answer (or 5xx), a wrong answer, a slow one, or a certificate about to expire. */
export const FAILURES = ['down', 'wrong', 'slow', 'cert'] as const;
export type Failure = (typeof FAILURES)[number];

/** The longest failure reason recorded (UTF-16 units): `probe` cuts what a server sent to it before writing. */
export const MAX_WHY = 300;

const slug = z.string().regex(SLUG);
const millis = z.number().int().nonnegative();

/** One check's result in one run. */
export const probeResultSchema = z.strictObject({
  /** When the run started (every check of a run shares it), in UTC to the second as the probe writes it. */
  at: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, 'must be a UTC time such as 2022-12-28T12:13:00Z')
    .refine((at) => !Number.isNaN(Date.parse(at)), 'is not a real time'),
  check: slug,
  component: slug,
  ok: z.boolean(),
  /** Why it failed, when it did. */
  failure: z.enum(FAILURES).optional(),
  /** What was measured, in words: "HTTP 503", "no answer within 10000 ms". */
  why: z.string().max(MAX_WHY).optional(),
  /** The HTTP status code, when there was an answer. */
  code: z.number().int().optional(),
  /** Milliseconds until the whole answer arrived, when it did. */
  ms: millis.optional(),
});

/** One component's checks over one finished day in the site zone. */
export const dailyAggregateSchema = z.strictObject({
  /** The date in `zone`, e.g. 2022-12-27. */
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  zone: z.string(),
  checks: millis,
  failures: millis,
  /** Median and 95th percentile response time (nearest rank) of the answered checks, or null when none answered. */
  p50: millis.nullable(),
  p95: millis.nullable(),
});

export type ProbeResult = z.output<typeof probeResultSchema>;
export type DailyAggregate = z.output<typeof dailyAggregateSchema> & { component: string };

/** Everything recorded, and the lines that could not be read (each costs only itself). */
export interface ProbeData {
  results: ProbeResult[];
  daily: DailyAggregate[];
  problems: Problem[];
}

/** `probes/results/2022-12-28.jsonl`: where a run at `at` appends its results. */
export const resultsFile = (at: string): string => `${RESULTS_DIR}/${at.slice(0, 10)}.jsonl`;
/** `probes/daily/web.jsonl` */
export const dailyFile = (component: string): string => `${DAILY_DIR}/${component}.jsonl`;

/** One result as its line, keys in a fixed order so equal results are equal lines. */
export function resultLine(result: ProbeResult): string {
  const { at, check, component, ok, failure, why, code, ms } = result;
  return JSON.stringify({ at, check, component, ok, failure, why, code, ms });
}

/** One day's aggregate as its line (without the component: the file names it). */
export function dailyLine(aggregate: DailyAggregate): string {
  const { day, zone, checks, failures, p50, p95 } = aggregate;
  return JSON.stringify({ day, zone, checks, failures, p50, p95 });
}

/** The `.jsonl` files of a folder, oldest name first. */
export function listDataFiles(dir: string, folder: string): string[] {
  const root = join(dir, folder);
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => name.endsWith('.jsonl') && !name.startsWith('.'))
    .sort()
    .map((name) => `${folder}/${name}`);
}

/** Parse a file's lines with `schema`; a bad line is a located problem. */
function readLines<T>(dir: string, file: string, schema: z.ZodType<T>, problems: Problem[]): T[] {
  const rows: T[] = [];
  readFileSync(join(dir, file), 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        problems.push({
          file,
          line: i + 1,
          field: 'line',
          message: 'is not JSON; remove the line (it was probably cut short)',
        });
        return;
      }
      const parsed = schema.safeParse(value);
      if (parsed.success) rows.push(parsed.data);
      else
        problems.push({
          file,
          line: i + 1,
          field: parsed.error.issues[0]?.path.join('.') || 'line',
          message: parsed.error.issues[0]?.message ?? 'is not a result',
        });
    });
  return rows;
}

/**
 * Every result and daily aggregate under `probes/`, results sorted by time
 * and check. The union merge of a race may repeat a line: repeats are read
 * once (for a day, the aggregate with the most checks is kept).
 */
export function readProbeData(dir: string): ProbeData {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const results: ProbeResult[] = [];
  for (const file of listDataFiles(dir, RESULTS_DIR)) {
    for (const result of readLines(dir, file, probeResultSchema, problems)) {
      const key = `${result.at} ${result.check}`;
      if (!seen.has(key)) results.push(result);
      seen.add(key);
    }
  }
  results.sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || (a.check < b.check ? -1 : a.check > b.check ? 1 : 0));
  const daily: DailyAggregate[] = [];
  for (const file of listDataFiles(dir, DAILY_DIR)) {
    const component = file.slice(DAILY_DIR.length + 1, -'.jsonl'.length);
    const byDay = new Map<string, DailyAggregate>();
    for (const row of readLines(dir, file, dailyAggregateSchema, problems)) {
      const kept = byDay.get(row.day);
      if (!kept || row.checks > kept.checks) byDay.set(row.day, { ...row, component });
    }
    daily.push(...[...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1)));
  }
  return { results, daily, problems };
}
