import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from 'yaml';
import { durationText } from '../rules/duration.ts';
import { scheduleInterval } from '../rules/cron.ts';
import type { SiteConfig } from '../files/schemas/site-config.ts';
import { probeName } from '../files/schemas/probes-config.ts';
import { CONFIG_FILE } from '../files/site-files.ts';
import type { Problem } from '../files/validate.ts';

/*
 * What a site's GitHub Actions workflows must agree on with its
 * status.config.yaml, checked without running them (`status check
 * --workflows`). Pure: the texts in, the problems out, each located in the
 * file to fix.
 *
 * - Secrets: the step that runs `status notify` gets exactly the variables
 *   the subscribers' channels name (url_env, secret_env, and the
 *   subscriptions service's secret_env), the step that runs
 *   `status watch` those of the staff channels, the step that runs
 *   `status probe` those the checks' headers_env name; each from a secret,
 *   and no other secret (a step sees only what it needs).
 * - Schedules: a workflow that builds the page on a schedule runs exactly as
 *   often as freshness.interval promises; the watchdog runs at least once
 *   within freshness.grace, so a late build is caught before readers are warned.
 * - Kept folders: a step that runs `status watch --state DIR` or `status
 *   notify --ledger DIR` has DIR restored before it and saved after it, even
 *   when it failed (watch fails exactly while staff are being alerted), so
 *   the next run knows what this one told or sent.
 * - Subscriptions: a site that names a subscriptions service deploys it (a
 *   step that runs the engine's subscriptions/ Worker), so the form on
 *   /subscribe/ never posts to a service nobody deploys.
 */

export interface WorkflowFile {
  /** Path shown in problems, relative to the site folder, e.g. `.github/workflows/deploy.yml`. */
  path: string;
  text: string;
}

export const WORKFLOWS_DIR = '.github/workflows';

type Path = Array<string | number>;

/** A variable a step must be given, and who needs it. */
interface Wanted {
  name: string;
  /** e.g. `notify channel "team-slack" (url_env)` */
  by: string;
}

/** The `status` commands whose steps get secrets, and which variables each needs. */
const COMMANDS = {
  notify: {
    needs: (config: SiteConfig) => channelVariables(config, 'subscribers'),
    // Without a subscribers' channel, a site with no notify step loses nothing.
    needed: (config: SiteConfig) =>
      config.subscriptions !== undefined ||
      (config.notify?.channels ?? []).some((channel) => (channel.audience ?? 'subscribers') === 'subscribers'),
    configPath: ['notify', 'channels'],
    missing:
      'declares channels for subscribers, but no workflow runs `npm run status -- notify`: nobody would be told; the notify job of the deploy workflow runs it after each deploy',
  },
  watch: {
    needs: (config: SiteConfig) => channelVariables(config, 'staff'),
    needed: (config: SiteConfig) => (config.notify?.channels ?? []).some((channel) => channel.audience === 'staff'),
    configPath: ['notify', 'channels'],
    missing:
      'declares staff channels (audience: staff), but no workflow runs `npm run status -- watch`: they would never hear of a host that is down; watch.yml runs it every 15 minutes',
  },
  probe: {
    needs: (config: SiteConfig): Wanted[] =>
      (config.probes ?? []).flatMap((probe) =>
        Object.entries(probe.headers_env ?? {}).map(([header, name]) => ({
          name,
          by: `check "${probeName(probe)}" (headers_env ${header})`,
        })),
      ),
    needed: (config: SiteConfig) => (config.probes ?? []).length > 0,
    // `probe --follow-only` runs no check: it writes incidents from recorded results and sends no header.
    sendsNothing: /\bstatus(?:\s+--)?\s+probe\s+--follow-only\b/g,
    configPath: ['probes'],
    missing:
      'lists checks, but no workflow runs `npm run status -- probe`: they would never run; probe.yml runs them every 5 minutes',
  },
} as const;

type Command = keyof typeof COMMANDS;

