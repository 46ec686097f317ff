import { parseArgs, type ParseArgsOptionDescriptor } from 'node:util';
import type { Context, Flags } from './context.ts';
import { Refusal } from '../files/refusal.ts';
import { DeploymentEnvError } from '../rules/urls.ts';
import { API_KEY_VARIABLE, IMPORT_SOURCES } from '../import/sources.ts';
import { describeUnknown } from '../rules/nearest.ts';
import {
  IMPACTS,
  INCIDENT_COMPONENT_STATUSES,
  INCIDENT_STATUSES,
  STANDALONE_INCIDENT_STATUSES,
  MAINTENANCE_STATUSES,
  UPDATE_COMPONENT_STATUSES,
} from '../rules/statuses.ts';
import { CHANNEL_TYPES } from '../files/schemas/notify-config.ts';
import { LOCALES } from '../i18n/locales.ts';

type Option = ParseArgsOptionDescriptor & { help: string };

const flag = (help: string): Option => ({ type: 'boolean', help });
const value = (help: string, multiple = false): Option => ({ type: 'string', help, multiple });

const AT = value('when this update is posted, ISO 8601 with a zone (default: now, UTC)');
const MESSAGE = value('what users should know now (Markdown allowed)');
const DRY_RUN = flag('print the file instead of writing it');
const FORCE = flag('allow an update older than the last one (it is inserted in time order)');
const YES = flag('at a terminal, write without showing the file and asking first');
const NEXT = value(
  'when the next update is promised: "30m", "1 h" after this one, or a time with a zone; readers see "Next update by …", then "Update overdue" (default: the template\'s next_update)',
);
const TEMPLATE = value(
  'start the message from templates/<name>.md (its status too, unless --status); the component names are filled in',
);

interface Command {
  usage: string;
  summary: string;
  options: Record<string, Option>;
  /** How many arguments besides flags it takes (`true`: one). */
  positional?: boolean | number;
  run: (
    ctx: Context,
    flags: Flags,
    positional: string | undefined,
    second?: string,
  ) => Promise<number | void> | number | void;
}

/** Flags some commands add to their usage line and help. */
interface ExtraFlags {
  usage: string;
  options: Record<string, Option>;
}

/** `--component` and `--impact` of an incident update: what holds from it on. */
const UPDATE_LEVELS: ExtraFlags = {
  usage: '[--component id=status …] [--impact I]',
  options: {
    component: value(
      `component status from this update on, repeatable: id=${UPDATE_COMPONENT_STATUSES.join('|')}`,
      true,
    ),
    impact: value(`the incident's impact from this update on: ${IMPACTS.join(', ')}`),
  },
};

/** Resolving returns every component to operational: `--component` may only say so. */
const RESOLVE_LEVELS: ExtraFlags = {
  usage: '[--component id=operational …] [--impact I]',
  options: {
    component: value(
      'a component back to operational, repeatable: id=operational (resolving returns every component to operational anyway)',
      true,
    ),
    impact: value(`the incident's impact, if it turned out otherwise: ${IMPACTS.join(', ')}`),
  },
};

/** A command that adds one update of a fixed status, with a message users can read by default. */
function fixedStatus(
  verb: string,
  summary: string,
  kind: 'incident' | 'maintenance',
  status: string,
  defaultMessage: string,
  extra: ExtraFlags = { usage: '', options: {} },
): Command {
  return {
    usage: [verb, '<slug>', '[--message M]', extra.usage, '[--at T]', '[--force]'].filter(Boolean).join(' '),
    summary,
    positional: true,
    options: {
      message: value(`what users should know (default: "${defaultMessage}")`),
      ...extra.options,
      at: AT,
      force: FORCE,
      'dry-run': DRY_RUN,
      yes: YES,
    },
    run: async (ctx, flags, slug) =>
      (await import('./commands/update.ts')).addUpdate(ctx, flags, slug, {
        kinds: [kind],
        verb,
        status,
        defaultMessage,
      }),
  };
}

