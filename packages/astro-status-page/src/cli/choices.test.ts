import { expect, test } from 'vitest';
import { componentGroups, impactChoices, joinNames, statusChoices } from './choices.ts';
import type { SiteConfig } from '../files/schemas/site-config.ts';
import { DEFAULT_FRESHNESS } from '../files/schemas/freshness-config.ts';

const CONFIG: SiteConfig = {
  name: 'Chirp',
  url: 'https://status.chirp.example',
  timezone: 'UTC',
  locale: 'en',
  localTime: false,
  freshness: DEFAULT_FRESHNESS,
  mirrors: [],
  groups: [
    {
      name: 'Apps',
      components: [
        { id: 'web', name: 'Web' },
        { id: 'ios', name: 'iOS app' },
      ],
    },
    { name: 'Core services', components: [{ id: 'direct-messages', name: 'Direct messages' }] },
  ],
};

test('components are offered by name, grouped as on the page, with their status now', () => {
  const groups = componentGroups(CONFIG, new Map([['ios', 'major_outage']]));
  expect([...groups]).toEqual([
    [
      'Apps',
      [
        { value: 'web', label: 'Web (now ✓ Operational)' },
        { value: 'ios', label: 'iOS app (now ✕ Major outage)' },
      ],
    ],
    ['Core services', [{ value: 'direct-messages', label: 'Direct messages (now ✓ Operational)' }]],
  ]);
});

test('impacts are offered worst first, the proposed one marked, the lower ones saying the page raises them, none only when nothing is down', () => {
  expect(impactChoices('major').map((choice) => choice.label)).toEqual([
    'critical: ✕ Major system outage',
    'major: ◆ Partial system outage (proposed)',
    'minor: ▲ Minor service outage (the page shows major anyway)',
  ]);
  expect(impactChoices('none').map((choice) => choice.label)).toEqual([
    'critical: ✕ Major system outage',
    'major: ◆ Partial system outage',
    'minor: ▲ Minor service outage',
    'none: ✓ No impact (proposed)',
  ]);
});

test('statuses read as on the page', () => {
  expect(statusChoices(['degraded_performance', 'major_outage'])).toEqual([
    { value: 'degraded_performance', label: '▲ Degraded performance' },
    { value: 'major_outage', label: '✕ Major outage' },
  ]);
});

test('names join into a sentence', () => {
  expect([
    joinNames([]),
    joinNames(['Web']),
    joinNames(['Web', 'Login']),
    joinNames(['Web', 'iOS app', 'Login']),
  ]).toEqual(['', 'Web', 'Web and Login', 'Web, iOS app and Login']);
});
