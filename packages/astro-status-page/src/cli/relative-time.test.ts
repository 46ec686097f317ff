import { expect, test } from 'vitest';
import { parseStartTime } from './relative-time.ts';

const NOW = Date.parse('2022-12-31T10:00:00Z');
const at = (input: string, timeZone = 'UTC') => {
  const parsed = parseStartTime(input, NOW, timeZone);
  return 'at' in parsed ? new Date(parsed.at).toISOString() : parsed.error;
};

test.each([
  ['now', '2022-12-31T10:00:00.000Z'],
  ['', '2022-12-31T10:00:00.000Z'],
  ['15 min ago', '2022-12-31T09:45:00.000Z'],
  ['15min ago', '2022-12-31T09:45:00.000Z'],
  ['1 hour ago', '2022-12-31T09:00:00.000Z'],
  ['1 h 20 min ago', '2022-12-31T08:40:00.000Z'],
  ['2 hours 5 minutes ago', '2022-12-31T07:55:00.000Z'],
  ['90 s ago', '2022-12-31T09:58:30.000Z'],
  ['07:13', '2022-12-31T07:13:00.000Z'],
  ['7:13', '2022-12-31T07:13:00.000Z'],
  ['10:00', '2022-12-31T10:00:00.000Z'],
  ['23:50', '2022-12-30T23:50:00.000Z'],
  ['2022-12-31T04:40:00-05:00', '2022-12-31T09:40:00.000Z'],
])('%j starts at %s (UTC site)', (input, expected) => {
  expect(at(input)).toBe(expected);
});

test('a clock time is read in the site time zone, across a day and a daylight saving change', () => {
  // 10:00 UTC is 05:00 in New York (UTC-5 in December): 04:30 is today there, 07:13 was yesterday.
  expect(at('04:30', 'America/New_York')).toBe('2022-12-31T09:30:00.000Z');
  expect(at('07:13', 'America/New_York')).toBe('2022-12-30T12:13:00.000Z');
  // 10:00 UTC is 19:00 in Tokyo (UTC+9).
  expect(at('18:45', 'Asia/Tokyo')).toBe('2022-12-31T09:45:00.000Z');
  // On 26 March 2023 Berlin moved from UTC+1 to UTC+2 at 01:00 UTC.
  const afterChange = Date.parse('2023-03-26T10:00:00Z');
  const parsed = parseStartTime('00:30', afterChange, 'Europe/Berlin');
  expect('at' in parsed && new Date(parsed.at).toISOString()).toBe('2023-03-25T23:30:00.000Z');
  const later = parseStartTime('09:00', afterChange, 'Europe/Berlin');
  expect('at' in later && new Date(later.at).toISOString()).toBe('2023-03-26T07:00:00.000Z');
});

test.each([
  ['yesterday-ish', '"yesterday-ish" is not a time; write now, 15 min ago, 07:13 or 2022-12-28T07:13:00Z'],
  ['25:00', '"25:00" is not a time; write now, 15 min ago, 07:13 or 2022-12-28T07:13:00Z'],
  ['15 parsecs ago', '"15 parsecs ago" is not a time; write now, 15 min ago, 07:13 or 2022-12-28T07:13:00Z'],
  [
    '2022-12-31T09:00',
    '"2022-12-31T09:00" has no time zone; add "Z" for UTC or an offset such as -05:00, e.g. 2022-12-28T12:13:00Z',
  ],
  [
    '2023-01-01T00:00:00Z',
    '2023-01-01T00:00:00.000Z is after 2022-12-31T10:00:00.000Z, the first update; impact starts at or before it',
  ],
])('%j is refused: %s', (input, error) => {
  expect(at(input)).toBe(error);
});
