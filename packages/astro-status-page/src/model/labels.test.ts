import { describe, expect, test } from 'vitest';
import { incident, maintenance, SAMPLE_OUTAGE, SAMPLE_UPGRADE } from '../../tests/helpers/incident-files.ts';
import { siteText } from './site-text.ts';
import { eventAt, type StatusEvent } from './events.ts';
import {
  affectedGroups,
  affectedSummary,
  affectedTense,
  durationLabel,
  endedAt,
  hasDuration,
  ongoingSummary,
  outcomeLabel,
  severityLabel,
  updateLabel,
} from './labels.ts';

const at = Date.parse;
const outage = SAMPLE_OUTAGE;
const upgrade = SAMPLE_UPGRADE;
const cancelled = maintenance('cancelled', {
  components: ['dm'],
  window: ['2022-12-30T02:00:00Z', '2022-12-30T04:00:00Z'],
  updates: [
    ['2022-12-23T10:00:00Z', 'scheduled'],
    ['2022-12-24T10:00:00Z', 'cancelled'],
  ],
});

/** The event and the page's words at a moment, in English or French, UTC. */
function seen(
  file: Parameters<typeof eventAt>[0],
  moment: string,
  locale: 'en' | 'fr' = 'en',
): { event: StatusEvent; text: ReturnType<typeof siteText> } {
  const now = at(moment);
  return { event: eventAt(file, now)!, text: siteText({ locale, timezone: 'UTC', now }) };
}

describe('an incident', () => {
  test('while open: how long so far at the moment of the build, no outcome, no end', () => {
    const { event, text } = seen(outage, '2022-12-28T13:30:00Z');
    expect(durationLabel(event, text)).toBe('Ongoing for 1 h 17 min');
    expect(outcomeLabel(event, text)).toBeNull();
    expect(endedAt(event)).toBeNull();
    expect(severityLabel(event, text)).toBe('Major system outage');
  });

  test('once resolved: its outcome and how long it lasted, whatever the moment', () => {
    const { event, text } = seen(outage, '2023-01-05T00:00:00Z');
    expect([outcomeLabel(event, text), durationLabel(event, text)]).toEqual(['Resolved', 'Lasted 2 h 3 min']);
    expect(endedAt(event)).toBe(at('2022-12-28T14:16:00Z'));
  });

  test('in the site’s language', () => {
    const { event, text } = seen(outage, '2022-12-28T13:30:00Z', 'fr');
    expect(durationLabel(event, text)).toMatch(/^En cours depuis 1\s?h 17\s?min$/);
  });

  test('each component: for how long while unchanged, what it went through once changed or over', () => {
    const { event, text } = seen(outage, '2022-12-28T13:30:00Z');
    const [web] = event.components;
    expect(ongoingSummary(web!, text)).toBe('for 1 h 17 min');
    expect(affectedSummary(seen(outage, '2023-01-05T00:00:00Z').event.components[0]!, text)).toBe(
      'Major outage, for 2 h 3 min',
    );
  });
});

describe('a notice: closed as it was posted, no impact, nothing affected', () => {
  // cState's informational posts (info.linuxserver.io: "New Container: Steam") are imported this way.
  const posted = (options: Partial<Parameters<typeof incident>[1]>) =>
    seen(
      incident('notice', {
        impact: 'none',
        components: {},
        updates: [['2026-01-11T21:00:00Z', 'resolved']],
        ...options,
      }),
      '2026-02-01T00:00:00Z',
    );

  test('reads "Notice" with no outcome and no length, never "Resolved" nor "Lasted less than a minute"', () => {
    const { event, text } = posted({});
    expect(event.kind === 'incident' && event.notice).toBe(true);
    expect(severityLabel(event, text)).toBe('Notice');
    expect(outcomeLabel(event, text)).toBeNull();
    expect(hasDuration(event)).toBe(false);
    expect(updateLabel(event, 'resolved', text.t.updateStatus)).toBe('Notice');
  });

  test('is not a notice once anything says otherwise: a length, an impact, a component, or still open', () => {
    const cases = [
      posted({
        updates: [
          ['2026-01-11T21:00:00Z', 'investigating'],
          ['2026-01-11T21:20:00Z', 'resolved'],
        ],
      }),
      posted({ impact: 'minor' }),
      posted({ components: { web: 'degraded_performance' } }),
      posted({ updates: [['2026-01-11T21:00:00Z', 'investigating']] }),
    ];
    expect(cases.map(({ event }) => event.kind === 'incident' && event.notice)).toEqual([false, false, false, false]);
    const { event, text } = cases[0]!;
    expect([
      outcomeLabel(event, text),
      durationLabel(event, text),
      updateLabel(event, 'resolved', text.t.updateStatus),
    ]).toEqual(['Resolved', 'Lasted 20 min', 'Resolved']);
  });
});

