import { isSlug, SLUG_RULE } from '../rules/slug.ts';
import { slugHolders } from '../files/validate.ts';
import { Refusal } from '../files/refusal.ts';
import { incidentSlug } from '../files/new-incident.ts';
import { wallClock } from '../model/days.ts';
import { writeIfUnchanged } from '../files/write-atomic.ts';
import type { Context, Flags } from './context.ts';
import { str } from './flags.ts';
import { visible } from '../rules/text.ts';
import { pageUrl, type Site } from './site.ts';

/** What the new text was made from, so that a command run meanwhile is never written over. */
export interface WriteGuard {
  /** The file's text the new one was made from; undefined: a new file, which must not exist when written. */
  base: string | undefined;
  /** The new text made again from what another command left in the file meanwhile; refuses when it cannot be. */
  rebase?: (current: string) => string;
}

/**
 * Print the file (dry run) or write it atomically, then say where it is and
 * where it will be published. At a terminal the file and its page are shown
 * first and written only once confirmed (`--yes` skips the question).
 */
export async function publish(
  ctx: Context,
  site: Site,
  path: string,
  slug: string,
  text: string,
  flags: Flags,
  done: string,
  guard: WriteGuard = { base: undefined },
): Promise<void> {
  if (flags['dry-run']) {
    ctx.out(`# dry run, nothing written: ${path}, page ${pageUrl(site, slug, ctx.env)}`);
    ctx.out(text.replace(/\n$/, ''));
    return;
  }
  if (ctx.prompt && !flags['yes']) {
    ctx.prompt.show(path, text.replace(/\n$/, ''), `Page: ${pageUrl(site, slug, ctx.env)}`);
    if (!(await ctx.prompt.confirm(`Write ${path}?`))) throw new Refusal(`not confirmed; nothing was written`);
  }
  writeIfUnchanged(site.dir, path, guard.base, text, guard.rebase);
  ctx.out(`${done}: ${visible(path)}`);
  ctx.out(`Page: ${pageUrl(site, slug, ctx.env)}`);
  // Pasted into a shell as it is: every word quoted, so a folder named `$(…)` is a name, never a command.
  ctx.out(`Publish: git add ${shellQuote(path)} && git commit -m ${shellQuote(`Status: ${slug}`)} && git push`);
}

// Words a POSIX shell reads as themselves: no quoting needed.
const PLAIN_WORD = /^[A-Za-z0-9_./:@%+=,-]+$/;

/**
 * One word for a POSIX shell, pasted: plain words as they are, anything else
 * in single quotes (a quote inside written '\''); a word holding control
 * or format characters in bash's $'…', each as \xNN or \uNNNN, so none reaches the terminal.
 */
export function shellQuote(word: string): string {
  if (PLAIN_WORD.test(word)) return word;
  if (UNPRINTABLE.test(word))
    return `$'${word.replace(/[\\']/g, '\\$&').replace(new RegExp(UNPRINTABLE, 'gu'), escapeForBash)}'`;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

// Controls, and format characters (a bidi override would reorder the line on screen).
const UNPRINTABLE = /[\p{Cc}\p{Cf}\u2028\u2029]/u;

const escapeForBash = (char: string): string => {
  const code = char.codePointAt(0)!;
  return code < 0x80 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** Refuse a slug another file already has, as its name or its id; slugs are page URLs. */
export function assertNewSlug(site: Site, slug: string, path: string): void {
  const taken = slugHolders(site.sources, site.entries).get(slug);
  if (taken)
    throw new Refusal(`${path}: the slug "${slug}" is already used by ${taken}; pass --slug to choose another`);
}

/**
 * The slug of a new file: `--slug`, else the title's. Slugs are ASCII
 * (rules/slug.ts), so a title with no Latin letter or digit ("ログインできません",
 * "Не работает вход", "🔥🔥") names the file after its kind and its start's
 * time of day in the site's zone instead: `2022-12-28-incident-0713`.
 */
export function slugFor(
  flags: Flags,
  title: string,
  kind: 'incident' | 'maintenance',
  start: { millis: number; timeZone: string },
): string {
  const { hour, minute } = wallClock(start.millis, start.timeZone);
  const clock = `${String(hour).padStart(2, '0')}${String(minute).padStart(2, '0')}`;
  const slug = str(flags, 'slug') ?? (incidentSlug(title) || `${kind}-${clock}`);
  if (!isSlug(slug)) {
    throw new Refusal(`--slug "${slug}" must be ${SLUG_RULE}, e.g. --slug login-failing; it becomes the page URL`);
  }
  return slug;
}
