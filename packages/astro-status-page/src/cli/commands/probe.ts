import { SiteConfigError } from '../../files/site-files.ts';
import { Refusal } from '../../files/refusal.ts';
import { runProbe } from '../../probe/probe.ts';
import type { Context, Flags } from '../context.ts';

/**
 * `probe`: run every check of `probes:` once, record the results under
 * probes/, and open or follow incidents from them. Exit 0 whatever was
 * measured: a failing check is a fact recorded, not an error of the command.
 * A site without `probes:` is not an error either: the scheduled workflow
 * runs before anyone adds checks, and must not fail every 5 minutes for it.
 */
export async function probe(ctx: Context, flags: Flags = {}): Promise<number> {
  if (flags['measure-only'] && flags['follow-only'])
    throw new Refusal('--measure-only and --follow-only are the two halves of a run: give one, or neither for both');
  const step = flags['measure-only'] ? 'measure' : flags['follow-only'] ? 'follow' : 'both';
  try {
    const { written, refused, probes } = await runProbe({
      dir: ctx.dir,
      now: ctx.now,
      env: ctx.env,
      out: ctx.out,
      step,
    });
    if (probes === 0) {
      ctx.out(
        'Nothing to probe: status.config.yaml has no probes:, so no check ran and no file was written; list checks under probes: to start.',
      );
      return 0;
    }
    ctx.out(`Wrote: ${written.join(' ') || '(nothing)'}`);
    // A check that could not be run is the command's error (its header variable), not a fact measured.
    return refused.length > 0 ? 1 : 0;
  } catch (error) {
    if (error instanceof SiteConfigError) throw new Refusal(error.message);
    throw error;
  }
}
