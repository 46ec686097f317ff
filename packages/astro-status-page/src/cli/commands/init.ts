import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { catalogOf } from '../../i18n/catalog.ts';
import { LOCALES, type Locale } from '../../i18n/locales.ts';
import { describeUnknown } from '../../rules/nearest.ts';
import { isSlug, SLUG_RULE, slugify } from '../../rules/slug.ts';
import { timeZoneProblem } from '../../rules/time-zones.ts';
import { PAGE_URL, urlProblem } from '../../rules/urls.ts';
import { Refusal } from '../../files/refusal.ts';
import { CONFIG_FILE } from '../../files/site-files.ts';
import { formatProblem, type Problem } from '../../files/validate.ts';
import { checkSite } from '../../site/check-site.ts';
import { checkWorkflows, WORKFLOWS_DIR } from '../../site/workflows.ts';
import type { Choice } from '../choices.ts';
import type { Context, Flags } from '../context.ts';
import { given, str } from '../flags.ts';
import { newSiteFiles, type NewSite, type NewSiteComponent, type SiteFile } from '../new-site.ts';
import { checkTemplateFiles } from '../templates.ts';

/*
 * `status init [dir]`: a new site for another organisation, in an empty
 * folder. At a terminal it asks for what the flags leave out; in a script a
 * missing flag is refused with an example. Everything is written into a
 * hidden folder first and checked there with the build's own rules (the
 * config, the templates, the workflows against the config); only then is it
 * moved into place, so a refused site leaves nothing behind.
 */

/** What a folder may hold and still count as empty: a fresh `git clone` of an empty repository. */
const IGNORED = new Set(['.git']);

/** Refuse a folder that holds anything, listing what. */
function assertEmpty(target: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory())
    throw new Refusal(`${target} is a file; give a new or empty folder, e.g. status init my-status`);
  const there = readdirSync(target, { withFileTypes: true })
    .filter((entry) => !IGNORED.has(entry.name))
    .map((entry) => `${entry.name}${entry.isDirectory() ? '/' : ''}`)
    .sort();
  if (there.length === 0) return;
  const listed =
    there.length > 10 ? `${there.slice(0, 10).join(', ')} and ${there.length - 10} more` : there.join(', ');
  throw new Refusal(
    `${target} is not empty (${listed}); init writes a whole new site and never overwrites a file: give a new or empty folder, e.g. status init my-status`,
  );
}

/** A flag's value checked by `problem` (why it cannot be used, as a sentence), else the prompt's answer (checked as typed), else a refusal with an example. */
async function ask(
  ctx: Context,
  flags: Flags,
  name: string,
  question: string,
  example: string,
  problem: (value: string) => string | undefined,
  initial?: string,
): Promise<string> {
  const flag = str(flags, name)?.trim();
  if (flag !== undefined) {
    const why = problem(flag);
    if (why) throw new Refusal(`--${name}: ${why.replace(/\.$/, '')}; e.g. --${name} ${JSON.stringify(example)}`);
    return flag;
  }
  if (ctx.prompt)
    return (
      await ctx.prompt.text(question, { placeholder: example, ...(initial ? { initial } : {}), validate: problem })
    ).trim();
  throw new Refusal(`missing --${name}: ${question.replace(/\?$/, '')}, e.g. --${name} ${JSON.stringify(example)}`);
}

const nameProblem = (value: string) => (value.trim() === '' ? 'the name is empty' : undefined);
const urlAnswerProblem = (value: string) => {
  const why = urlProblem(value.trim(), PAGE_URL);
  return why && `"${value.trim()}" ${why}`;
};
const zoneAnswerProblem = (value: string) => timeZoneProblem(value.trim());

/** The page's time zone: the flag, else asked (starting on this machine's zone), else UTC, said so. */
async function timeZone(ctx: Context, flags: Flags): Promise<string> {
  if (str(flags, 'timezone') !== undefined || ctx.prompt) {
    const here = Intl.DateTimeFormat().resolvedOptions().timeZone;
    return ask(
      ctx,
      flags,
      'timezone',
      'Time zone of the times readers see (IANA name)?',
      'Europe/Berlin',
      zoneAnswerProblem,
      here,
    );
  }
  ctx.out('Time zone: UTC; pass --timezone to choose another, e.g. --timezone Europe/Berlin');
  return 'UTC';
}

