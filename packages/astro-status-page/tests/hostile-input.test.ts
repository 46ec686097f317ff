import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { main } from '../src/cli/main.ts';
import { BUILD_SCRIPT, copySite, runScript } from './helpers/site-copy.ts';

// Careless and hostile input, one case per class: `status check` and the
// build must agree, the message must name the file, line and field, no stack
// trace may reach the person, and a failed build must leave the previous
// site exactly as it was.
const NOW = '2022-12-31T00:00:00Z';
const INCIDENT = (fields: { title?: string; message?: string; at?: string; extra?: string; body?: string } = {}) =>
  `---\ntitle: ${fields.title ?? 'Search slow'}\nimpact: minor\ncomponents:\n  web: degraded_performance\n${fields.extra ?? ''}updates:\n  - at: ${fields.at ?? '2022-12-29T10:00:00Z'}\n    status: investigating\n    message: ${fields.message ?? 'Search is slow.'}\n---\n${fields.body ?? ''}`;

interface Case {
  name: string;
  /** Change the copied site; `dir` is the site folder. */
  apply: (dir: string) => void;
  /** `file:line: field: message` fragments both check and build must print. */
  expected: string[];
}

const write = (dir: string, path: string, content: string | Uint8Array) => writeFileSync(join(dir, path), content);
const config = (dir: string) => join(dir, 'status.config.yaml');
const replaceInConfig = (dir: string, from: string, to: string) =>
  writeFileSync(config(dir), readFileSync(config(dir), 'utf8').replace(from, to));

