import { describe, expect, test } from 'vitest';
import { siteText } from './site-text.ts';
import { isoUtc, staffTime, zoneName } from './dates.ts';
import { isoMinutes } from '../rules/timestamp.ts';

const at = (iso: string) => Date.parse(iso);
/** The example site mid-outage: New York, 13:30 UTC on 28 Dec 2022 (08:30 EST). */
const newYork = siteText({ locale: 'en', timezone: 'America/New_York', now: at('2022-12-28T13:30:00Z') }).dates;
const utc = siteText({ locale: 'en', timezone: 'UTC', now: at('2022-12-28T13:30:00Z') }).dates;

describe('times a person reads, in the site zone', () => {
  test('the seed incident began at 07:13 EST, today', () => {
    expect(newYork.time(at('2022-12-28T12:13:00Z'))).toBe('07:13 EST');
    expect(newYork.dateTime(at('2022-12-28T12:13:00Z'))).toBe('Today, 07:13 EST');
  });

  test('today and yesterday are the site zone’s days, not UTC’s', () => {
    // 03:00 UTC on the 28th is 22:00 EST on the 27th: yesterday in New York, today in UTC.
    expect(newYork.dateTime(at('2022-12-28T03:00:00Z'))).toBe('Yesterday, 22:00 EST');
    expect(utc.dateTime(at('2022-12-28T03:00:00Z'))).toBe('Today, 03:00 UTC');
    expect(newYork.dateTime(at('2022-12-27T04:59:00Z'))).toBe('26 Dec, 23:59 EST');
    expect(newYork.day(at('2022-12-28T05:00:00Z'))).toBe('Today');
  });

  test('the year is written only when it is not the current one', () => {
    expect(newYork.dateTime(at('2022-11-03T14:00:00Z'))).toBe('3 Nov, 10:00 EDT');
    expect(newYork.date(at('2021-12-28T15:00:00Z'))).toBe('28 Dec 2021');
    // 1 Jan 2023 03:00 UTC is still 2022 in New York.
    expect(newYork.date(at('2023-01-01T03:00:00Z'))).toBe('31 Dec');
    expect(utc.date(at('2023-01-01T03:00:00Z'))).toBe('1 Jan 2023');
  });

  test("a run of days is written the language's way, the year only when not the current one", () => {
    const days = (dates: typeof newYork) => dates.days(at('2022-11-16T17:00:00Z'), at('2022-11-29T17:00:00Z'));
    expect(days(newYork).replace(/\s/g, ' ')).toBe('16 – 29 Nov');
    expect(newYork.days(at('2022-11-30T17:00:00Z'), at('2022-12-02T17:00:00Z')).replace(/\s/g, ' ')).toBe(
      '30 Nov – 2 Dec',
    );
    expect(newYork.days(at('2021-12-30T17:00:00Z'), at('2022-01-02T17:00:00Z')).replace(/\s/g, ' ')).toBe(
      '30 Dec 2021 – 2 Jan 2022',
    );
    // Midnight UTC on 17 Nov is still the 16th in New York.
    expect(newYork.days(at('2022-11-17T03:00:00Z'), at('2022-11-17T17:00:00Z')).replace(/\s/g, ' ')).toBe(
      '16 – 17 Nov',
    );
    expect(days(siteText({ locale: 'de', timezone: 'America/New_York', now: at('2022-12-28T13:30:00Z') }).dates)).toBe(
      '16.–29. Nov.',
    );
  });

  test('a window on one day is written once; across days, both ends in full', () => {
    expect(utc.window(at('2022-12-30T02:00:00Z'), at('2022-12-30T04:00:00Z'))).toBe('30 Dec, 02:00–04:00 UTC');
    expect(newYork.window(at('2022-12-30T02:00:00Z'), at('2022-12-30T04:00:00Z'))).toBe('29 Dec, 21:00–23:00 EST');
    expect(newYork.window(at('2022-12-30T03:00:00Z'), at('2022-12-30T06:00:00Z'))).toBe(
      '29 Dec, 22:00 EST to 30 Dec, 01:00 EST',
    );
    // Clocks change inside the window: each end says its own zone name.
    const ny2024 = siteText({ locale: 'en', timezone: 'America/New_York', now: at('2024-06-01T00:00:00Z') }).dates;
    expect(ny2024.window(at('2024-03-10T06:00:00Z'), at('2024-03-10T08:00:00Z'))).toBe('10 Mar, 01:00 EST–04:00 EDT');
  });

  test('the machine forms stay UTC', () => {
    expect(isoUtc(at('2022-12-28T12:13:00Z'))).toBe('2022-12-28T12:13:00.000Z');
    expect(isoMinutes(at('2022-12-28T12:13:00Z'))).toBe('2022-12-28T12:13Z');
    expect(isoMinutes(at('2022-12-28T12:13:05Z'))).toBe('2022-12-28T12:13:05Z');
    expect(Date.parse(isoMinutes(at('2022-12-28T12:13:00Z')))).toBe(at('2022-12-28T12:13:00Z'));
    expect(staffTime(at('2022-12-28T12:13:00Z'))).toBe('28 Dec 2022, 12:13 UTC');
  });
});