/** "pt-BR: Brazilian Portuguese": the languages as menu entries. */
const localeChoices = (): Choice[] => {
  const names = new Intl.DisplayNames(['en'], { type: 'language' });
  return LOCALES.map((locale) => ({ value: locale, label: `${locale}: ${names.of(locale) ?? locale}` }));
};

/** The page's language: the flag, else chosen from a menu, else English, said so. */
async function locale(ctx: Context, flags: Flags): Promise<Locale> {
  const chosen = given(flags, 'locale', 'locale', LOCALES);
  if (chosen !== undefined) return chosen as Locale;
  if (ctx.prompt) return (await ctx.prompt.select('Language of the page?', localeChoices(), 'en')) as Locale;
  ctx.out(`Language: en; pass --locale to choose another: ${LOCALES.join(', ')}`);
  return 'en';
}

/** One component as typed: `id=Name`, or a name whose id is made from it. */
function parseComponent(typed: string): NewSiteComponent | string {
  const at = typed.indexOf('=');
  const [id, name] =
    at === -1 ? [slugify(typed), typed.trim()] : [typed.slice(0, at).trim(), typed.slice(at + 1).trim()];
  if (name === '') return `"${typed}" has no name after "="; write id=Name, e.g. web=Website`;
  if (at === -1 && id === '')
    return `"${typed}" has no Latin letter or digit (a–z, 0–9) to make an id of; write id=Name, e.g. web=${typed.trim()}`;
  if (!isSlug(id)) return `the id "${id}" must be ${SLUG_RULE}; write id=Name, e.g. web=${name}`;
  return { id, name };
}

/** Components as typed, or why they cannot be used. */
function parseComponents(typed: readonly string[]): NewSiteComponent[] | string {
  const components: NewSiteComponent[] = [];
  for (const entry of typed) {
    const component = parseComponent(entry);
    if (typeof component === 'string') return component;
    if (components.some((other) => other.id === component.id))
      return `the id "${component.id}" is given twice; give each component its own, as id=Name`;
    components.push(component);
  }
  return components.length > 0 ? components : 'name at least one component';
}

/** The components readers can tell are up or down: `--component` flags, else a comma-separated answer, else a refusal. */
async function components(ctx: Context, flags: Flags): Promise<NewSiteComponent[]> {
  const typed = (flags['component'] as string[] | undefined) ?? [];
  if (typed.length === 0 && ctx.prompt) {
    const split = (answer: string) => answer.split(',').filter((entry) => entry.trim() !== '');
    const validate = (answer: string) => {
      const parsed = parseComponents(split(answer));
      return typeof parsed === 'string' ? parsed : undefined;
    };
    const answer = await ctx.prompt.text(
      'Components readers can tell are up or down, separated by commas (id=Name to choose an id)?',
      { placeholder: 'Website, API, web=Mobile apps', validate },
    );
    return parseComponents(split(answer)) as NewSiteComponent[];
  }
  if (typed.length === 0)
    throw new Refusal(
      'missing --component: what readers can tell is up or down, one per flag, e.g. --component web=Website --component api=API (or --component Website: the id is made from the name)',
    );
  const parsed = parseComponents(typed);
  if (typeof parsed === 'string') throw new Refusal(`--component: ${parsed}`);
  return parsed;
}

/**
 * The groups: each `--group "Name: id,id"` in order, then a group named as
 * the page names its components ("Components" in English) for the ones no
 * group took. At a terminal there is one group; status.config.yaml says how to add more.
 */
function groups(flags: Flags, all: readonly NewSiteComponent[], locale: Locale): NewSite['groups'] {
  const taken = new Map<string, string>();
  const named = ((flags['group'] as string[] | undefined) ?? []).map((typed) => {
    const colon = typed.lastIndexOf(':');
    const name = typed.slice(0, Math.max(colon, 0)).trim();
    const ids = typed
      .slice(colon + 1)
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean);
    if (colon === -1 || name === '' || ids.length === 0)
      throw new Refusal(
        `--group ${JSON.stringify(typed)}: write the group's name, a colon and its component ids, e.g. --group "Apps: web,ios"`,
      );
    return {
      name,
      components: ids.map((id) => {
        const component = all.find((candidate) => candidate.id === id);
        if (!component)
          throw new Refusal(
            `--group ${name}: ${describeUnknown(
              'component',
              id,
              all.map((candidate) => candidate.id),
            )}`,
          );
        const first = taken.get(id);
        if (first !== undefined)
          throw new Refusal(`--group ${name}: ${id} is already in the group ${first}; a component is listed once`);
        taken.set(id, name);
        return component;
      }),
    };
  });
  const rest = all.filter((component) => !taken.has(component.id));
  return rest.length > 0 ? [...named, { name: catalogOf(locale).home.components, components: rest }] : named;
}

