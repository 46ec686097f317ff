import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { runStatus } from '../src/cli/entry.ts';
import type { Prompter } from '../src/cli/context.ts';
import { NODE_VERSION } from '../src/cli/new-site.ts';
import { readSiteConfig } from '../src/files/site-files.ts';
import { catalogOf } from '../src/i18n/catalog.ts';
import { REPO, ROOT, STATUS_CLI } from './helpers/build.ts';
import { childEnv } from './helpers/child-env.ts';

/*
 * `status init`: a new site for another organisation, made in a folder
 * outside the repository, as a newcomer runs it. In-process through
 * runStatus (flags, and a stand-in terminal for the prompts), then once end
 * to end: the CLI as a process, `status check` and the workflow check in the
 * new site, and a build of it with the repository's Astro.
 */

const NOW = '2025-05-02T10:00:00Z';
let parent: string;
let site: string;

beforeEach(() => {
  parent = mkdtempSync(join(tmpdir(), 'status-init-'));
  site = join(parent, 'acme-status');
});
afterEach(() => rmSync(parent, { recursive: true, force: true }));

async function status(args: string[], prompt?: Prompter) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runStatus(args, {
    env: childEnv({ STATUS_NOW: NOW, STATUS_SITE_DIR: site }),
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    ...(prompt ? { prompt } : {}),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const ACME = [
  '--name',
  'Acme',
  '--url',
  'https://status.acme.example',
  '--component',
  'web=Website',
  '--component',
  'api=Public API',
  '--component',
  'Mobile apps',
  '--group',
  'Apps: web,mobile-apps',
];
const init = (...extra: string[]) => status(['init', site, ...ACME, ...extra]);

/** Every file under a folder, hidden ones too, relative to it. */
const filesOf = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)))
    .sort();
const read = (path: string) => readFileSync(join(site, path), 'utf8');

const WRITTEN = [
  '.gitattributes',
  '.github/workflows/check.yml',
  '.github/workflows/deploy.yml',
  '.github/workflows/probe.yml',
  '.github/workflows/watch.yml',
  '.gitignore',
  'README.md',
  'astro.config.mjs',
  'incidents/.gitkeep',
  'package.json',
  'public/favicon.svg',
  'src/content.config.ts',
  'status.config.yaml',
  'templates/identified-rolling-back.md',
  'templates/investigating-cause-unknown.md',
  'templates/monitoring.md',
  'templates/resolved.md',
  'tsconfig.json',
];

