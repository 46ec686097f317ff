import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { writeAtomic } from '../files/write-atomic.ts';

/*
 * What each channel confirmed, kept on disk, so that a run killed halfway,
 * its rerun, the next deploy and a second run at the same moment together
 * send each message once. A static site has no server to hold this; the
 * ledger is a folder of small files, one set per delivery id (a notification
 * id and a channel name):
 *
 *   <id>.owed   a run chose to send it: written for the whole batch before
 *               the first message goes out, so a run killed midway leaves
 *               the rest owed, and the next run (the next deploy) sends them
 *   <id>.claim  a run is sending it: created with O_EXCL (open "wx"), so of
 *               two runs exactly one holds it; it names the process
 *   <id>.done   the receiver confirmed it: never sent again, unless staff
 *               ask (`--resend`)
 *
 * A claim whose process is gone with no `.done` is a message that may have
 * arrived (the run died between sending and hearing back): it is reported,
 * never sent again on its own. A claim whose process is alive is another
 * run's: this run waits for its outcome, so the channel's messages keep
 * their order. A failure that proves nothing arrived gives the claim back:
 * the message is owed again. The folder is one machine's; runs on other
 * machines are kept apart by the deploy workflow's concurrency group, and
 * the workflow carries the folder from one deploy to the next.
 */

/** One delivery the ledger keeps, as a run records it. */
export interface Owed {
  deliveryId: string;
  notificationId: string;
  channel: string;
}

interface Holder {
  pid: number;
  host: string;
  at: string;
}

/** What `claim` found: this run's to send; confirmed before; another live run's (awaited); or left by a run that died. */
export type Claim =
  | { kind: 'claimed' }
  | { kind: 'done'; at: string }
  | { kind: 'busy'; holder: Holder }
  | { kind: 'stopped'; holder: Holder };

export interface LedgerOptions {
  /** How often a run waiting on another's claim looks again, in ms. */
  pollMs?: number;
  /** Stop waiting at this moment (ms since the epoch); the message then counts as the other run's. */
  deadline?: number;
}

/** A delivery id as a file name: ids are slugs and channel names, but nothing here trusts that. */
const fileOf = (deliveryId: string) => encodeURIComponent(deliveryId).replace(/^\./, '%2E');

const SUFFIXES = ['owed', 'claim', 'done'] as const;
type Suffix = (typeof SUFFIXES)[number];

function alive(holder: Holder): boolean {
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export class Ledger {
  readonly dir: string;
  constructor(dir: string) {
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  private path(deliveryId: string, suffix: Suffix): string {
    return join(this.dir, `${fileOf(deliveryId)}.${suffix}`);
  }

  private read<T>(deliveryId: string, suffix: Suffix): T | undefined {
    try {
      return JSON.parse(readFileSync(this.path(deliveryId, suffix), 'utf8')) as T;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      // A file cut short (a disk full, a copy interrupted) says nothing sure: read as absent, never as a licence to send.
      if (error instanceof SyntaxError) return {} as T;
      throw error;
    }
  }

  /** When the receiver confirmed it, if it did. */
  confirmedAt(deliveryId: string): string | undefined {
    return this.read<{ at?: string }>(deliveryId, 'done')?.at;
  }

  /** Record a batch as owed, before any of it is sent. */
  owe(deliveries: Owed[]): void {
    for (const owed of deliveries) {
      if (this.read(owed.deliveryId, 'done') !== undefined) continue;
      writeAtomic(this.dir, `${fileOf(owed.deliveryId)}.owed`, `${JSON.stringify(owed)}\n`);
    }
  }

  /** Deliveries owed and neither confirmed nor held: what a crashed or failed run left for this one. */
  owed(): Owed[] {
    return readdirSync(this.dir)
      .filter((name) => name.endsWith('.owed'))
      .map((name) => decodeURIComponent(name.slice(0, -'.owed'.length)))
      .filter((id) => this.read(id, 'done') === undefined && this.read(id, 'claim') === undefined)
      .map((id) => this.read<Owed>(id, 'owed'))
      .filter((owed): owed is Owed => typeof owed?.deliveryId === 'string');
  }

  /** Owed no more (its notification left the site). */
  forget(deliveryId: string): void {
    rmSync(this.path(deliveryId, 'owed'), { force: true });
  }

  /**
   * Take a delivery for this run. With `again` (a resend staff asked for), a
   * confirmed or abandoned delivery is taken anew; a live run's is still awaited.
   */
  async claim(deliveryId: string, options: LedgerOptions & { again?: boolean } = {}): Promise<Claim> {
    const holder: Holder = { pid: process.pid, host: hostname(), at: new Date().toISOString() };
    for (;;) {
      if (!options.again) {
        const done = this.read<{ at: string }>(deliveryId, 'done');
        if (done) return { kind: 'done', at: done.at };
      }
      try {
        writeFileSync(this.path(deliveryId, 'claim'), `${JSON.stringify(holder)}\n`, { flag: 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const held = this.read<Holder>(deliveryId, 'claim');
        if (held === undefined) continue; // released meanwhile: try again
        if (!alive(held)) {
          if (!options.again) return { kind: 'stopped', holder: held };
          // Moved aside, not deleted: of two resends at once, one rename succeeds.
          try {
            renameSync(this.path(deliveryId, 'claim'), `${this.path(deliveryId, 'claim')}.${process.pid}.replaced`);
            rmSync(`${this.path(deliveryId, 'claim')}.${process.pid}.replaced`, { force: true });
          } catch {
            // Another run moved it first.
          }
          continue;
        }
        if (options.deadline !== undefined && Date.now() >= options.deadline) return { kind: 'busy', holder: held };
        await new Promise((resolve) => setTimeout(resolve, options.pollMs ?? 100));
        continue;
      }
      if (options.again) rmSync(this.path(deliveryId, 'done'), { force: true });
      // Confirmed by another run between the look and the claim: give it back.
      const done = options.again ? undefined : this.read<{ at: string }>(deliveryId, 'done');
      if (done) {
        this.release(deliveryId);
        return { kind: 'done', at: done.at };
      }
      return { kind: 'claimed' };
    }
  }

  /** The receiver confirmed it: recorded before the claim is let go, so no run ever sees neither. */
  confirm(deliveryId: string, detail: string): void {
    writeAtomic(
      this.dir,
      `${fileOf(deliveryId)}.done`,
      `${JSON.stringify({ at: new Date().toISOString(), detail })}\n`,
    );
    rmSync(this.path(deliveryId, 'owed'), { force: true });
  }

  /** Drop what was confirmed longer ago than `ms`: no diff announces anything that old again. */
  prune(ms: number): void {
    const before = Date.now() - ms;
    for (const name of readdirSync(this.dir).filter((file) => file.endsWith('.done'))) {
      const id = decodeURIComponent(name.slice(0, -'.done'.length));
      const at = Date.parse(this.read<{ at?: string }>(id, 'done')?.at ?? '');
      if (at < before) for (const suffix of SUFFIXES) rmSync(this.path(id, suffix), { force: true });
    }
  }

  /** It surely did not arrive (or was never sent): owed again, for the next run. */
  release(deliveryId: string): void {
    rmSync(this.path(deliveryId, 'claim'), { force: true });
  }
}
