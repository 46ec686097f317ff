import { describe, expect, test } from 'vitest';
import { buildAt } from '../../tests/helpers/api-at.ts';
import { CHIRP } from '../../tests/helpers/build.ts';
import { hostBuild, judgeHosts, overduePromises, problemKey, repoUpdates, type HostReading } from './judge.ts';

/*
 * The example site's outage (28 Dec 2022) as hosts would serve it, each API
 * computed by the build's own code at a given moment. The watchdog runs at
 * 16:00 UTC with the default promise: hourly builds, 30 minutes' grace.
 */

const NOW = Date.parse('2022-12-28T16:00:00Z');
const MAX_AGE = 90 * 60_000;
const main = buildAt(CHIRP, '2022-12-28T15:30:00Z');
const repo = repoUpdates(buildAt(CHIRP, '2022-12-28T16:00:00Z'), MAX_AGE);
const host = (name: string, at: string): HostReading => ({
  url: `https://${name}.example/`,
  build: hostBuild(buildAt(CHIRP, at), repo),
});
const judge = (...readings: HostReading[]) => judgeHosts(readings, repo, { now: NOW, maxAgeMs: MAX_AGE });
const linesOf = (...readings: HostReading[]) => judge(...readings).flatMap((verdict) => verdict.lines);

describe('the watchdog’s verdict on each host', () => {
  test('hosts serving the same recent build are fine', () => {
    const verdicts = judge(host('a', '2022-12-28T15:30:00Z'), host('b', '2022-12-28T15:30:00Z'));
    expect(verdicts.map((verdict) => verdict.ok)).toEqual([true, true]);
    expect(verdicts[0]!.lines).toEqual([
      `https://a.example/: OK, build ${main.context.page.build_id} of 2022-12-28T15:30Z, 30 min old`,
    ]);
  });

  test('a host that could not be read is unreachable, and only that', () => {
    expect(linesOf({ url: 'https://down.example/', error: 'could not connect (ECONNREFUSED)' })).toEqual([
      'https://down.example/: unreachable: could not connect (ECONNREFUSED)',
    ]);
  });

  test('a build older than the max age is stale, and only that (its lag and its other build follow from it)', () => {
    const lines = linesOf(host('a', '2022-12-28T15:30:00Z'), host('old', '2022-12-28T13:00:00Z'));
    expect(lines[1]).toMatch(
      /^https:\/\/old\.example\/: stale: build [0-9a-f]{12} of 2022-12-28T13:00Z, 3 h old \(at most 1 h 30 min\)$/,
    );
  });

  test('exactly at the max age a build is still fresh; a minute later it is stale', () => {
    expect(judge(host('a', '2022-12-28T14:30:00Z'))[0]!.ok).toBe(true);
    expect(judge(host('a', '2022-12-28T14:29:00Z'))[0]!.lines[0]).toContain('stale');
  });

  test('a recent build of other content than its peers is another build, named with the build they serve', () => {
    const lines = linesOf(
      host('a', '2022-12-28T15:30:00Z'),
      host('b', '2022-12-28T15:30:00Z'),
      host('c', '2022-12-28T15:00:00Z'),
    );
    expect(lines[2]).toBe(
      `https://c.example/: another build: serves build ${buildAt(CHIRP, '2022-12-28T15:00:00Z').context.page.build_id} of 2022-12-28T15:00Z, while https://a.example/, https://b.example/ serve build ${main.context.page.build_id} of 2022-12-28T15:30Z`,
    );
  });

  test('of two hosts that disagree, the newer build is the reference', () => {
    const verdicts = judge(host('a', '2022-12-28T15:00:00Z'), host('b', '2022-12-28T15:30:00Z'));
    expect(verdicts.map((verdict) => verdict.ok)).toEqual([false, true]);
  });

  test('a recent build lacking an update the repository held long enough ago is behind main', () => {
    // Built just now, from files without the 14:16 resolution (a stuck checkout, a deploy from an old clone).
    const behind = buildAt(CHIRP, '2022-12-28T14:00:00Z');
    const served: HostReading = {
      url: 'https://lagging.example/',
      build: { ...hostBuild(behind, repo), at: Date.parse('2022-12-28T15:30:00Z') },
    };
    expect(linesOf(served)).toEqual([
      `https://lagging.example/: behind main: build ${behind.context.page.build_id} of 2022-12-28T15:30Z lacks 1 update due by now (2022-12-28-login-and-posting-failing-update-20221228T141600Z)`,
    ]);
  });

  test('an update is not due on the hosts before its time plus the interval and grace: a build between is not behind', () => {
    const early = judgeHosts([host('a', '2022-12-28T14:00:00Z')], repo, {
      now: Date.parse('2022-12-28T15:00:00Z'),
      maxAgeMs: MAX_AGE,
    });
    expect(early[0]!.ok).toBe(true);
  });
});

