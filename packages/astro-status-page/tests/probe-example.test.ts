import { expect, test } from 'vitest';
import { checkSite } from '../src/site/check-site.ts';
import { CHIRP } from './helpers/build.ts';

/*
 * The example replayed at 12:20 UTC on 28 December 2022 (no build: the
 * build's own check and model): the web's check opened an incident at 12:18,
 * before any staff post (12:31), and the page is red for the web.
 */
test('replaying 12:20 shows the incident the web check opened, 11 minutes before the first staff post', () => {
  const { model, problems } = checkSite(CHIRP, { now: Date.parse('2022-12-28T12:20:00Z') });
  expect(problems).toEqual([]);
  expect(model!.activeIncidents.map((event) => [event.slug, event.openedBy, event.impact])).toEqual([
    ['2022-12-28-web-is-not-responding', 'probe', 'critical'],
  ]);
  expect(model!.componentById.get('web')?.status).toBe('major_outage');
  expect(model!.overall.indicator).toBe('critical');
  const staff = model!.bySlug.get('2022-12-28-login-and-posting-failing');
  expect(staff).toBeUndefined();
  const later = checkSite(CHIRP, { now: Date.parse('2022-12-28T13:30:00Z') }).model!;
  expect(later.bySlug.get('2022-12-28-login-and-posting-failing')?.updates[0]?.at).toBe(
    Date.parse('2022-12-28T12:31:00Z'),
  );
  // The web's recorded checks: failing from 12:13 UTC, every 5 minutes.
  const failing = later.componentById
    .get('web')!
    .measured!.lastDay.filter((point) => !point.ok)
    .map((point) => new Date(point.at).toISOString().slice(11, 16));
  expect(failing.slice(0, 3)).toEqual(['12:13', '12:18', '12:23']);
});