/** Every answer, from flags or prompts. */
async function answers(ctx: Context, flags: Flags): Promise<NewSite> {
  const name = await ask(ctx, flags, 'name', 'What is the platform called?', 'Acme', nameProblem);
  const url = await ask(
    ctx,
    flags,
    'url',
    'Address the page will be read at?',
    'https://status.example.com',
    urlAnswerProblem,
  );
  const timezone = await timeZone(ctx, flags);
  const language = await locale(ctx, flags);
  const all = await components(ctx, flags);
  return { name, url, timezone, locale: language, groups: groups(flags, all, language) };
}

/** Every problem the build, `status check` and `status check --workflows` would find in the site at `dir`. */
function siteProblems(dir: string, now: number): Problem[] {
  const { config, problems } = checkSite(dir, { now });
  if (!config) return problems;
  const folder = join(dir, WORKFLOWS_DIR);
  const workflows = readdirSync(folder).map((name) => ({
    path: `${WORKFLOWS_DIR}/${name}`,
    text: readFileSync(join(folder, name), 'utf8'),
  }));
  return [
    ...problems,
    ...checkTemplateFiles(dir, config).problems,
    ...checkWorkflows(config, readFileSync(join(dir, CONFIG_FILE), 'utf8'), workflows),
  ];
}

/**
 * Write the files into a hidden folder inside `target`, check the site there,
 * then move each top-level entry into place (a rename: never half a file).
 * A site that fails its checks is removed, with the folder if init made it.
 */
function writeSite(target: string, files: readonly SiteFile[], now: number): void {
  const made = !existsSync(target);
  mkdirSync(target, { recursive: true });
  const staging = mkdtempSync(join(target, '.status-init-'));
  try {
    for (const file of files) {
      mkdirSync(dirname(join(staging, file.path)), { recursive: true });
      writeFileSync(join(staging, file.path), file.content, { flag: 'wx' });
    }
    const problems = siteProblems(staging, now);
    if (problems.length > 0) {
      throw new Refusal(
        `nothing was written: the new site fails its own checks:\n${problems.map((problem) => `  ${formatProblem(problem)}`).join('\n')}`,
      );
    }
    for (const entry of readdirSync(staging)) renameSync(join(staging, entry), join(target, entry));
  } catch (error) {
    rmSync(made ? target : staging, { recursive: true, force: true });
    throw error;
  }
  rmSync(staging, { recursive: true, force: true });
}

/** `status init [dir]`: make a new site in `dir` (default: the site folder, STATUS_SITE_DIR or the working directory). */
export async function init(ctx: Context, flags: Flags, dir: string | undefined): Promise<void> {
  const target = resolve(dir ?? ctx.dir);
  assertEmpty(target);
  const site = await answers(ctx, flags);
  const files = newSiteFiles(site);
  if (ctx.prompt && !flags['yes']) {
    const config = files.find((file) => file.path === CONFIG_FILE)!.content as string;
    ctx.prompt.show(
      `${target}/${CONFIG_FILE}`,
      config.trimEnd(),
      `And ${files.length - 1} more files: ${files
        .filter((file) => file.path !== CONFIG_FILE)
        .map((file) => file.path)
        .join(', ')}`,
    );
    if (!(await ctx.prompt.confirm(`Write the site into ${target}?`)))
      throw new Refusal('not confirmed; nothing was written');
  }
  writeSite(target, files, ctx.now);
  // The folder as typed from here when it is below, else in full.
  const below = relative(process.cwd(), target);
  const where = below.startsWith('..') ? target : below;
  ctx.out(`Created a status site for ${site.name} in ${target}: ${files.length} files.`);
  ctx.out('Next:');
  if (where !== '') ctx.out(`  cd ${where.includes(' ') ? JSON.stringify(where) : where}`);
  ctx.out(
    '  npm install    # Astro, astro-status-page and Node 24; writes package-lock.json, which the workflows install from',
  );
  ctx.out(
    '  npm run dev    # the page at http://localhost:4321, rebuilt as you edit status.config.yaml and incidents/',
  );
  ctx.out('  npm test       # checks every file and workflow');
  ctx.out('Then publish it: README.md, "Deploying to GitHub Pages".');
}
