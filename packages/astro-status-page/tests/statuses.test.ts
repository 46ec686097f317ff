import { parseRssFeed } from 'feedsmith';
import { describe, expect, test } from 'vitest';
import { componentRows, page, readBuilt, text } from './helpers/pages.ts';

// The example incident of 2022-12-28 at three moments, worked out by hand.
// Its timeline: from 12:13 web, iOS, Android, login and posting are in major
// outage, timelines and the API in partial outage; at 13:24 login improves to
// partial outage; at 13:52 (monitoring, impact minor) login and posting are
// degraded and the rest operational; resolved at 14:16; the postmortem is
// published 2022-12-29 17:00. Other downtime in the 90 days: web partial
// outage 2022-11-03 19:40–23:02 (202 min × 0.3 = 60.6 min), iOS partial outage
// 2022-12-21 22:30–01:30 (180 min × 0.3 = 54 min), direct messages partial
// outage 2022-12-16 15:02–16:14 (72 min × 0.3 = 21.6 min). Degraded
// performance weighs 0, partial outage 0.3, major outage 1. The example's
// days are New York days (EST, UTC−5); the 90-day window opens at midnight
// EDT on 30 September (1 October for the next day), and the DST change of
// 6 November makes it one hour longer than 89 whole days.
const INCIDENT = '/incidents/2022-12-28-login-and-posting-failing/';
const json = (build: string, path: string) => JSON.parse(readBuilt(build, `api/v2/${path}`));
const status = (row: { status: string; uptime: string }) => `${row.status} · ${row.uptime}`;

describe('13:30, mid-outage', () => {
  const build = 'example-mid-outage';

  test('the banner and the API say major system outage (critical), and the rows agree', () => {
    expect(text(page(build, '/').querySelector('#overall-status'))).toBe('✕ Major system outage');
    expect(json(build, 'status.json').status).toEqual({ indicator: 'critical', description: 'Major System Outage' });
    // Window: 89 days + 1 h (DST) + 8.5 h (to 08:30 EST) = 128,730 min.
    // Web 60.6 + 77 = 137.6 min → 99.893%; iOS 54 + 77 = 131 → 99.898%; Android and posting 77 → 99.940%;
    // login 71 + 6 × 0.3 = 72.8 → 99.943%; timelines and API 77 × 0.3 = 23.1 → 99.982%; direct messages 21.6 → 99.983%.
    expect(Object.fromEntries(Object.entries(componentRows(build)).map(([name, row]) => [name, status(row)]))).toEqual({
      Web: '✕ Major outage · 99.89% uptime',
      'iOS app': '✕ Major outage · 99.89% uptime',
      'Android app': '✕ Major outage · 99.94% uptime',
      Login: '◆ Partial outage · 99.94% uptime',
      Posting: '✕ Major outage · 99.94% uptime',
      Timelines: '◆ Partial outage · 99.98% uptime',
      Notifications: '✓ Operational · 100.00% uptime',
      'Direct messages': '✓ Operational · 99.98% uptime',
      'Public API': '◆ Partial outage · 99.98% uptime',
    });
  });

  test('the postmortem, written after the end, is hidden in the page, the feeds and the API', () => {
    expect(readBuilt(build, 'incidents/2022-12-28-login-and-posting-failing/index.html')).not.toContain(
      'What happened',
    );
    expect(page(build, INCIDENT).querySelector('#postmortem')).toBeNull();
    expect(readBuilt(build, 'rss.xml')).not.toContain('Postmortem');
    expect(readBuilt(build, 'api/v2/incidents.json')).not.toContain('What happened');
  });

  test('the card names each affected component with its current status', () => {
    const card = page(build, '/').querySelector('#active ~ article');
    expect(card?.querySelectorAll('.affected li').map(text)).toEqual([
      'Web ✕ Major outage',
      'iOS app ✕ Major outage',
      'Android app ✕ Major outage',
      'Login ◆ Partial outage',
      'Posting ✕ Major outage',
      'Timelines ◆ Partial outage',
      'Public API ◆ Partial outage',
    ]);
    expect(text(card?.querySelector('.meta'))).toBe('Identified · Major system outage');
    expect(text(card?.querySelector('a[href$="#updates"]'))).toBe(
      '3 updates on Login and posting failing on web, iOS and Android',
    );
  });
});

