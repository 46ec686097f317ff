import { RESULTS_DIR, resultsFile, type DailyAggregate, type ProbeResult } from '../src/files/probe-data.ts';
import { probeName, type ProbeConfig } from '../src/files/schemas/probes-config.ts';
import { isoSeconds } from '../src/files/incident-writer.ts';
import { planRun, type Recorded } from '../src/probe/store.ts';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { seededRandom } from './generate.ts';

/*
 * Probe runs without a network, through the store's own planRun/applyPlan:
 * each check "answers" as `behave` says. The example's recorded results
 * (scripts/probe-example.ts) and the growth benchmark (bench/probe.ts)
 * are made this way, deterministic from a seed.
 */

/** What a simulated check measures at an instant: undefined for a normal answer. */
export type Behaviour = (at: number, probe: ProbeConfig) => Omit<ProbeResult, 'at' | 'check' | 'component'> | undefined;

export interface Simulation {
  probes: readonly ProbeConfig[];
  zone: string;
  from: number;
  to: number;
  everyMs: number;
  behave: Behaviour;
  /** Write the files under this site folder at the end (its probes/ folder is replaced). */
  dir?: string;
  /** Called after each run with every result still recorded. */
  afterRun?: (at: number, results: readonly ProbeResult[]) => void;
  seed?: number;
}

/** A normal answer: 200 in 120 to 300 ms, now and then a slower one. */
function normal(random: () => number): Omit<ProbeResult, 'at' | 'check' | 'component'> {
  const ms = Math.round(120 + 90 * random() + (random() < 0.03 ? 400 * random() : 0));
  return { ok: true, code: 200, ms };
}

/**
 * Run the simulation; returns the text of each file under probes/ at the
 * end. The files are kept in memory and written once at the end: the store's
 * plans, applied as applyPlan would, minus rewriting a file per run.
 */
export function simulate(simulation: Simulation): Map<string, string> {
  const random = seededRandom(simulation.seed ?? 2022);
  const files = new Map<string, string[]>();
  let recorded: Recorded & { results: ProbeResult[]; daily: DailyAggregate[] } = {
    results: [],
    daily: [],
    resultFiles: [],
  };
  for (let at = simulation.from; at <= simulation.to; at += simulation.everyMs) {
    const fresh = simulation.probes.map((probe): ProbeResult => ({
      at: isoSeconds(at),
      check: probeName(probe),
      component: probe.component,
      ...(simulation.behave(at, probe) ?? normal(random)),
    }));
    const plan = planRun(recorded, fresh, simulation.zone, at);
    for (const [path, lines] of plan.append) files.set(path, [...(files.get(path) ?? []), ...lines]);
    for (const path of plan.remove) files.delete(path);
    const removed = new Set(plan.remove);
    const folded = [...plan.append]
      .filter(([path]) => !path.startsWith(RESULTS_DIR))
      .flatMap(([path, lines]) =>
        lines.map((line) => ({
          ...(JSON.parse(line) as DailyAggregate),
          component: path.slice(path.lastIndexOf('/') + 1, -'.jsonl'.length),
        })),
      );
    recorded = {
      results: [...recorded.results, ...fresh].filter((result) => !removed.has(resultsFile(result.at))),
      daily: [...recorded.daily, ...folded],
      resultFiles: [...new Set([...recorded.resultFiles, ...fresh.map((result) => resultsFile(result.at))])].filter(
        (file) => !removed.has(file),
      ),
    };
    simulation.afterRun?.(at, recorded.results);
  }
  const texts = new Map(
    [...files].sort(([a], [b]) => (a < b ? -1 : 1)).map(([path, lines]) => [path, `${lines.join('\n')}\n`]),
  );
  if (simulation.dir) {
    rmSync(join(simulation.dir, 'probes'), { recursive: true, force: true });
    for (const [path, text] of texts) {
      mkdirSync(dirname(join(simulation.dir, path)), { recursive: true });
      writeFileSync(join(simulation.dir, path), text);
    }
  }
  return texts;
}
