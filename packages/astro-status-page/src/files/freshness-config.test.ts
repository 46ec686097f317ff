import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSiteConfig } from './site-files.ts';

/** A config whose lines 3 on are `extra`. */
function read(extra: string) {
  const dir = mkdtempSync(join(tmpdir(), 'status-freshness-'));
  writeFileSync(
    join(dir, 'status.config.yaml'),
    `name: Chirp\nurl: https://status.chirp.example\n${extra}groups:\n  - name: Apps\n    components:\n      - id: web\n        name: Web\n`,
  );
  return readSiteConfig(dir);
}

const refusal = (extra: string) => {
  try {
    read(extra);
    return 'accepted';
  } catch (error) {
    return (error as Error).message
      .split('\n')
      .find((line) => line.includes('status.config.yaml:'))!
      .trim();
  }
};

describe('freshness: how current the page promises to be', () => {
  test('left out: hourly, 30 minutes of grace, the warning on, no mirrors', () => {
    const config = read('');
    expect(config.freshness).toEqual({ interval: 3_600_000, grace: 1_800_000, warning: true });
    expect(config.mirrors).toEqual([]);
  });

  test('durations as staff write them', () => {
    expect(read('freshness:\n  interval: 15 min\n  grace: 1 h 30 min\n  warning: false\n').freshness).toEqual({
      interval: 900_000,
      grace: 5_400_000,
      warning: false,
    });
  });

  test.each([
    [
      'freshness:\n  interval: hourly\n',
      'status.config.yaml:4: freshness.interval: "hourly" is not a duration; write the rebuild interval as "1 h", "30 min", "1 h 30 min" or "90m"',
    ],
    [
      'freshness:\n  interval: 1 min\n',
      'status.config.yaml:4: freshness.interval: "1 min" is too short; the rebuild interval is at least 5 min',
    ],
    [
      'freshness:\n  grace: 30\n',
      'status.config.yaml:4: freshness.grace: write the grace as "1 h", "30 min", "1 h 30 min" or "90m", with its unit',
    ],
    [
      'freshness:\n  intervall: 1 h\n',
      'status.config.yaml:4: freshness.intervall: is not a field we know; did you mean "interval"? Check its spelling.',
    ],
    [
      'mirrors:\n  - chirp-status.pages.dev\n',
      'status.config.yaml:4: mirrors.0: is not an absolute URL; write the address of the same site on another host, such as https://chirp-status.pages.dev/',
    ],
    // Durations beyond a sane range, in each duration field and in every unit, refused at check (not a bug at build).
    [
      'freshness:\n  grace: 99999999999 d\n',
      'status.config.yaml:4: freshness.grace: "99999999999 d" is too long; the grace is at most 31 days',
    ],
    [
      'freshness:\n  interval: 99999999999 d\n',
      'status.config.yaml:4: freshness.interval: "99999999999 d" is too long; the rebuild interval is at most 31 days',
    ],
    [
      `freshness:\n  interval: ${'9'.repeat(400)} s\n`,
      `status.config.yaml:4: freshness.interval: "${'9'.repeat(80)}…" is too long; the rebuild interval is at most 31 days`,
    ],
    [
      'freshness:\n  grace: 32 days\n',
      'status.config.yaml:4: freshness.grace: "32 days" is too long; the grace is at most 31 days',
    ],
    // Mirrors: never the page's own address (any spelling of its host), never listed twice.
    [
      'mirrors:\n  - https://STATUS.chirp.example/\n',
      "status.config.yaml:4: mirrors.0: is on status.chirp.example, the page's own host (url); a mirror is the same site on another host, for when that one fails",
    ],
    [
      'mirrors:\n  - https://chirp-status.pages.dev\n  - https://Chirp-Status.pages.dev:443/\n',
      'status.config.yaml:5: mirrors.1: repeats mirrors.0 (https://chirp-status.pages.dev/); list each mirror once',
    ],
  ])('refused with its line: %j', (extra, message) => {
    expect(refusal(extra)).toBe(message);
  });

  test('the longest durations allowed are accepted', () => {
    expect(read('freshness:\n  interval: 31 d\n  grace: 744 h\n').freshness).toMatchObject({
      interval: 31 * 86_400_000,
      grace: 31 * 86_400_000,
    });
  });

  test('mirrors are absolute http(s) addresses', () => {
    expect(read('mirrors:\n  - https://chirp-status.pages.dev/\n').mirrors).toEqual([
      'https://chirp-status.pages.dev/',
    ]);
  });
});
