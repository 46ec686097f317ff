import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Context, Prompter } from '../context.ts';
import { newIncident } from './new.ts';

// The basic fixture, read only: every command here is a dry run.
const SITE = resolve(import.meta.dirname, '../../../tests/fixtures/basic');

/** A terminal that answers every menu with the choice it starts on, recording each question. */
function terminal() {
  const asked: Array<{ message: string; initial: string | undefined }> = [];
  const prompt: Prompter = {
    text: async (_question, options) => options?.fallback ?? 'typed',
    select: async (message, choices, initial) => {
      asked.push({ message, initial });
      return initial ?? choices[0]!.value;
    },
    groupMultiselect: async () => [],
    show: () => undefined,
    confirm: async () => true,
  };
  const out: string[] = [];
  const ctx: Context = {
    dir: SITE,
    now: Date.parse('2022-12-31T10:00:00Z'),
    env: {},
    out: (line) => out.push(line),
    prompt,
  };
  return { ctx, asked, out };
}

describe('new at a terminal', () => {
  test('the impact menu starts on what the components imply', async () => {
    const { ctx, asked, out } = terminal();
    await newIncident(ctx, {
      title: 'Down',
      component: ['web=degraded_performance', 'login=major_outage'],
      message: 'x',
      'dry-run': true,
    });
    expect(asked).toEqual([
      {
        message: 'Impact? Proposed: critical, from the worst status chosen (Login ✕ Major outage)',
        initial: 'critical',
      },
    ]);
    expect(out.join('\n')).toContain('\nimpact: critical\n');
    expect(out.join('\n')).not.toContain('pass --impact');
  });

  test('a component without a status is asked for, starting on major_outage, before the impact', async () => {
    const { ctx, asked } = terminal();
    await newIncident(ctx, { title: 'Down', component: ['web'], message: 'x', 'dry-run': true });
    expect(asked).toEqual([
      { message: 'Status of Web?', initial: 'major_outage' },
      { message: 'Impact? Proposed: critical, from the worst status chosen (Web ✕ Major outage)', initial: 'critical' },
    ]);
  });

  test('--impact is not asked for', async () => {
    const { ctx, asked } = terminal();
    await newIncident(ctx, {
      title: 'Down',
      component: ['web=major_outage'],
      impact: 'major',
      message: 'x',
      'dry-run': true,
    });
    expect(asked).toEqual([]);
  });
});
