import { describe, expect, test } from 'vitest';
import { DEFAULT_FRESHNESS } from '../files/schemas/freshness-config.ts';
import { freshnessAt, maxAgeMs, ttlMinutes } from './freshness.ts';
import { siteText } from './site-text.ts';
import { LOCALES } from '../i18n/locales.ts';
import { fill } from '../i18n/catalog.ts';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('a build states how current it is', () => {
  test('by default the next build is due an hour after this one, and the page is stale 30 minutes after that', () => {
    expect(freshnessAt(at('2022-12-28T13:30:00Z'), DEFAULT_FRESHNESS)).toEqual({
      updatedAt: at('2022-12-28T13:30:00Z'),
      dueBy: at('2022-12-28T14:30:00Z'),
      staleAfter: at('2022-12-28T15:00:00Z'),
    });
  });

  test.each([
    [{ interval: HOUR, grace: 0 }, 60, HOUR],
    [{ interval: 15 * 60_000, grace: 10 * 60_000 }, 15, 25 * 60_000],
    [{ interval: 90_000 * 60, grace: HOUR }, 90, 2.5 * HOUR],
  ])('%o: a ttl of %d minutes, stale after %d ms', (config, ttl, maxAge) => {
    expect(ttlMinutes(config)).toBe(ttl);
    expect(maxAgeMs(config)).toBe(maxAge);
  });
});

describe('the freshness line in every language', () => {
  test.each(LOCALES)(
    '%s: states when it was built and by when the next build is due, with the full date (a page may be read days later)',
    (locale) => {
      const text = siteText({ locale, timezone: 'America/New_York', now: at('2022-12-28T13:30:00Z') });
      const { updatedAt, dueBy } = freshnessAt(text.now, DEFAULT_FRESHNESS);
      const line = fill(text.t.freshness.line, { updated: text.dates.exact(updatedAt), due: text.dates.time(dueBy) });
      expect(line).toContain(text.dates.exact(updatedAt));
      expect(line).toContain('09:30');
      expect(text.dates.exact(updatedAt)).not.toContain(text.t.dates.today);
      expect(fill(text.t.freshness.stale, { updated: text.dates.exact(updatedAt) })).toContain('08:30');
    },
  );

  test('in English: "Page rebuilt 28 Dec, 08:30 EST · next rebuild by 09:30 EST"', () => {
    const text = siteText({ locale: 'en', timezone: 'America/New_York', now: at('2022-12-28T13:30:00Z') });
    expect(
      fill(text.t.freshness.line, { updated: text.dates.exact(text.now), due: text.dates.time(text.now + HOUR) }),
    ).toBe('Page rebuilt 28 Dec, 08:30 EST · next rebuild by 09:30 EST');
  });
});
