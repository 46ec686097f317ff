import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { CHIRP } from '../../tests/helpers/build.ts';
import { writeApiAt } from '../../tests/helpers/api-at.ts';
import { loadBuild } from './snapshot.ts';

const dir = mkdtempSync(join(tmpdir(), 'snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('a live site built by an earlier release, without the fields added since, is read with their empty values', async () => {
  // The example the day after, as this release publishes it: its API has every later field.
  const current = join(dir, 'current', 'api', 'v2');
  writeApiAt(CHIRP, '2022-12-29T18:00:00Z', current);
  const earlier = join(dir, 'earlier', 'api', 'v2');
  writeApiAt(CHIRP, '2022-12-29T18:00:00Z', earlier);
  // The same files as an earlier release wrote them: none of the fields added since.
  const strip = (file: string, list: string, fields: string[]) => {
    const path = join(earlier, file);
    const body = JSON.parse(readFileSync(path, 'utf8')) as Record<string, Array<Record<string, unknown>>>;
    for (const event of body[list]!) {
      for (const field of fields) delete event[field];
      for (const update of event['incident_updates'] as Array<Record<string, unknown>>)
        delete update['added_by_import'];
    }
    writeFileSync(path, JSON.stringify(body));
  };
  strip('incidents.json', 'incidents', ['postmortem_published_at', 'merged_into', 'next_update_promised_by', 'notice']);
  strip('scheduled-maintenances.json', 'scheduled_maintenances', ['cancelled']);
  expect(readFileSync(join(earlier, 'incidents.json'), 'utf8')).not.toContain('added_by_import');

  const [now, before] = await Promise.all([loadBuild(join(dir, 'current'), 0), loadBuild(join(dir, 'earlier'), 0)]);
  // What notify and watch compare is the same either way; the later fields read as "nothing to say".
  expect(before.index).toEqual(now.index);
  expect(before.snapshot.incidents.map((incident) => incident.id)).toEqual(
    now.snapshot.incidents.map((incident) => incident.id),
  );
  expect(
    before.snapshot.incidents.every(
      (incident) =>
        incident.merged_into === null &&
        incident.next_update_promised_by === null &&
        !incident.notice &&
        incident.incident_updates.every((update) => update.added_by_import === false),
    ),
  ).toBe(true);
  expect(before.snapshot.maintenances.map((maintenance) => maintenance.cancelled)).toEqual(
    now.snapshot.maintenances.map(() => false),
  );
});