function channelVariables(config: SiteConfig, audience: 'subscribers' | 'staff'): Wanted[] {
  // notify hands every update to the readers' subscriptions service, signed with its secret.
  const service =
    audience === 'subscribers' && config.subscriptions
      ? [{ name: config.subscriptions.secret_env, by: 'subscriptions (secret_env)' }]
      : [];
  return [
    ...(config.notify?.channels ?? [])
      .filter((channel) => (channel.audience ?? 'subscribers') === audience)
      .flatMap((channel) => [
        { name: channel.url_env, by: `notify channel "${channel.name}" (url_env)` },
        ...(channel.type === 'webhook'
          ? [{ name: channel.secret_env, by: `notify channel "${channel.name}" (secret_env)` }]
          : []),
      ]),
    ...service,
  ];
}

/** Where the engine keeps the subscriptions service: a workflow that deploys it names this folder. */
export const SUBSCRIPTIONS_SERVICE_DIR = 'node_modules/astro-status-page/subscriptions';

/** A site naming a subscriptions service must deploy it. */
function subscriptionsProblems(config: SiteConfig, configText: string, workflows: readonly Workflow[]): Problem[] {
  if (!config.subscriptions) return [];
  const deploys = workflows.some((workflow) =>
    stepsOf(workflow).some(({ run }) => run.includes(SUBSCRIPTIONS_SERVICE_DIR) && /\bwrangler\b/.test(run)),
  );
  return deploys
    ? []
    : [
        configProblem(
          configText,
          ['subscriptions', 'service'],
          `names a subscriptions service, but no workflow deploys it (a step running wrangler on ${SUBSCRIPTIONS_SERVICE_DIR}): the form on /subscribe/ would post to nothing; the subscriptions job of the site template's deploy workflow does it`,
        ),
      ];
}

const runs = (command: string) => new RegExp(`\\bstatus(?:\\s+--)?\\s+${command}\\b`);
const BUILDS = /\b(?:npm run build|astro build)\b/;
const SECRET = /^\$\{\{\s*secrets\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}$/;
const MENTIONS_SECRET = /\bsecrets\.(?!GITHUB_TOKEN\b)/;

/** The line of the key at `path` in a YAML document (or of its nearest parent that exists). */
function keyLine(doc: Document, lines: LineCounter, path: Path): number {
  for (let depth = path.length; depth > 0; depth--) {
    const parent = depth === 1 ? doc.contents : doc.getIn(path.slice(0, depth - 1), true);
    const key = path[depth - 1];
    if (isMap(parent)) {
      const pair = parent.items.find((item) => isScalar(item.key) && item.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) return lines.linePos(pair.key.range[0]).line;
    }
    const node = doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return lines.linePos(node.range[0]).line;
  }
  return 1;
}

/** One workflow file, parsed. */
interface Workflow {
  file: WorkflowFile;
  doc: Document;
  lines: LineCounter;
  data: Record<string, unknown>;
}

const problemAt = (workflow: Workflow, path: Path, message: string): Problem => ({
  file: workflow.file.path,
  line: keyLine(workflow.doc, workflow.lines, path),
  field: path.join('.'),
  message,
});

/** Every step of every job, with its job, its index and its `run` text. */
function stepsOf(
  workflow: Workflow,
): Array<{ job: string; index: number; step: Record<string, unknown>; run: string }> {
  const jobs = workflow.data['jobs'];
  return Object.entries(isRecord(jobs) ? jobs : {}).flatMap(([job, body]) =>
    (isRecord(body) && Array.isArray(body['steps']) ? body['steps'] : []).flatMap((step: unknown, index) =>
      isRecord(step) ? [{ job, index, step, run: typeof step['run'] === 'string' ? step['run'] : '' }] : [],
    ),
  );
}

/** The cron lines of `on.schedule`, with their paths. */
function scheduleOf(workflow: Workflow): Array<{ cron: string; path: Path }> {
  const on = workflow.data['on'];
  const schedule = isRecord(on) && Array.isArray(on['schedule']) ? on['schedule'] : [];
  return schedule.flatMap((entry: unknown, i) =>
    isRecord(entry) && typeof entry['cron'] === 'string'
      ? [{ cron: entry['cron'], path: ['on', 'schedule', i, 'cron'] }]
      : [],
  );
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Parse each file; a file that is not YAML, or not a map, is a problem of its own. */
function parseWorkflows(files: readonly WorkflowFile[]): { workflows: Workflow[]; problems: Problem[] } {
  const workflows: Workflow[] = [];
  const problems: Problem[] = [];
  for (const file of files) {
    const lines = new LineCounter();
    const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false });
    if (doc.errors.length > 0) {
      problems.push(
        ...doc.errors.map((error) => ({
          file: file.path,
          line: lines.linePos(error.pos[0]).line,
          field: 'workflow',
          message: `YAML: ${error.message.split('\n')[0]}`,
        })),
      );
      continue;
    }
    if (!isMap(doc.contents)) {
      problems.push({
        file: file.path,
        line: 1,
        field: 'workflow',
        message: 'is not a workflow: it must be a map with on: and jobs:',
      });
      continue;
    }
    workflows.push({ file, doc, lines, data: doc.toJS() as Record<string, unknown> });
  }
  return { workflows, problems };
}

