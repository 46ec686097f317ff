import { describe, expect, test } from 'vitest';
import { cronMinutes, scheduleInterval } from './cron.ts';

const interval = (...lines: string[]) => scheduleInterval(lines);

describe('scheduleInterval', () => {
  test('reads the intervals of evenly spaced schedules', () => {
    expect(interval('7 * * * *')).toEqual({ interval: 3_600_000 });
    expect(interval('*/15 * * * *')).toEqual({ interval: 900_000 });
    expect(interval('*/5 * * * *')).toEqual({ interval: 300_000 });
    expect(interval('0 */2 * * *')).toEqual({ interval: 7_200_000 });
    expect(interval('0,30 * * * *')).toEqual({ interval: 1_800_000 });
    expect(interval('5/20 * * * *')).toEqual({ interval: 1_200_000 });
    expect(interval('30 4 * * *')).toEqual({ interval: 86_400_000 });
  });

  test('several lines run as one schedule', () => {
    expect(interval('0 * * * *', '30 * * * *')).toEqual({ interval: 1_800_000 });
    expect(interval('0 * * * *', '10 * * * *')).toEqual({
      problem: 'its runs are unevenly spaced (10, 50 min apart), so it has no one interval',
    });
  });

  test('an uneven schedule, or one that skips days, has no interval', () => {
    expect(interval('0 9-17 * * *')).toEqual({
      problem: 'its runs are unevenly spaced (60, 960 min apart), so it has no one interval',
    });
    expect(interval('*/7 * * * *')).toMatchObject({ problem: expect.stringContaining('unevenly spaced') });
    expect(interval('0 * * * 1-5')).toEqual({
      problem: '"0 * * * 1-5" runs only on some days (its day, month or weekday field is not *), so it has no interval',
    });
    expect(interval()).toEqual({ problem: 'it has no cron line' });
  });
});

describe('cronMinutes', () => {
  test('lists the minutes of the day a line runs at', () => {
    expect(cronMinutes('15 1-2 * * *')).toEqual({ minutes: [75, 135] });
    expect(cronMinutes('0,30 0 * * *')).toEqual({ minutes: [0, 30] });
  });

  test('refuses what it cannot read, saying which field', () => {
    expect(cronMinutes('7 * * *')).toEqual({
      problem: '"7 * * *" has 4 fields; a cron line has five: minute hour day month weekday',
    });
    expect(cronMinutes('61 * * * *')).toEqual({ problem: '"61 * * * *": its minute field "61" is outside 0–59' });
    expect(cronMinutes('0 H * * *')).toEqual({
      problem: '"0 H * * *": its hour field "H" is not a number, a range (a-b), a list (a,b) or a step (*/n)',
    });
  });
});
