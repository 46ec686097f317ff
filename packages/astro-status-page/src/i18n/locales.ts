/** The languages the interface ships in, by BCP 47 tag; each has `src/i18n/<tag>.json`. */
export const LOCALES = ['en', 'de', 'fr', 'es', 'pt-BR', 'ja', 'ar'] as const;

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
 * How the language joins a list: "Web, iOS app and Android app" (English as
 * the pages write it, en-GB like their dates: no serial comma), "الويب وتطبيق
 * iOS". The one list format of the pages, feeds, calendar and the CLI.
 */
export const listFormatOf = (locale: Locale): Intl.ListFormat =>
  new Intl.ListFormat(locale === 'en' ? 'en-GB' : intlTag(locale), { type: 'conjunction' });
