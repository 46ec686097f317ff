import type { Choice } from './choices.ts';

/** Asks for what the command line left out; only given when stdin is a terminal. */
export interface Prompter {
  /** `fallback` is taken when the answer is left empty; `validate` returns why an answer is refused. */
  text(
    message: string,
    options?: {
      placeholder?: string;
      initial?: string;
      fallback?: string;
      validate?: (value: string) => string | undefined;
    },
  ): Promise<string>;
  select(message: string, choices: readonly Choice[], initial?: string): Promise<string>;
  /** Choose among entries shown under headings; `required: false` allows choosing none. */
  groupMultiselect(message: string, groups: ReadonlyMap<string, Choice[]>, required: boolean): Promise<string[]>;
  /** Show a block of text (the file about to be written) under a title, then a line below it. */
  show(title: string, body: string, after: string): void;
  confirm(message: string): Promise<boolean>;
}

/** Everything a command reads from the outside world, so tests can fix it. */
export interface Context {
  /** The site folder (status.config.yaml and incidents/). */
  dir: string;
  /** "Now" in epoch ms: the default time of a new update and the moment `list` describes. */
  now: number;
  env: Record<string, string | undefined>;
  out: (line: string) => void;
  prompt?: Prompter;
}

/** Parsed flags of one command (see args.ts for which each command takes). */
export type Flags = Record<string, string | boolean | string[] | undefined>;