/** Every command, its flags and their help; `--help` and `-h` work on each. */
export const COMMANDS: Record<string, Command> = {
  init: {
    usage:
      'init [dir] --name N --url U --component id=Name [--component …] [--group "Name: id,id" …] [--timezone Z] [--locale L] [--yes]',
    summary:
      'make a new status site in an empty folder: status.config.yaml, workflows, templates, README (asks at a terminal)',
    positional: true,
    options: {
      name: value('the platform’s name, in the page’s title, e.g. "Acme"'),
      url: value('the address the page will be read at, e.g. https://status.example.com'),
      timezone: value('IANA time zone of the times readers see (default UTC), e.g. Europe/Berlin'),
      locale: value(`language of the page (default en): ${LOCALES.join(', ')}`),
      component: value(
        'a component readers can tell is up or down, one per flag, repeatable: id=Name, e.g. web=Website (or a name, its id made from it)',
        true,
      ),
      group: value(
        'a heading over some components, repeatable: "Name: id,id"; the others go in one group after these',
        true,
      ),
      yes: flag('at a terminal, write without showing status.config.yaml and asking first'),
    },
    // Loaded on use: the other commands need no template files.
    run: async (ctx, flags, dir) => (await import('./commands/init.ts')).init(ctx, flags, dir),
  },
  new: {
    usage:
      'new --title T --component id=status [--component …] [--impact I] --message M|--template NAME [--status S] [--next D] [--at T] [--started T] [--slug S] [--yes]',
    summary: 'open an incident and write its first update',
    options: {
      title: value('headline users see, e.g. "Login failing on iOS"'),
      component: value(`affected component and how, repeatable: id=${INCIDENT_COMPONENT_STATUSES.join('|')}`, true),
      impact: value(`how bad it is overall (default: what the components imply): ${IMPACTS.join(', ')}`),
      status: value(`first update's status (default investigating): ${STANDALONE_INCIDENT_STATUSES.join(', ')}`),
      message: MESSAGE,
      template: TEMPLATE,
      at: AT,
      started: value(
        'when impact began, if before this first update: now, "15 min ago", 07:13 (site time zone) or ISO 8601 with a zone',
      ),
      slug: value('page name after the date (default: from the title)'),
      next: NEXT,
      'dry-run': DRY_RUN,
      yes: YES,
    },
    run: async (ctx, flags) => (await import('./commands/new.ts')).newIncident(ctx, flags),
  },
  update: {
    usage: `update <slug> --status S --message M|--template NAME ${UPDATE_LEVELS.usage} [--next D] [--merge-into SLUG] [--at T] [--force] [--reopen] [--yes]`,
    summary: 'add an update to an incident (or a maintenance)',
    positional: true,
    options: {
      status: value(`incident: ${INCIDENT_STATUSES.join(', ')}; maintenance: ${MAINTENANCE_STATUSES.join(', ')}`),
      message: MESSAGE,
      template: TEMPLATE,
      ...UPDATE_LEVELS.options,
      next: NEXT,
      'merge-into': value(
        'the incident that follows this one from now on: writes a merged update (into: <slug>), which closes this one without saying anything recovered',
      ),
      at: AT,
      force: FORCE,
      reopen: flag('allow an update to a resolved incident, reopening it'),
      'dry-run': DRY_RUN,
      yes: YES,
    },
    run: async (ctx, flags, slug) =>
      (await import('./commands/update.ts')).addUpdate(ctx, flags, slug, {
        kinds: ['incident', 'maintenance'],
        verb: 'update',
      }),
  },
  resolve: fixedStatus(
    'resolve',
    'add the resolved update to an incident',
    'incident',
    'resolved',
    'This incident has been resolved.',
    RESOLVE_LEVELS,
  ),
  maintenance: {
    usage: 'maintenance --title T --component id [--component …] --start T --end T --message M [--at T] [--slug S]',
    summary: 'schedule a maintenance window',
    options: {
      title: value('headline users see, e.g. "Database upgrade for direct messages"'),
      component: value('component under maintenance, repeatable (or comma-separated)', true),
      start: value('when the window opens, ISO 8601 with a zone'),
      end: value('when the window closes, ISO 8601 with a zone'),
      message: value('what users should expect (Markdown allowed)'),
      at: value('when this announcement is posted (default: now, UTC)'),
      slug: value('page name after the date (default: from the title)'),
      'dry-run': DRY_RUN,
      yes: YES,
    },
    run: async (ctx, flags) => (await import('./commands/maintenance.ts')).newMaintenance(ctx, flags),
  },
  start: fixedStatus(
    'start',
    'mark a maintenance as in progress',
    'maintenance',
    'in_progress',
    'Maintenance is in progress.',
  ),
  complete: fixedStatus(
    'complete',
    'mark a maintenance as completed',
    'maintenance',
    'completed',
    'Maintenance has been completed.',
  ),
  list: {
    usage: 'list [--all]',
    summary: 'open incidents and upcoming or active maintenance, with their slugs',
    options: { all: flag('every incident and maintenance, newest first, open or not') },
    run: async (ctx, flags) => (await import('./commands/list.ts')).listOpen(ctx, flags),
  },
  import: {
    usage: `import <${IMPORT_SOURCES.join('|')}> <url|folder> [--page-id ID [--api-url U]] [--url U] [--dry-run] [--force] [--verbose]`,
    summary: 'bring the components and incident history over from Statuspage or cState',
    positional: 2,
    options: {
      'page-id': value(
        `Statuspage only: read the whole history through the management API (key from $${API_KEY_VARIABLE})`,
      ),
      'api-url': value('the management API root (default https://api.statuspage.io/v1)'),
      url: value('the page’s public address, when the source has none or a relative one (cState’s `baseURL: /`)'),
      'dry-run': flag('list what would be written, write nothing'),
      force: flag('replace files that were not imported (no `source`) and a differing status.config.yaml'),
      verbose: flag('list every note and skipped incident, not one line per kind of reason'),
    },
    run: async (ctx, flags, from, source) =>
      (await import('./commands/import.ts')).importCommand(ctx, flags, from, source),
  },
  check: {
    usage: 'check [--workflows]',
    summary: 'validate every incident file and template with the build’s rules; exit 1 listing every problem',
    options: {
      workflows: flag(
        'also check .github/workflows/ against status.config.yaml: the secrets each step gets, the deploy and watch schedules (npm test in a site runs this)',
      ),
    },
    // Loaded when asked, as notify, watch and probe are: the check brings every output (feeds, calendar, badges).
    run: async (ctx, flags) => {
      const { check, checkTemplates, checkWorkflowFiles } = await import('./commands/check.ts');
      return Math.max(check(ctx), checkTemplates(ctx), flags['workflows'] ? checkWorkflowFiles(ctx) : 0);
    },
  },
  notify: {
    usage:
      'notify [--previous DIR|URL] [--current DIR] [--ledger DIR] [--dry-run] [--resend ID …] [--channel NAME …] [--to ADDRESS …]',
    summary: `announce what this build added (new updates, postmortems, maintenance) on every channel under notify.channels in status.config.yaml (types: ${CHANNEL_TYPES.join(', ')}; each on when its variable is set) and to notify.websub_hub`,
    options: {
      previous: value(
        'the build this one replaced: its output folder, a saved api/v2 folder, or the live site URL (none: first run, nothing older than an hour)',
      ),
      current: value(
        'the build just deployed: its output folder or its api/v2 folder (default: dist); run in a checkout of the commit it was built from',
      ),
      resend: value(
        'send this again: an update id, <slug>-postmortem, -reminder, -window-opened, -window-closed, a webhook component update (<update id>-<component>), or a feed URL with --channel websub; repeatable',
        true,
      ),
      channel: value('only this channel (its name in status.config.yaml, or websub), repeatable', true),
      to: value('email only this configured address (a resend to a refused recipient), repeatable', true),
      timeout: value('seconds each request may take (default 10)'),
      backoff: value('seconds before the first retry, doubled for each next one (default 1)'),
      'time-limit': value(
        'seconds the whole run may take; what is not sent by then is listed with its resend command (default 720)',
      ),
      ledger: value(
        'a folder recording what each channel confirmed: a rerun, a run at the same time or the next deploy sends only what no run delivered (the deploy workflow keeps it)',
      ),
      'dry-run': flag('print each message as it would be sent, per channel, and send nothing'),
    },
    // Loaded on use: nodemailer and the channels are not needed by the other commands.
    run: async (ctx, flags) => (await import('./commands/notify.ts')).notify(ctx, flags),
  },
  watch: {
    usage:
      'watch [--live URL …] [--max-age DURATION] [--timeout S] [--before-first-deploy] [--state DIR [--remind DURATION]]',
    summary:
      'check that every host serves a current build of what the repository holds; exit 1 and alert staff channels when not',
    options: {
      live: value(
        'a host to check, its root address, repeatable (default: url and every mirror in status.config.yaml)',
        true,
      ),
      'max-age': value(
        'the oldest build a host may serve, e.g. "1 h 30 min" (default: freshness.interval + freshness.grace)',
      ),
      timeout: value('seconds each request may take (default 10)'),
      state: value(
        'a folder keeping what staff were told (watch.yml keeps it): alert once when a problem is new, remind while it lasts, say when all is over; without it, every failing run alerts',
      ),
      remind: value('with --state: remind staff of the same problems this often, e.g. "1 h" (default 2 h)'),
      'before-first-deploy': flag(
        'the page has never been deployed (watch.yml passes it while GitHub lists no Pages deployment): when no host serves it, say so and exit 0 instead of alerting',
      ),
    },
    run: async (ctx, flags) => (await import('./commands/watch.ts')).watch(ctx, flags),
  },
  probe: {
    usage: 'probe [--measure-only | --follow-only]',
    summary: 'run every check of probes: once, record the results under probes/, open or follow incidents from them',
    options: {
      'measure-only': flag(
        'run the checks and record the results; open or follow no incident (probe.yml, before it pulls)',
      ),
      'follow-only': flag(
        "run no check: open or follow incidents from the results recorded (probe.yml, after it pulled every prober's results)",
      ),
    },
    // Loaded on use, like notify: the other commands need no HTTP client.
    run: async (ctx, flags) => (await import('./commands/probe.ts')).probe(ctx, flags),
  },
};

