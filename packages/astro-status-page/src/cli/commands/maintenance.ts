import { describeUnknown } from '../../rules/nearest.ts';
import { Refusal } from '../../files/refusal.ts';
import { incidentFilePath, renderMaintenance } from '../../files/new-incident.ts';
import { dayKey } from '../../model/days.ts';
import { componentGroups } from '../choices.ts';
import type { Context, Flags } from '../context.ts';
import { list, need, requiredTime, time } from '../flags.ts';
import { assertNewSlug, publish, slugFor } from '../publish.ts';
import { assertValid, currentStatuses, loadSite, siteTimeZone } from '../site.ts';

/** `status maintenance`: schedule a maintenance window. */
export async function newMaintenance(ctx: Context, flags: Flags): Promise<void> {
  const site = loadSite(ctx.dir);
  const title = await need(
    ctx,
    flags,
    'title',
    'What work is planned, in a short headline?',
    'Database upgrade for direct messages',
  );
  let components = list(flags, 'component');
  if (components.length === 0 && ctx.prompt)
    components = await ctx.prompt.groupMultiselect(
      'Components under maintenance?',
      componentGroups(site.config, await currentStatuses(site, ctx.now)),
      true,
    );
  if (components.length === 0)
    throw new Refusal(
      `missing --component: which components are under maintenance, e.g. --component api; components: ${site.componentIds.join(', ')}`,
    );
  for (const id of components) {
    if (id.includes('='))
      throw new Refusal(
        `--component ${id}: a maintenance puts its components under maintenance, so give the id only, e.g. --component ${id.split('=')[0]}`,
      );
    if (!site.componentIds.includes(id))
      throw new Refusal(`--component: ${describeUnknown('component', id, site.componentIds)}`);
  }
  const start = await requiredTime(ctx, flags, 'start', 'When does the window open (with a zone)?');
  const end = await requiredTime(ctx, flags, 'end', 'When does it close (with a zone)?');
  const message = await need(
    ctx,
    flags,
    'message',
    'What should users expect?',
    'Messages may take a few minutes to arrive.',
  );
  const at = time(flags, 'at', ctx.now)!;
  const startsAt = { millis: Date.parse(start), timeZone: siteTimeZone(site.config) };
  const { slug, path } = incidentFilePath(
    dayKey(startsAt.millis, startsAt.timeZone),
    slugFor(flags, title, 'maintenance', startsAt),
  );
  assertNewSlug(site, slug, path);
  const text = renderMaintenance({
    id: slug,
    title,
    components,
    window: { start, end },
    update: { at, status: 'scheduled', message },
  });
  assertValid(site, path, text);
  await publish(ctx, site, path, slug, text, flags, 'Scheduled');
}