describe('init with flags', () => {
  test('writes the whole site, and says what to do next', async () => {
    const run = await init('--timezone', 'Europe/Berlin', '--locale', 'de');
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(filesOf(site)).toEqual(WRITTEN);
    expect(run.out).toContain(`Created a status site for Acme in ${site}: 18 files.`);
    expect(run.out).toContain('  npm install    # Astro, astro-status-page and Node 24');
    expect(run.out).toContain('Then publish it: README.md, "Deploying to GitHub Pages".');
  });

  test('status.config.yaml holds the answers: grouped components first, the others under the page’s word for components', async () => {
    await init('--timezone', 'Europe/Berlin', '--locale', 'de');
    const config = readSiteConfig(site);
    expect([config.name, config.url, config.timezone, config.locale]).toEqual([
      'Acme',
      'https://status.acme.example',
      'Europe/Berlin',
      'de',
    ]);
    expect(config.groups).toEqual([
      {
        name: 'Apps',
        components: [
          { id: 'web', name: 'Website' },
          { id: 'mobile-apps', name: 'Mobile apps' },
        ],
      },
      { name: 'Komponenten', components: [{ id: 'api', name: 'Public API' }] },
    ]);
    expect(config.freshness.interval).toBe(3_600_000);
    expect(config.notify).toBeUndefined();
    expect(config.probes).toBeUndefined();
  });

  test.each([
    ['ru', 'Компоненты'],
    ['zh-CN', '组件'],
  ])('--locale %s: the page in that language, its ungrouped components under its word', async (locale, components) => {
    const run = await init('--timezone', 'Europe/Moscow', '--locale', locale);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const config = readSiteConfig(site);
    expect(config.locale).toBe(locale);
    expect(config.groups.at(-1)).toEqual({ name: components, components: [{ id: 'api', name: 'Public API' }] });
  });

  test('without --timezone and --locale: UTC and English, each said so', async () => {
    const run = await init();
    expect(run.out).toContain('Time zone: UTC; pass --timezone to choose another, e.g. --timezone Europe/Berlin');
    expect(run.out).toContain(
      'Language: en; pass --locale to choose another: en, de, fr, es, pt-BR, ru, ja, zh-CN, ar',
    );
    expect([readSiteConfig(site).timezone, readSiteConfig(site).locale]).toEqual(['UTC', 'en']);
    expect(readSiteConfig(site).groups.at(-1)!.name).toBe('Components');
  });

  test('package.json: the scripts, this engine’s version, Node 24 for older machines', async () => {
    await init();
    const pkg = JSON.parse(read('package.json'));
    const engine = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    const root = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({ name: 'acme-status', private: true, type: 'module', engines: { node: '>=22.12.0' } });
    expect(pkg.scripts).toEqual({
      dev: 'astro dev',
      build: 'astro build',
      preview: 'astro preview',
      status: 'status',
      test: 'status check --workflows',
    });
    expect(pkg.dependencies).toEqual({
      astro: engine.peerDependencies.astro,
      'astro-status-page': `^${engine.version}`,
    });
    expect(pkg.devDependencies).toEqual({ node: root.devDependencies.node });
    expect(NODE_VERSION).toBe(root.devDependencies.node);
  });

  test('nothing of the example: no Chirp, no Twitter, no probe data', async () => {
    await init();
    for (const path of filesOf(site)) expect(read(path), path).not.toMatch(/chirp|twitter|musk/i);
    expect(existsSync(join(site, 'probes'))).toBe(false);
    expect(readdirSync(join(site, 'incidents'))).toEqual(['.gitkeep']);
  });

  test('the site passes status check, the workflow check, and a probe or watch before any is configured or deployed', async () => {
    await init();
    const check = await status(['check', '--workflows']);
    expect(check.out.split('\n')).toEqual([
      'OK: 0 incidents and 0 maintenance windows in 0 files, checked against 3 components.',
      'OK: 4 templates render with every component and pass.',
      'OK: 4 workflows agree with status.config.yaml: each step gets the secrets the config names for it, the schedules keep its freshness, and what watch and notify keep is carried from run to run.',
    ]);
    expect(check.code).toBe(0);
    const probe = await status(['probe']);
    expect([probe.code, probe.out]).toEqual([
      0,
      'Nothing to probe: status.config.yaml has no probes:, so no check ran and no file was written; list checks under probes: to start.',
    ]);
    const watch = await status(['watch', '--live', 'http://127.0.0.1:9/', '--timeout', '2', '--before-first-deploy']);
    expect(watch.out).toMatch(
      /^Not deployed yet: no host serves the page \(http:\/\/127\.0\.0\.1:9\/: could not connect/,
    );
    expect(watch.code).toBe(0);
    expect(filesOf(site)).toEqual(WRITTEN);
  });
});

describe('as the site grows, the workflow check says what the workflows lack', () => {
  /** status.config.yaml with its commented examples of channels and checks turned on. */
  function uncommentExamples() {
    const config = read('status.config.yaml').replace(
      /^# (notify:|probes:)\n((?:# {2}.*\n)+)/gm,
      (_, key: string, body: string) => `${key}\n${body.replace(/^# /gm, '')}`,
    );
    writeFileSync(join(site, 'status.config.yaml'), config);
  }

  test('the commented examples are valid once uncommented, and each variable they name is then asked of its workflow step', async () => {
    await init();
    uncommentExamples();
    const config = readSiteConfig(site);
    expect(config.notify?.channels.map((channel) => channel.name)).toEqual(['team-slack', 'staff-slack']);
    expect(config.probes?.map((probe) => probe.component)).toEqual(['web']);
    const check = await status(['check', '--workflows']);
    expect(check.code).toBe(1);
    const problems = check.out.split('\n').filter((line) => line.startsWith('.github/'));
    expect(problems).toEqual([
      expect.stringMatching(
        /^\.github\/workflows\/deploy\.yml:\d+: jobs\.notify\.steps\.\d+\.env: step "Notify subscribers" \(job notify\) is not given SLACK_WEBHOOK_URL, .*add {2}SLACK_WEBHOOK_URL: \$\{\{ secrets\.SLACK_WEBHOOK_URL \}\} {2}under the step's env:/,
      ),
      expect.stringMatching(
        /^\.github\/workflows\/watch\.yml:\d+: jobs\.watch\.steps\.\d+\.env: step "Watch every host" \(job watch\) is not given STAFF_SLACK_WEBHOOK_URL/,
      ),
      expect.stringMatching(
        /^\.github\/workflows\/probe\.yml:\d+: jobs\.probe\.steps\.\d+\.env: step "Run every check once" \(job probe\) is not given HEALTH_TOKEN/,
      ),
    ]);
    expect(check.out).toContain('3 problems in 3 files; the workflows and status.config.yaml disagree.');
  });

  test('adding the lines it asks for makes it pass', async () => {
    await init();
    uncommentExamples();
    const give = (file: string, step: string, name: string) => {
      const path = join(site, '.github/workflows', file);
      writeFileSync(
        path,
        readFileSync(path, 'utf8').replace(
          `      - name: ${step}\n`,
          `      - name: ${step}\n        env:\n          ${name}: \${{ secrets.${name} }}\n`,
        ),
      );
    };
    give('deploy.yml', 'Notify subscribers', 'SLACK_WEBHOOK_URL');
    give('watch.yml', 'Watch every host', 'STAFF_SLACK_WEBHOOK_URL');
    give('probe.yml', 'Run every check once', 'HEALTH_TOKEN');
    expect((await status(['check', '--workflows'])).code).toBe(0);
  });
});

describe('refusals: nothing is written', () => {
  test('a folder that holds anything, listing what; a folder holding only .git is empty', async () => {
    mkdirSync(join(site, 'docs'), { recursive: true });
    writeFileSync(join(site, 'README.md'), 'mine\n');
    const run = await init();
    expect(run.code).toBe(1);
    expect(run.err).toBe(
      `error: ${site} is not empty (README.md, docs/); init writes a whole new site and never overwrites a file: give a new or empty folder, e.g. status init my-status`,
    );
    expect(filesOf(site)).toEqual(['README.md']);
    rmSync(site, { recursive: true });
    mkdirSync(join(site, '.git'), { recursive: true });
    expect((await init()).code).toBe(0);
  });

  test.each([
    [
      '--name',
      ['--url', 'https://status.acme.example', '--component', 'web=Website'],
      'error: missing --name: What is the platform called, e.g. --name "Acme"',
    ],
    [
      '--url',
      ['--name', 'Acme', '--component', 'web=Website'],
      'error: missing --url: Address the page will be read at, e.g. --url "https://status.example.com"',
    ],
    [
      '--component',
      ['--name', 'Acme', '--url', 'https://status.acme.example'],
      'error: missing --component: what readers can tell is up or down, one per flag, e.g. --component web=Website --component api=API (or --component Website: the id is made from the name)',
    ],
  ])('outside a terminal, a missing %s is named with an example', async (_, args, message) => {
    const run = await status(['init', site, ...args]);
    expect(run.code).toBe(1);
    expect(run.err).toBe(message);
    expect(existsSync(site)).toBe(false);
  });

  test.each([
    [
      ['--url', 'status.acme.example'],
      'error: --url: "status.acme.example" is not an absolute URL; e.g. --url "https://status.example.com"',
    ],
    [
      ['--timezone', 'europe/berlin'],
      'error: --timezone: time zone "europe/berlin" is spelt "Europe/Berlin"; e.g. --timezone "Europe/Berlin"',
    ],
    [
      ['--locale', 'pt'],
      'error: --locale: unknown locale "pt". Did you mean "pt-BR"? Allowed: en, de, fr, es, pt-BR, ru, ja, zh-CN, ar',
    ],
    [
      ['--component', 'ウェブ'],
      'error: --component: "ウェブ" has no Latin letter or digit (a–z, 0–9) to make an id of; write id=Name, e.g. web=ウェブ',
    ],
    [
      ['--component', 'web=Web'],
      'error: --component: the id "web" is given twice; give each component its own, as id=Name',
    ],
    [['--group', 'Apps: ios'], 'error: --group Apps: unknown component "ios". Allowed: web, api, mobile-apps'],
    [['--group', 'Core: web'], 'error: --group Core: web is already in the group Apps; a component is listed once'],
    [
      ['--group', 'Apps web'],
      'error: --group "Apps web": write the group\'s name, a colon and its component ids, e.g. --group "Apps: web,ios"',
    ],
  ])('%j is refused, naming the flag and what is allowed', async (extra, message) => {
    const run = await init(...extra);
    expect(run.err).toBe(message);
    expect(run.code).toBe(1);
    expect(existsSync(site)).toBe(false);
  });

  test('answers the build would refuse: every problem listed as the build lists it, and the folder init made is gone', async () => {
    const run = await status([
      'init',
      site,
      '--name',
      'A'.repeat(100),
      '--url',
      'https://status.acme.example',
      '--component',
      'web=Website',
    ]);
    expect(run.code).toBe(1);
    expect(run.err).toMatch(
      /^error: nothing was written: the new site fails its own checks:\n {2}status\.config\.yaml:\d+: name: is 100 bytes long; at most 80 bytes/,
    );
    expect(existsSync(site)).toBe(false);
  });
});

describe('at a terminal', () => {
  /** A terminal that types these answers to the text questions, picks `locale` from the menu and answers `confirmed` to the last question. */
  function terminal(answers: Record<string, string>, locale: string, confirmed = true) {
    const asked: string[] = [];
    const shown: string[] = [];
    const prompt: Prompter = {
      text: async (message, options) => {
        asked.push(message);
        const answer = answers[message] ?? '';
        const why = options?.validate?.(answer);
        if (why) throw new Error(`the prompt refused "${answer}": ${why}`);
        return answer;
      },
      select: async (message, choices) => {
        asked.push(`${message} [${choices.map((choice) => choice.label).join(' | ')}]`);
        return locale;
      },
      groupMultiselect: async () => [],
      show: (title) => void shown.push(title),
      confirm: async (message) => {
        asked.push(message);
        return confirmed;
      },
    };
    return { prompt, asked, shown };
  }
  const ANSWERS = {
    'What is the platform called?': 'Acme',
    'Address the page will be read at?': 'https://status.acme.example',
    'Time zone of the times readers see (IANA name)?': 'Asia/Tokyo',
    'Components readers can tell are up or down, separated by commas (id=Name to choose an id)?':
      'Website, api=Public API',
  };

  test('asks for the name, address, time zone, language and components, shows the config and writes once confirmed', async () => {
    const { prompt, asked, shown } = terminal(ANSWERS, 'ja');
    const run = await status(['init', site], prompt);
    expect(run.err).toBe('');
    expect(asked).toEqual([
      'What is the platform called?',
      'Address the page will be read at?',
      'Time zone of the times readers see (IANA name)?',
      'Language of the page? [en: English | de: German | fr: French | es: Spanish | pt-BR: Brazilian Portuguese | ru: Russian | ja: Japanese | zh-CN: Chinese (China) | ar: Arabic]',
      'Components readers can tell are up or down, separated by commas (id=Name to choose an id)?',
      `Write the site into ${site}?`,
    ]);
    expect(shown).toEqual([`${site}/status.config.yaml`]);
    const config = readSiteConfig(site);
    expect([config.timezone, config.locale]).toEqual(['Asia/Tokyo', 'ja']);
    expect(config.groups).toEqual([
      {
        name: 'コンポーネント',
        components: [
          { id: 'website', name: 'Website' },
          { id: 'api', name: 'Public API' },
        ],
      },
    ]);
  });

  test('a typo in an answer is refused by the prompt, saying why', () => {
    const { prompt } = terminal({ ...ANSWERS, 'Time zone of the times readers see (IANA name)?': 'Asia/Tokio' }, 'en');
    return expect(status(['init', site], prompt)).rejects.toThrow(
      'the prompt refused "Asia/Tokio": unknown time zone "Asia/Tokio". Did you mean "Asia/Tokyo"?',
    );
  });

  test('declined, nothing is written; --yes writes without asking', async () => {
    const declined = await status(['init', site], terminal(ANSWERS, 'en', false).prompt);
    expect(declined.err).toBe('error: not confirmed; nothing was written');
    expect(existsSync(site)).toBe(false);
    const { prompt, asked, shown } = terminal(ANSWERS, 'en', false);
    expect((await status(['init', site, '--yes'], prompt)).code).toBe(0);
    expect(asked).not.toContain(`Write the site into ${site}?`);
    expect(shown).toEqual([]);
  });
});

describe('end to end: a newcomer’s site, outside the repository, checked and built', () => {
  const out = mkdtempSync(join(tmpdir(), 'status-init-build-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  // Vitest exports BASE_URL=/ to its process; a build that inherits it ignores the config's base.
  const env = {
    ...childEnv(),
    ASTRO_TELEMETRY_DISABLED: '1',
    STATUS_NOW: NOW,
  };
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [STATUS_CLI, ...args], { cwd: site, env, encoding: 'utf8' });

  test(
    'init, status check --workflows and astro build succeed; the page says all is well in its language',
    { timeout: 120_000 },
    () => {
      mkdirSync(site);
      const made = cli('init', '.', ...ACME, '--timezone', 'Europe/Paris', '--locale', 'fr');
      expect(made.stderr).toBe('');
      expect(made.status).toBe(0);
      expect(made.stdout).not.toContain('  cd ');
      expect(relative(REPO, site).startsWith('..')).toBe(true);
      const check = cli('check', '--workflows');
      expect(check.stdout.match(/^OK: /gm)).toHaveLength(3);
      expect(check.status).toBe(0);
      for (const path of filesOf(site)) expect(read(path), path).not.toMatch(/chirp|twitter|musk/i);
      const build = spawnSync(process.execPath, [join(REPO, 'node_modules/astro/bin/astro.mjs'), 'build', '--silent'], {
        cwd: REPO,
        env: { ...env, STATUS_SITE_DIR: site, STATUS_OUT_DIR: out },
        encoding: 'utf8',
      });
      expect(build.status, `${build.stdout}${build.stderr}`).toBe(0);
      const home = readFileSync(join(out, 'index.html'), 'utf8');
      expect(home).toContain('<html lang="fr"');
      expect(home).toContain(catalogOf('fr').levels.none);
      expect(home).toContain('Website');
    },
  );
});
