import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { readSiteConfig } from '../src/files/site-files.ts';
import { seededDice } from './generate.ts';
import { timedRun } from './measure.ts';
import { CHIRP, STATUS_CLI } from '../tests/helpers/build.ts';

/**
 * `node bench/import.ts [count]`: time `status import statuspage` on a
 * Statuspage-shaped history of `count` incidents (default 1,000; about 8%
 * maintenance, 1–4 updates each, HTML in some bodies, some postmortems) with
 * the example's components, written as a folder of public-API JSON (which,
 * unlike Statuspage's own, holds every incident). Imports into an empty site,
 * then again (nothing changes), and prints both times and summaries.
 */

const HOUR = 3_600_000;
const STATUSES = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
const IMPACT = { degraded_performance: 'minor', partial_outage: 'major', major_outage: 'critical' } as const;

/** components.json and incidents.json of a synthetic Statuspage page, seeded. */
function statuspageHistory(count: number, now: number, seed = 1) {
  const { random, pick, between, sample } = seededDice(seed);
  const config = readSiteConfig(CHIRP);
  const components = config.groups.flatMap((group, g) => {
    const groupId = `grp${g}`;
    const members = group.components.map((component, c) => ({
      id: `cmp${component.id}`,
      name: component.name,
      description: component.description ?? null,
      position: c + 1,
      group_id: groupId,
      group: false,
    }));
    return [
      {
        id: groupId,
        name: group.name,
        description: null,
        position: g + 1,
        group_id: null,
        group: true,
        components: members.map((member) => member.id),
      },
      ...members,
    ];
  });
  const leaves = components.filter((component) => !component.group);
  const iso = (millis: number) => new Date(millis).toISOString();
  const incidents = Array.from({ length: count }, (_, i) => {
    const start = now - Math.floor(random() * 3 * 365 * 24 * HOUR) - 6 * HOUR;
    const touched = sample(leaves, between(1, 3));
    const status = pick(STATUSES);
    const affected = (from: string, to: string) =>
      touched.map((component) => ({ code: component.id, name: component.name, old_status: from, new_status: to }));
    const update = (at: number, state: string, body: string, changes: unknown) => ({
      status: state,
      body,
      created_at: iso(at),
      display_at: iso(at),
      affected_components: changes,
    });
    const base = {
      id: `sp${i.toString(36).padStart(6, '0')}`,
      name: `${touched[0]!.name} trouble #${i}`,
      created_at: iso(start),
      started_at: iso(start),
      components: touched.map(({ id }) => ({ id })),
    };
    if (random() < 0.08) {
      const end = start + between(1, 4) * HOUR;
      return {
        ...base,
        status: 'completed',
        impact: 'maintenance',
        scheduled_for: iso(start),
        scheduled_until: iso(end),
        incident_updates: [
          update(end, 'completed', 'Done.', null),
          update(start, 'in_progress', 'Started.', null),
          update(start - 48 * HOUR, 'scheduled', '<p>Planned <b>work</b>.</p>', null),
        ],
      };
    }
    const steps = between(1, 4);
    const updates = Array.from({ length: steps }, (_, n) => {
      const at = start + (n + 1) * between(5, 60) * 60_000 + n * HOUR;
      const last = n === steps - 1;
      const state = last ? 'resolved' : ['investigating', 'identified', 'monitoring'][Math.min(n, 2)]!;
      const body =
        n % 2 ? `<p>Update ${n} on <a href="https://example.com">the issue</a>.</p>` : `We are on it (${n}).`;
      return update(
        at,
        state,
        body,
        n === 0 ? affected('operational', status) : last ? affected(status, 'operational') : null,
      );
    }).reverse();
    const postmortem = random() < 0.1;
    return {
      ...base,
      status: 'resolved',
      impact: IMPACT[status],
      incident_updates: updates,
      postmortem_body: postmortem ? '<h2>What happened</h2><p>A bad deploy.</p>' : null,
      postmortem_published_at: postmortem ? iso(start + 30 * HOUR) : null,
    };
  });
  return { page: { id: 'bench', name: config.name, url: config.url }, components, incidents };
}

if (import.meta.main) {
  const count = Number(process.argv[2] ?? 1000);
  const work = resolve(process.env['BENCH_DIR'] ?? join(tmpdir(), 'status-import-bench'));
  rmSync(work, { recursive: true, force: true });
  const source = join(work, 'statuspage');
  const site = join(work, 'site');
  mkdirSync(source, { recursive: true });
  mkdirSync(site, { recursive: true });
  const { page, components, incidents } = statuspageHistory(count, Date.parse('2026-06-01T12:00:00Z'));
  writeFileSync(join(source, 'components.json'), JSON.stringify({ page, components }));
  writeFileSync(join(source, 'incidents.json'), JSON.stringify({ page, incidents }));
  const env = { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' };
  for (const run of ['first import', 'second import']) {
    const result = timedRun(process.execPath, [STATUS_CLI, 'import', 'statuspage', source], { cwd: site, env });
    const summary = result.output.split('\n').find((line) => line.startsWith('Imported from'));
    console.log(`${run}: ${result.seconds.toFixed(2)} s, exit ${result.status}: ${summary}`);
  }
  const check = timedRun(process.execPath, [STATUS_CLI, 'check'], { cwd: site, env });
  console.log(
    `check: ${check.seconds.toFixed(2)} s: ${check.output.split('\n').find((line) => line.startsWith('OK:') || line.includes('problem'))}`,
  );
}
