import { gzipSync } from 'node:zlib';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildSite, ROOT } from './helpers/build.ts';
import { builtPages, componentRows, page, readBuilt, text } from './helpers/pages.ts';
import { PAGE_SCRIPT } from '../src/outputs/page-script.ts';

// Answers worked out by hand for tests/fixtures/basic (see each comment).
describe('basic fixture, mid-outage (2022-12-28 13:00 UTC)', () => {
  const build = 'basic-mid-outage';

  test('the banner says critical outage and when the page was built', () => {
    expect(text(page(build, '/').querySelector('#overall-status'))).toBe('✕ Major system outage');
    expect(page(build, '/').querySelector('main time')?.getAttribute('datetime')).toBe('2022-12-28T13:00Z');
  });

  test('components show their status in words and 90-day uptime', () => {
    // Window: 89 whole days + 13 h = 2149 h. Web: 1 h major → 99.953%; login: 1 h × 0.3 → 99.986%.
    expect(componentRows(build)).toEqual({
      Web: { status: '✕ Major outage', uptime: '99.95% uptime' },
      'iOS app': { status: '✓ Operational', uptime: '100.00% uptime' },
      Login: { status: '◆ Partial outage', uptime: '99.98% uptime' },
      'Direct messages': { status: '✓ Operational', uptime: '100.00% uptime' },
    });
  });

  test('the active incident shows its latest update, not one from the future', () => {
    const card = page(build, '/').querySelector('#active')?.parentNode;
    expect(text(card)).toContain('Login failing everywhere');
    expect(text(card)).toContain('Investigating');
    expect(text(card)).toContain('Login is failing.');
    expect(readBuilt(build, 'incidents/outage/index.html')).not.toContain('rolling back');
  });

  test('upcoming maintenance is announced', () => {
    expect(text(page(build, '/').querySelector('#upcoming')?.parentNode)).toContain('Messaging database upgrade');
  });

  test('the incident page says it is ongoing', () => {
    // Open: coloured by its level now, how long so far said once (no "Ended: not yet", no second duration).
    const incident = page(build, '/incidents/outage/');
    expect(text(incident.querySelector('.status-line'))).toBe('✕ Major system outage · Investigating');
    expect(incident.querySelector('.status-line')?.classList.contains('critical')).toBe(true);
    expect(text(incident.querySelector('.when'))).toBe('Started Today, 12:00 UTC · Ongoing for 1 h');
    expect(text(incident.querySelector('article')).match(/Ongoing/g)).toHaveLength(1);
  });
});

