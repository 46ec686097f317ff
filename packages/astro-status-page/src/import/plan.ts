import { Document } from 'yaml';
import { isoSeconds, styleMessage } from '../files/incident-writer.ts';
import { IMPACTS, type Impact, type UpdateComponentStatus } from '../rules/statuses.ts';
import type { SiteConfigInput } from '../files/schemas/site-config.ts';
import { impliedImpact } from '../rules/levels.ts';
import { catalogOf } from '../i18n/catalog.ts';
import type { Locale } from '../i18n/locales.ts';
import { slugify } from '../rules/slug.ts';
import { timestampSchema } from '../rules/timestamp.ts';
import { byteLength, LIMITS } from '../rules/limits.ts';
import { graphemeStart } from '../rules/text.ts';

/*
 * What every importer produces: the site's configuration and one incident
 * file per incident or maintenance, in docs/files.md's format, plus what could
 * not be mapped and why. Pure data; writing it is write.ts's job.
 */

/** Where an imported event came from: `source: { statuspage: <id> }` in its file. */
export type SourceRef = { statuspage: string } | { cstate: string };

export interface ImportedUpdate {
  at: string;
  status: string;
  message: string;
  reopened?: true;
  impact?: Impact;
  components?: Map<string, UpdateComponentStatus>;
  /** Its words are the import's (the source gave none): written as `added_by_import: true`, and the page says so. */
  addedByImport?: true;
}

/** One incident or maintenance, ready to be written as a file. */
export interface ImportedEvent {
  kind: 'incident' | 'maintenance';
  source: SourceRef;
  title: string;
  /** When it began (names the file): `started`, the first update or the window. */
  startsAt: string;
  /** The frontmatter, keys in docs/files.md's order. */
  frontmatter: Record<string, unknown>;
  /** The Markdown body: the postmortem (or the maintenance's details). */
  body: string;
}

/** Something the importer changed or left out to fit the rules, said to the person importing. */
export interface ImportNote {
  source: string;
  message: string;
}

/** An incident that could not be mapped cleanly: reported, never half-written. */
export interface SkippedEvent {
  source: string;
  title: string;
  reason: string;
}

export interface ImportPlan {
  config: SiteConfigInput;
  events: ImportedEvent[];
  skipped: SkippedEvent[];
  notes: ImportNote[];
}

/** The import as a whole cannot go ahead (bad source, refused write); nothing has been written. */
export class ImportError extends Error {}

/** Thrown by a mapper for an event it cannot map cleanly; the event is skipped with this reason. */
export class UnmappableError extends Error {}

/**
 * Any ISO time with a zone → `2022-12-28T12:31:00Z`, read by the project's own
 * rule (src/rules/timestamp.ts): a time without a zone, or one that names no
 * real moment (30 February, 24:00), is refused, never rolled over.
 */
export function utc(text: string, field: string): string {
  const parsed = timestampSchema.safeParse(text);
  if (!parsed.success)
    throw new UnmappableError(
      `${field}: ${parsed.error.issues[0]?.message ?? `${JSON.stringify(text)} is not a time with a zone`}`,
    );
  return isoSeconds(Date.parse(parsed.data));
}

/** Where a message over the limit is cut: the longest run of whole paragraphs, else sentences, else words, that fits. */
function leadOf(message: string, maxBytes: number): string {
  for (const separator of ['\n\n', '. ', ' ']) {
    let lead = '';
    for (const piece of message.split(separator)) {
      const next = lead ? `${lead}${separator}${piece}` : piece;
      if (byteLength(next) > maxBytes) break;
      lead = next;
    }
    if (lead) return separator === '. ' && !lead.endsWith('.') ? `${lead}.` : lead;
  }
  // One long word (a language written without spaces, a pasted token): whole graphemes, never half an emoji.
  return graphemeStart(message, maxBytes, byteLength);
}

/**
 * Updates longer than the message limit keep their incident: the update
 * shows its first part, and the full text moves into the body under a
 * heading naming the update. Returns the new body and one note per update moved.
 */