const CASES: Case[] = [
  {
    name: 'a control character (a pasted terminal colour code) in a title',
    apply: (dir) => write(dir, 'incidents/ctrl.md', INCIDENT({ title: 'Search \u001b[31mslow' })),
    expected: ['incidents/ctrl.md:2: text: contains a control character (U+001B), e.g. a pasted terminal colour code'],
  },
  {
    name: 'a control character written as a YAML escape in a message',
    apply: (dir) => write(dir, 'incidents/escape.md', INCIDENT({ message: '"Slow\\u0001 again"' })),
    expected: ['incidents/escape.md:9: updates.0.message: contains a control character (U+0001)'],
  },
  {
    name: 'a non-character in the body',
    apply: (dir) => write(dir, 'incidents/nonchar.md', INCIDENT({ body: 'Summary \ufffe here.\n' })),
    expected: ['incidents/nonchar.md:11: text: contains a Unicode non-character (U+FFFE)'],
  },
  {
    name: 'a UTF-16 file',
    apply: (dir) =>
      write(dir, 'incidents/utf16.md', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(INCIDENT(), 'utf16le')])),
    expected: ['incidents/utf16.md:1: file: is UTF-16 text; save the file as UTF-8'],
  },
  {
    name: 'invalid UTF-8 (a Latin-1 file)',
    apply: (dir) => write(dir, 'incidents/latin1.md', Buffer.from(INCIDENT({ title: 'Caf\u00e9 slow' }), 'latin1')),
    expected: ['incidents/latin1.md:1: file: is not valid UTF-8'],
  },
  {
    name: '30 February',
    apply: (dir) => write(dir, 'incidents/feb30.md', INCIDENT({ at: '2023-02-30T10:00:00Z' })),
    expected: [
      'incidents/feb30.md:7: updates.0.at: "2023-02-30T10:00:00Z" is not a real date and time: 2023-02 has no day 30',
    ],
  },
  {
    name: '24:00',
    apply: (dir) => write(dir, 'incidents/h24.md', INCIDENT({ at: '2022-12-29T24:00:00Z' })),
    expected: [
      'incidents/h24.md:7: updates.0.at: "2022-12-29T24:00:00Z" is not a real date and time: the hour 24 does not exist',
    ],
  },
  {
    name: 'second 60',
    apply: (dir) => write(dir, 'incidents/s60.md', INCIDENT({ at: '2022-12-29T10:00:60Z' })),
    expected: ['updates.0.at: "2022-12-29T10:00:60Z" is not a real date and time: the second 60 does not exist'],
  },
  {
    name: 'the year 0000',
    apply: (dir) => write(dir, 'incidents/y0.md', INCIDENT({ extra: 'started: 0000-12-29T09:00:00Z\n' })),
    expected: [
      'incidents/y0.md:6: started: "0000-12-29T09:00:00Z" is not a real date and time: the year 0 is before 1970',
    ],
  },
  {
    name: 'an update stamped years ahead (9999)',
    apply: (dir) => write(dir, 'incidents/y9999.md', INCIDENT({ at: '9999-12-29T10:00:00Z' })),
    expected: [
      'incidents/y9999.md:7: updates.0.at: 9999-12-29T10:00:00.000Z is',
      'days in the future; check the date, or add "scheduled: true"',
    ],
  },
  {
    name: 'a ten-year maintenance window',
    apply: (dir) =>
      write(
        dir,
        'incidents/long.md',
        '---\nkind: maintenance\ntitle: Long\ncomponents: [dm]\nwindow:\n  start: 2023-01-01T00:00:00Z\n  end: 2033-01-01T00:00:00Z\nupdates:\n  - at: 2022-12-20T00:00:00Z\n    status: scheduled\n    message: Planned.\n---\n',
      ),
    expected: ['incidents/long.md:7: window.end: makes a window of 3653 days; at most 7 are allowed'],
  },
  {
    name: 'a message over the size limit (the error quotes none of it)',
    apply: (dir) => write(dir, 'incidents/big.md', INCIDENT({ message: 'x'.repeat(200_000) })),
    expected: ['incidents/big.md:9: updates.0.message: is 200,000 bytes long; at most 2,600 bytes'],
  },
  {
    name: 'more updates than allowed',
    apply: (dir) =>
      write(
        dir,
        'incidents/many.md',
        INCIDENT().replace(
          'updates:\n',
          `updates:\n${Array.from({ length: 40 }, (_, i) => `  - at: 2022-12-29T0${Math.floor(i / 10)}:${String(i % 10).padStart(2, '0')}:00Z\n    status: investigating\n    message: Update ${i}.\n`).join('')}`,
        ),
      ),
    expected: ['incidents/many.md:6: updates: has more than 30 updates; close this incident and open a follow-up'],
  },
  {
    name: 'Markdown nested 5,000 deep (overflowed the renderer)',
    apply: (dir) => write(dir, 'incidents/deep.md', INCIDENT({ body: `${'* '.repeat(5000)}x\n` })),
    expected: ['incidents/deep.md:11: body: nests lists or quotes 5000 levels deep; at most 16 are allowed'],
  },
  {
    name: 'a protocol-relative link that leaves the site',
    apply: (dir) => write(dir, 'incidents/link.md', INCIDENT({ message: '"[status](/\\\\evil.example)"' })),
    expected: [
      'incidents/link.md:9: updates.0.message: links to "/\\\\evil.example"; links may only be https:, http:, mailto: or a path on this site',
    ],
  },
  {
    name: 'a YAML alias bomb',
    apply: (dir) =>
      write(
        dir,
        'incidents/bomb.md',
        `---\na: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n${INCIDENT().slice(4)}`,
      ),
    expected: ['incidents/bomb.md:1: frontmatter: YAML aliases (*name) expand too much'],
  },
  {
    name: 'YAML lists nested 20,000 deep',
    apply: (dir) =>
      write(dir, 'incidents/nested.md', `---\nx: ${'['.repeat(20_000)}${']'.repeat(20_000)}\n${INCIDENT().slice(4)}`),
    expected: [
      'incidents/nested.md:2: frontmatter: YAML: lists or maps nest too deeply to be read (thousands of levels); write it flat',
    ],
  },
  {
    name: 'a !!binary message',
    apply: (dir) => write(dir, 'incidents/binary.md', INCIDENT({ message: '!!binary aGVsbG8=' })),
    expected: ['incidents/binary.md:9: updates.0.message: must be text: what users should know'],
  },
  {
    name: 'a folder named like an incident file',
    apply: (dir) => mkdirSync(join(dir, 'incidents/folder.md')),
    expected: ['incidents/folder.md:1: file: is a folder, not a file'],
  },
  {
    name: 'a FIFO named like an incident file (used to hang check)',
    apply: (dir) => execFileSync('mkfifo', [join(dir, 'incidents/pipe.md')]),
    expected: ['incidents/pipe.md:1: file: is not a plain file (a pipe, socket or device)'],
  },
  {
    name: 'a link to a file outside the site',
    apply: (dir) => {
      write(dir, '../outside.md', INCIDENT());
      symlinkSync(join(dir, '../outside.md'), join(dir, 'incidents/linked.md'));
    },
    expected: [
      'incidents/linked.md:1: file: is a link to',
      'outside the site folder; copy the file here instead of linking to it',
    ],
  },
  {
    name: 'a file in public/ linked to a file outside the site (Astro copies public/ as it is)',
    apply: (dir) => {
      write(dir, '../passwd', 'root:x:0:0');
      mkdirSync(join(dir, 'public'), { recursive: true });
      symlinkSync(join(dir, '../passwd'), join(dir, 'public/status-logo.svg'));
    },
    expected: ['public/status-logo.svg:1: file: is a link to', 'passwd, outside the site folder'],
  },
  {
    name: 'probes/ itself linked to a folder outside the site',
    apply: (dir) => {
      mkdirSync(join(dir, '../elsewhere'), { recursive: true });
      symlinkSync(join(dir, '../elsewhere'), join(dir, 'probes'));
    },
    expected: ['probes:1: file: is a link to', 'elsewhere, outside the site folder'],
  },
  {
    name: 'an upper-case .MD extension',
    apply: (dir) => write(dir, 'incidents/shout.MD', INCIDENT()),
    expected: [
      'incidents/shout.MD:1: file: is not read: incident files end in ".md" (lowercase). Did you mean shout.md?',
    ],
  },
  {
    name: 'a backup copy (.md.bak)',
    apply: (dir) => write(dir, 'incidents/outage.md.bak', INCIDENT()),
    expected: [
      'incidents/outage.md.bak:1: file: is not read: incident files end in ".md" (lowercase). Did you mean outage.md?',
    ],
  },
  {
    name: 'a duplicate key in the config',
    apply: (dir) => replaceInConfig(dir, 'name: Fixture\n', 'name: Fixture\nname: Again\n'),
    expected: ['status.config.yaml:2: config: YAML syntax: Map keys must be unique'],
  },
  {
    name: 'a javascript: URL in the config',
    apply: (dir) => replaceInConfig(dir, 'url: https://status.fixture.example', 'url: javascript:alert(1)'),
    expected: [
      "status.config.yaml:2: url: uses javascript:, but only https: or http: is allowed here; write the page's public address, such as https://status.example.com or https://example.com/status/",
    ],
  },
  {
    name: 'an ftp: URL in the config',
    apply: (dir) => replaceInConfig(dir, 'url: https://status.fixture.example', 'url: ftp://status.fixture.example'),
    expected: ['status.config.yaml:2: url: uses ftp:'],
  },
  {
    name: 'an empty config',
    apply: (dir) => write(dir, 'status.config.yaml', ''),
    expected: ['status.config.yaml:1: config: is empty; it needs at least name, url and groups'],
  },
  {
    name: 'a control character in the site name',
    apply: (dir) => replaceInConfig(dir, 'name: Fixture', 'name: "Fix\\u0007ture"'),
    expected: ['status.config.yaml:1: name: contains a control character (U+0007)'],
  },
  {
    name: 'an SVG in public/ with a script, an event handler or a javascript: link',
    apply: (dir) => {
      mkdirSync(join(dir, 'public', 'icons'), { recursive: true });
      write(
        dir,
        'public/logo.svg',
        '<svg xmlns="http://www.w3.org/2000/svg">\n<script>alert(document.cookie)</script>\n</svg>',
      );
      write(
        dir,
        'public/icons/down.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"\n  onload="fetch(\'//evil.example\')"></svg>',
      );
      write(
        dir,
        'public/icons/link.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript:alert(1)"><text>x</text></a></svg>',
      );
      // Not a script: words in its text, a plain link, an ordinary attribute.
      write(
        dir,
        'public/icons/plain.svg',
        '<svg xmlns="http://www.w3.org/2000/svg"><title>Turn on = off</title><a href="https://example.com"><path d="M0 0"/></a></svg>',
      );
    },
    expected: [
      "public/logo.svg:2: file: is an SVG with a <script> element, which would run on the page's own address when the file is opened; remove it (a logo or an icon needs no script)",
      'public/icons/down.svg:2: file: is an SVG with an event handler attribute (onload=, onclick= …)',
      'public/icons/link.svg:1: file: is an SVG with a javascript: link',
    ],
  },
  {
    name: 'a logo that is not in public/',
    apply: (dir) => replaceInConfig(dir, 'name: Fixture\n', 'name: Fixture\nlogo: /fixture-logo.svg\n'),
    expected: [
      'status.config.yaml:2: logo: names /fixture-logo.svg, but there is no public/fixture-logo.svg; add the file to public/ or remove logo',
    ],
  },
];

