import { describe, expect, test } from 'vitest';
import { CONFIG, incident } from '../../tests/helpers/incident-files.ts';
import { validateIncidentFiles, type ValidIncidentFile } from '../files/validate.ts';
import { buildStatusModel } from '../model/status-model.ts';
import { notifyIndex } from '../outputs/notify-index.ts';
import { newNotifications } from './diff.ts';
import { buildFromModel } from './current-build.ts';
import { indexFromJson } from './snapshot.ts';

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
const fresh = (before: ValidIncidentFile[], after: ValidIncidentFile[]) =>
  newNotifications(previousIndex(before), buildFromModel(model(after), CONFIG.url).snapshot).map((n) => n.id);

const hour = (h: number) => new Date(Date.parse('2023-02-01T00:00:00Z') + h * 3_600_000).toISOString();
/** `n` resolved incidents, one a day back from February, each with three updates. */
const history = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) =>
    incident(`2023-old-${from + i}`, {
      components: { web: 'partial_outage' },
      updates: [
        [hour(-24 * (from + i) - 3), 'investigating'],
        [hour(-24 * (from + i) - 2), 'identified'],
        [hour(-24 * (from + i) - 1), 'resolved'],
      ],
    }),
  );

const OUTAGE = incident('2023-03-01-login', {
  components: { login: 'major_outage' },
  updates: [
    ['2023-03-01T09:00:00Z', 'investigating'],
    ['2023-03-01T10:00:00Z', 'identified'],
    ['2023-03-01T11:00:00Z', 'monitoring'],
  ],
});
const withUpdates = (file: ValidIncidentFile, updates: object[]): ValidIncidentFile => ({
  ...file,
  data: { ...file.data, updates } as ValidIncidentFile['data'],
});
const update = (
  at: string,
  status: 'investigating' | 'identified' | 'monitoring' | 'resolved',
  message = `${status} message`,
) => ({ at: new Date(at).toISOString(), status, message });

describe('every event is compared, not the newest 50', () => {
  test('201 new updates between two builds are 201 notifications', () => {
    // 67 incidents of three updates each, none of them in the previous build.
    const ids = fresh([], history(67));
    expect(ids).toHaveLength(201);
    expect(new Set(ids).size).toBe(201);
  });

  test('a new update to an incident open for weeks, behind 60 newer ones, is announced', () => {
    const open = incident('2023-01-02-slow-search', {
      components: { web: 'degraded_performance' },
      updates: [['2023-01-02T08:00:00Z', 'investigating']],
    });
    const newer = history(60).map((file) => ({
      ...file,
      data: {
        ...file.data,
        updates: file.data.updates.map((u, i) => ({
          ...u,
          at: new Date(
            Date.parse('2023-02-10T00:00:00Z') + Number(file.slug.split('-').at(-1)) * 3_600_000 * 3 + i * 60_000,
          ).toISOString(),
        })),
      } as ValidIncidentFile['data'],
    }));
    const later = withUpdates(open, [...open.data.updates, update('2023-03-01T11:45:00Z', 'identified')]);
    expect(fresh([open, ...newer], [later, ...newer])).toEqual(['2023-01-02-slow-search-update-20230301T114500Z']);
  });

  test('a late postmortem of an incident long out of the newest 50 is announced', () => {
    const old = history(80);
    const target = old[79]!;
    const postmortem = {
      ...target,
      data: { ...target.data, postmortem_at: '2023-03-01T11:30:00.000Z' },
      body: 'What happened.',
    } as ValidIncidentFile;
    expect(fresh(old, [...old.slice(0, 79), postmortem])).toEqual([`${target.slug}-postmortem`]);
  });
});

