import { getTimeZones } from '@vvo/tzdb';
import { describe, expect, test } from 'vitest';
import { timeZoneProblem } from './time-zones.ts';

describe('a site time zone', () => {
  test('every current IANA name and every alias tzdb groups under it is accepted, and Intl formats in it', () => {
    const names = getTimeZones({ includeUtc: true }).flatMap((zone) => [zone.name, ...zone.group]);
    expect(names.length).toBeGreaterThan(400);
    expect(names.filter((zone) => timeZoneProblem(zone) !== undefined)).toEqual([]);
  });

  // Current names this runtime's Intl.supportedValuesOf leaves out (it lists Asia/Calcutta, Europe/Kiev, …), as refused before.
  test.each([
    'Asia/Kolkata',
    'Europe/Kyiv',
    'Asia/Ho_Chi_Minh',
    'America/Nuuk',
    'Asia/Yangon',
    'Pacific/Kanton',
    'Asia/Kathmandu',
  ])('%s is accepted', (zone) => {
    expect(timeZoneProblem(zone)).toBeUndefined();
  });

  test.each(['Asia/Calcutta', 'Europe/Kiev', 'US/Eastern', 'UTC', 'Etc/GMT+5'])(
    'the older alias %s, which Intl accepts, is accepted too',
    (zone) => {
      expect(timeZoneProblem(zone)).toBeUndefined();
    },
  );

  test.each([
    ['America/Nuk', 'America/Nuuk'],
    ['Asia/Kolkatta', 'Asia/Kolkata'],
    ['Europe/Kyv', 'Europe/Kyiv'],
    ['America/New_Yrok', 'America/New_York'],
  ])('a typo, %s, gets the current name %s', (typed, suggestion) => {
    expect(timeZoneProblem(typed)).toBe(
      `unknown time zone "${typed}". Did you mean "${suggestion}"? Use an IANA name such as "America/New_York", "Asia/Kolkata" or "UTC".`,
    );
  });

  test('a name Intl would take in any case must be spelt as tzdata spells it', () => {
    expect(timeZoneProblem('america/new_york')).toBe('time zone "america/new_york" is spelt "America/New_York".');
  });

  test('an offset, which Intl also accepts, is refused: it has no daylight saving rules', () => {
    expect(timeZoneProblem('+05:30')).toMatch(/^"\+05:30" is not an IANA time zone name/);
  });

  test('an unknown name with nothing near it is refused without a guess', () => {
    expect(timeZoneProblem('Mars/Olympus_Mons')).toBe(
      'unknown time zone "Mars/Olympus_Mons". Use an IANA name such as "America/New_York", "Asia/Kolkata" or "UTC".',
    );
  });
});
