/** The languages the interface ships in, by BCP 47 tag; each has `src/i18n/<tag>.json`. */
export const LOCALES = ['en', 'de', 'fr', 'es', 'pt-BR', 'ru', 'ja', 'zh-CN', 'ar'] as const;

export type Locale = (typeof LOCALES)[number];

/** Scripts written right to left. */
const RTL: ReadonlySet<Locale> = new Set(['ar']);

export const directionOf = (locale: Locale): 'ltr' | 'rtl' => (RTL.has(locale) ? 'rtl' : 'ltr');

/**
 * The tag Intl formats numbers, percentages and zone names with. Arabic takes
 * Latin digits, as its dates from date-fns do, so a page never mixes digits.
 */
export const intlTag = (locale: Locale): string => (locale === 'ar' ? 'ar-u-nu-latn' : locale);

/**
 * Chinese written in Traditional characters: by script (`zh-Hant`) or by the
 * regions that write it (Taiwan, Hong Kong, Macau). The Simplified catalog is
 * not a stand-in for these readers: they get no match, and the caller's default.
 */
const TRADITIONAL_CHINESE = /^zh-(hant|tw|hk|mo)(-|$)/;

/**
 * The interface language for a BCP 47 tag another tool wrote (Hugo's
 * `languageCode: de-de`, `pt-br`, `zh-cn`): the same tag in any case, else the
 * same language (`de-de` → `de`, `pt-pt` → `pt-BR`, `zh` → `zh-CN`), except
 * Traditional Chinese (`zh-TW`, `zh-Hant`); undefined when none is shipped.
 */
export function localeFor(tag: string): Locale | undefined {
  const wanted = tag.trim().replace(/_/g, '-').toLowerCase();
  const language = wanted.split('-')[0];
  const exact = LOCALES.find((locale) => locale.toLowerCase() === wanted);
  if (exact !== undefined || TRADITIONAL_CHINESE.test(wanted)) return exact;
  return LOCALES.find((locale) => locale.toLowerCase().split('-')[0] === language);
}

/**
 * How the language joins a list: "Web, iOS app and Android app" (English as
 * the pages write it, en-GB like their dates: no serial comma), "الويب وتطبيق
 * iOS". The one list format of the pages, feeds, calendar and the CLI.
 */
export const listFormatOf = (locale: Locale): Intl.ListFormat =>
  new Intl.ListFormat(locale === 'en' ? 'en-GB' : intlTag(locale), { type: 'conjunction' });
