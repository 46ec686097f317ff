import { describe, expect, test } from 'vitest';
import { generateIncidentSources, seededDice } from '../bench/generate.ts';
import { readSiteConfig } from '../src/files/site-files.ts';
import { validateIncidentFiles } from '../src/files/validate.ts';
import { eventAt, isActive } from '../src/model/events.ts';
import { listComponents } from '../src/files/schemas/site-config.ts';
import { CHIRP } from './helpers/build.ts';

const components = listComponents(readSiteConfig(CHIRP));
const now = Date.parse('2026-06-01T12:00:00Z');
const generate = (seed: number) => generateIncidentSources(components, { count: 400, now, seed });

describe('the benchmark’s synthetic history (bench/generate.ts)', () => {
  test('is the same for the same seed and differs for another', () => {
    expect(generate(7)).toEqual(generate(7));
    expect(generate(8)).not.toEqual(generate(7));
  });

  test('passes the validator, with ongoing incidents, upcoming and past maintenance, over several years', () => {
    const { entries, problems } = validateIncidentFiles(
      generate(1),
      components.map((component) => component.id),
    );
    expect(problems).toEqual([]);
    expect(entries).toHaveLength(400);
    const events = entries.flatMap((entry) => eventAt(entry, now) ?? []);
    expect(events.filter((event) => event.kind === 'incident' && isActive(event)).length).toBeGreaterThanOrEqual(2);
    expect(events.some((event) => event.kind === 'maintenance' && event.phase === 'upcoming')).toBe(true);
    expect(events.some((event) => event.kind === 'maintenance' && event.phase === 'over')).toBe(true);
    const years = new Set(entries.map((entry) => entry.file.split('/')[1]));
    expect(years.size).toBeGreaterThanOrEqual(3);
    expect(new Set(entries.map((entry) => entry.data.updates.length))).toEqual(new Set([1, 2, 3, 4]));
  });

  test('dice stay in range and samples do not repeat', () => {
    const dice = seededDice(3);
    for (let i = 0; i < 1000; i++) expect(dice.between(1, 4)).toSatisfy((n: number) => n >= 1 && n <= 4);
    const sample = dice.sample(['a', 'b', 'c', 'd'], 3);
    expect(new Set(sample).size).toBe(3);
  });
});
