import { siteDir } from '../files/site-dir.ts';
import { resolveNow } from '../rules/now.ts';
import { printable } from '../rules/text.ts';
import type { Prompter } from './context.ts';
import { main } from './main.ts';

/**
 * What `npm run status -- …` does with its environment: the site folder from
 * STATUS_SITE_DIR (or the working directory), "now" from STATUS_NOW, then the
 * command. cli/bin.ts runs it for staff; tests run it in-process with
 * their own environment and collected output, the same path either way.
 */
export async function runStatus(
  argv: string[],
  io: {
    env: Record<string, string | undefined>;
    out: (line: string) => void;
    err: (line: string) => void;
    prompt?: Prompter;
  },
): Promise<number> {
  // Every line leaves through here: whatever text from elsewhere a line carries, no control or
  // direction mark reaches the terminal raw (each command also shows such text with `visible`).
  const { out, err } = io;
  io = { ...io, out: (line) => out(printable(line)), err: (line) => err(printable(line)) };
  let now: number;
  try {
    // STATUS_NOW fixes "now" as it does for the build (tests, replays), read by the same timestamp rule.
    now = resolveNow(io.env['STATUS_NOW']);
  } catch (error) {
    // A message for a person, as for every other refusal: no stack trace.
    io.err(`error: ${(error as Error).message}`);
    return 1;
  }
  return main(
    argv,
    { dir: siteDir(io.env), now, env: io.env, out: io.out, ...(io.prompt ? { prompt: io.prompt } : {}) },
    io.err,
  );
}