const FRAME = /^\s+at\s/m;

/** `status check`, run the way scripts/status.ts runs it, with its output collected. */
async function checkInProcess(dir: string): Promise<{ code: number; output: string }> {
  const lines: string[] = [];
  const collect = (line: string) => lines.push(line);
  const code = await main(['check'], { dir, now: Date.parse(NOW), env: {}, out: collect }, collect);
  return { code, output: lines.join('\n') };
}

/** The build run as staff run it, on a site whose dist/ holds the last good site. */
async function buildOver(dir: string): Promise<{ code: number | null; output: string; out: string }> {
  const out = join(dir, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'the last good site');
  const env = { STATUS_SITE_DIR: dir, STATUS_NOW: NOW, STATUS_OUT_DIR: out, STATUS_CACHE_DIR: join(dir, '.cache') };
  return { ...(await runScript([BUILD_SCRIPT, 'build'], env)), out };
}

function expectRefusal(run: { code: number | null; output: string }, expected: string[], maxLength = 4_000) {
  expect(run.code).toBe(1);
  for (const fragment of expected) expect(run.output).toContain(fragment);
  expect(run.output).not.toMatch(FRAME);
  expect(run.output.length).toBeLessThan(maxLength);
}

function expectPreviousSiteKept(out: string) {
  expect(readdirSync(out)).toEqual(['index.html']);
  expect(readFileSync(join(out, 'index.html'), 'utf8')).toBe('the last good site');
  expect(existsSync(`${out}.staging`)).toBe(false);
}

