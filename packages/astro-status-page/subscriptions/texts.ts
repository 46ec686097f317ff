import ar from '../src/i18n/ar.json' with { type: 'json' };
import de from '../src/i18n/de.json' with { type: 'json' };
import en from '../src/i18n/en.json' with { type: 'json' };
import es from '../src/i18n/es.json' with { type: 'json' };
import fr from '../src/i18n/fr.json' with { type: 'json' };
import ja from '../src/i18n/ja.json' with { type: 'json' };
import ptBR from '../src/i18n/pt-BR.json' with { type: 'json' };
import ru from '../src/i18n/ru.json' with { type: 'json' };
import zhCN from '../src/i18n/zh-CN.json' with { type: 'json' };
import type { Catalog } from '../src/i18n/catalog.ts';
import { fill } from '../src/i18n/fill.ts';
import { directionOf, LOCALES, type Locale } from '../src/i18n/locales.ts';
import { CONFIRMATION_HOURS, type Handover } from '../src/rules/subscriptions.ts';
import { isolate } from '../src/rules/text.ts';

/*
 * Every word the service sends or shows, from the site's own catalogs
 * (src/i18n, checked there against the English one): a reader's messages and
 * pages are in the language of the page they signed up on.
 */

const CATALOGS = { en, de, fr, es, 'pt-BR': ptBR, ru, ja, 'zh-CN': zhCN, ar } as unknown as Record<Locale, Catalog>;

/** A form's language, or English for anything that is not one of the catalogs. */
export const localeOf = (value: unknown): Locale =>
  (LOCALES as readonly unknown[]).includes(value) ? (value as Locale) : 'en';

export const textsOf = (locale: Locale): Catalog => CATALOGS[locale];

