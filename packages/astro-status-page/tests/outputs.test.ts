import { SyntaxValidator } from 'fast-xml-validator';
import { parseAtomFeed, parseRssFeed } from 'feedsmith';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { page, readBuilt, text } from './helpers/pages.ts';
import { PAGE_SCRIPT } from '../src/outputs/page-script.ts';
import { isolate } from '../src/rules/text.ts';

const HOSTILE_TITLE = `<script>alert("x")</script> ]]> & "quotes" 'apos' 🔥 مرحبا بالعالم`;

/** The VEVENTs of an iCalendar file, parsed by ical.js. */
function calendarEvents(ics: string) {
  return new ICAL.Component(ICAL.parse(ics)).getAllSubcomponents('vevent').map((vevent) => new ICAL.Event(vevent));
}

describe('Atom feeds', () => {
  test('/history.atom has the same entries as the RSS feed, newest first, with absolute links', () => {
    const atom = parseAtomFeed(readBuilt('basic-resolved', 'history.atom'));
    const rss = parseRssFeed(readBuilt('basic-resolved', 'rss.xml'));
    expect(atom.entries?.map((entry) => entry.title?.value)).toEqual(rss.items?.map((item) => item.title));
    expect(atom.entries?.[0]).toMatchObject({
      id: 'https://status.fixture.example/incidents/outage/#update-20221228T140000Z',
      updated: '2022-12-28T14:00:00.000Z',
    });
    expect(atom.links?.find((link) => link.rel === 'self')?.href).toBe('https://status.fixture.example/history.atom');
    expect(atom.updated).toBe('2022-12-29T00:00:00.000Z');
  });

  test('/history.rss is the RSS feed at the URL Statuspage users know', () => {
    expect(readBuilt('basic-resolved', 'history.rss')).toBe(readBuilt('basic-resolved', 'rss.xml'));
  });

  test('a component has its own Atom feed beside its RSS feed', () => {
    const atom = parseAtomFeed(readBuilt('basic-resolved', 'components/ios/atom.xml'));
    expect(atom.entries?.map((entry) => entry.title?.value)).toEqual([
      '[Resolved] iOS app slow',
      '[Investigating] iOS app slow',
    ]);
  });

  test('every page advertises the Atom feed too', () => {
    expect(page('basic-resolved', '/').querySelector('link[type="application/atom+xml"]')?.getAttribute('href')).toBe(
      '/history.atom',
    );
    expect(
      page('basic-resolved', '/components/ios/')
        .querySelectorAll('link[rel="alternate"]')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/rss.xml', '/history.atom', '/components/ios/rss.xml', '/components/ios/atom.xml']);
  });
});

describe('maintenance calendar', () => {
  test('one VEVENT per maintenance with a stable UID, UTC times, summary, components, URL and status', () => {
    const [event, ...rest] = calendarEvents(readBuilt('basic-resolved', 'maintenance.ics'));
    expect(rest).toEqual([]);
    expect(event?.uid).toBe('upgrade@status.fixture.example');
    expect(event?.summary).toBe('Messaging database upgrade');
    expect(event?.startDate.toString()).toBe('2022-12-30T02:00:00Z');
    expect(event?.endDate.toString()).toBe('2022-12-30T04:00:00Z');
    expect(event?.description).toBe('Affected: Direct messages\n\nPlanned upgrade.');
    expect(event?.component.getFirstPropertyValue('url')).toBe('https://status.fixture.example/incidents/upgrade/');
    expect(event?.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  test('a cancelled maintenance is CANCELLED', () => {
    const calledOff = calendarEvents(readBuilt('hostile', 'maintenance.ics')).find(
      (event) => event.summary === 'Called-off maintenance',
    );
    expect(calledOff?.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });

  test('the home page links the calendar', () => {
    expect(
      page('basic-mid-outage', '/')
        .querySelectorAll('a')
        .map((a) => a.getAttribute('href')),
    ).toContain('/maintenance.ics');
  });
});

describe('badges', () => {
  test.each([
    ['basic-resolved', 'badge.svg', 'status: all systems operational'],
    ['basic-mid-outage', 'badge.svg', 'status: major system outage'],
    ['basic-mid-outage', 'components/web/badge.svg', 'Web: major outage'],
    ['basic-maintenance', 'components/dm/badge.svg', 'Direct messages: under maintenance'],
    ['hostile', 'components/web/badge.svg', 'Web & "Apps" <beta>: major outage'],
  ])('%s %s says "%s" in words, is valid SVG and under 1 KB', (build, path, words) => {
    const svg = readBuilt(build, path);
    expect(SyntaxValidator.validate(svg)).toBe(true);
    expect(Buffer.byteLength(svg)).toBeLessThan(1024);
    const root = page(build, `/${path}`).querySelector('svg');
    expect(root?.getAttribute('role')).toBe('img');
    expect(text(root?.querySelector('title'))).toBe(words);
  });
});

describe('hostile content is escaped everywhere and every output still parses', () => {
  const build = 'hostile';

  test('HTML shows it as text and runs nothing', () => {
    const incident = page(build, '/incidents/hostile/');
    // The page's own script is its only one.
    expect(incident.querySelectorAll('script').map((script) => script.textContent)).toEqual([PAGE_SCRIPT]);
    expect(incident.querySelector('h1')?.textContent).toBe(HOSTILE_TITLE);
    expect(incident.querySelector('h1')?.getAttribute('dir')).toBe('auto');
    // Shown as text, with typographic quotes like any prose.
    expect(text(incident.querySelector('.body'))).toBe(
      'Body with <script>alert(“body”)</script>, a ]]> and an & ampersand. نص عربي 🔥',
    );
    // `&amp;` is Markdown for "&"; the tags stay text.
    expect(text(incident.querySelector('.timeline li'))).toContain(
      'Users see <script>alert(1)</script> and ]]> and & — مرحبا 🔥',
    );
    expect(incident.querySelector('.timeline li:last-child p:last-child')?.textContent).toHaveLength(990);
  });

  test('RSS parses and carries the exact title', () => {
    const feed = parseRssFeed(readBuilt(build, 'rss.xml'));
    expect(feed.title).toBe('Hostile & "Co" <test> status');
    expect(feed.items?.map((item) => item.title)).toContain(`[Identified] ${isolate(HOSTILE_TITLE)}`);
    expect(feed.items?.find((item) => item.title === `[Identified] ${isolate(HOSTILE_TITLE)}`)?.description).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; and ]]&gt;',
    );
  });

  test('Atom parses and carries the exact title', () => {
    const feed = parseAtomFeed(readBuilt(build, 'history.atom'));
    expect(feed.entries?.map((entry) => entry.title?.value)).toContain(`[Identified] ${isolate(HOSTILE_TITLE)}`);
    expect(
      feed.entries?.find((entry) => entry.title?.value === `[Investigating] ${isolate(HOSTILE_TITLE)}`)?.content?.value,
    ).toContain('AAAA &amp; &lt;b&gt;x&lt;/b&gt; ]]&gt;');
  });

  test('JSON parses and carries the exact text', () => {
    const { incidents } = JSON.parse(readBuilt(build, 'api/v2/incidents.json'));
    expect(incidents[0].name).toBe(HOSTILE_TITLE);
    expect(incidents[0].incident_updates[0].body).toBe(
      'Users see <script>alert(1)</script> and ]]> and &amp; — مرحبا 🔥',
    );
    expect(incidents[0].incident_updates[1].body).toHaveLength(990);
  });

  test('iCalendar parses, keeps the exact text and folds every line to 75 octets', () => {
    const ics = readBuilt(build, 'maintenance.ics');
    const event = calendarEvents(ics).find(
      (candidate) => candidate.uid === 'hostile-maintenance@status.hostile.example',
    );
    expect(event?.summary).toBe(HOSTILE_TITLE);
    expect(event?.description).toMatch(/^Affected: واجهة برمجة التطبيقات\n\nA{40} & <b>x<\/b> ]]> /);
    expect(event?.description).toHaveLength('Affected: واجهة برمجة التطبيقات\n\n'.length + 990);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
  });
});
