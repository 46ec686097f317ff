/**
 * `npm run status -- <command>`: the staff CLI for incident files. Runs with
 * plain Node 24 (type stripping); the logic lives in src/cli/.
 */
import { siteDir } from '../src/files/site-files.ts';
import { resolveNow } from '../src/rules/now.ts';
import { main } from '../src/cli/main.ts';

const interactive = Boolean(process.stdin.isTTY && process.stdout.isTTY);
let now: number;
try {
  // STATUS_NOW fixes "now" as it does for the build (tests, replays), read by the same timestamp rule.
  now = resolveNow(process.env['STATUS_NOW']);
} catch (error) {
  // A message for a person, as for every other refusal: no stack trace.
  console.error(`error: ${(error as Error).message}`);
  process.exit(1);
}
process.exitCode = await main(
  process.argv.slice(2),
  {
    dir: siteDir(),
    now,
    env: process.env,
    out: (line) => console.log(line),
    // Loaded only for a person at a terminal: scripts and CI start faster without it.
    ...(interactive ? { prompt: (await import('../src/cli/prompts.ts')).clackPrompter } : {}),
  },
  (line) => console.error(line),
);
