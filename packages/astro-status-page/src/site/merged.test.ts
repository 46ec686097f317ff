import { describe, expect, test } from 'vitest';
import { CONFIG } from '../../tests/helpers/incident-files.ts';
import { catalogOf } from '../i18n/catalog.ts';
import { validateIncidentFiles, type SourceFile } from '../files/validate.ts';
import { buildStatusModel } from '../model/status-model.ts';
import { outcomeLabel } from '../model/labels.ts';
import { siteText } from '../model/site-text.ts';
import { buildApi } from '../outputs/api.ts';
import { apiIncidentSchema } from '../outputs/api-schema.ts';
import { feedHtml, feedItems } from '../outputs/feed.ts';
import { nextUpdate } from '../rules/next-update.ts';
import { mergeProblems } from './check-site.ts';

/*
 * An incident followed elsewhere (`status: merged`, `into:`) closes without
 * saying anything recovered: the incident it is merged into carries its
 * components on. Read from file text, as check and the build read it.
 */

const at = Date.parse;
const IDS = ['web', 'ios', 'login', 'dm'];
const SITE = new URL(CONFIG.url);

const PROBE = `---
title: Web is not responding
impact: critical
components:
  web: major_outage
started: 2022-12-28T12:13:00Z
updates:
  - at: 2022-12-28T12:18:00Z
    status: investigating
    message: Checks failed.
  - at: 2022-12-28T12:31:00Z
    status: merged
    into: login-failing
    message: We are following this outage in [Login failing](../login-failing/).
---
`;
const STAFF = `---
title: Login failing
impact: critical
components:
  web: major_outage
  login: major_outage
started: 2022-12-28T12:13:00Z
updates:
  - at: 2022-12-28T12:31:00Z
    status: investigating
    message: We are investigating.
  - at: 2022-12-28T13:52:00Z
    status: resolved
    message: Fixed.
---
`;

const source = (path: string, text: string): SourceFile => ({ path, text });
function read(files: Record<string, string>) {
  return validateIncidentFiles(
    Object.entries(files).map(([path, text]) => source(path, text)),
    IDS,
    undefined,
    at('2023-01-01T00:00:00Z'),
  );
}

