import { describe, expect, test } from 'vitest';
import { CONFIG, incident } from '../../tests/helpers/incident-files.ts';
import { buildStatusModel } from '../model/status-model.ts';
import { apiEvents } from '../outputs/api.ts';
import { toMessage } from './message.ts';

/** The message notify sends for the newest update of incident `id` in `model`'s API. */
function newestUpdateMessage(model: ReturnType<typeof buildStatusModel>, id: string, components: string[] = []) {
  const event = apiEvents({ model, site: new URL(CONFIG.url), base: '/' }).incidents.find((item) => item.id === id)!;
  const update = event.incident_updates[0]!;
  return toMessage({
    id: update.id,
    kind: 'update',
    event,
    maintenance: false,
    update,
    first: false,
    at: update.created_at,
    components,
  });
}

describe('the notification of a merged update', () => {
  test('says where the incident goes on, never "Resolved", and names the component as still down', () => {
    const probe = incident('web', {
      impact: 'critical',
      components: { web: 'major_outage' },
      updates: [
        ['2022-12-28T12:18:00Z', 'investigating'],
        ['2022-12-28T12:31:00Z', 'merged', 'We are following this outage elsewhere.'],
      ],
    });
    (probe.data.updates[1] as { into?: string }).into = 'login';
    const staff = incident('login', {
      impact: 'critical',
      components: { web: 'major_outage', login: 'major_outage' },
      updates: [['2022-12-28T12:31:00Z', 'investigating']],
    });
    const model = buildStatusModel(CONFIG, [probe, staff], Date.parse('2022-12-28T13:00:00Z'));
    const message = newestUpdateMessage(model, 'web', ['web']);
    expect(message.headline).toBe('Merged: Incident web');
    expect(message.markdown).toBe(
      'We are following this outage elsewhere.\n\nFollowed in [Incident login](https://status.test.example/incidents/login/)',
    );
    expect(message.components).toEqual([{ name: 'Web', status: 'Major outage' }]);
  });
});

describe('the notification of a notice', () => {
  test('says "Notice", as the page does, never "Resolved"; an incident with a length still says "Resolved"', () => {
    const posted = (slug: string, updates: Parameters<typeof incident>[1]['updates']) =>
      incident(slug, { impact: 'none', components: {}, updates });
    const model = buildStatusModel(
      CONFIG,
      [
        posted('new-app', [['2022-12-28T12:00:00Z', 'resolved', 'Our new app is out.']]),
        posted('false-alarm', [
          ['2022-12-28T12:00:00Z', 'investigating'],
          ['2022-12-28T12:20:00Z', 'resolved'],
        ]),
      ],
      Date.parse('2022-12-28T13:00:00Z'),
    );
    const headline = (id: string) => newestUpdateMessage(model, id).headline;
    expect([headline('new-app'), headline('false-alarm')]).toEqual([
      'Notice: Incident new-app',
      'Resolved: Incident false-alarm',
    ]);
  });
});
