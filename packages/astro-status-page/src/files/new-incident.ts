import { Document } from 'yaml';
import { slugify } from '../rules/slug.ts';
import { styleMessage, type NewUpdate } from './incident-writer.ts';

/** What `status new` asks for. */
export interface NewIncident {
  /** The slug its page and every public id keep when the file is renamed: the file's own slug when it is written. */
  id: string;
  title: string;
  impact: string;
  /** Component id → its status, in the order given. */
  components: Array<[id: string, status: string]>;
  started?: string;
  /** Where it came from, e.g. `{ probe: 'web' }` for an incident a probe opened. */
  source?: Record<string, string>;
  update: NewUpdate;
}

/** What `status maintenance` asks for. */
export interface NewMaintenance {
  /** As for an incident: the file's slug, kept through a rename. */
  id: string;
  title: string;
  components: string[];
  window: { start: string; end: string };
  update: NewUpdate;
}

/** A slug for a new incident's file name and URL: at most 50 characters, cut at a word. */
export const incidentSlug = (title: string): string => slugify(title, 50);

/**
 * `incidents/<yyyy>/<yyyy-mm-dd>-<slug>.md`, dated by `day`: the date the
 * event starts on in the site's zone (model/days.ts `dayKey`), the date its
 * page shows. (An incident at 08:00 in Tokyo on 8 December is `2026-12-08-…`.)
 */
export function incidentFilePath(day: string, slug: string): { slug: string; path: string } {
  const fullSlug = `${day}-${slug}`;
  return { slug: fullSlug, path: `incidents/${day.slice(0, 4)}/${fullSlug}.md` };
}

function fileText(data: Record<string, unknown>, flowComponents: boolean): string {
  const doc = new Document(data, { schema: 'core' });
  styleMessage(doc.getIn(['updates', 0, 'message'], true));
  if (flowComponents) (doc.get('components', true) as { flow?: boolean }).flow = true;
  // The body after the closing --- is the summary or postmortem, written later.
  return `---\n${doc.toString({ lineWidth: 80, flowCollectionPadding: false })}---\n`;
}

/** The text of a new incident file, in docs/files.md's format and key order. */
export function renderIncident(incident: NewIncident): string {
  return fileText(
    {
      id: incident.id,
      title: incident.title,
      impact: incident.impact,
      // A Map keeps the order given, even for ids that look like numbers.
      components: new Map(incident.components),
      ...(incident.started ? { started: incident.started } : {}),
      ...(incident.source ? { source: incident.source } : {}),
      updates: [incident.update],
    },
    false,
  );
}

/** The text of a new maintenance file: `kind: maintenance`, its window and the `scheduled` update. */
export function renderMaintenance(maintenance: NewMaintenance): string {
  return fileText(
    {
      kind: 'maintenance',
      id: maintenance.id,
      title: maintenance.title,
      components: maintenance.components,
      window: maintenance.window,
      updates: [maintenance.update],
    },
    true,
  );
}
