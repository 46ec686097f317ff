#!/usr/bin/env node
/**
 * `npx status <command>` (the package's bin; `npm run status -- <command>` in
 * a site): the staff CLI for incident files. Installed, it runs compiled, from
 * dist/cli/bin.js; the logic lives in src/cli/.
 */
import { runStatus } from './entry.ts';

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
process.exitCode = await runStatus(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  // Loaded only for a person at a terminal: scripts and CI start faster without it.
  ...(interactive ? { prompt: (await import('./prompts.ts')).clackPrompter } : {}),
});