describe('basic fixture, after resolution (2022-12-29 00:00 UTC)', () => {
  const build = 'basic-resolved';

  test('all systems operational, with the downtime kept in uptime', () => {
    expect(text(page(build, '/').querySelector('#overall-status'))).toBe('✓ All systems operational');
    // Window: 89 whole days = 2136 h. Web: 2 h → 99.906%; login: 0.6 h → 99.971%.
    expect(componentRows(build)).toEqual({
      Web: { status: '✓ Operational', uptime: '99.90% uptime' },
      'iOS app': { status: '✓ Operational', uptime: '100.00% uptime' },
      Login: { status: '✓ Operational', uptime: '99.97% uptime' },
      'Direct messages': { status: '✓ Operational', uptime: '100.00% uptime' },
    });
  });

  test('the incident page has the whole timeline, newest first, in the site zone (UTC here)', () => {
    const incident = page(build, '/incidents/outage/');
    const times = incident.querySelectorAll('.timeline time').map((time) => time.getAttribute('datetime'));
    expect(times).toEqual(['2022-12-28T14:00Z', '2022-12-28T13:30Z', '2022-12-28T12:30Z']);
    expect(text(incident.querySelector('.timeline li'))).toBe(
      'Resolved · Yesterday, 14:00 UTC Login works again. Operational: Web and Login',
    );
    expect(text(incident.querySelector('.when'))).toBe('Yesterday, 12:00–14:00 UTC · Lasted 2 h');
    expect(incident.querySelectorAll('.each li').map(text)).toContain('Web: Major outage, for 2 h');
    expect(text(incident.querySelector('.body'))).toBe('A summary of the outage.');
  });

  test('the history bar labels every day; the outage day is a link to its entry, which links the incident', () => {
    const web = page(build, '/components/web/');
    const marks = web.querySelectorAll('.bar > *');
    expect(marks).toHaveLength(90);
    expect(marks.at(-3)?.getAttribute('data-tip')).toBe('27 Dec: Operational. No incidents');
    const outage = web.querySelectorAll('.bar > a');
    expect(outage.map((mark) => [mark.getAttribute('href'), text(mark)])).toEqual([
      ['#day-2022-12-28', '28 Dec: Major outage. Login failing everywhere'],
    ]);
    const entry = web.getElementById('day-2022-12-28');
    expect(text(entry)).toBe('28 Dec ✕ Major outage Login failing everywhere');
    expect(entry?.querySelector('a')?.getAttribute('href')).toBe('/incidents/outage/');
    // On the home page the same day leads to that entry.
    expect(
      page(build, '/')
        .querySelectorAll('.bar > a')
        .map((mark) => mark.getAttribute('href')),
    ).toContain('/components/web/#day-2022-12-28');
    // 30 days = 29 whole days (696 h): 2 h → 99.712%.
    expect(text(page(build, '/components/web/').querySelector('.uptime'))).toBe(
      'Uptime, last 30 days 99.71% Uptime, last 90 days 99.90%',
    );
  });

  test('past incidents cover the last 15 days: busy days by date, each quiet run in one line, then the history', () => {
    const entries = page(build, '/').querySelectorAll('section[aria-labelledby="past"] > *').map(text);
    expect(entries.map((entry) => entry.replace(/\s/g, ' '))).toEqual([
      'Past incidents',
      'No incidents 29 Dec',
      'Yesterday Login failing everywhereResolved · Major system outage · Yesterday, 12:00 UTC · Lasted 2 h',
      'No incidents 21 – 27 Dec',
      '20 Dec iOS app slowResolved · Minor service outage · 20 Dec, 08:00 UTC · Lasted 1 h',
      'No incidents 15 – 19 Dec',
      'Incident history →',
    ]);
    expect(
      page(build, '/').querySelector('section[aria-labelledby="past"] > p:last-child a')?.getAttribute('href'),
    ).toBe('/history/');
  });

  test('history groups incidents by month, newest first', () => {
    expect(page(build, '/history/').querySelectorAll('h2').map(text)).toEqual(['December 2022']);
    expect(page(build, '/history/').querySelectorAll('.events a').map(text)).toEqual([
      'Login failing everywhere',
      'iOS app slow',
    ]);
  });
});

describe('basic fixture, during maintenance (2022-12-30 03:00 UTC)', () => {
  const build = 'basic-maintenance';

  test('the banner says maintenance and the component is under maintenance', () => {
    expect(text(page(build, '/').querySelector('#overall-status'))).toBe('⚙ Service under maintenance');
    expect(componentRows(build)['Direct messages']).toEqual({
      status: '⚙ Under maintenance',
      uptime: '100.00% uptime',
    });
    expect(text(page(build, '/').querySelector('#active')?.parentNode)).toContain('In progress');
  });
});