describe('each problem’s identity from run to run (problemKey)', () => {
  const keysAt = (now: string, ...readings: HostReading[]) =>
    judgeHosts(readings, repo, { now: Date.parse(now), maxAgeMs: MAX_AGE }).map((verdict) => verdict.problem?.key);

  test('a stale host keeps its key as its build ages, while the line says the new age', () => {
    const old = host('old', '2022-12-28T13:00:00Z');
    const [early, late] = [
      judge(old),
      judgeHosts([old], repo, { now: Date.parse('2022-12-28T18:30:00Z'), maxAgeMs: MAX_AGE }),
    ];
    expect(early[0]!.problem!.line).not.toBe(late[0]!.problem!.line);
    expect(early[0]!.problem!.key).toBe(late[0]!.problem!.key);
  });

  test('a host that is down keeps its key whatever its error says', () => {
    const [a, b] = [
      keysAt('2022-12-28T16:00:00Z', { url: 'https://down.example/', error: 'could not connect (ECONNREFUSED)' }),
      keysAt('2022-12-28T16:15:00Z', { url: 'https://down.example/', error: 'timed out after 10 s' }),
    ];
    expect(a).toEqual(b);
  });

  test('the key changes with the host, the kind of problem and the build it serves', () => {
    const [stale1] = keysAt('2022-12-28T16:00:00Z', host('old', '2022-12-28T13:00:00Z'));
    const [stale2] = keysAt('2022-12-28T16:00:00Z', host('old', '2022-12-28T14:00:00Z'));
    const [otherHost] = keysAt('2022-12-28T16:00:00Z', host('older', '2022-12-28T13:00:00Z'));
    const [down] = keysAt('2022-12-28T16:00:00Z', { url: 'https://old.example/', error: 'refused' });
    expect(new Set([stale1, stale2, otherHost, down]).size).toBe(4);
    expect(problemKey('stale', 'https://a.example/', 'b1')).not.toBe(
      problemKey('another build', 'https://a.example/', 'b1'),
    );
  });

  test('hosts that are fine have no problem', () => {
    expect(keysAt('2022-12-28T16:00:00Z', host('a', '2022-12-28T15:30:00Z'))).toEqual([undefined]);
  });

  test('a broken promise keeps its key as it grows overdue; the next promise broken is another problem', () => {
    const reading = (promisedBy: string): HostReading => ({
      url: 'https://a.example/',
      build: {
        ...hostBuild(main, repo),
        promises: [{ id: 'outage', name: 'Outage', shortlink: 'https://s/x', promisedBy: Date.parse(promisedBy) }],
      },
    });
    const [early] = overduePromises([reading('2022-12-28T15:00:00Z')], Date.parse('2022-12-28T15:10:00Z'));
    const [late] = overduePromises([reading('2022-12-28T15:00:00Z')], Date.parse('2022-12-28T15:40:00Z'));
    const [next] = overduePromises([reading('2022-12-28T15:30:00Z')], Date.parse('2022-12-28T15:40:00Z'));
    expect(early!.line).not.toBe(late!.line);
    expect(early!.key).toBe(late!.key);
    expect(next!.key).not.toBe(late!.key);
  });
});
