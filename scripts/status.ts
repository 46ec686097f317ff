/**
 * `npm run status -- <command>`: the staff CLI for incident files. Runs with
 * plain Node 24 (type stripping); the logic lives in src/cli/.
 */
import { runStatus } from '../src/cli/entry.ts';

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
process.exitCode = await runStatus(process.argv.slice(2), {
  env: process.env,
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  // Loaded only for a person at a terminal: scripts and CI start faster without it.
  ...(interactive ? { prompt: (await import('../src/cli/prompts.ts')).clackPrompter } : {}),
});