/** A problem of status.config.yaml at the key `path`, for what is the config's to fix. */
function configProblem(configText: string, path: readonly string[], message: string): Problem {
  const lines = new LineCounter();
  const doc = parseDocument(configText, { lineCounter: lines });
  return { file: CONFIG_FILE, line: keyLine(doc, lines, [...path]), field: path.join('.'), message };
}

/** Every environment variable a step sees (the workflow's, its job's, its own), the nearest level winning. */
function stepEnv(workflow: Workflow, job: string, index: number): Map<string, { value: string; path: Path }> {
  const env = new Map<string, { value: string; path: Path }>();
  const levels: Path[] = [['env'], ['jobs', job, 'env'], ['jobs', job, 'steps', index, 'env']];
  for (const level of levels) {
    let node: unknown = workflow.data;
    for (const key of level)
      node = isRecord(node) || Array.isArray(node) ? (node as Record<string | number, unknown>)[key] : undefined;
    if (!isRecord(node)) continue;
    for (const [name, value] of Object.entries(node)) env.set(name, { value: String(value), path: [...level, name] });
  }
  return env;
}

/** `step "Notify subscribers"`, or the step's position and command when it has no name. */
function stepLabel(step: Record<string, unknown>, job: string, index: number, command: Command): string {
  return typeof step['name'] === 'string'
    ? `step "${step['name']}" (job ${job})`
    : `step ${index + 1} of job ${job} (npm run status -- ${command})`;
}

/** The secrets of one step that runs a `status` command: every variable wanted, from a secret, and no other secret. */
function stepSecretProblems(
  workflow: Workflow,
  job: string,
  index: number,
  step: Record<string, unknown>,
  command: Command,
  wanted: readonly Wanted[],
): Problem[] {
  const problems: Problem[] = [];
  const env = stepEnv(workflow, job, index);
  const label = stepLabel(step, job, index, command);
  const stepPath: Path = ['jobs', job, 'steps', index];
  // A variable two checks name is given once.
  const unique = [...new Map(wanted.map((variable) => [variable.name, variable])).values()];
  for (const { name, by } of unique) {
    const entry = env.get(name);
    if (!entry) {
      problems.push(
        problemAt(
          workflow,
          [...stepPath, 'env'],
          `${label} is not given ${name}, which status.config.yaml's ${by} reads: add  ${name}: \${{ secrets.${name} }}  under the step's env:, and the secret ${name} in Settings → Secrets and variables → Actions`,
        ),
      );
    } else if (!SECRET.test(entry.value.trim())) {
      problems.push(
        problemAt(
          workflow,
          entry.path,
          `${label} gets ${name} from the file itself, where anyone can read it; ${by} needs a secret: write  ${name}: \${{ secrets.${name} }}`,
        ),
      );
    }
  }
  const names = new Set(wanted.map((variable) => variable.name));
  for (const [name, entry] of env) {
    if (names.has(name) || !MENTIONS_SECRET.test(entry.value)) continue;
    problems.push(
      problemAt(
        workflow,
        entry.path,
        `${label} is given ${name} from a secret, but nothing in status.config.yaml names ${name} for \`status ${command}\`: remove it (a step gets only the secrets it uses), or name it in status.config.yaml`,
      ),
    );
  }
  return problems;
}

