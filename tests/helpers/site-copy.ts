import { cpSync, mkdtempSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, TMP } from './build.ts';

/** A fresh, writable copy of a fixture site under tests/.tmp. */
export function copySite(fixture: string, name: string): string {
  const dir = mkdtempSync(join(TMP, `${name}-`));
  cpSync(resolve(ROOT, 'tests/fixtures', fixture), dir, { recursive: true });
  return dir;
}

/** Run a script of this project on another site, as staff would; resolves to its exit code and all output. */
export function runScript(args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  // Vitest exports BASE_URL=/ to its process; a build that inherits it ignores STATUS_BASE.
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => name !== 'BASE_URL'));
  return new Promise((done) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, env: { ...inherited, ASTRO_TELEMETRY_DISABLED: '1', ...env } });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('close', (code) => done({ code, output }));
  });
}

export const BUILD_SCRIPT = resolve(ROOT, 'scripts/build.ts');
