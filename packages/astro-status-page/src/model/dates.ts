import { TZDate } from '@date-fns/tz';
import type { Locale as DateFnsLocale } from 'date-fns';
import { format } from 'date-fns/format';
import { fill } from '../i18n/catalog.ts';
import { dayKey, startOfZonedDay, wallClock, type WallClock } from './days.ts';

/*
 * Dates as a person reads them, in the site's zone and language: "Today,
 * 08:24 EST", "Yesterday, 23:10 EST", the year only when it is not the
 * current one, a window on one day written once ("30 Dec, 02:00–04:00 UTC"),
 * durations like "1 h 57 min". Machine forms (ISO, UTC) are here too, so a
 * page never mixes them up. One formatter per build (texts.ts caches it).
 */

/** The words and patterns a language gives dates (a catalog's `dates` and `duration`). */
export interface DateWords {
  /** date-fns patterns. */
  date: string;
  dateThisYear: string;
  month: string;
  time: string;
  today: string;
  yesterday: string;
  /** "{date}, {time}" */
  dateTime: string;
  /** "{from} to {to}" */
  range: string;
  day: string;
  hour: string;
  minute: string;
  underMinute: string;
  /** Between units: " " ("1 h 57 min"), "" in Japanese ("1時間57分"). */
  separator: string;
}

export interface ReaderDatesOptions {
  /** BCP 47, for numbers and zone names. */
  locale: string;
  /** date-fns's locale, for month names. */
  dateLocale: DateFnsLocale;
  timeZone: string;
  /** BCP 47 for a run of days ("16–29 Nov"): English reads day-first here too. */
  rangeLocale: string;
  /** The build's now: what "Today" and "the current year" mean. */
  now: number;
  words: DateWords;
}

export interface ReaderDates {
  /** "28 Dec 2022", "28 Dec" this year. */
  date(millis: number): string;
  /** "Today", "Yesterday" or the date, as a heading: its first letter a capital ("Сегодня", where a sentence says "сегодня, 12:30"). */
  day(millis: number): string;
  /** "07:13 EST" */
  time(millis: number): string;
  /** "Today, 07:13 EST", "28 Dec 2022, 07:13 EST" */
  dateTime(millis: number): string;
  /** "28 Dec, 07:13 EST", never "Today": a time read long after the build (the page's own freshness). */
  exact(millis: number): string;
  /** "30 Dec, 02:00–04:00 UTC" on one day; "30 Dec, 23:00 UTC to 31 Dec, 01:00 UTC" across days. */
  window(start: number, end: number): string;
  /** "December 2022" */
  month(millis: number): string;
  /** The days from `start` to `end` in the language's way: "16–29 Nov", "30 Nov – 2 Dec", "16.–29. Nov."; the year when not the current one. */
  days(start: number, end: number): string;
  /** "1 h 57 min", "3 d 4 h", "less than a minute" */
  duration(millis: number): string;
}

// A zone's name changes only with its offset (EST, then EDT), and finding it
// takes up to three Intl formatters: each page's footer and every time shown
// ask for it, so it is found once per zone, language and offset.
const zoneNames = new Map<string, string>();

/** A zone's short name ("EST", "CET"), else its offset in the reader's language ("GMT+9"). */
export function zoneName(millis: number, timeZone: string, locale: string): string {
  if (timeZone === 'UTC' || timeZone === 'Etc/UTC') return 'UTC';
  const key = `${timeZone}\0${locale}\0${wallClock(millis, timeZone).offset}`;
  let name = zoneNames.get(key);
  if (name === undefined) zoneNames.set(key, (name = findZoneName(millis, timeZone, locale)));
  return name;
}

function findZoneName(millis: number, timeZone: string, locale: string): string {
  const nameIn = (tag: string) =>
    new Intl.DateTimeFormat(tag, { timeZone, timeZoneName: 'short' })
      .formatToParts(millis)
      .find((part) => part.type === 'timeZoneName')?.value ?? '';
  const own = nameIn(locale);
  if (/^\p{L}+$/u.test(own)) return own;
  // Abbreviations are English letters in most languages; where the reader's
  // language has none (it gives an offset), an English one ("EST") beats "GMT-5".
  return [nameIn('en-US'), nameIn('en-GB')].find((name) => /^[A-Z]{2,5}$/.test(name)) ?? own;
}