export interface Email {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Where a message's reader goes to change or leave, and the one-click address (RFC 8058). */
export interface Links {
  manage: string;
  unsubscribe: string;
}

/** The headers that let a mail client offer "Unsubscribe": a POST to the address, no page to visit (RFC 8058). */
const listHeaders = (links: Links) => ({
  'List-Unsubscribe': `<${links.unsubscribe}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/** The headline and body of a notification in a reader's language: the update's own text, or the catalog's sentence. */
function wording(event: Handover, t: Catalog): { headline: string; text: string; html: string } {
  const own = { text: event.text, html: event.html };
  const said = (sentence: string) => ({ text: sentence, html: `<p>${escapeHtml(sentence)}</p>` });
  const statuses = t.updateStatus as Record<string, string>;
  switch (event.kind) {
    case 'postmortem':
      return { headline: t.updateStatus.postmortem, ...said(t.subscriptions.postmortem) };
    case 'reminder':
      return { headline: t.subscriptions.reminderHeadline, ...said(t.subscriptions.reminder) };
    case 'window-opened':
      return { headline: t.updateStatus.in_progress, ...said(t.subscriptions.windowOpened) };
    case 'window-closed':
      return { headline: t.updateStatus.completed, ...said(t.subscriptions.windowClosed) };
    default:
      return { headline: statuses[event.status ?? ''] ?? event.status ?? '', ...own };
  }
}

const footer = (t: Catalog, siteName: string, links: Links) => ({
  text: [
    // The signature separator mail clients know: dash, dash, space.
    '-- ',
    fill(t.subscriptions.why, { name: siteName }),
    `${t.subscriptions.manage}: ${links.manage}`,
    `${t.subscriptions.unsubscribe}: ${links.unsubscribe}`,
  ],
  html: `<hr><p style="color:#57606a;font-size:0.875em">${escapeHtml(fill(t.subscriptions.why, { name: siteName }))}<br><a href="${escapeHtml(links.manage)}">${escapeHtml(t.subscriptions.manage)}</a> · <a href="${escapeHtml(links.unsubscribe)}">${escapeHtml(t.subscriptions.unsubscribe)}</a></p>`,
});

const page = (locale: Locale, body: string) => `<div lang="${locale}" dir="${directionOf(locale)}">${body}</div>`;

/** One notification to one reader. */
export function updateEmail(event: Handover, to: string, locale: Locale, links: Links): Email {
  const t = textsOf(locale);
  const name = event.site.name;
  const { headline, text, html } = wording(event, t);
  const line = fill(t.subscriptions.headline, { status: headline, title: isolate(event.title, directionOf(locale)) });
  const end = footer(t, name, links);
  return {
    to,
    subject: `[${isolate(name, directionOf(locale))}] ${line}`,
    text: [line, '', text, '', `${t.subscriptions.details}: ${event.url}`, '', ...end.text, ''].join('\n'),
    html: page(
      locale,
      [
        `<h1 style="font-size:1.25em">${escapeHtml(line)}</h1>`,
        // The update is the staff's own text, in its own direction, as on the page.
        `<div dir="auto">${html}</div>`,
        `<p><a href="${escapeHtml(event.url)}">${escapeHtml(t.subscriptions.details)}</a></p>`,
        end.html,
      ].join('\n'),
    ),
    headers: listHeaders(links),
  };
}

/** The one message a sign-up sends: a link to confirm, which expires. */
export function confirmationEmail(to: string, locale: Locale, siteName: string, link: string): Email {
  const t = textsOf(locale);
  const values = { name: siteName, hours: CONFIRMATION_HOURS };
  const body = fill(t.subscriptions.confirmBody, values);
  return {
    to,
    subject: fill(t.subscriptions.confirmSubject, values),
    text: [body, '', link, '', t.subscriptions.confirmIgnore, ''].join('\n'),
    html: page(
      locale,
      `<p>${escapeHtml(body)}</p>\n<p><a href="${escapeHtml(link)}">${escapeHtml(link)}</a></p>\n<p>${escapeHtml(t.subscriptions.confirmIgnore)}</p>`,
    ),
    headers: {},
  };
}

/** To an address that is already subscribed and signed up again: nothing changed, here is where to change it. */
export function knownEmail(to: string, locale: Locale, siteName: string, links: Links): Email {
  const t = textsOf(locale);
  const body = fill(t.subscriptions.knownBody, { name: siteName });
  return {
    to,
    subject: fill(t.subscriptions.knownSubject, { name: siteName }),
    text: [body, '', links.manage, ''].join('\n'),
    html: page(
      locale,
      `<p>${escapeHtml(body)}</p>\n<p><a href="${escapeHtml(links.manage)}">${escapeHtml(t.subscriptions.manage)}</a></p>`,
    ),
    headers: listHeaders(links),
  };
}

/** The manage page the service serves (the one page it renders: it needs the reader's own choices). */
export function managePage(
  locale: Locale,
  token: string,
  components: Array<{ id: string; name: string }>,
  chosen: readonly string[],
): string {
  const t = textsOf(locale);
  const boxes = components
    .map(
      (component) =>
        `<li><label><input type="checkbox" name="components" value="${escapeHtml(component.id)}"${chosen.includes(component.id) ? ' checked' : ''}> <bdi>${escapeHtml(component.name)}</bdi></label></li>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="${locale}" dir="${directionOf(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.subscriptions.manageTitle)}</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; color-scheme: light dark; }
ul { list-style: none; padding: 0; margin: 0; }
fieldset { border: 1px solid; border-radius: 0.4rem; }
legend { font-weight: 600; padding-inline: 0.25rem; }
li label { display: inline-flex; gap: 0.5rem; align-items: center; min-block-size: 2.25rem; }
input[type=checkbox] { inline-size: 1.25rem; block-size: 1.25rem; }
button { font: inherit; min-block-size: 2.75rem; padding: 0 1rem; margin-block: 0.5rem; margin-inline-end: 0.5rem; }
</style>
</head>
<body>
<main>
<h1>${escapeHtml(t.subscriptions.manageTitle)}</h1>
<p>${escapeHtml(t.subscriptions.manageText)}</p>
<form method="post">
<input type="hidden" name="t" value="${escapeHtml(token)}">
<fieldset>
<legend>${escapeHtml(t.subscriptions.components)}</legend>
<ul>
${boxes}
</ul>
</fieldset>
<button type="submit" name="action" value="save">${escapeHtml(t.subscriptions.save)}</button>
<button type="submit" name="action" value="leave">${escapeHtml(t.subscriptions.leave)}</button>
</form>
</main>
</body>
</html>
`;
}
