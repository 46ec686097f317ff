import { describe, expect, test } from 'vitest';
import en from '../src/i18n/en.json' with { type: 'json' };
import { catalogOf } from '../src/i18n/catalog.ts';
import type { Locale } from '../src/i18n/locales.ts';
import { localeBuild } from './helpers/build.ts';
import { builtPages, page, readBuilt, text } from './helpers/pages.ts';

const INCIDENT = '/incidents/2022-12-28-login-and-posting-failing/';

describe('the example site reads in New York time (built at 13:30 UTC on 28 Dec 2022)', () => {
  const build = 'example-mid-outage';

  test('the seed incident began at 07:13 EST, with the instant in UTC in datetime', () => {
    const started = text(page(build, INCIDENT).querySelector('.when time'));
    expect(started).toBe('Today, 07:13 EST');
    const time = page(build, INCIDENT).querySelector('.when time');
    expect(time?.getAttribute('datetime')).toBe('2022-12-28T12:13Z');
  });

  test('the home page says when it was updated and when the next update is due, and the maintenance window on its New York evening, written once', () => {
    const home = page(build, '/');
    expect(text(home.querySelector('main > p.freshness'))).toBe(
      'Page rebuilt 28 Dec, 08:30 EST · next rebuild by 09:30 EST',
    );
    // Under "Scheduled maintenance", the card says its window and nothing the heading already said.
    expect(text(home.querySelector('#upcoming'))).toBe('Scheduled maintenance');
    expect(text(home.querySelector('#upcoming ~ article .meta'))).toBe('29 Dec, 21:00–23:00 EST');
  });

  test('past days are New York days, the latest first, and the legend says so', () => {
    const home = page(build, '/');
    const days = home.querySelectorAll('section[aria-labelledby="past"] h3').map(text);
    expect(days.slice(0, 2)).toEqual(['Today', '26 Dec']);
    // The 27th, a quiet New York day between them, is one line of its own.
    expect(home.querySelector('section[aria-labelledby="past"] .quiet')?.text).toBe('No incidents 27 Dec');
    expect(home.querySelector('section[aria-labelledby="past"] h3 time')?.getAttribute('datetime')).toBe(
      '2022-12-28T05:00Z',
    );
    expect(text(home.querySelector('.legend'))).toContain('Each mark is one day (America/New_York)');
  });

  test('machine outputs stay UTC: feeds, the API and the calendar', () => {
    expect(readBuilt(build, 'rss.xml')).toContain('<pubDate>Wed, 28 Dec 2022 13:24:00 GMT</pubDate>');
    expect(readBuilt(build, 'rss.xml')).toContain('<language>en</language>');
    const summary = JSON.parse(readBuilt(build, 'api/v2/summary.json')) as {
      page: { time_zone: string };
      incidents: Array<{ started_at: string }>;
    };
    expect(summary.incidents[0]?.started_at).toBe('2022-12-28T12:13:00.000Z');
    // Statuspage's page object names the zone its pages show times in.
    expect(summary.page.time_zone).toBe('America/New_York');
    expect(readBuilt(build, 'maintenance.ics')).toContain('DTSTART:20221230T020000Z');
  });
});