function overview(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((name) => name.length));
  return [
    'Usage: npm run status -- <command> [flags]',
    '',
    'Commands:',
    ...Object.entries(COMMANDS).map(([name, command]) => `  ${name.padEnd(width)}  ${command.summary}`),
    '',
    'Run `npm run status -- <command> --help` for its flags. Times are ISO 8601 with a zone, e.g. 2022-12-28T12:31:00Z.',
    'Missing values are asked for when run in a terminal; otherwise pass them as flags.',
  ].join('\n');
}

function help(name: string, command: Command): string {
  const rows = Object.entries(command.options).map(
    ([option, spec]) => [`--${option}${spec.type === 'string' ? ' <value>' : ''}`, spec.help] as const,
  );
  rows.push(['--help', 'show this help']);
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `Usage: npm run status -- ${command.usage}`,
    '',
    `${name}: ${command.summary}`,
    '',
    'Flags:',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
  ].join('\n');
}

/**
 * Run one command line; returns the exit code. Refusals (Refusal) are
 * printed to `err` without a stack trace: they are messages for a person.
 */
export async function main(argv: string[], ctx: Context, err: (line: string) => void): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    ctx.out(overview());
    return name === undefined ? 1 : 0;
  }
  const command = COMMANDS[name];
  if (!command) {
    err(`error: ${describeUnknown('command', name, Object.keys(COMMANDS))}`);
    return 1;
  }
  try {
    const options = Object.fromEntries(
      Object.entries(command.options).map(([option, spec]) => [
        option,
        { type: spec.type, multiple: spec.multiple ?? false },
      ]),
    );
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    if (values.help) {
      ctx.out(help(name, command));
      return 0;
    }
    if (positionals.length > (command.positional === true ? 1 : command.positional || 0)) {
      throw new Refusal(`unexpected argument "${positionals.at(-1)}"; usage: npm run status -- ${command.usage}`);
    }
    return (await command.run(ctx, values, positionals[0], positionals[1])) ?? 0;
  } catch (error) {
    if (error instanceof Refusal || error instanceof DeploymentEnvError) {
      err(`error: ${error.message}`);
      return 1;
    }
    const code = (error as { code?: string }).code;
    if (code?.startsWith('ERR_PARSE_ARGS')) {
      err(`error: ${(error as Error).message}\nRun \`npm run status -- ${name} --help\` for its flags.`);
      return 1;
    }
    throw error;
  }
}
