import { spawn } from 'node:child_process';
import { cpSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parse } from 'yaml';
import { outDir, REPO, SITE_TEMPLATE, TMP } from './helpers/build.ts';
import { startPagesApi, type Published } from './helpers/pages-api.ts';

/*
 * The second host's step of deploy.yml (the site template's, which the example
 * and every site `status init` makes copy), run as the workflow runs it (its own
 * `run` line and env, in a folder holding the build's dist/), with the pinned
 * wrangler against a local stand-in for Cloudflare's Pages API: it publishes
 * every file of dist/, byte for byte, to the project and branch the workflow
 * names, with the token from the secret. A Pages project the API does not
 * know fails the step, and says so.
 */

type Step = { run?: string; env?: Record<string, string>; uses?: string; with?: Record<string, unknown> };
const mirror = (
  parse(readFileSync(join(SITE_TEMPLATE, '.github/workflows/deploy.yml'), 'utf8')) as {
    jobs: Record<string, { steps: Step[] }>;
  }
).jobs['mirror']!;
const step = mirror.steps.find((candidate) => candidate.run?.includes('wrangler'))!;
// A project of its own (wrangler resolves dist/ from the nearest package.json), whose
// node_modules is the repository's, so npx finds the wrangler devDependency instead of downloading one.
const workDir = resolve(TMP, 'mirror-deploy');
const built = outDir('example-mid-outage');
let api: Awaited<ReturnType<typeof startPagesApi>>;

beforeAll(async () => {
  rmSync(workDir, { recursive: true, force: true });
  cpSync(built, join(workDir, 'dist'), { recursive: true });
  writeFileSync(join(workDir, 'package.json'), '{ "private": true }\n');
  symlinkSync(resolve(REPO, 'node_modules'), join(workDir, 'node_modules'));
  api = await startPagesApi('chirp-status');
});
afterAll(async () => {
  await api.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** The step's shell line with the workflow's env, its ${{ }} values replaced by these. */
function runStep(values: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const env = Object.fromEntries(Object.keys(step.env ?? {}).map((name) => [name, values[name] ?? '']));
  const child = spawn('bash', ['-eo', 'pipefail', '-c', step.run!], {
    cwd: workDir,
    env: {
      // The Node the workflow sets up for the job (node_modules' own, 24), first on the PATH.
      PATH: `${resolve(REPO, 'node_modules/node/bin')}:${resolve(REPO, 'node_modules/.bin')}:${process.env['PATH']}`,
      HOME: join(workDir, 'home'),
      CI: 'true',
      WRANGLER_SEND_METRICS: 'false',
      CLOUDFLARE_API_BASE_URL: api.url,
      ...env,
    },
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((done) => child.on('close', (code) => done({ code, output })));
}

/** Every file under a folder, by its path from there (as Pages serves it), with its bytes. */
function filesOf(dir: string): Map<string, Buffer> {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return new Map(
    entries.map((entry) => [
      `/${relative(dir, join(entry.parentPath, entry.name))}`,
      readFileSync(join(entry.parentPath, entry.name)),
    ]),
  );
}

test('the mirror job sets up a Node that the pinned wrangler runs on, before running it', () => {
  const { engines } = JSON.parse(readFileSync(resolve(REPO, 'node_modules/wrangler/package.json'), 'utf8')) as {
    engines: { node: string };
  };
  const setup = mirror.steps.findIndex((candidate) => candidate.uses?.startsWith('actions/setup-node@'));
  expect(setup).toBeGreaterThanOrEqual(0);
  expect(setup).toBeLessThan(mirror.steps.indexOf(step));
  const [, needMajor] = /^>=(\d+)/.exec(engines.node)!.map(Number);
  expect(Number(mirror.steps[setup]!.with?.['node-version'])).toBeGreaterThanOrEqual(needMajor!);
});

test('the workflow pins the wrangler this test runs', () => {
  const { devDependencies } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as {
    devDependencies: Record<string, string>;
  };
  expect(step.run).toContain(`wrangler@${devDependencies['wrangler']} `);
});

test('the step publishes every file of dist/, byte for byte, to the project and branch main, with the secret token', async () => {
  const run = await runStep({
    CLOUDFLARE_API_TOKEN: 'token-from-the-secret',
    CLOUDFLARE_ACCOUNT_ID: 'account-1',
    CLOUDFLARE_PROJECT: 'chirp-status',
  });
  expect(run.output).toContain('Deployment complete');
  expect(run.code).toBe(0);
  expect(api.deployments).toHaveLength(1);
  const published: Published = api.deployments[0]!;
  expect([published.project, published.branch, published.authorization]).toEqual([
    'chirp-status',
    'main',
    'Bearer token-from-the-secret',
  ]);
  const wanted = filesOf(built);
  expect([...published.files.keys()].sort()).toEqual([...wanted.keys()].sort());
  for (const [path, bytes] of published.files) expect(bytes.equals(wanted.get(path)!), path).toBe(true);
}, 120_000);

test('a project the host does not know fails the step, naming it', async () => {
  const run = await runStep({
    CLOUDFLARE_API_TOKEN: 'token-from-the-secret',
    CLOUDFLARE_ACCOUNT_ID: 'account-1',
    CLOUDFLARE_PROJECT: 'no-such-project',
  });
  expect(run.code).not.toBe(0);
  expect(run.output).toContain('no-such-project');
}, 120_000);