describe('a maintenance', () => {
  test('says its planned window, then its window in progress, then how long it took', () => {
    const durations = ['2022-12-29T00:00:00Z', '2022-12-30T03:00:00Z', '2022-12-31T00:00:00Z'].map((moment) => {
      const { event, text } = seen(upgrade, moment);
      return durationLabel(event, text);
    });
    expect(durations).toEqual(['Planned: 2 h window', 'In progress: 2 h window', 'Lasted 1 h 50 min']);
    const { event, text } = seen(upgrade, '2022-12-29T00:00:00Z');
    expect(severityLabel(event, text)).toBe('Maintenance');
  });

  test('cancelled before its window: did not take place', () => {
    const { event, text } = seen(cancelled, '2022-12-31T00:00:00Z');
    expect([outcomeLabel(event, text), durationLabel(event, text)]).toEqual(['Cancelled', 'Did not take place']);
  });
});

describe('the compact affected line', () => {
  // Three components at three levels; at 13:00 the web recovers while login is still down.
  const spread = incident('spread', {
    components: { web: 'partial_outage', login: 'major_outage', dm: 'degraded_performance' },
    updates: [
      ['2022-12-28T12:00:00Z', 'investigating'],
      ['2022-12-28T14:00:00Z', 'resolved'],
    ],
  });
  spread.data.updates.splice(1, 0, {
    at: '2022-12-28T13:00:00Z',
    status: 'monitoring',
    message: 'Web is back.',
    components: { web: 'operational' },
  });

  test('while open: one group per status now, worst first, recovered components last', () => {
    const { event } = seen(spread, '2022-12-28T13:30:00Z');
    expect(affectedGroups(event)).toEqual([
      { status: 'major_outage', ids: ['login'] },
      { status: 'degraded_performance', ids: ['dm'] },
      { status: 'operational', ids: ['web'] },
    ]);
  });

  test('once over: each component under the worst status it reached, every component once', () => {
    const { event } = seen(spread, '2022-12-29T00:00:00Z');
    const groups = affectedGroups(event);
    expect(groups).toEqual([
      { status: 'major_outage', ids: ['login'] },
      { status: 'partial_outage', ids: ['web'] },
      { status: 'degraded_performance', ids: ['dm'] },
    ]);
    expect(groups.flatMap((group) => group.ids).sort()).toEqual(event.components.map((affected) => affected.id).sort());
  });
});

describe('a maintenance’s affected line follows its window', () => {
  test('before: planned; during: under maintenance now; after: what it went through', () => {
    const line = (moment: string) => {
      const { event } = seen(upgrade, moment);
      return [affectedTense(event), affectedGroups(event)];
    };
    const dm = [{ status: 'under_maintenance', ids: ['dm'] }];
    expect(line('2022-12-29T00:00:00Z')).toEqual(['planned', dm]);
    expect(line('2022-12-30T03:00:00Z')).toEqual(['now', dm]);
    expect(line('2022-12-31T00:00:00Z')).toEqual(['past', dm]);
  });

  test('a window that closed with no completing update is over too, not operational now', () => {
    const unclosed = maintenance('unclosed', {
      components: ['dm'],
      window: ['2022-12-30T02:00:00Z', '2022-12-30T04:00:00Z'],
      updates: [
        ['2022-12-23T10:00:00Z', 'scheduled'],
        ['2022-12-30T02:00:00Z', 'in_progress'],
      ],
    });
    const { event } = seen(unclosed, '2022-12-30T05:00:00Z');
    expect([affectedTense(event), affectedGroups(event)]).toEqual([
      'past',
      [{ status: 'under_maintenance', ids: ['dm'] }],
    ]);
  });

  test('called off before its window: nothing was affected', () => {
    expect(affectedGroups(seen(cancelled, '2022-12-31T00:00:00Z').event)).toEqual([]);
  });
});
