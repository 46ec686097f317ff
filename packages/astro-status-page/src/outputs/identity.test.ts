import { describe, expect, test } from 'vitest';
import { CONFIG } from '../../tests/helpers/incident-files.ts';
import { catalogOf } from '../i18n/catalog.ts';
import { insertUpdate } from '../files/incident-writer.ts';
import { renderIncident, renderMaintenance } from '../files/new-incident.ts';
import { validateIncidentFiles, type SourceFile } from '../files/validate.ts';
import { buildStatusModel } from '../model/status-model.ts';
import { legacyRedirects, redirectsFile } from '../model/redirects.ts';
import { siteText } from '../model/site-text.ts';
import { paths } from '../rules/urls.ts';
import { apiEvents, buildApi } from './api.ts';
import { maintenanceCalendar } from './calendar.ts';
import { notifyIndex } from './notify-index.ts';
import { renderAtomFeed, renderRssFeed } from './rss.ts';

/*
 * An incident's identity is its `id` when it has one: renaming its file
 * changes nothing anyone outside the repository sees. Each site is read from
 * its files' text, as check and the build read it, and everything public is
 * rendered: page paths and anchors, the feeds, every API body, the calendar,
 * the notify index and the redirects.
 */

const NOW = Date.parse('2023-03-01T12:00:00Z');
const SITE = new URL(CONFIG.url);

/** The files as the CLI writes them; `null`: without the `id:` line, as a hand-written file may be. */
const withId = (id: string | null, text: string) => (id === null ? text.replace(/^id: .*\n/m, '') : text);
const OUTAGE = (id: string | null) =>
  withId(
    id,
    insertUpdate(
      renderIncident({
        id: id ?? 'none',
        title: 'Login failing',
        impact: 'major',
        components: [['login', 'major_outage']],
        source: { statuspage: 'p31zjtct2jer' },
        update: { at: '2023-03-01T09:00:00Z', status: 'investigating', message: 'We are looking into it.' },
      }),
      { at: '2023-03-01T10:00:00Z', status: 'identified', message: 'Found it.' },
    ),
  );
const UPGRADE = (id: string | null) =>
  withId(
    id,
    renderMaintenance({
      id: id ?? 'none',
      title: 'Database upgrade',
      components: ['dm'],
      window: { start: '2023-03-02T02:00:00Z', end: '2023-03-02T04:00:00Z' },
      update: { at: '2023-02-20T10:00:00Z', status: 'scheduled', message: 'Messages may be slow.' },
    }),
  );

/** Everything the site publishes about its incidents, read from these files. */
async function published(sources: SourceFile[]) {
  const { entries, problems } = validateIncidentFiles(sources, ['web', 'ios', 'login', 'dm'], undefined, NOW);
  expect(problems).toEqual([]);
  const model = buildStatusModel(CONFIG, entries, NOW);
  const words = catalogOf('en').updateStatus;
  const feed = {
    title: 'Test',
    description: 'Test status',
    site: SITE,
    base: '/',
    path: paths.feed(),
    events: model.events,
    now: NOW,
    language: 'en',
    dir: 'ltr' as const,
    words,
    followedIn: catalogOf('en').event.followedIn,
    ttl: 60,
  };
  return {
    pages: Object.fromEntries(
      model.events.map((event) => [
        event.title,
        [paths.incident(event.slug), ...event.updates.map((update) => `#${update.id}`)],
      ]),
    ),
    rss: await (await renderRssFeed(feed)).text(),
    atom: await renderAtomFeed({ ...feed, path: paths.atom() }).text(),
    api: buildApi({ model, site: SITE, base: '/' }),
    events: apiEvents({ model, site: SITE, base: '/' }),
    calendar: maintenanceCalendar({
      model,
      site: SITE,
      base: '/',
      text: siteText({ locale: 'en', timezone: model.config.timezone, now: model.now }),
    }),
    index: notifyIndex(model.events, model.now, CONFIG.url),
    redirects: redirectsFile(legacyRedirects(entries), (path) => path),
  };
}

const BEFORE = ['incidents/2023/2023-03-01-login-failing.md', 'incidents/2023/2023-03-02-database-upgrade.md'] as const;
const AFTER = ['incidents/2023/march/login-failures-after-the-deploy.md', 'incidents/archive/db-upgrade.md'] as const;
const site = (names: readonly string[], ids: ReadonlyArray<string | null>) => [
  { path: names[0]!, text: OUTAGE(ids[0] ?? null) },
  { path: names[1]!, text: UPGRADE(ids[1] ?? null) },
];

describe('renaming a file with an id', () => {
  const ids = ['2023-03-01-login-failing', '2023-03-02-database-upgrade'];

  test('changes nothing published: page URLs, anchors, feeds, API, calendar UIDs, notify index, redirects', async () => {
    const before = await published(site(BEFORE, ids));
    const after = await published(site(AFTER, ids));
    expect(after).toEqual(before);
    // What is compared is what readers and clients see, under the id.
    expect(before.pages['Login failing']).toEqual([
      '/incidents/2023-03-01-login-failing/',
      '#update-20230301T090000Z',
      '#update-20230301T100000Z',
    ]);
    expect(before.rss).toContain(
      '<link>https://status.test.example/incidents/2023-03-01-login-failing/#update-20230301T100000Z</link>',
    );
    expect(before.api['incidents.json'].incidents[0]?.incident_updates.map((update) => update.id)).toEqual([
      '2023-03-01-login-failing-update-20230301T100000Z',
      '2023-03-01-login-failing-update-20230301T090000Z',
    ]);
    expect(before.calendar).toContain('UID:2023-03-02-database-upgrade@status.test.example');
    expect(before.redirects).toBe(
      '/incidents/p31zjtct2jer /incidents/2023-03-01-login-failing/ 301\n/incidents/p31zjtct2jer/ /incidents/2023-03-01-login-failing/ 301\n',
    );
  });

  test('an id added to a file that had none keeps its published slug, so adding it first makes any rename safe', async () => {
    const without = await published(site(BEFORE, [null, null]));
    const added = await published(site(AFTER, ids));
    expect(added).toEqual(without);
  });

  test('an id that is the Statuspage id answers the old URL itself, with no redirect', async () => {
    const own = await published(site(AFTER, ['p31zjtct2jer', ids[1]!]));
    expect(own.pages['Login failing']![0]).toBe('/incidents/p31zjtct2jer/');
    expect(own.redirects).toBe('');
  });
});

test('renaming a file without an id moves its page, feed items, API ids and calendar UID (docs/notifications.md says so)', async () => {
  const before = await published(site(BEFORE, [null, null]));
  const after = await published(site(AFTER, [null, null]));
  expect(before.pages['Login failing']![0]).toBe('/incidents/2023-03-01-login-failing/');
  expect(after.pages['Login failing']![0]).toBe('/incidents/login-failures-after-the-deploy/');
  expect(after.pages['Database upgrade']![0]).toBe('/incidents/db-upgrade/');
  expect(after.calendar).toContain('UID:db-upgrade@status.test.example');
  expect(after.rss).not.toEqual(before.rss);
});