/** The secrets rules: each command's steps, and a step for each command the config needs. */
function secretProblems(config: SiteConfig, configText: string, workflows: readonly Workflow[]): Problem[] {
  const problems: Problem[] = [];
  for (const command of Object.keys(COMMANDS) as Command[]) {
    const rule = COMMANDS[command];
    const steps = workflows.flatMap((workflow) =>
      stepsOf(workflow)
        .filter(({ run }) => runs(command).test('sendsNothing' in rule ? run.replace(rule.sendsNothing, '') : run))
        .map((found) => ({ workflow, ...found })),
    );
    if (steps.length === 0 && rule.needed(config)) {
      problems.push(configProblem(configText, rule.configPath, rule.missing));
    }
    for (const { workflow, job, index, step } of steps)
      problems.push(...stepSecretProblems(workflow, job, index, step, command, rule.needs(config)));
  }
  return problems;
}

/** A workflow's schedule as one interval, or the problem that it has none. */
function intervalOf(workflow: Workflow, what: string, example: string): { interval: number } | Problem {
  const schedule = scheduleOf(workflow);
  if (schedule.length === 0)
    return problemAt(
      workflow,
      ['on'],
      `${what} but has no on: schedule:, so it runs only when pushed or started by hand; add one, e.g. schedule: [{ cron: '${example}' }]`,
    );
  const read = scheduleInterval(schedule.map((entry) => entry.cron));
  return 'problem' in read
    ? problemAt(workflow, schedule[0]!.path, `${what}, but ${read.problem}; use an even schedule, e.g. '${example}'`)
    : read;
}

/** The schedule rules: the scheduled build keeps freshness.interval, the watchdog runs within freshness.grace. */
function scheduleProblems(config: SiteConfig, configText: string, workflows: readonly Workflow[]): Problem[] {
  const problems: Problem[] = [];
  const { interval, grace } = config.freshness;
  const promised = `status.config.yaml promises a new build every ${durationText(interval)} (freshness.interval)`;
  const builders = workflows.filter(
    (workflow) => scheduleOf(workflow).length > 0 && stepsOf(workflow).some(({ run }) => BUILDS.test(run)),
  );
  if (builders.length === 0) {
    problems.push(
      configProblem(
        configText,
        ['freshness', 'interval'],
        `promises a new build every ${durationText(interval)}, but no workflow under ${WORKFLOWS_DIR} builds the page on a schedule (on: schedule: and npm run build): after a while every page would warn readers it may be out of date; give the deploy workflow a schedule, e.g. cron: '7 * * * *' for hourly`,
      ),
    );
  }
  for (const workflow of builders) {
    const read = intervalOf(workflow, 'builds the page on a schedule', '7 * * * *');
    if (!('interval' in read)) problems.push(read);
    else if (read.interval !== interval) {
      problems.push(
        problemAt(
          workflow,
          scheduleOf(workflow)[0]!.path,
          `rebuilds the page every ${durationText(read.interval)}, but ${promised}: make them agree, this cron or freshness: interval: ${durationText(read.interval)}`,
        ),
      );
    }
  }
  for (const workflow of workflows.filter((candidate) =>
    stepsOf(candidate).some(({ run }) => runs('watch').test(run)),
  )) {
    const read = intervalOf(workflow, 'runs the watchdog (npm run status -- watch)', '*/15 * * * *');
    if (!('interval' in read)) problems.push(read);
    else if (read.interval > grace) {
      problems.push(
        problemAt(
          workflow,
          scheduleOf(workflow)[0]!.path,
          `runs the watchdog every ${durationText(read.interval)}, longer than the ${durationText(grace)} grace (freshness.grace): a late build could go unnoticed until readers are warned; run it at least every ${durationText(grace)}, e.g. '*/15 * * * *'`,
        ),
      );
    }
  }
  return problems;
}

