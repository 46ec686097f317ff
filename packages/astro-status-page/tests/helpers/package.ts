import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO, ROOT } from './build.ts';
import { childEnv } from './child-env.ts';

/**
 * The engine as adopters get it: packed, extracted, its bin making a site.
 * Shared by tests/package.test.ts and bench/publish-path.ts.
 */

/** Our environment for npm and a site's scripts: this Node (24) first on the PATH, without Vitest's or npm's own variables. */
export const adopterEnv = (extra: Record<string, string> = {}): Record<string, string> =>
  childEnv(
    { PATH: `${dirname(process.execPath)}:${process.env['PATH']}`, ASTRO_TELEMETRY_DISABLED: '1', ...extra },
    { adopter: true },
  );

/** Run a command; throws with its output when it fails. */
export function runIn(
  cwd: string,
  command: string,
  args: string[],
  extra: Record<string, string> = {},
): SpawnSyncReturns<string> {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', env: adopterEnv(extra) });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(' ')} in ${cwd} exited ${result.status}:\n${result.stdout}\n${result.stderr}`,
    );
  return result;
}

export interface Packed {
  /** The tarball's path. */
  filename: string;
  size: number;
  unpackedSize: number;
  files: Array<{ path: string }>;
}

/** `npm pack` of a copy of the engine at `version` into `work` (its prepare compiles dist/ with the repository's TypeScript). */
export function packEngine(work: string, version: string): Packed {
  const copy = join(work, `engine-${version}`);
  cpSync(ROOT, copy, { recursive: true, filter: (path) => !/[\\/](node_modules|tests|bench|dist)$/.test(path) });
  const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(copy, 'package.json'), `${JSON.stringify({ ...manifest, version }, null, 2)}\n`);
  symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
  const [packed] = JSON.parse(runIn(copy, 'npm', ['pack', '--json', '--pack-destination', work]).stdout) as Packed[];
  return { ...packed!, filename: join(work, packed!.filename) };
}

/**
 * A fresh site in `site` by the newcomer's one command, `npx astro-status-page init`
 * (npm exec, with the tarball as the package and flags only), then the tarball
 * installed in it as the deploy installs: no devDependencies.
 */
export function initSite(site: string, packed: Packed, flags: string[]): void {
  runIn(dirname(site), 'npm', [
    'exec',
    '--yes',
    '--prefer-offline',
    `--package=${packed.filename}`,
    '--',
    'status',
    'init',
    site,
    ...flags,
    '--yes',
  ]);
  installEngine(site, packed);
}

/** The tarball as the site's astro-status-page, offline from npm's cache: the stand-in for the registry's version. */
export function installEngine(site: string, packed: Packed): void {
  runIn(site, 'npm', [
    'install',
    '--prefer-offline',
    '--omit=dev',
    '--no-audit',
    '--no-fund',
    `astro-status-page@file:${packed.filename}`,
  ]);
}