/** English interface text no page in another language may show: catalog values, split at their placeholders. */
function englishFragments(locale: Locale): string[] {
  const own = new Set(strings(catalogOf(locale)));
  return strings(en)
    .filter((value) => !own.has(value) && !/^[dMyHm.' ,]+$/.test(value)) // date-fns patterns are not text
    .flatMap((value) => value.split(/\{\w+\}/))
    .map((fragment) => fragment.replace(/^[\s,.:;·]+|[\s,.:;·]+$/g, ''))
    .filter((fragment) => fragment.length >= 4);
}
function strings(catalog: unknown): string[] {
  return typeof catalog === 'string' ? [catalog] : Object.values(catalog as Record<string, unknown>).flatMap(strings);
}

// Interface words the basic fixture's own (English) incidents happen to use: "Planned upgrade."
const BASIC_OWN_TEXT = ['Planned'];
// The ja and ar fixtures name the site in their script, whose name has no slug: the page id comes from the host.
const HOST_ID = 'status-fixture-example';

describe.each([
  {
    build: 'ja',
    locale: 'ja',
    dir: 'ltr',
    month: '2022年12月',
    started: '今日 21:00 JST',
    rss: '[調査中]',
    id: HOST_ID,
  },
  {
    build: 'ar',
    locale: 'ar',
    dir: 'rtl',
    month: 'ديسمبر 2022',
    started: 'اليوم، 15:00 غرينتش+3',
    rss: '[قيد التحقيق]',
    id: HOST_ID,
  },
  // The basic fixture ("Fixture") in Russian and Chinese, built for the stale-page checks anyway (helpers/build.ts).
  {
    build: localeBuild('ru'),
    locale: 'ru',
    dir: 'ltr',
    month: 'декабрь 2022',
    started: 'сегодня, 12:00 UTC',
    rss: '[Выясняем причину]',
    id: 'fixture',
    ownText: BASIC_OWN_TEXT,
  },
  {
    build: localeBuild('zh-CN'),
    locale: 'zh-CN',
    dir: 'ltr',
    month: '2022年12月',
    started: '今天 12:00 UTC',
    rss: '[正在调查]',
    id: 'fixture',
    ownText: BASIC_OWN_TEXT,
  },
] as const)('a site in $locale', ({ build, locale, dir, month, started, rss, id, ...row }) => {
  const ownText: readonly string[] = 'ownText' in row ? row.ownText : [];
  test('every page says its language and direction', () => {
    for (const path of builtPages(build)) {
      const html = page(build, path).querySelector('html');
      expect([html?.getAttribute('lang'), html?.getAttribute('dir')], path).toEqual([locale, dir]);
    }
  });

  test('months, times and zones are the language’s', () => {
    expect(page(build, '/history/').querySelectorAll('main h2').map(text)).toContain(month);
    expect(text(page(build, '/incidents/outage/').querySelector('.when time'))).toBe(started);
  });

  test('no English interface string is left on any page, in text, titles or labels', () => {
    const fragments = englishFragments(locale).filter((fragment) => !ownText.includes(fragment));
    expect(fragments).toContain('Past incidents');
    for (const path of builtPages(build)) {
      const root = page(build, path);
      const labels = root
        .querySelectorAll('[title], [aria-label], [alt], [data-tip]')
        .map((element) =>
          ['title', 'aria-label', 'alt', 'data-tip'].map((name) => element.getAttribute(name) ?? '').join(' '),
        );
      // Addresses to copy (the subscribe page's <code>) are the site's URLs, not interface text.
      // Inline scripts (the stale-page warning's) are code, never shown.
      const body = root
        .querySelectorAll('code, script')
        .reduce((rest, code) => rest.replace(text(code), ''), text(root.querySelector('body')));
      const shown = [
        root.querySelector('head title')?.text ?? '',
        body,
        ...root.querySelectorAll('svg title').map(text),
        ...labels,
      ].join('\n');
      for (const fragment of fragments) expect(shown.includes(fragment), `${path}: "${fragment}"`).toBe(false);
    }
  });

  test('the manifest and feeds speak the language; the API keeps Statuspage’s English', () => {
    expect(JSON.parse(readBuilt(build, 'manifest.webmanifest'))).toMatchObject({ lang: locale, dir });
    expect(readBuilt(build, 'rss.xml')).toContain(`<language>${locale}</language>`);
    expect(readBuilt(build, 'history.atom')).toMatch(
      new RegExp(`<feed xml:lang="${locale}"[^>]* xmlns="http://www.w3.org/2005/Atom"`),
    );
    expect(readBuilt(build, 'rss.xml')).toContain(rss);
    const status = JSON.parse(readBuilt(build, 'api/v2/status.json')) as {
      page: { id: string; name: string };
      status: { description: string };
    };
    expect(status.status.description).toBe('Major System Outage');
    expect(status.page.id).toBe(id);
  });
});

// The Arabic fixture's site name is Arabic; its "Core services" group and "Direct messages" component were named in English.
describe('user text in plain-text outputs of the Arabic site keeps its own direction (U+2068 … U+2069)', () => {
  const SITE = 'حالة \u2068تشيرب\u2069';

  test('the tab titles isolate the incident’s title, the component’s name and the site’s name', () => {
    expect(page('ar', '/incidents/outage/').querySelector('head title')?.text).toBe(
      `\u2068تعذّر تسجيل الدخول في كل مكان\u2069 · ${SITE}`,
    );
    // An English name among Arabic words: without the isolate its last letters would sit beside the wrong words.
    expect(page('ar', '/components/dm/').querySelector('head title')?.text).toBe(
      `\u2068Direct messages\u2069 · ${SITE}`,
    );
    expect(page('ar', '/').querySelector('head title')?.text).toMatch(new RegExp(` · ${SITE}$`));
  });

  test('RSS and Atom titles, the component feed’s and the manifest’s names too', () => {
    const rss = readBuilt('ar', 'rss.xml');
    expect(rss).toContain(`<title>${SITE}</title>`);
    expect(rss).toContain('] \u2068تعذّر تسجيل الدخول في كل مكان\u2069</title>');
    expect(readBuilt('ar', 'history.atom')).toContain('] \u2068تعذّر تسجيل الدخول في كل مكان\u2069</title>');
    expect(readBuilt('ar', 'components/dm/rss.xml')).toMatch(/<title>[^<]*\u2068Direct messages\u2069[^<]*<\/title>/);
    expect(JSON.parse(readBuilt('ar', 'manifest.webmanifest'))).toMatchObject({ name: SITE });
  });

  test('an English site isolates nothing that cannot turn its words around', () => {
    expect(page('example-mid-outage', '/components/web/').querySelector('head title')?.text).toBe('Web · Chirp status');
    expect(readBuilt('example-mid-outage', 'rss.xml')).not.toMatch(/[\u2066-\u2069]/);
  });
});