export function createReaderDates({
  locale,
  dateLocale,
  timeZone,
  rangeLocale,
  now,
  words,
}: ReaderDatesOptions): ReaderDates {
  // date-fns formats each distinct day, clock time and zone once; the wall
  // clock of each instant comes from one Intl formatter (days.ts).
  const pattern = (millis: number, shape: string) =>
    format(new TZDate(millis, timeZone), shape, { locale: dateLocale });
  const today = dayKey(now, timeZone);
  const yesterday = dayKey(startOfZonedDay(now, timeZone) - 1, timeZone);
  const thisYear = today.slice(0, 4);
  const numbers = new Intl.NumberFormat(locale);
  const dayRange = (withYear: boolean) =>
    new Intl.DateTimeFormat(rangeLocale, {
      timeZone,
      day: 'numeric',
      month: 'short',
      ...(withYear ? { year: 'numeric' } : {}),
    });
  const byDay = new Map<string, string>();
  const byClock = new Map<string, string>();
  const once = (cache: Map<string, string>, key: string, compute: () => string) => {
    let value = cache.get(key);
    if (value === undefined) cache.set(key, (value = compute()));
    return value;
  };

  // Each reading takes the wall clock once, then looks the words up.
  type Reading = { millis: number; clock: WallClock };
  const read = (millis: number): Reading => ({ millis, clock: wallClock(millis, timeZone) });
  const dateOf = ({ millis, clock }: Reading) =>
    once(byDay, clock.day, () => pattern(millis, clock.day.startsWith(thisYear) ? words.dateThisYear : words.date));
  const dayOf = (reading: Reading) =>
    reading.clock.day === today ? words.today : reading.clock.day === yesterday ? words.yesterday : dateOf(reading);
  const clockOf = ({ millis, clock }: Reading) =>
    once(byClock, `${clock.hour}:${clock.minute}`, () => pattern(millis, words.time));
  const zoneOf = ({ millis }: Reading) => zoneName(millis, timeZone, locale);
  const timeOf = (reading: Reading) => `${clockOf(reading)} ${zoneOf(reading)}`;
  const dateTimeOf = (reading: Reading) => fill(words.dateTime, { date: dayOf(reading), time: timeOf(reading) });

  return {
    date: (millis) => dateOf(read(millis)),
    day: (millis) => {
      // Catalogs write today and yesterday as a sentence has them (Russian "Опубликовано сегодня, 12:30"); a heading starts with a capital.
      const day = dayOf(read(millis));
      return day.charAt(0).toLocaleUpperCase(locale) + day.slice(1);
    },
    time: (millis) => timeOf(read(millis)),
    dateTime: (millis) => dateTimeOf(read(millis)),
    exact: (millis) => {
      const reading = read(millis);
      return fill(words.dateTime, { date: dateOf(reading), time: timeOf(reading) });
    },
    month: (millis) => pattern(millis, words.month),
    days: (start, end) =>
      dayRange(
        !dayKey(start, timeZone).startsWith(thisYear) || !dayKey(end, timeZone).startsWith(thisYear),
      ).formatRange(start, end),
    window(startMillis, endMillis) {
      const [start, end] = [read(startMillis), read(endMillis)];
      if (start.clock.day !== end.clock.day) return fill(words.range, { from: dateTimeOf(start), to: dateTimeOf(end) });
      const from = start.clock.offset === end.clock.offset ? clockOf(start) : timeOf(start);
      return fill(words.dateTime, { date: dayOf(start), time: `${from}–${timeOf(end)}` });
    },
    duration(millis) {
      const minutes = Math.floor(millis / 60_000);
      if (minutes < 1) return words.underMinute;
      const days = Math.floor(minutes / 1440);
      const hours = Math.floor((minutes % 1440) / 60);
      const rest = minutes % 60;
      const parts: Array<[number, string]> = [
        [days, words.day],
        [hours, words.hour],
        [days ? 0 : rest, words.minute],
      ];
      return parts
        .filter(([n]) => n > 0)
        .map(([n, unit]) => fill(unit, { n: numbers.format(n) }))
        .join(words.separator);
    },
  };
}

/** Machine form for `<time datetime>`, feeds and JSON. */
export const isoUtc = (millis: number): string => new Date(millis).toISOString();

/** `28 Dec 2022, 12:13 UTC`: how the staff CLI writes a time (UTC, like the files). */
export const staffTime = (millis: number): string => format(new TZDate(millis, 'UTC'), "d MMM yyyy, HH:mm 'UTC'");