describe('zone names', () => {
  test.each([
    ['America/New_York', 'en', '2022-12-28T12:00:00Z', 'EST'],
    ['America/New_York', 'en', '2022-07-01T12:00:00Z', 'EDT'],
    ['Europe/Berlin', 'en', '2022-12-28T12:00:00Z', 'CET'],
    ['Europe/Berlin', 'de', '2022-12-28T12:00:00Z', 'MEZ'],
    ['Asia/Tokyo', 'ja', '2022-12-28T12:00:00Z', 'JST'],
    ['UTC', 'fr', '2022-12-28T12:00:00Z', 'UTC'],
  ])('%s in %s: %s → %s', (zone, locale, iso, name) => {
    expect(zoneName(at(iso), zone, locale)).toBe(name);
  });

  test('a zone without a well-known abbreviation reads as its offset', () => {
    expect(zoneName(at('2022-12-28T12:00:00Z'), 'Asia/Riyadh', 'en')).toBe('GMT+3');
    expect(zoneName(at('2022-12-28T12:00:00Z'), 'Asia/Kolkata', 'en')).toBe('GMT+5:30');
  });
});

describe('durations and dates in each language', () => {
  const text = (locale: 'en' | 'de' | 'fr' | 'ja' | 'ar' | 'pt-BR' | 'ru' | 'zh-CN') =>
    siteText({ locale, timezone: 'Europe/Berlin', now: at('2024-06-01T00:00:00Z') }).dates;
  const HOUR = 3_600_000;

  test.each([
    ['en', 117 * 60_000, '1 h 57 min'],
    ['en', 30_000, 'less than a minute'],
    ['en', (3 * 24 + 4) * HOUR + 600_000, '3 d 4 h'],
    ['de', 117 * 60_000, '1 Std. 57 Min.'],
    ['ja', 117 * 60_000, '1時間57分'],
    ['ar', 117 * 60_000, '1 س 57 د'],
    ['ru', 77 * 60_000, '1 ч 17 мин'],
    ['ru', (3 * 24 + 4) * HOUR + 600_000, '3 дн. 4 ч'],
    ['ru', 30_000, 'меньше минуты'],
    ['zh-CN', 77 * 60_000, '1小时17分钟'],
    ['zh-CN', (3 * 24 + 4) * HOUR + 600_000, '3天4小时'],
    ['zh-CN', 30_000, '不到1分钟'],
  ] as const)('%s: %i ms → %s', (locale, millis, words) => {
    expect(text(locale).duration(millis)).toBe(words);
  });

  test.each([
    ['en', 'December 2022', '28 Dec 2022, 13:13 CET'],
    ['de', 'Dezember 2022', '28. Dez. 2022, 13:13 MEZ'],
    ['fr', 'décembre 2022', '28 déc. 2022, 13:13 CET'],
    ['pt-BR', 'dezembro de 2022', '28 de dez de 2022, 13:13 CET'],
    ['ja', '2022年12月', '2022年12月28日 13:13 CET'],
    ['ar', 'ديسمبر 2022', '28 ديسمبر 2022، 13:13 CET'],
    ['ru', 'декабрь 2022', '28 дек. 2022, 13:13 CET'],
    ['zh-CN', '2022年12月', '2022年12月28日 13:13 CET'],
  ] as const)('%s: months and times use the language’s words', (locale, month, dateTime) => {
    expect(text(locale).month(at('2022-12-28T12:13:00Z'))).toBe(month);
    expect(text(locale).dateTime(at('2022-12-28T12:13:00Z'))).toBe(dateTime);
  });

  test('today reads as a sentence has it, and starts a heading with a capital', () => {
    // Now is 02:00 on 1 June in Berlin.
    expect(text('ru').dateTime(at('2024-05-31T23:00:00Z'))).toBe('сегодня, 01:00 CEST');
    expect(text('ru').dateTime(at('2024-05-31T20:00:00Z'))).toBe('вчера, 22:00 CEST');
    expect(text('ru').day(at('2024-05-31T23:00:00Z'))).toBe('Сегодня');
    expect(text('ru').day(at('2024-05-31T20:00:00Z'))).toBe('Вчера');
    expect(text('en').day(at('2024-05-31T23:00:00Z'))).toBe('Today');
    expect(text('zh-CN').dateTime(at('2024-05-31T23:00:00Z'))).toBe('今天 01:00 CEST');
  });
});
