import { describe, expect, test } from 'vitest';
import { buildAt } from '../../tests/helpers/api-at.ts';
import { CHIRP } from '../../tests/helpers/build.ts';
import { indexOf, newNotifications, windowPhase } from './diff.ts';

// The example site, replayed build by build.
const at = (now: string) => buildAt(CHIRP, now).snapshot;
const index = (now: string) => buildAt(CHIRP, now).index;
const ids = (previous: string | null, current: string) =>
  newNotifications(previous === null ? null : index(previous), at(current)).map((n) => `${n.id} ${n.kind}`);
const OUTAGE = '2022-12-28-login-and-posting-failing';
const MAINTENANCE = '2022-12-30-messaging-database-maintenance';
// Opened by the web's check at 12:18, closed by staff at 12:31.
const PROBED = '2022-12-28-web-is-not-responding';

describe('what is new between two builds', () => {
  test('an unchanged rebuild (an hourly build with no new content) sends nothing', () => {
    expect(ids('2022-12-28T15:07:00Z', '2022-12-28T16:07:00Z')).toEqual([]);
    expect(ids('2022-12-28T13:30:00Z', '2022-12-28T13:30:00Z')).toEqual([]);
  });

  test('one notification per new update, oldest first, the first one opening the incident', () => {
    expect(ids('2022-12-28T12:00:00Z', '2022-12-28T13:00:00Z')).toEqual([
      `${PROBED}-update-20221228T121800Z update`,
      `${OUTAGE}-update-20221228T123100Z update`,
      `${PROBED}-update-20221228T123100Z update`,
      `${OUTAGE}-update-20221228T125800Z update`,
    ]);
    const [opening, identified] = newNotifications(index('2022-12-28T12:00:00Z'), at('2022-12-28T13:00:00Z')).filter(
      (n) => n.event.id === OUTAGE,
    );
    expect([opening!.first, identified!.first]).toEqual([true, false]);
    expect(identified!.update?.status).toBe('identified');
  });

  test('an update names the components it changed as well as the incident’s', () => {
    const [partial] = newNotifications(index('2022-12-28T13:00:00Z'), at('2022-12-28T13:30:00Z'));
    expect(partial!.id).toBe(`${OUTAGE}-update-20221228T132400Z`);
    expect(partial!.components).toContain('login');
    expect(partial!.components).toContain('api');
  });

  test('a postmortem published after the resolution is one notification, once', () => {
    expect(ids('2022-12-29T16:07:00Z', '2022-12-29T17:07:00Z')).toEqual([`${OUTAGE}-postmortem postmortem`]);
    expect(ids('2022-12-29T17:07:00Z', '2022-12-29T18:07:00Z')).toEqual([]);
  });

  test('a previous build from before postmortems were in the API does not bring old postmortems back', () => {
    const previous = at('2022-12-30T00:07:00Z');
    const withoutField = {
      ...previous,
      incidents: previous.incidents.map((incident) => ({ ...incident, postmortem_published_at: null })),
    };
    expect(newNotifications(indexOf(withoutField), at('2022-12-30T01:07:00Z')).map((n) => n.kind)).toEqual([
      'reminder',
    ]);
  });

  test('maintenance: the reminder goes out once across the scheduled builds, then the start, verifying and completion', () => {
    // Hourly builds at :07; the window opens at 02:00.
    expect(ids('2022-12-29T23:07:00Z', '2022-12-30T00:07:00Z')).toEqual([]);
    expect(ids('2022-12-30T00:07:00Z', '2022-12-30T01:07:00Z')).toEqual([`${MAINTENANCE}-reminder reminder`]);
    expect(ids('2022-12-30T01:07:00Z', '2022-12-30T02:07:00Z')).toEqual([
      `${MAINTENANCE}-update-20221230T020000Z update`,
    ]);
    expect(ids('2022-12-30T03:07:00Z', '2022-12-30T04:07:00Z')).toEqual([
      `${MAINTENANCE}-update-20221230T033500Z update`,
      `${MAINTENANCE}-update-20221230T035000Z update`,
    ]);
  });

  test('a push between scheduled builds does not remind twice', () => {
    expect(ids('2022-12-30T00:07:00Z', '2022-12-30T00:50:00Z')).toEqual([`${MAINTENANCE}-reminder reminder`]);
    expect(ids('2022-12-30T00:50:00Z', '2022-12-30T01:07:00Z')).toEqual([]);
  });

  test('a window that opens or closes with no update saying so is announced by the build that sees it', () => {
    const upcoming = at('2022-12-30T01:07:00Z');
    // The same maintenance without its in_progress and later updates, as if staff never posted them.
    const silent = (snapshot: typeof upcoming, now: string) => ({
      ...snapshot,
      at: Date.parse(now),
      maintenances: snapshot.maintenances.map((m) => ({
        ...m,
        incident_updates: m.incident_updates.slice(-1),
        resolved_at: null,
        status: 'scheduled' as const,
      })),
    });
    const open = silent(at('2022-12-30T02:07:00Z'), '2022-12-30T02:07:00Z');
    const closed = silent(at('2022-12-30T04:07:00Z'), '2022-12-30T04:07:00Z');
    expect(newNotifications(indexOf(upcoming), open).map((n) => n.id)).toEqual([`${MAINTENANCE}-window-opened`]);
    expect(newNotifications(indexOf(open), closed).map((n) => n.id)).toEqual([`${MAINTENANCE}-window-closed`]);
    expect(
      windowPhase(
        indexOf(closed).events.find((event) => event.id === MAINTENANCE)!,
        closed.at,
      ),
    ).toBe('over');
  });

  test('the first run (no previous build) sends nothing older than the build before it', () => {
    // Mid-outage: only the update of 13:24 is within the hour before 14:00 … and 13:52.
    expect(ids(null, '2022-12-28T14:00:00Z')).toEqual([
      `${OUTAGE}-update-20221228T132400Z update`,
      `${OUTAGE}-update-20221228T135200Z update`,
    ]);
    // Days later: nothing at all, however much history there is.
    expect(ids(null, '2023-01-10T12:00:00Z')).toEqual([]);
  });

  test('ids are stable: the same pair of builds gives the same notifications', () => {
    expect(ids('2022-12-28T12:00:00Z', '2022-12-28T15:00:00Z')).toEqual(
      ids('2022-12-28T12:00:00Z', '2022-12-28T15:00:00Z'),
    );
  });
});