describe('14:00, monitoring', () => {
  const build = 'example-monitoring';

  test('login and posting are degraded, the rest operational, and the banner is a minor service outage', () => {
    expect(text(page(build, '/').querySelector('#overall-status'))).toBe('▲ Minor service outage');
    expect(json(build, 'status.json').status).toEqual({ indicator: 'minor', description: 'Minor Service Outage' });
    // Window: 89 days + 1 h (DST) + 9 h (to 09:00 EST) = 128,760 min. Web 60.6 + 99 = 159.6 → 99.876%; iOS 54 + 99 = 153 → 99.881%;
    // Android and posting 99 → 99.923%; login 71 + 28 × 0.3 = 79.4 → 99.938%; timelines and API 99 × 0.3 = 29.7 → 99.977%.
    expect(Object.fromEntries(Object.entries(componentRows(build)).map(([name, row]) => [name, status(row)]))).toEqual({
      Web: '✓ Operational · 99.87% uptime',
      'iOS app': '✓ Operational · 99.88% uptime',
      'Android app': '✓ Operational · 99.92% uptime',
      Login: '▲ Degraded performance · 99.93% uptime',
      Posting: '▲ Degraded performance · 99.92% uptime',
      Timelines: '✓ Operational · 99.97% uptime',
      Notifications: '✓ Operational · 100.00% uptime',
      'Direct messages': '✓ Operational · 99.98% uptime',
      'Public API': '✓ Operational · 99.97% uptime',
    });
  });

  test('the API reports the incident at its current impact, and what each update changed', () => {
    const [incident] = json(build, 'incidents/unresolved.json').incidents;
    expect(incident.impact).toBe('minor');
    expect(
      incident.components.map((component: { id: string; status: string }) => `${component.id}=${component.status}`),
    ).toEqual([
      'web=operational',
      'ios=operational',
      'android=operational',
      'login=degraded_performance',
      'posting=degraded_performance',
      'timelines=operational',
      'api=operational',
    ]);
    const changes = [...incident.incident_updates]
      .reverse()
      .map(
        (update: { affected_components: Array<{ code: string; old_status: string; new_status: string }> | null }) =>
          update.affected_components?.map((c) => `${c.code}: ${c.old_status} → ${c.new_status}`) ?? null,
      );
    expect(changes).toEqual([
      [
        'web: operational → major_outage',
        'ios: operational → major_outage',
        'android: operational → major_outage',
        'login: operational → major_outage',
        'posting: operational → major_outage',
        'timelines: operational → partial_outage',
        'api: operational → partial_outage',
      ],
      null,
      ['login: major_outage → partial_outage'],
      [
        'web: major_outage → operational',
        'ios: major_outage → operational',
        'android: major_outage → operational',
        'login: partial_outage → degraded_performance',
        'posting: major_outage → degraded_performance',
        'timelines: partial_outage → operational',
        'api: partial_outage → operational',
      ],
    ]);
  });

  test('the badge says the banner’s words', () => {
    expect(readBuilt(build, 'badge.svg')).toContain('<title>status: minor service outage</title>');
    expect(readBuilt(build, 'components/login/badge.svg')).toContain('<title>Login: degraded performance</title>');
  });
});

describe('the next day (2022-12-29 18:00)', () => {
  const build = 'example-next-day';

  test('all operational, the outage kept in the uptime', () => {
    expect(text(page(build, '/').querySelector('#overall-status'))).toBe('✓ All systems operational');
    // Window: 89 days + 1 h (DST) + 13 h (to 13:00 EST) = 129,000 min; the same downtime as at 14:00: web 99.876%, login 99.938%, posting 99.923%.
    expect(componentRows(build)).toMatchObject({
      Web: { status: '✓ Operational', uptime: '99.87% uptime' },
      Login: { status: '✓ Operational', uptime: '99.93% uptime' },
      Posting: { status: '✓ Operational', uptime: '99.92% uptime' },
    });
    // 30 days (from 30 November, after the DST change: 29 d + 13 h = 42,540 min) no longer reach 3 November: web 99 min → 99.767%.
    // Beside them, labelled as such, what the web's probe measured (probes/ in the example: failing checks from 12:13 UTC on 28 December).
    expect(text(page(build, '/components/web/').querySelector('.uptime'))).toBe(
      'Uptime, last 30 days 99.76% Uptime, last 90 days 99.87% Checks passed, last 90 days (measured) 99.91%',
    );
  });

  test('the incident page says Resolved with its end and duration, and what each component went through', () => {
    const incident = page(build, INCIDENT);
    // Once over: worded by the worst level (coloured as over: statuses-browser.test.ts), start to end and duration said once.
    expect(text(incident.querySelector('.status-line'))).toBe('✓ Resolved · Major system outage');
    expect(text(incident.querySelector('.when'))).toBe('Yesterday, 07:13–09:16 EST · Lasted 2 h 3 min');
    expect(text(incident.querySelector('article'))).not.toMatch(/Ended|Duration/);
    // One line per worst status reached, then what each went through, one line each.
    expect(incident.querySelectorAll('.affected > ul > li').map(text)).toEqual([
      '✕ Major outage: Web, iOS app, Android app, Login and Posting',
      '◆ Partial outage: Timelines and Public API',
    ]);
    expect(incident.querySelectorAll('.each li').map(text)).toEqual([
      'Web: Major outage, for 1 h 39 min',
      'iOS app: Major outage, for 1 h 39 min',
      'Android app: Major outage, for 1 h 39 min',
      'Login: Major outage, then partial outage, then degraded, for 2 h 3 min',
      'Posting: Major outage, then degraded, for 2 h 3 min',
      'Timelines: Partial outage, for 1 h 39 min',
      'Public API: Partial outage, for 1 h 39 min',
    ]);
  });

  test('the postmortem is published, and announced in the feeds as its own item', () => {
    expect(text(page(build, INCIDENT).querySelector('#postmortem'))).toContain('What happened');
    const published = json(build, 'incidents.json').incidents.find(
      (incident: { id: string }) => incident.id === '2022-12-28-login-and-posting-failing',
    );
    expect(published).toMatchObject({
      postmortem_published_at: '2022-12-29T17:00:00.000Z',
      postmortem_body: expect.stringContaining('## What happened'),
    });
    const [newest] = parseRssFeed(readBuilt(build, 'rss.xml')).items ?? [];
    expect(newest).toMatchObject({
      title: '[Postmortem] Login and posting failing on web, iOS and Android',
      pubDate: 'Thu, 29 Dec 2022 17:00:00 GMT',
    });
    expect(newest?.link).toBe(`https://status.chirp.example${INCIDENT}#postmortem`);
  });

  test('the history and component pages list it as resolved, at its worst level, in muted text', () => {
    const entry = (path: string) =>
      page(build, path)
        .querySelectorAll('.events li')
        .find((li) => text(li).startsWith('Login and posting failing'));
    for (const path of ['/history/', '/components/login/']) {
      expect(text(entry(path)?.querySelector('span'))).toBe(
        'Resolved · Major system outage · Yesterday, 07:13 EST · Lasted 2 h 3 min',
      );
      expect(entry(path)?.querySelectorAll('.label')).toHaveLength(0);
    }
  });
});