describe('a merged incident', () => {
  const { entries, problems } = read({ 'incidents/web.md': PROBE, 'incidents/login-failing.md': STAFF });
  const model = (now: string) => buildStatusModel(CONFIG, entries, at(now));

  test('is valid, and names an incident of the site', () => {
    expect(problems).toEqual([]);
    expect(mergeProblems(entries)).toEqual([]);
  });

  test('closes without any component recovering at the merge, and is followed in the other’s title', () => {
    const web = model('2022-12-28T13:00:00Z').bySlug.get('web')!;
    expect(web).toMatchObject({
      kind: 'incident',
      status: 'merged',
      resolvedAt: at('2022-12-28T12:31:00Z'),
      followedIn: { slug: 'login-failing', title: 'Login failing' },
    });
    expect(web.updates.at(-1)).toMatchObject({ changes: [], into: { slug: 'login-failing', title: 'Login failing' } });
    expect(outcomeLabel(web, siteText({ locale: 'en', timezone: 'UTC', now: at('2022-12-28T13:00:00Z') }))).toBe(
      'Followed in Login failing',
    );
    expect(catalogOf('en').updateStatus.merged).toBe('Merged');
  });

  test('the other incident carries the component: web is down, the banner red, and the time is counted once', () => {
    const mid = model('2022-12-28T13:00:00Z');
    expect(mid.componentById.get('web')!.status).toBe('major_outage');
    expect(mid.overall.indicator).toBe('critical');
    expect(mid.activeIncidents.map((event) => event.slug)).toEqual(['login-failing']);
    const after = model('2022-12-29T12:00:00Z');
    const day = after.componentById.get('web')!.days.find((record) => record.day === '2022-12-28')!;
    // 12:13 to 13:52 down, once, though both incidents held web down from 12:13 to 12:31.
    expect(day.downtime).toBe(at('2022-12-28T13:52:00Z') - at('2022-12-28T12:13:00Z'));
  });

  test('the Statuspage-shaped API says resolved (its vocabulary), with merged_into, and no recovery', () => {
    const api = buildApi({ model: model('2022-12-28T13:00:00Z'), site: SITE, base: '/' });
    const web = api['incidents.json'].incidents.find((incident) => incident.id === 'web')!;
    expect(apiIncidentSchema.parse(web)).toBeTruthy();
    expect(web).toMatchObject({
      status: 'resolved',
      resolved_at: '2022-12-28T12:31:00.000Z',
      merged_into: { id: 'login-failing', name: 'Login failing', shortlink: `${SITE.origin}/incidents/login-failing/` },
    });
    expect(web.incident_updates[0]).toMatchObject({ status: 'resolved', affected_components: null });
    const staff = api['incidents.json'].incidents.find((incident) => incident.id === 'login-failing')!;
    expect(staff.merged_into).toBeNull();
  });

  test('its feed item is tagged Merged and links to the incident that follows it', () => {
    const words = catalogOf('en').updateStatus;
    const [item] = feedItems(model('2022-12-28T12:40:00Z').events, words).filter((entry) => entry.slug === 'web');
    expect(item!.title).toBe('[Merged] Web is not responding');
    expect(feedHtml(item!, catalogOf('en').event.followedIn, (path) => new URL(path, SITE).href)).toContain(
      `<p>Followed in <a href="${SITE.origin}/incidents/login-failing/">Login failing</a></p>`,
    );
    const arabic = catalogOf('ar').event.followedIn;
    expect(feedHtml(item!, arabic, (path) => path)).toContain('<a href="/incidents/login-failing/">Login failing</a>');
  });

  test('closes the timeline: only --reopen adds to it, and it cannot be closed again', () => {
    const last = { at: at('2022-12-28T12:31:00Z'), status: 'merged' };
    const later = at('2022-12-28T13:00:00Z');
    expect(nextUpdate('incident', last, { at: later, status: 'resolved' })).toEqual({
      allowed: false,
      why: 'resolved',
    });
    expect(nextUpdate('incident', last, { at: later, status: 'investigating' })).toEqual({
      allowed: false,
      why: 'reopen',
    });
  });
});

describe('what check says of a merged update written wrong', () => {
  const messages = (files: Record<string, string>) =>
    read(files).problems.map((problem) => `${problem.file}:${problem.line} ${problem.field}: ${problem.message}`);

  test('merged without into, into without merged, components on a merged update', () => {
    expect(messages({ 'incidents/web.md': PROBE.replace('    into: login-failing\n', '') })).toEqual([
      expect.stringMatching(/^incidents\/web\.md:12 updates\.1\.status: is "merged" without "into": name the incident/),
    ]);
    expect(
      messages({ 'incidents/web.md': STAFF.replace('status: resolved', 'status: resolved\n    into: web') }),
    ).toEqual([
      expect.stringMatching(
        /^incidents\/web\.md:14 updates\.1\.into: is only allowed on an update with status "merged"/,
      ),
    ]);
    expect(
      messages({ 'incidents/web.md': PROBE.replace('    into:', '    components: { web: operational }\n    into:') }),
    ).toEqual([expect.stringMatching(/updates\.1\.components\.web: is not allowed on a merged update/)]);
  });

  test('into naming no incident, itself, or a maintenance: the file, the line and a suggestion', () => {
    const typo = read({
      'incidents/web.md': PROBE.replace('into: login-failing', 'into: login-faling'),
      'incidents/login-failing.md': STAFF,
    });
    expect(
      mergeProblems(
        typo.entries,
        new Map([['incidents/web.md', PROBE.replace('into: login-failing', 'into: login-faling')]]),
      ),
    ).toEqual([
      {
        file: 'incidents/web.md',
        line: 13,
        field: 'updates.1.into',
        message: expect.stringContaining('names no incident of this site: "login-faling"') as string,
      },
    ]);
    expect(mergeProblems(typo.entries)[0]!.message).toContain('Did you mean "login-failing"?');
    const self = read({ 'incidents/web.md': PROBE.replace('into: login-failing', 'into: web') });
    expect(mergeProblems(self.entries)[0]!.message).toContain('names this incident itself');
  });
});
