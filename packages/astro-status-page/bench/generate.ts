import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { listComponents, type Component } from '../src/files/schemas/site-config.ts';
import { CONFIG_FILE, readSiteConfig } from '../src/files/site-files.ts';
import type { SourceFile } from '../src/files/validate.ts';
import { impliedImpact } from '../src/rules/levels.ts';
import { slugify } from '../src/rules/slug.ts';

/**
 * Synthetic but realistic incident history for the benchmark: the example
 * site's components, N incidents spread over several years, deterministic
 * from a seed so two runs (and two machines) build the same site.
 */

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEAR = 365 * DAY;

/** Small, fast, seedable PRNG (mulberry32): Math.random cannot be seeded. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** Seeded choices: a number in [0, 1), an item of a list, an integer in [low, high]. */
export interface Dice {
  random: () => number;
  pick: <T>(items: readonly T[]) => T;
  between: (low: number, high: number) => number;
  /** `count` different items of a list (fewer if the list is shorter). */
  sample: <T>(items: readonly T[], count: number) => T[];
}

/** Dice over `seededRandom(seed)`. */
export function seededDice(seed: number): Dice {
  const random = seededRandom(seed);
  return {
    random,
    pick: (items) => items[Math.floor(random() * items.length)]!,
    between: (low, high) => low + Math.floor(random() * (high - low + 1)),
    sample: (items, count) => {
      const rest = [...items];
      return Array.from(
        { length: Math.min(count, rest.length) },
        () => rest.splice(Math.floor(random() * rest.length), 1)[0]!,
      );
    },
  };
}

export interface GenerateOptions {
  /** How many incident and maintenance files to write. */
  count: number;
  /** The build's STATUS_NOW: a few incidents are still open then, a maintenance is upcoming. */
  now: number;
  seed?: number;
  /**
   * How far back the history goes. By default it grows with the count (three
   * years up to ten), so 10,000 incidents are ten years of a busy platform.
   */
  years?: number;
}

/** History length used when none is given: 3 years, growing to 10 at 10,000 incidents. */
export const defaultYears = (count: number): number => Math.min(10, Math.max(3, count / 1000));

const TITLES = [
  '{c} unavailable for some users',
  'Elevated error rates on {c}',
  '{c} slow to respond',
  'Intermittent failures in {c}',
  'Slow responses from {c}',
  'Delays affecting {c}',
  '{c} returning errors after a deploy',
  'Partial outage of {c}',
];

const SENTENCES = [
  'Some requests are failing with a server error.',
  'We traced the problem to a configuration change rolled out this morning.',
  'A database replica fell behind and served stale data.',
  'Traffic has been moved to a healthy region.',
  'Error rates are back to normal levels and we are **watching closely**.',
  'A fix is being deployed server by server.',
  'Users may need to *reload the page* or reopen the app.',
  'The upstream provider has confirmed an issue on their side.',
  'Latency rose sharply under an unusual spike in traffic.',
  'We added capacity and queues are draining.',
];

const FOLLOW_UPS = [
  '- Alerting on the user-facing error rate\n- A staged rollout for configuration changes\n- A runbook for failing over the database',
  'See the [postmortem guidelines](https://status.chirp.example/history/) for how we review incidents.',
  'We are sorry for the disruption and thank you for your patience.',
];

const MAINTENANCE_TITLES = [
  'Database upgrade for {c}',
  'Network maintenance affecting {c}',
  'Scheduled upgrade of {c}',
];

/** JSON strings are valid YAML scalars and need no escaping rules of their own. */
const yamlString = (text: string): string => JSON.stringify(text);
/** Minute precision with a zone, as staff would write it. */
const stamp = (millis: number): string => `${new Date(millis).toISOString().slice(0, 16)}:00Z`;

interface Draft {
  start: number;
  maintenance: boolean;
  /** Ongoing incidents are left open at `now`. */
  ongoing: boolean;
}

/**
 * The incident files as text, oldest first, with paths like
 * `incidents/2024/2024-03-05-web-slow-to-respond.md`. Pure: same options,
 * same files.
 */
export function generateIncidentSources(components: readonly Component[], options: GenerateOptions): SourceFile[] {
  const dice = seededDice(options.seed ?? 1);
  const { random, pick, between, sample } = dice;
  const span = (options.years ?? defaultYears(options.count)) * YEAR;
  const ongoing = Math.min(3, Math.floor(options.count / 30));
  const upcoming = options.count >= 20 ? 1 : 0;

  const drafts: Draft[] = [];
  for (let i = 0; i < options.count - ongoing - upcoming; i++) {
    // Leave the last six hours to the ongoing incidents so none of these is still open.
    drafts.push({
      start: options.now - 6 * HOUR - Math.floor(random() * span),
      maintenance: random() < 0.08,
      ongoing: false,
    });
  }
  // Overlapping open incidents, begun within the last few hours.
  for (let i = 0; i < ongoing; i++)
    drafts.push({ start: options.now - (i + 1) * 70 * 60_000, maintenance: false, ongoing: true });
  if (upcoming) drafts.push({ start: options.now + 3 * DAY, maintenance: true, ongoing: false });
  drafts.sort((a, b) => a.start - b.start);

  const used = new Set<string>();
  return drafts.map((draft) => {
    const touched = sample(components, between(1, 3));
    const lead = touched[0]!;
    const title = pick(draft.maintenance ? MAINTENANCE_TITLES : TITLES).replace('{c}', lead.name);
    const day = new Date(draft.start).toISOString().slice(0, 10);
    let slug = `${day}-${slugify(title)}`;
    for (let n = 2; used.has(slug); n++) slug = `${day}-${slugify(title)}-${n}`;
    used.add(slug);
    const body = paragraphs(dice);
    const text = (draft.maintenance ? maintenanceFile : incidentFile)(dice, draft, title, touched, body, options.now);
    return { path: `incidents/${day.slice(0, 4)}/${slug}.md`, text };
  });
}