describe('ids are the updates’ own: edits announce exactly what is new', () => {
  const [first, second, third] = OUTAGE.data.updates;

  test('an update inserted in time order (update --force --at) is announced, and nothing is repeated', () => {
    const inserted = withUpdates(OUTAGE, [
      first!,
      second!,
      update('2023-03-01T10:30:00Z', 'identified', 'Found it.'),
      third!,
    ]);
    expect(fresh([OUTAGE], [inserted])).toEqual(['2023-03-01-login-update-20230301T103000Z']);
  });

  test('a wrong update deleted and a correction posted: the correction is announced', () => {
    const corrected = withUpdates(OUTAGE, [
      first!,
      second!,
      update('2023-03-01T11:20:00Z', 'identified', 'Not fixed yet, sorry.'),
    ]);
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

describe('renaming a file: its id keeps every notification id', () => {
  /** A site read from its files' text, as check and the build read it. */
  const site = (...files: Array<[path: string, text: string]>) => {
    const { entries, problems } = validateIncidentFiles(
      files.map(([path, text]) => ({ path, text })),
      ['web', 'ios', 'login', 'dm'],
      undefined,
      NOW,
    );
    expect(problems).toEqual([]);
    return entries;
  };
  const at = ['2023-03-01T09:00:00Z', '2023-03-01T10:00:00Z', '2023-03-01T11:00:00Z', '2023-03-01T11:50:00Z'];
  const text = (id: string | null, updates: number, first = at[0]!) =>
    `---\n${id === null ? '' : `id: ${id}\n`}title: Login failing\nimpact: major\ncomponents:\n  login: major_outage\nupdates:\n` +
    [first, ...at.slice(1, updates)]
      .map(
        (time, i) =>
          `  - at: ${time}\n    status: ${i === 3 ? 'resolved' : 'investigating'}\n    message: Update ${i + 1}.\n`,
      )
      .join('') +
    '---\n';
  const OLD = 'incidents/2023/2023-03-01-login.md';
  const NEW = 'incidents/2023/2023-03-01-login-failing-after-deploy.md';
  const ID = '2023-03-01-login';

  test('renamed, nothing else changed: nothing is announced', () => {
    expect(fresh(site([OLD, text(ID, 3)]), site([NEW, text(ID, 3)]))).toEqual([]);
  });

  test('renamed with a new update in the same push: that update alone, under the id', () => {
    expect(fresh(site([OLD, text(ID, 3)]), site([NEW, text(ID, 4)]))).toEqual([`${ID}-update-20230301T115000Z`]);
  });

  test('the next update after the rename keeps the id’s prefix, so resend and receivers’ ids do not move', () => {
    const renamed = site([NEW, text(ID, 3)]);
    expect(fresh(renamed, site([NEW, text(ID, 4)]))).toEqual([`${ID}-update-20230301T115000Z`]);
  });

  test('an id added with the file’s slug and the file renamed in one push: nothing is announced', () => {
    expect(fresh(site([OLD, text(null, 3)]), site([NEW, text(ID, 3)]))).toEqual([]);
  });

  test.each([
    ['with ids', ID, '2023-03-01-search'],
    ['without ids, each known by its first update’s time and its updates', null, null],
  ])('two incidents that began at the same moment, both renamed, %s: nothing is announced', (_, login, search) => {
    const other = text(search, 2)
      .replace('title: Login failing', 'title: Search failing')
      .replace('login: major_outage', 'web: partial_outage');
    for (const order of [
      [0, 1],
      [1, 0],
    ]) {
      const pick = <T>(pair: T[]) => order.map((i) => pair[i]!);
      const before = site(
        ...pick<[string, string]>([
          [OLD, text(login, 3)],
          ['incidents/2023/2023-03-01-search.md', other],
        ]),
      );
      const after = site(
        ...pick<[string, string]>([
          [NEW, text(login, 3)],
          ['incidents/2023/search-down.md', other],
        ]),
      );
      expect(fresh(before, after)).toEqual([]);
    }
  });

  test('a maintenance renamed while its reminder is due is not reminded again', () => {
    const upgrade = (path: string) =>
      site([
        path,
        `---\nkind: maintenance\nid: 2023-03-01-db-upgrade\ntitle: Database upgrade\ncomponents: [dm]\nwindow:\n  start: 2023-03-01T12:30:00Z\n  end: 2023-03-01T13:30:00Z\nupdates:\n  - at: 2023-02-20T10:00:00Z\n    status: scheduled\n    message: Planned.\n---\n`,
      ]);
    // The build before (11:00) was 90 minutes before the window, this one (12:00) 30: the reminder is due now, once.
    expect(fresh(upgrade('incidents/2023/2023-03-01-db-upgrade.md'), upgrade('incidents/2023/db.md'))).toEqual([
      '2023-03-01-db-upgrade-reminder',
    ]);
    // Reminded at 12:00, renamed by 12:10: nothing again.
    const previous = model(upgrade('incidents/2023/2023-03-01-db-upgrade.md'), NOW);
    const index = indexFromJson(JSON.parse(JSON.stringify(notifyIndex(previous.events, previous.now, CONFIG.url))));
    expect(
      newNotifications(
        index,
        buildFromModel(model(upgrade('incidents/2023/db.md'), NOW + 600_000), CONFIG.url).snapshot,
      ).map((n) => n.id),
    ).toEqual([]);
  });
});
