import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { listDataFiles, readProbeData, RESULTS_DIR } from '../src/files/probe-data.ts';
import { applyPlan, planRun } from '../src/probe/store.ts';

/**
 * `node bench/probe-history.ts [days]`: what the git history grows by when
 * probe.yml commits every 5-minute run, as the working tree's bounded files
 * do not show: one component's runs written by the store's own code and
 * committed one by one, the pack measured after `git gc` at each day's end.
 */

const days = Number(process.argv[2] ?? 3);
const dir = mkdtempSync(join(tmpdir(), 'bench-probe-history-'));
const who = {
  GIT_AUTHOR_NAME: 'status-probe[bot]',
  GIT_AUTHOR_EMAIL: 'bot@example.invalid',
  GIT_COMMITTER_NAME: 'status-probe[bot]',
  GIT_COMMITTER_EMAIL: 'bot@example.invalid',
};
const git = (...args: string[]) =>
  execFileSync('git', args, { cwd: dir, encoding: 'utf8', env: { ...process.env, ...who } });
const packKiB = () => {
  git('gc', '-q', '--aggressive', '--prune=now');
  return Number(/size-pack: (\d+)/.exec(git('count-objects', '-v'))![1]);
};

git('init', '-q');
const RUN_MS = 5 * 60_000;
let at = Date.parse('2023-01-01T00:03:00Z');
const sizes: number[] = [];
for (let day = 0; day < days; day++) {
  for (let run = 0; run < 288; run++, at += RUN_MS) {
    const data = readProbeData(dir);
    const time = new Date(at).toISOString().replace('.000', '');
    const fresh = [{ at: time, check: 'web', component: 'web', ok: true, code: 200, ms: 120 + ((run * 7919) % 90) }];
    applyPlan(
      dir,
      planRun(
        { results: data.results, daily: data.daily, resultFiles: listDataFiles(dir, RESULTS_DIR) },
        fresh,
        'America/New_York',
        at,
      ),
    );
    git('add', '-A');
    git('commit', '-qm', `Probe: results at ${time}`);
  }
  sizes.push(packKiB());
  console.log(`after day ${day + 1} (${288 * (day + 1)} commits): pack ${sizes.at(-1)} KiB`);
}
const perDay = (sizes.at(-1)! - sizes[0]!) / Math.max(1, days - 1);
const byType = new Map<string, number>();
for (const line of git('cat-file', '--batch-all-objects', '--batch-check=%(objecttype) %(objectsize:disk)')
  .trim()
  .split('\n')) {
  const [type, bytes] = line.split(' ');
  byType.set(type!, (byType.get(type!) ?? 0) + Number(bytes));
}
console.log(
  `the history grows ${Math.round(perDay)} KiB a day, ${((perDay * 365) / 1024).toFixed(0)} MiB a year, with one component`,
);
console.log(
  `packed, by kind: ${[...byType].map(([type, bytes]) => `${type} ${Math.round(bytes / 1024)} KiB`).join(', ')}`,
);