function paragraphs({ random, pick, between, sample }: Dice): string {
  const paragraph = () => sample(SENTENCES, between(2, 4)).join(' ');
  const parts = ['## Summary', paragraph()];
  if (random() < 0.5) parts.push(paragraph());
  if (random() < 0.5) parts.push('## What we are changing', pick(FOLLOW_UPS));
  return `\n${parts.join('\n\n')}\n`;
}

function incidentFile(
  { pick, between, sample }: Dice,
  draft: Draft,
  title: string,
  touched: readonly Component[],
  body: string,
  now: number,
): string {
  const statuses = ['degraded_performance', 'partial_outage', 'major_outage'] as const;
  const chosen = touched.map((component) => [component.id, pick(statuses)] as const);
  const affected = chosen.map(([id, status]) => `  ${id}: ${status}`);
  const count = between(1, 4);
  // Updates a few minutes to hours apart; an ongoing incident's all lie before now.
  const gap = draft.ongoing ? Math.max(60_000, Math.floor((now - draft.start) / (count + 1))) : between(5, 90) * 60_000;
  const steps = draft.ongoing
    ? ['investigating', 'identified', 'monitoring', 'identified']
    : ['investigating', 'identified', 'monitoring'];
  const updates = Array.from({ length: count }, (_, i) => {
    const status = !draft.ongoing && i === count - 1 ? 'resolved' : steps[Math.min(i, steps.length - 1)]!;
    return update(draft.start + (i + 1) * gap, status, sample(SENTENCES, 2).join(' '));
  });
  // Staff may declare more than the components imply, never "none" with a component down (the validator refuses it).
  const declared = pick(['minor', 'major', 'major', 'critical', 'none']);
  const impact = declared === 'none' ? impliedImpact(chosen.map(([, status]) => status)) : declared;
  return `---\ntitle: ${yamlString(title)}\nimpact: ${impact}\ncomponents:\n${affected.join('\n')}\nstarted: ${stamp(draft.start)}\nupdates:\n${updates.join('\n')}\n---\n${body}`;
}

function maintenanceFile(
  { pick, between }: Dice,
  draft: Draft,
  title: string,
  touched: readonly Component[],
  body: string,
  now: number,
): string {
  const end = draft.start + between(1, 4) * HOUR;
  const announced = Math.min(now - HOUR, draft.start - between(2, 7) * DAY);
  const updates = [update(announced, 'scheduled', pick(SENTENCES))];
  if (end <= now) {
    updates.push(update(draft.start, 'in_progress', 'The work has started.'));
    updates.push(update(end - 10 * 60_000, 'completed', 'The work is complete.'));
  }
  return `---\nkind: maintenance\ntitle: ${yamlString(title)}\ncomponents: [${touched.map((c) => c.id).join(', ')}]\nwindow:\n  start: ${stamp(draft.start)}\n  end: ${stamp(end)}\nupdates:\n${updates.join('\n')}\n---\n${body}`;
}

const update = (at: number, status: string, message: string): string =>
  `  - at: ${stamp(at)}\n    status: ${status}\n    message: ${yamlString(message)}`;

/**
 * Write a site folder for the build: `status.config.yaml` (copied from
 * `configFrom`) and the generated incidents. Replaces `dir` entirely.
 */
export function writeSyntheticSite(dir: string, configFrom: string, options: GenerateOptions): SourceFile[] {
  const components = listComponents(readSiteConfig(configFrom));
  const sources = generateIncidentSources(components, options);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, CONFIG_FILE), readFileSync(join(configFrom, CONFIG_FILE)));
  for (const source of sources) {
    mkdirSync(dirname(join(dir, source.path)), { recursive: true });
    writeFileSync(join(dir, source.path), source.text);
  }
  return sources;
}

// `node bench/generate.ts <count> <dir> [now]` writes a site to look at by hand.
if (import.meta.main) {
  const [count = '100', dir = join(tmpdir(), 'status-synthetic-site'), now = '2026-06-01T12:00:00Z'] =
    process.argv.slice(2);
  const sources = writeSyntheticSite(resolve(dir), resolve(import.meta.dirname, '../tests/fixtures/chirp'), {
    count: Number(count),
    now: Date.parse(now),
  });
  console.log(`Wrote ${sources.length} incident files to ${resolve(dir)}`);
}
