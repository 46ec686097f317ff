import { describe, expect, test } from 'vitest';
import { CONFIG, incident } from '../../tests/helpers/incident-files.ts';
import type { ValidIncidentFile } from '../files/validate.ts';
import { buildStatusModel } from '../model/status-model.ts';
import { notifyIndex } from '../outputs/notify-index.ts';
import { newNotifications } from './diff.ts';
import { buildFromModel, indexFromJson } from './snapshot.ts';

/*
 * Edits staff really make between two deploys, each compared the way a run
 * compares them: the previous build through its notify index file (written,
 * serialised and read back), the current one in full.
 */

const NOW = Date.parse('2023-03-01T12:00:00Z');
const model = (files: ValidIncidentFile[], now = NOW) => buildStatusModel(CONFIG, files, now);
/** The previous build exactly as the next run reads it: its notify-index.json. */
const previousIndex = (files: ValidIncidentFile[], now = NOW - 3_600_000) => {
  const built = model(files, now);
  return indexFromJson(JSON.parse(JSON.stringify(notifyIndex(built.events, built.now, CONFIG.url))));
};
const fresh = (before: ValidIncidentFile[], after: ValidIncidentFile[]) => newNotifications(previousIndex(before), buildFromModel(model(after), CONFIG.url).snapshot).map((n) => n.id);

const hour = (h: number) => new Date(Date.parse('2023-02-01T00:00:00Z') + h * 3_600_000).toISOString();
/** `n` resolved incidents, one a day back from February, each with three updates. */
const history = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    incident(`2023-old-${from + i}`, { components: { web: 'partial_outage' }, updates: [[hour(-24 * (from + i) - 3), 'investigating'], [hour(-24 * (from + i) - 2), 'identified'], [hour(-24 * (from + i) - 1), 'resolved']] }),
  );

const OUTAGE = incident('2023-03-01-login', {
  components: { login: 'major_outage' },
  updates: [
    ['2023-03-01T09:00:00Z', 'investigating'],
    ['2023-03-01T10:00:00Z', 'identified'],
    ['2023-03-01T11:00:00Z', 'monitoring'],
  ],
});
const withUpdates = (file: ValidIncidentFile, updates: object[]): ValidIncidentFile => ({ ...file, data: { ...file.data, updates } as ValidIncidentFile['data'] });
const update = (at: string, status: 'investigating' | 'identified' | 'monitoring' | 'resolved', message = `${status} message`) => ({ at: new Date(at).toISOString(), status, message });

describe('every event is compared, not the newest 50', () => {
  test('201 new updates between two builds are 201 notifications', () => {
    // 67 incidents of three updates each, none of them in the previous build.
    const ids = fresh([], history(67));
    expect(ids).toHaveLength(201);
    expect(new Set(ids).size).toBe(201);
  });

  test('a new update to an incident open for weeks, behind 60 newer ones, is announced', () => {
    const open = incident('2023-01-02-slow-search', { components: { web: 'degraded_performance' }, updates: [['2023-01-02T08:00:00Z', 'investigating']] });
    const newer = history(60).map((file) => ({ ...file, data: { ...file.data, updates: file.data.updates.map((u, i) => ({ ...u, at: new Date(Date.parse('2023-02-10T00:00:00Z') + Number(file.slug.split('-').at(-1)) * 3_600_000 * 3 + i * 60_000).toISOString() })) } as ValidIncidentFile['data'] }));
    const later = withUpdates(open, [...open.data.updates, update('2023-03-01T11:45:00Z', 'identified')]);
    expect(fresh([open, ...newer], [later, ...newer])).toEqual(['2023-01-02-slow-search-update-20230301T114500Z']);
  });

  test('a late postmortem of an incident long out of the newest 50 is announced', () => {
    const old = history(80);
    const target = old[79]!;
    const postmortem = { ...target, data: { ...target.data, postmortem_at: '2023-03-01T11:30:00.000Z' }, body: 'What happened.' } as ValidIncidentFile;
    expect(fresh(old, [...old.slice(0, 79), postmortem])).toEqual([`${target.slug}-postmortem`]);
  });
});

describe('ids are the updates’ own: edits announce exactly what is new', () => {
  const [first, second, third] = OUTAGE.data.updates;

  test('an update inserted in time order (update --force --at) is announced, and nothing is repeated', () => {
    const inserted = withUpdates(OUTAGE, [first!, second!, update('2023-03-01T10:30:00Z', 'identified', 'Found it.'), third!]);
    expect(fresh([OUTAGE], [inserted])).toEqual(['2023-03-01-login-update-20230301T103000Z']);
  });

  test('a wrong update deleted and a correction posted: the correction is announced', () => {
    const corrected = withUpdates(OUTAGE, [first!, second!, update('2023-03-01T11:20:00Z', 'identified', 'Not fixed yet, sorry.')]);
    expect(fresh([OUTAGE], [corrected])).toEqual(['2023-03-01-login-update-20230301T112000Z']);
  });

  test('a message corrected in place is not announced again', () => {
    const reworded = withUpdates(OUTAGE, [first!, { ...second!, message: 'Reworded.' }, third!]);
    expect(fresh([OUTAGE], [reworded])).toEqual([]);
  });

  test('a renamed file repeats nothing, and its next update is announced once', () => {
    const renamed = { ...OUTAGE, slug: '2023-03-01-login-failing', file: 'incidents/2023-03-01-login-failing.md' };
    expect(fresh([OUTAGE, ...history(3)], [renamed, ...history(3)])).toEqual([]);
    const next = withUpdates(renamed, [...renamed.data.updates, update('2023-03-01T11:50:00Z', 'resolved')]);
    expect(fresh([OUTAGE], [next])).toEqual(['2023-03-01-login-failing-update-20230301T115000Z']);
  });
});
