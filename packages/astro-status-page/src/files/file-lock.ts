import {
  closeSync,
  linkSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { Refusal } from './refusal.ts';

/*
 * One writer at a time for a file of the site: a read-modify-write (an
 * update added to an incident, lines appended to a results file) holds
 * `.<name>.lock` beside the file, created with O_EXCL, so two commands run at
 * once take turns instead of one writing over what the other just added.
 * A lock whose process is gone (killed, crashed) is taken over.
 */

/** How long a command waits for another to finish writing before it gives up. */
const LOCK_WAIT_MS = 15_000;
/** A lock older than this is stale even if its process cannot be asked (another machine sharing the folder). */
const LOCK_STALE_MS = 60_000;

const sleeper = new Int32Array(new SharedArrayBuffer(4));
const sleep = (ms: number) => Atomics.wait(sleeper, 0, 0, ms);

/** The lock file of `target`: `.<name>.lock` beside it (not `.md`, so no build reads it). */
const lockPathOf = (target: string) => join(dirname(target), `.${basename(target)}.lock`);

interface Holder {
  host: string;
  pid: number;
  at: number;
}

function holderOf(text: string): Holder | undefined {
  try {
    const holder = JSON.parse(text) as Holder;
    return typeof holder.pid === 'number' && typeof holder.at === 'number' ? holder : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a lock's holder is gone: its process ended (same machine), or it is older than LOCK_STALE_MS. */
function isStale(text: string, mtimeMs: number, now: number): boolean {
  const holder = holderOf(text);
  // A lock being written this instant has no text yet: stale only by age.
  if (!holder) return now - mtimeMs > LOCK_STALE_MS;
  if (now - holder.at > LOCK_STALE_MS) return true;
  if (holder.host !== hostname()) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Take a stale lock away, unless another process replaced it meanwhile (then it is put back). */
function breakStale(lock: string, seen: string): void {
  const aside = `${lock}.${randomBytes(4).toString('hex')}.stale`;
  try {
    renameSync(lock, aside);
  } catch {
    return; // someone else broke it first
  }
  if (readFileSync(aside, 'utf8') !== seen) {
    // Not the one judged stale: a fresh lock another process just took. Put it back if the place is still free.
    try {
      linkSync(aside, lock);
    } catch {
      // Another process holds the place now; the fresh lock's owner will find its file gone only at release, harmlessly.
    }
  }
  rmSync(aside, { force: true });
}

/**
 * Run `task` holding the lock of `target` (a file's absolute path); waits
 * up to LOCK_WAIT_MS for another holder, then refuses naming the lock file.
 */
export function withFileLock<T>(target: string, task: () => T): T {
  const lock = lockPathOf(target);
  mkdirSync(dirname(lock), { recursive: true });
  const started = Date.now();
  for (;;) {
    let fd: number;
    try {
      fd = openSync(lock, 'wx');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let text: string;
      let mtimeMs: number;
      try {
        text = readFileSync(lock, 'utf8');
        mtimeMs = statSync(lock).mtimeMs;
      } catch {
        continue; // released meanwhile
      }
      if (isStale(text, mtimeMs, Date.now())) {
        breakStale(lock, text);
        continue;
      }
      if (Date.now() - started > LOCK_WAIT_MS)
        throw new Refusal(
          `${target} is being written by another command (${lock} exists); nothing was written. Run this again once it is done; if no other status command runs, delete ${lock}`,
        );
      sleep(20 + Math.random() * 30);
      continue;
    }
    const mine = JSON.stringify({ host: hostname(), pid: process.pid, at: Date.now() });
    try {
      writeSync(fd, mine);
    } finally {
      closeSync(fd);
    }
    try {
      return task();
    } finally {
      try {
        if (readFileSync(lock, 'utf8') === mine) rmSync(lock, { force: true });
      } catch {
        // Gone already: nothing to release.
      }
    }
  }
}
