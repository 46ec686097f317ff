import { SiteConfigError } from '../../files/site-files.ts';
import { Refusal } from '../../files/refusal.ts';
import { runProbe } from '../../probe/probe.ts';
import type { Context } from '../context.ts';

/**
 * `probe`: run every check of `probes:` once, record the results under
 * probes/, and open or follow incidents from them. Exit 0 whatever was
 * measured: a failing check is a fact recorded, not an error of the command.
 */
export async function probe(ctx: Context): Promise<number> {
  try {
    const { results, written } = await runProbe({ dir: ctx.dir, now: ctx.now, env: ctx.env, out: ctx.out });
    if (results.length === 0) throw new Refusal('status.config.yaml has no probes: to run; add a list of checks (see docs/probes.md, "The checks")');
    ctx.out(`Wrote: ${written.join(' ')}`);
    return 0;
  } catch (error) {
    if (error instanceof SiteConfigError) throw new Refusal(error.message);
    throw error;
  }
}