/** The folders `status` commands keep from run to run: the flag that names one, and what is lost without it. */
const KEPT_FOLDERS = [
  {
    command: 'watch',
    flag: 'state',
    holds: 'what staff were told',
    lost: 'every failing run would alert staff again, and none would say when it is over',
  },
  {
    command: 'notify',
    flag: 'ledger',
    holds: 'what each channel confirmed',
    lost: 'a rerun would send again what an earlier run delivered',
  },
] as const;

/** The folders a cache step's `path:` names (one, or one a line). */
const cachePaths = (step: Record<string, unknown>): string[] => {
  const use = step['with'];
  const path = isRecord(use) ? use['path'] : undefined;
  return typeof path === 'string' ? path.split('\n').map(folderName).filter(Boolean) : [];
};
const folderName = (path: string) => path.trim().replace(/^\.\//, '').replace(/\/+$/, '');

/** Each kept folder is restored before its step and saved after it, even when the step failed. */
function keptFolderProblems(workflows: readonly Workflow[]): Problem[] {
  return workflows.flatMap((workflow) => {
    const steps = stepsOf(workflow);
    return steps.flatMap(({ job, index, step, run }) =>
      KEPT_FOLDERS.flatMap(({ command, flag, holds, lost }) => {
        const named = new RegExp(`${runs(command).source}[^\\n]*?\\s--${flag}[\\s=]+(\\S+)`).exec(run);
        if (!named) return [];
        const folder = folderName(named[1]!);
        const jobSteps = steps.filter((other) => other.job === job);
        const uses = (other: { step: Record<string, unknown> }, action: RegExp) =>
          typeof other.step['uses'] === 'string' && action.test(other.step['uses']);
        const restored = jobSteps.some(
          (other) =>
            other.index < index &&
            uses(other, /^actions\/cache(?:\/restore)?@/) &&
            cachePaths(other.step).includes(folder),
        );
        const saved = jobSteps.some(
          (other) =>
            other.index > index &&
            uses(other, /^actions\/cache\/save@/) &&
            cachePaths(other.step).includes(folder) &&
            /\balways\(\)/.test(String(other.step['if'] ?? '')),
        );
        if (restored && saved) return [];
        const label = stepLabel(step, job, index, command);
        const fix = restored
          ? `save it after the step with actions/cache/save (path: ${folder}, if: always(): it must be saved when the step fails too)`
          : `restore it before the step with actions/cache/restore (path: ${folder}, restore-keys: ${folder}-)${saved ? '' : ` and save it after with actions/cache/save (if: always())`}`;
        return [
          problemAt(
            workflow,
            ['jobs', job, 'steps', index, 'run'],
            `${label} keeps ${holds} in ${folder} (--${flag}), but it is not ${restored ? 'saved after every run' : 'carried from run to run'}: ${lost}; ${fix}, as the site template's workflows do`,
          ),
        ];
      }),
    );
  });
}

/**
 * Every problem between a site's workflows and its config (`configText` is
 * status.config.yaml as written, `config` as read), each located in the file
 * to fix: a workflow file, or status.config.yaml.
 */
export function checkWorkflows(config: SiteConfig, configText: string, files: readonly WorkflowFile[]): Problem[] {
  const { workflows, problems } = parseWorkflows(files);
  return [
    ...problems,
    ...secretProblems(config, configText, workflows),
    ...scheduleProblems(config, configText, workflows),
    ...subscriptionsProblems(config, configText, workflows),
    ...keptFolderProblems(workflows),
  ];
}