export function moveLongMessages(
  updates: ImportedUpdate[],
  body: string,
  locale: Locale,
): { body: string; notes: string[] } {
  const notes: string[] = [];
  const moved: string[] = [];
  const t = catalogOf(locale);
  const continued = ` ${t.import.continued}`;
  for (const update of updates) {
    const bytes = byteLength(update.message);
    if (bytes <= LIMITS.messageBytes) continue;
    moved.push(`### ${statusWord(update.status, locale)}, ${update.at}\n\n${update.message}`);
    update.message = `${leadOf(update.message, LIMITS.messageBytes - byteLength(continued))}${continued}`;
    notes.push(
      `the update at ${update.at} is ${bytes.toLocaleString('en')} bytes, over the ${LIMITS.messageBytes.toLocaleString('en')}-byte limit: it shows its first part, and the full text is in the body (shown once the incident is resolved)`,
    );
  }
  if (moved.length === 0) return { body, notes };
  return { body: [body.trim(), `## ${t.import.longUpdates}`, ...moved].filter(Boolean).join('\n\n'), notes };
}

const statusWord = (status: string, locale: Locale): string =>
  (catalogOf(locale).updateStatus as Record<string, string>)[status] ?? status;

/**
 * An update whose source gave no words (an empty body, or a closing the source
 * states without an update): its status in the site's language, marked as the
 * import's words so the page and the API never pass them off as the source's.
 */
export const madeUpUpdate = (at: string, status: string, locale: Locale): ImportedUpdate => ({
  at,
  status,
  message: `${statusWord(status, locale)}.`,
  addedByImport: true,
});

/**
 * Apply the timeline rules to updates sorted oldest first: an update after a
 * resolution reopens the incident (`reopened: true`); two resolutions in a row
 * cannot be told apart from a mistake, so the incident is not imported.
 */
export function markReopenings(updates: ImportedUpdate[]): void {
  updates.forEach((update, i) => {
    const previous = updates[i - 1];
    if (previous?.status !== 'resolved') return;
    if (update.status === 'resolved')
      throw new UnmappableError(
        `it was resolved twice in a row (${previous.at} and ${update.at}) with no update between`,
      );
    update.reopened = true;
  });
}

/**
 * The declared impact, raised when it says "none" while a component is down
 * (the validator refuses that): to what the worst status implies. Returns the
 * impact and, when raised, a note saying so.
 */
export function fitImpact(
  declared: Impact,
  statuses: Iterable<UpdateComponentStatus>,
): { impact: Impact; note?: string } {
  const list = [...statuses];
  const implied = impliedImpact(list);
  if (declared !== 'none' || implied === 'none') return { impact: declared };
  return {
    impact: implied,
    note: `impact raised from "none" to "${implied}": a component was ${list.find((status) => impliedImpact([status]) === implied)}`,
  };
}

/** Is `impact` one of ours? */
export const isImpact = (impact: unknown): impact is Impact => IMPACTS.includes(impact as Impact);

/** An update as the file writes it: at, status, impact, components, message, reopened. */
export function updateValue(update: ImportedUpdate): Record<string, unknown> {
  return {
    at: update.at,
    status: update.status,
    ...(update.impact ? { impact: update.impact } : {}),
    ...(update.components?.size ? { components: update.components } : {}),
    message: update.message,
    ...(update.reopened ? { reopened: true } : {}),
    ...(update.addedByImport ? { added_by_import: true } : {}),
  };
}

/** The event with its `id:` (its file's slug, once placed): first, after `kind` on a maintenance, as `status new` writes it. */
export function withId(event: ImportedEvent, id: string): ImportedEvent {
  const { kind, ...rest } = event.frontmatter;
  return { ...event, frontmatter: { ...(kind === undefined ? {} : { kind }), id, ...rest } };
}

/** The file's text: frontmatter in docs/files.md's format, then the body. */
export function renderEvent(event: ImportedEvent): string {
  const doc = new Document(event.frontmatter, { schema: 'core' });
  const updates = event.frontmatter['updates'] as unknown[];
  updates.forEach((_, i) => styleMessage(doc.getIn(['updates', i, 'message'], true)));
  if (event.kind === 'maintenance') (doc.get('components', true) as { flow?: boolean }).flow = true;
  const body = event.body.trim();
  return `---\n${doc.toString({ lineWidth: 80, flowCollectionPadding: false })}---\n${body ? `${body}\n` : ''}`;
}

/** `status.config.yaml` as text. */
export function renderConfig(config: SiteConfigInput): string {
  const doc = new Document(config, { schema: 'core' });
  doc.commentBefore =
    " The status page's identity and the components it reports on, imported.\n Components are listed by group, in the order users see them.";
  return doc.toString({ lineWidth: 0 });
}

/** Where components outside any group are listed (our page shows every component in a group). */
export const UNGROUPED = 'Components';

/**
 * Readable, unique component ids from names (`Public API` → `public-api`,
 * a second `API` → `api-2`): staff type them in incident files and commands.
 */
export function componentIdMaker(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const base = slugify(name) || 'component';
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return id;
  };
}