describe.each(CASES)('$name', ({ apply, expected }) => {
  test('check refuses it, naming file, line and field, without a stack trace', async () => {
    const dir = copySite('basic', 'hostile-case');
    apply(dir);
    expectRefusal(await checkInProcess(dir), expected);
    rmSync(dir, { recursive: true, force: true });
  });
});

// The build refuses through the very check above (scripts/build-check.ts runs
// checkSite), so one build per kind of input shows that it prints the same
// lines and keeps the previous site: every incident-file case at once, and
// each config case on its own (a config holds one of them at a time).
const inConfig = (c: Case) => c.expected.some((fragment) => fragment.startsWith('status.config.yaml'));

test('the build refuses every incident-file case at once, printing each one’s line; the previous site is untouched', async () => {
  const cases = CASES.filter((c) => !inConfig(c));
  const dir = copySite('basic', 'hostile-all');
  for (const { apply } of cases) apply(dir);
  const build = await buildOver(dir);
  expectRefusal(
    build,
    cases.flatMap((c) => c.expected),
    4_000 * cases.length,
  );
  expectPreviousSiteKept(build.out);
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

describe.concurrent.each(CASES.filter(inConfig))('$name', ({ apply, expected }) => {
  test('the build refuses it as check does; the previous site is untouched', async () => {
    const dir = copySite('basic', 'hostile-config');
    apply(dir);
    const build = await buildOver(dir);
    expectRefusal(build, expected);
    expectPreviousSiteKept(build.out);
    rmSync(dir, { recursive: true, force: true });
  }, 120_000); // A real build each, beside the other suites on 2 cores.
});

test('a STATUS_SITE_URL without a scheme: the build refuses it as check does, naming the variable; the previous site is untouched', async () => {
  const dir = copySite('basic', 'hostile-env');
  const out = join(dir, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'index.html'), 'the last good site');
  const env = {
    STATUS_SITE_DIR: dir,
    STATUS_NOW: NOW,
    STATUS_OUT_DIR: out,
    STATUS_CACHE_DIR: join(dir, '.cache'),
    STATUS_SITE_URL: 'status.chirp.example',
  };
  const build = await runScript([BUILD_SCRIPT, 'build'], env);
  expectRefusal(build, ['environment:1: STATUS_SITE_URL: is not an absolute URL; set it to the page'], 4_000);
  expect(build.output).not.toContain('bug');
  expectPreviousSiteKept(out);
  rmSync(dir, { recursive: true, force: true });
}, 120_000);

test('a file the check accepts builds, and the build replaces the previous site', async () => {
  const dir = copySite('basic', 'hostile-ok');
  const out = join(dir, 'dist');
  mkdirSync(out);
  writeFileSync(join(out, 'stale.html'), 'from the previous build');
  // A BOM and Windows line ends are accepted.
  write(
    dir,
    'incidents/windows.md',
    Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      Buffer.from(INCIDENT({ title: 'Saved on Windows' }).replace(/\n/g, '\r\n')),
    ]),
  );
  const env = { STATUS_SITE_DIR: dir, STATUS_NOW: NOW, STATUS_OUT_DIR: out, STATUS_CACHE_DIR: join(dir, '.cache') };
  expect(await checkInProcess(dir)).toMatchObject({ code: 0 });
  expect((await runScript([BUILD_SCRIPT, 'build'], env)).code).toBe(0);
  expect(existsSync(join(out, 'stale.html'))).toBe(false);
  expect(readFileSync(join(out, 'incidents/windows/index.html'), 'utf8')).toMatch(
    /<h1 dir="auto"[^>]*>Saved on Windows<\/h1>/,
  );
  rmSync(dir, { recursive: true, force: true });
});

test('the deploy workflow uploads only what a successful build wrote', () => {
  const workflow = readFileSync(join(import.meta.dirname, '../../../.github/workflows/deploy.yml'), 'utf8');
  const steps = workflow.slice(workflow.indexOf('steps:'));
  const build = steps.indexOf('npm run build');
  const upload = steps.indexOf('upload-pages-artifact');
  expect(build).toBeGreaterThan(0);
  expect(upload).toBeGreaterThan(build);
  // Nothing lets a failed step be skipped over: no continue-on-error, no always(), but for the one step
  // that keeps notify's ledger after a failed or cancelled notify (it uploads nothing to any host).
  const lenient = /continue-on-error:\s*true|if:\s*\$?\{?\{?\s*always\(\)/g;
  const ledgerSave = workflow.indexOf('- name: Save the notify ledger');
  expect([...workflow.matchAll(lenient)].map((match) => match.index)).toEqual([
    workflow.indexOf('if: always()', ledgerSave),
  ]);
  expect(workflow.slice(ledgerSave).split('\n      - ')[0]).toContain('actions/cache/save@');
  expect(execFileSync('git', ['check-ignore', 'dist.staging/x'], { encoding: 'utf8' }).trim()).toBe('dist.staging/x');
});
