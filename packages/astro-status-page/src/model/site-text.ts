// One path per locale: the date-fns/locale barrel holds every language date-fns has.
import { ar } from 'date-fns/locale/ar';
import { de } from 'date-fns/locale/de';
import { enGB } from 'date-fns/locale/en-GB';
import { es } from 'date-fns/locale/es';
import { fr } from 'date-fns/locale/fr';
import { ja } from 'date-fns/locale/ja';
import { ptBR } from 'date-fns/locale/pt-BR';
import { ru } from 'date-fns/locale/ru';
import { zhCN } from 'date-fns/locale/zh-CN';
import type { Locale as DateFnsLocale } from 'date-fns';
import { createReaderDates, type ReaderDates } from './dates.ts';
import { formatUptime, uptimeNumberFormat } from './uptime.ts';
import { catalogOf, fill, type Catalog, type Plural } from '../i18n/catalog.ts';
import { directionOf, intlTag, listFormatOf, type Locale } from '../i18n/locales.ts';
import { isolate } from '../rules/text.ts';

/** Month names and the like; English reads day-first ("28 Dec 2022"), as the page always has. */
const DATE_LOCALES: Record<Locale, DateFnsLocale> = {
  en: enGB,
  de,
  fr,
  es,
  'pt-BR': ptBR,
  ru,
  ja,
  'zh-CN': zhCN,
  ar,
};

/** Everything a page needs to speak the site's language in the site's zone. */
export interface SiteText {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** The moment the text is for (the build's now): what "Today" and "ongoing for" count from. */
  now: number;
  t: Catalog;
  dates: ReaderDates;
  /** The form of `message` for `count`, filled with `count` and `values`. */
  count(message: Plural, count: number, values?: Record<string, string | number>): string;
  /** "99.95%" in the language's digits and signs. */
  uptime(percent: number): string;
  /** "1,234" in the language's digits and separators. */
  number(value: number): string;
  /** "161 ms", "161 ملي ث": a response time in the language's unit and order. */
  ms(value: number): string;
  /** "Web, iOS app and Android app"; "الويب وتطبيق iOS": a list joined as the language joins one. */
  list(items: readonly string[]): string;
  /**
   * The same list as its items and the words between them, for a page that
   * links each item; `glue` is a word written onto the item (Arabic "و"),
   * which the page keeps on the item's line.
   */
  listParts<T>(items: readonly T[]): Array<{ item: T; glue: string } | { literal: string }>;
  /** User text (the site's name, a title) for a plain-text line in this language: a <title>, a feed, the manifest (rules/text.ts's isolate, in this direction). */
  isolate(text: string): string;
}

export interface TextOptions {
  locale: Locale;
  timezone: string;
  now: number;
}

const cache = new Map<string, SiteText>();

/** The site's text for a locale, zone and now: built once per build, shared by every page. */
export function siteText({ locale, timezone, now }: TextOptions): SiteText {
  const key = `${locale} ${timezone} ${now}`;
  let text = cache.get(key);
  if (!text) cache.set(key, (text = createSiteText({ locale, timezone, now })));
  return text;
}

function createSiteText({ locale, timezone, now }: TextOptions): SiteText {
  const t = catalogOf(locale);
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(intlTag(locale));
  const percent = uptimeNumberFormat(intlTag(locale));
  const millis = new Intl.NumberFormat(intlTag(locale), { style: 'unit', unit: 'millisecond' });
  const lists = listFormatOf(locale);
  const dates = createReaderDates({
    locale: intlTag(locale),
    rangeLocale: locale === 'en' ? 'en-GB' : intlTag(locale),
    dateLocale: DATE_LOCALES[locale],
    timeZone: timezone,
    now,
    words: { ...t.dates, ...t.duration },
  });
  return {
    locale,
    dir: directionOf(locale),
    now,
    t,
    dates,
    count: (message, count, values = {}) =>
      fill(message[plurals.select(count)] ?? message.other, { ...values, count: numbers.format(count) }),
    uptime: (value) => formatUptime(value, percent),
    number: (value) => numbers.format(value),
    ms: (value) => millis.format(value),
    list: (items) => lists.format(items),
    listParts<T>(items: readonly T[]) {
      // ListFormat places strings; place indexes, then hand back the items they stand for.
      const parts = lists.formatToParts(items.map((_, i) => String(i)));
      const out: Array<{ item: T; glue: string } | { literal: string }> = [];
      let glue = '';
      for (const part of parts) {
        if (part.type === 'element') {
          out.push({ item: items[Number(part.value)]!, glue });
          glue = '';
          continue;
        }
        // " و" → " " between the items, "و" written onto the next one; ", " and " and " stay between.
        const joined = /^(.*\s)(\S+)$/su.exec(part.value);
        out.push({ literal: joined ? joined[1]! : part.value });
        glue = joined ? joined[2]! : '';
      }
      return out;
    },
    isolate: (text) => isolate(text, directionOf(locale)),
  };
}