describe("a maintenance's components follow its window", () => {
  const affectedLine = (build: string) => text(page(build, '/incidents/upgrade/').querySelector('.affected > ul'));
  const card = (build: string) =>
    page(build, '/')
      .querySelectorAll('article.card')
      .find((article) => text(article.querySelector('h3')) === 'Messaging database upgrade');

  test('before the window: scheduled, on its page and its card, never operational', () => {
    expect(affectedLine('basic-resolved')).toBe('⚙ Scheduled: Direct messages');
    expect(card('basic-resolved')?.querySelectorAll('.affected li').map(text)).toEqual(['Direct messages ⚙ Scheduled']);
    // In Arabic too: "scheduled" in the page's words.
    expect(text(page('ar', '/incidents/upgrade/').querySelector('.affected > ul'))).toBe(
      '⚙ مجدولة: Direct messages وتسجيل الدخول',
    );
  });

  test('during the window: under maintenance, as its update says', () => {
    expect(affectedLine('basic-maintenance')).toBe('⚙ Under maintenance: Direct messages');
    expect(text(page('basic-maintenance', '/incidents/upgrade/').querySelector('.timeline'))).toContain('In progress');
  });
});

describe('a maintenance called off before its window is closed everywhere', () => {
  const build = 'hostile';
  const json = (path: string) => JSON.parse(readBuilt(build, `api/v2/${path}`));
  const ids = (list: Array<{ id: string }>) => list.map((item) => item.id);

  test('its page says cancelled and that it touched nothing; the home page does not list it', () => {
    const calledOff = page(build, '/incidents/called-off/');
    expect(text(calledOff.querySelector('.status-line'))).toBe('✓ Cancelled · Maintenance');
    expect(text(calledOff.querySelector('.affected'))).toBe('Affected: No components');
    expect(page(build, '/').toString()).not.toContain('Called-off maintenance');
  });

  test('the API reports it as Statuspage does (completed) and says it was cancelled; no list of open work has it', () => {
    const all = json('scheduled-maintenances.json').scheduled_maintenances;
    const calledOff = all.find((m: { id: string }) => m.id === 'called-off');
    expect(calledOff).toMatchObject({ status: 'completed', cancelled: true, resolved_at: '2022-12-24T10:00:00.000Z' });
    expect(calledOff.incident_updates.map((update: { status: string }) => update.status)).toEqual([
      'completed',
      'scheduled',
    ]);
    expect(all.find((m: { id: string }) => m.id !== 'called-off')).toMatchObject({ cancelled: false });
    expect(ids(json('scheduled-maintenances/upcoming.json').scheduled_maintenances)).not.toContain('called-off');
    expect(ids(json('scheduled-maintenances/active.json').scheduled_maintenances)).not.toContain('called-off');
    expect(ids(json('summary.json').scheduled_maintenances)).not.toContain('called-off');
  });
});
