import { staffTime } from '../../model/dates.ts';
import { count } from '../choices.ts';
import type { Context, Flags } from '../context.ts';
import { loadSite, validEntries, type Site } from '../site.ts';

/** `status list --all`: every incident and maintenance, newest first, with its slug and last status. */
function listAll(ctx: Context, site: Site): void {
  const entries = validEntries(site).sort(
    (a, b) => Date.parse(b.data.updates[0]!.at) - Date.parse(a.data.updates[0]!.at),
  );
  ctx.out(`${count(entries.length, 'file')}, newest first:`);
  for (const { slug, data } of entries) {
    // An incident that ended without an update (`ended:`, from an import) is resolved, whatever its last update says.
    const status = data.kind === 'incident' && data.ended !== undefined ? 'resolved' : data.updates.at(-1)!.status;
    ctx.out(`  ${slug}  ${data.kind === 'maintenance' ? 'maintenance ' : ''}${status}: ${data.title}`);
  }
}

/** `status list`: what is open now, with the slugs the other commands take; `--all`: every slug. */
export async function listOpen(ctx: Context, flags: Flags): Promise<void> {
  const { eventAt, isActive } = await import('../../model/events.ts');
  const site = loadSite(ctx.dir);
  if (flags['all']) return listAll(ctx, site);
  const events = validEntries(site).flatMap((entry) => eventAt(entry, ctx.now) ?? []);
  const incidents = events.filter((event) => event.kind === 'incident' && isActive(event));
  const maintenances = events.filter((event) => event.kind === 'maintenance' && event.phase !== 'over');
  const line = (event: (typeof events)[number]) => {
    const extra = event.kind === 'incident' ? ` (${event.impact})` : '';
    const window =
      event.kind === 'maintenance' ? ` (window ${staffTime(event.windowStart)} to ${staffTime(event.windowEnd)})` : '';
    return `  ${event.slug}  ${event.status}${extra} since ${staffTime(event.updates.at(-1)!.at)}: ${event.title}${window}`;
  };
  ctx.out(incidents.length > 0 ? 'Open incidents:' : 'No open incidents.');
  for (const event of incidents) {
    ctx.out(line(event));
    // Every component the incident took away from operational, with its status now.
    if (event.components.length > 0)
      ctx.out(`    ${event.components.map((component) => `${component.id}: ${component.status}`).join(', ')}`);
  }
  ctx.out(maintenances.length > 0 ? 'Maintenance, upcoming or in progress:' : 'No upcoming maintenance.');
  for (const event of maintenances) ctx.out(line(event));
}
