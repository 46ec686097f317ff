import { INCIDENT_STATUSES } from '../rules/statuses.ts';
import { toSafeMarkdown } from './markdown.ts';
import { madeUpUpdate, UnmappableError, utc, type ImportedUpdate } from './plan.ts';
import type { Locale } from '../i18n/locales.ts';

/*
 * A cState issue's body as our updates. cState (a Hugo theme) marks each
 * update with `{{< track "time" >}}`; sites write it two ways:
 *   `*Resolved* - It works again. {{< track "2024-05-01 10:30" >}}` (the text, then its time), or
 *   `***Update*** {{< track "2024-05-01 10:30" >}}` then the text on the next lines (a heading with its time).
 * Text that no track claims is the issue's description, at the issue's date.
 */

const TRACK = /\{\{<\s*track\s+"([^"]*)"\s*>\}\}/g;

/**
 * A status label opening an update, in bold or italic, with the colon inside
 * or outside and an optional dash: `*Resolved* -`, `**Resolved:**`, `**Resolved**:`, `***Update***`.
 */
const LABEL = /^(\*{1,3}|_{1,3})[ \t]*([\p{L} ]{1,40}?)[ \t]*:?[ \t]*\1(?:[ \t]*[-—–:])?[ \t]*/u;
/** A line that is nothing but a label: the heading form's marker. */
const LABEL_LINE = new RegExp(`${LABEL.source}$`, 'u');

/** Labels that name one of our statuses; `update` says only that it is an update, so the status stays. */
const LABEL_STATUS: Record<string, string | null> = {
  ...Object.fromEntries(INCIDENT_STATUSES.map((status) => [status, status])),
  fixed: 'resolved',
  update: null,
  updated: null,
};

/**
 * A time as Hugo reads front matter and shortcode dates: RFC 3339 or
 * `2006-01-02 15:04:05`, an hour of one digit (Go's `15` accepts one),
 * the date alone (midnight), the zone as `Z`, `+01:00`, `+0100` or `UTC`,
 * or none (UTC, Hugo's default). Impossible dates are refused by our own rule.
 */
