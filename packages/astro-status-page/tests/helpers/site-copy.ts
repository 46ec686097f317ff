import { cpSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { REPO, ROOT, TMP } from './build.ts';
import { childEnv } from './child-env.ts';

/** A fresh, writable copy of a fixture site under tests/.tmp. */
export function copySite(fixture: string, name: string): string {
  const dir = mkdtempSync(join(TMP, `${name}-`));
  cpSync(resolve(ROOT, 'tests/fixtures', fixture), dir, { recursive: true });
  return dir;
}

/**
 * Run a script of this project on another site, as staff would; resolves to
 * its exit code and all output. A run that outlives `limitMs` is killed and
 * reported with what it printed (a bare test timeout would say nothing of
 * where it stood); once it has exited, output still held open by a process it
 * started (a bundler's service) is waited for briefly, never forever.
 */
export function runScript(
  args: string[],
  env: Record<string, string>,
  limitMs = 100_000,
): Promise<{ code: number | null; output: string }> {
  // Vitest exports BASE_URL=/ to its process; a build that inherits it ignores STATUS_BASE.
  return new Promise((done) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO,
      env: childEnv({ ASTRO_TELEMETRY_DISABLED: '1', ...env }),
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    const killer = setTimeout(() => {
      output += `\n[test] ${args.join(' ')} was still running after ${limitMs / 1000} s and was killed`;
      child.kill('SIGKILL');
    }, limitMs);
    const finish = (code: number | null) => {
      clearTimeout(killer);
      done({ code, output });
    };
    child.on('close', finish);
    child.on('exit', (code) => setTimeout(() => finish(code), 2_000).unref());
  });
}

/** `npm run build` of a site: `astro build` in the example's project, with the statusPage() integration. */
export const BUILD_SCRIPT = resolve(REPO, 'node_modules/astro/bin/astro.mjs');