describe('the example site mid-outage (STATUS_NOW=2022-12-28T13:30:00Z)', () => {
  const build = 'example-mid-outage';

  test('shows the critical outage and its error message', () => {
    const home = page(build, '/');
    expect(text(home.querySelector('#overall-status'))).toBe('✕ Major system outage');
    expect(text(home.querySelector('#active')?.parentNode)).toContain(
      'Login and posting failing on web, iOS and Android',
    );
  });

  test('the home page fits the first round trip: ≤ 14 KB gzipped, CSS inlined', () => {
    const html = readBuilt(build, 'index.html');
    expect(gzipSync(html).length).toBeLessThanOrEqual(14 * 1024);
    expect(html).not.toMatch(/<link[^>]+rel="stylesheet"/);
  });

  test('every page links the RSS feed for autodiscovery', () => {
    for (const path of builtPages(build)) {
      const feed = page(build, path).querySelector('head link[rel="alternate"][type="application/rss+xml"]');
      expect(feed?.getAttribute('href'), path).toBe('/rss.xml');
    }
  });

  test('every page states when it was built and when the next build is due, holds the stale warning hidden with its script, and names the same page on the other host in its footer (the 404 page: its home)', () => {
    const pages = builtPages(build).filter((path) => page(build, path).querySelector('main'));
    expect(pages.length).toBeGreaterThan(10);
    for (const path of pages) {
      const html = page(build, path);
      expect(text(html.querySelector('main > p.freshness')), path).toBe(
        'Page rebuilt 28 Dec, 08:30 EST · next rebuild by 09:30 EST',
      );
      const warning = html.querySelector('main > #stale');
      expect([warning?.hasAttribute('hidden'), warning?.getAttribute('data-after')], path).toEqual([
        true,
        '2022-12-28T15:00:00.000Z',
      ]);
      expect(
        html.querySelectorAll('script').map((script) => script.textContent),
        path,
      ).toEqual([PAGE_SCRIPT]);
      const mirror = html.querySelector('footer .other-hosts a');
      expect([text(mirror), mirror?.getAttribute('href')], path).toEqual([
        'chirp-status.pages.dev',
        new URL(path === '/404.html' ? '' : path.replace(/^\//, ''), 'https://chirp-status.pages.dev/').href,
      ]);
    }
  });

  test('the subscribe page says what to bookmark: this address and the mirror', () => {
    const section = page(build, '/subscribe/').querySelector('section[aria-labelledby="mirrors"]');
    expect(text(section?.querySelector('h2'))).toBe('When this address does not answer');
    expect(section?.querySelectorAll('li a').map((link) => link.getAttribute('href'))).toEqual([
      'https://status.chirp.example/',
      'https://chirp-status.pages.dev/',
    ]);
  });

  test('every time shown is in New York time and carries its UTC instant', () => {
    const times = page(build, '/incidents/2022-12-28-login-and-posting-failing/').querySelectorAll('time');
    expect(times.length).toBeGreaterThan(3);
    for (const time of times) {
      // The instant in UTC, to the minute (the footer's "show them in UTC too" shows it), and no hover title.
      expect(time.getAttribute('datetime')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}Z$/);
      expect(time.getAttribute('title')).toBeUndefined();
      // The page's own freshness is read long after the build: its date is written out, never "Today";
      // so is a promised next update's, unless it falls on the build's day ("Next update by 08:54 EST").
      expect(text(time)).toMatch(
        time.closest('.freshness, #stale, .next-update') ? /^(28 Dec, )?\d{2}:\d{2} EST$/ : /^Today, \d{2}:\d{2} EST$/,
      );
    }
  });

  test('a postmortem is headed "Postmortem", whatever headings it brings; once over, it comes before the timeline', () => {
    const headings = page('example-next-day', '/incidents/2022-12-28-login-and-posting-failing/')
      .querySelectorAll('h2')
      .map(text);
    expect(headings).toEqual(['Postmortem', 'Summary', 'What happened', 'What we are changing', 'Updates']);
    expect(page('basic-resolved', '/incidents/outage/').querySelectorAll('h2').map(text)).toEqual([
      'Postmortem',
      'Updates',
    ]);
  });

  test('there is a 404 page', () => {
    expect(text(page(build, '/404.html').querySelector('h2'))).toBe('Page not found');
    // During an outage, someone who followed a broken link still sees the status first.
    expect(text(page(build, '/404.html').querySelector('h1'))).toBe('✕ Major system outage');
  });
});

describe('a malformed incident fails the build', () => {
  test('with the file, the field, what was wrong and the valid ids, and publishes nothing', () => {
    const { status, output } = buildSite({
      name: 'invalid',
      siteDir: resolve(ROOT, 'tests/fixtures/invalid'),
      now: '2022-12-28T13:00:00Z',
    });
    expect(status).not.toBe(0);
    expect(output).toContain(
      'incidents/typo.md:5: components.webb: unknown component "webb". Did you mean "web"? Allowed: web, ios, login, dm',
    );
    expect(builtPages('invalid')).toEqual([]);
  });
});

describe('identity: the example sets a logo and a homepage', () => {
  const build = 'example-mid-outage';

  test('the header shows the logo and name linking home, and a way back to the platform, on every page', () => {
    for (const path of ['/', '/history/', '/components/web/', '/404.html']) {
      const header = page(build, path).querySelector('header');
      expect(header?.querySelector('a.home')?.getAttribute('href'), path).toBe('/');
      expect(header?.querySelector('a.home img')?.getAttribute('src'), path).toBe('/chirp-logo.svg');
      expect(text(header?.querySelector('a.home')), path).toBe('Chirp status');
      const back = header?.querySelector('a.back');
      expect([text(back), back?.getAttribute('href')], path).toEqual([
        'Back to chirp.example',
        'https://chirp.example',
      ]);
    }
  });

  test('the favicon and the manifest follow the logo', () => {
    expect(page(build, '/').querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/chirp-logo.svg');
    const manifest = JSON.parse(readBuilt(build, 'manifest.webmanifest')) as {
      icons: Array<{ src: string; type: string }>;
    };
    expect(manifest.icons).toEqual([{ src: 'chirp-logo.svg', sizes: 'any', type: 'image/svg+xml' }]);
    expect(readBuilt(build, 'chirp-logo.svg')).toContain('<svg');
  });

  test('a site without them keeps the plain name and our favicon', () => {
    const header = page('basic-mid-outage', '/').querySelector('header');
    expect(header?.querySelector('img')).toBeNull();
    expect(header?.querySelector('a.back')).toBeNull();
    expect(page('basic-mid-outage', '/').querySelector('link[rel="icon"]')?.getAttribute('href')).toBe('/favicon.svg');
  });
});

test('every tab is titled by one pattern: what the page is, then the site ("Web · Chirp status"), the home page by its banner', () => {
  const build = 'example-mid-outage';
  for (const path of builtPages(build)) {
    const root = page(build, path);
    const title = root.querySelector('head title')?.text ?? '';
    expect(title, path).toMatch(/^.+ · Chirp status$/);
    const own = title.slice(0, -' · Chirp status'.length);
    // The home page and the 404 page lead with the banner (their h1); the 404 says what it is under it.
    const shown = text(root.querySelector(path === '/404.html' ? '.not-found' : 'h1'));
    expect(shown, path).toContain(own.replace(/[\u2068\u2069]/g, ''));
  }
});

describe('/subscribe/, linked from every page', () => {
  const build = 'example-mid-outage';

  test("every page's header links it", () => {
    for (const path of builtPages(build))
      expect(page(build, path).querySelector('header a.subscribe')?.getAttribute('href'), path).toBe('/subscribe/');
  });

  test('gives absolute feed, calendar (webcal://), badge and API addresses, how to follow from Slack and Teams, and the email sign-up', () => {
    const subscribe = page(build, '/subscribe/');
    const codes = subscribe.querySelectorAll('code').map(text);
    const links = subscribe.querySelectorAll('main a').map((link) => [text(link), link.getAttribute('href')]);
    // Each main choice a link with a short label, its address under it to copy.
    expect(links).toEqual(
      expect.arrayContaining([
        ['RSS', 'https://status.chirp.example/rss.xml'],
        ['Atom', 'https://status.chirp.example/history.atom'],
        ['Maintenance calendar', 'webcal://status.chirp.example/maintenance.ics'],
        ['summary.json', 'https://status.chirp.example/api/v2/summary.json'],
        ['RSS Web', 'https://status.chirp.example/components/web/rss.xml'],
        ['Atom Web', 'https://status.chirp.example/components/web/atom.xml'],
      ]),
    );
    expect(codes).toEqual(
      expect.arrayContaining([
        'https://status.chirp.example/rss.xml',
        'https://status.chirp.example/history.atom',
        'webcal://status.chirp.example/maintenance.ics',
        '[![Chirp status](https://status.chirp.example/badge.svg)](https://status.chirp.example/)',
        'https://status.chirp.example/api/v2/summary.json',
      ]),
    );
    // One feed link per component (9), named by the component for a screen reader.
    expect(links.filter(([label, url]) => label!.startsWith('RSS ') && url!.endsWith('/rss.xml'))).toHaveLength(9);
    const words = text(subscribe.querySelector('main'));
    expect(words).toMatch(/Slack: in the channel, type \/feed subscribe\s*https:\/\/status\.chirp\.example\/rss\.xml/);
    expect(words).toContain('Microsoft Teams');
    // The example names a subscriptions service: email is a sign-up form (tests/subscriptions-browser.test.ts).
    expect(words).toContain('Get an email when Chirp posts an update.');
    expect(readBuilt(build, 'sitemap-0.xml')).toContain('<loc>https://status.chirp.example/subscribe/</loc>');
  });

  test('under a base path, every address carries it', () => {
    expect(page('example-base', '/subscribe/').querySelectorAll('code').map(text)).toContain(
      'https://status.chirp.example/status/rss.xml',
    );
  });
});