export function hugoTime(value: unknown, field: string): { at: string; zoneless: boolean } {
  const text = String(value instanceof Date ? value.toISOString() : (value ?? '')).trim();
  const match =
    /^(\d{4}-\d{2}-\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?[ \t]*(Z|UTC|GMT|[+-]\d{2}:?\d{2})?$/i.exec(
      text,
    );
  if (!match)
    throw new UnmappableError(
      `${field}: ${JSON.stringify(text)} is not a date and time Hugo reads, e.g. 2024-05-01T10:30:00Z or 2024-05-01 10:30:00`,
    );
  const [, day, hour = '0', minute = '00', second = '00', fraction = '', zone] = match;
  const offset =
    !zone || /^(Z|UTC|GMT)$/i.test(zone) ? 'Z' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  return { at: utc(`${day}T${hour.padStart(2, '0')}:${minute}:${second}${fraction}${offset}`, field), zoneless: !zone };
}

/** Any other shortcode, `{{< name args >}}` or `{{% name args %}}`, opening or closing. */
const SHORTCODE =
  /\{\{([<%])\s*(\/?)\s*(?!track\b)([\w.-]+)((?:\s+(?:[\w-]+=)?(?:"[^"\n]*"|`[^`]*`|[^\s"`>%}]+))*)\s*[>%]\}\}/g;

/**
 * Shortcodes other than `track` as text a reader can see, since our pages do
 * not run Hugo: `relref`/`ref` to another issue become its old address (the
 * URL Hugo would print, which the import redirects), any other (a site's own, such as
 * `{{< htrack "2020-06-08T12:00:00+08:00" >}}`) keeps its arguments as text
 * and a closing one is dropped; each kind is noted once. `oldUrl` gives an
 * issue's old address from its file name, if the site has one.
 */
export function expandShortcodes(body: string, oldUrl: (issue: string) => string | undefined, notes: string[]): string {
  return body.replace(SHORTCODE, (_, _bracket: string, closing: string, name: string, args: string) => {
    if (closing) return '';
    const values = [...args.matchAll(/(?:[\w-]+=)?("([^"\n]*)"|`([^`]*)`|([^\s"`]+))/g)].map(
      (match) => match[2] ?? match[3] ?? match[4] ?? '',
    );
    if (name === 'relref' || name === 'ref') {
      const target = values[0] ?? '';
      const url = oldUrl(target.replace(/\.md$/, '').split('/').at(-1)!);
      notes.push(
        `Hugo's ${name} shortcode became ${url ? "the issue's old address" : 'its target as text'}, as our pages do not run Hugo`,
      );
      return url ?? target;
    }
    notes.push(`the shortcode ${JSON.stringify(name)} is the site's own, not cState's: its arguments are kept as text`);
    return values.join(' ');
  });
}

interface Entry {
  text: string;
  at: string;
}

/** The body's tracked entries and its description, in either of the two ways. */
function entriesOf(body: string, onZoneless: () => void): { entries: Entry[]; description: string } {
  const parts = body.split(TRACK);
  const texts = parts.filter((_, i) => i % 2 === 0);
  const times = parts
    .filter((_, i) => i % 2 === 1)
    .map((time) => {
      const parsed = hugoTime(time, 'track');
      if (parsed.zoneless) onZoneless();
      return parsed.at;
    });
  const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)!.trim();
  const headingForm = times.length > 0 && texts.slice(0, -1).every((text) => LABEL_LINE.test(lastLine(text)));
  if (!headingForm) return { entries: times.map((at, i) => ({ text: texts[i]!, at })), description: texts.at(-1)! };
  // Each track's text is its label line, then what follows up to the next label line.
  const withoutLabel = (text: string) => text.trimEnd().split('\n').slice(0, -1).join('\n');
  const entries = times.map((at, i) => {
    const after = i + 1 < times.length ? withoutLabel(texts[i + 1]!) : texts[i + 1]!;
    return { text: `${lastLine(texts[i]!)}\n${after.trim()}`, at };
  });
  return { entries, description: withoutLabel(texts[0]!) };
}

/** The status a label names (undefined: the text has no label; null: a label that keeps the status) and the text after a known label. */
function readLabel(text: string): { status: string | null | undefined; rest: string } {
  const label = LABEL.exec(text);
  const word = label?.[2]?.trim().toLowerCase();
  if (!label || word === undefined || !(word in LABEL_STATUS)) return { status: undefined, rest: text };
  return { status: LABEL_STATUS[word]!, rest: text.slice(label[0].length) };
}

/**
 * The updates of an issue, oldest first. The description is the first
 * update, at the issue's date (or the first track's time, when a site dated
 * the issue later than its first update). Each update has the status its label
 * names, else the one before it (the first: investigating). Labels are text on
 * cState, so only the last of a run of "Resolved" labels resolves (the others
 * keep their label in the text), and text after a resolution reopens it as
 * monitoring. Unknown labels (`*Pending* -`) stay in the text.
 */
export function bodyUpdates(
  body: string,
  date: string,
  notes: string[],
  onZoneless: () => void,
  locale: Locale,
): ImportedUpdate[] {
  const { entries, description } = entriesOf(body, onZoneless);
  const earliest = entries.reduce((min, entry) => (entry.at < min ? entry.at : min), date);
  entries.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  if (description.trim() || entries.length === 0) entries.unshift({ text: description, at: earliest });
  const labelled = entries.map((entry) => ({ ...entry, text: entry.text.trim(), ...readLabel(entry.text.trim()) }));
  let previous = 'investigating';
  return labelled.map((entry, i) => {
    const repeated = entry.status === 'resolved' && labelled[i + 1]?.status === 'resolved';
    const named = repeated ? undefined : entry.status;
    const status = named ?? (previous === 'resolved' ? 'monitoring' : previous);
    previous = status;
    const message = toSafeMarkdown(named === undefined ? entry.text : entry.rest, (note) => notes.push(note));
    return message ? { at: entry.at, status, message } : madeUpUpdate(entry.at, status, locale);
  });
}
