import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readSiteConfig, SiteConfigError } from './site-files.ts';

/** A site folder whose config has `tail` after its groups, from line 10 on. */
function siteWith(tail: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'status-probes-'));
  writeFileSync(
    join(dir, 'status.config.yaml'),
    `name: Chirp
url: https://status.chirp.example
groups:
  - name: Apps
    components:
      - id: web
        name: Web
      - id: api
        name: API
${tail}`,
  );
  return dir;
}

/** A config whose `probes:` list holds `probe` (lines from line 10 on). */
const read = (probe: string) => readSiteConfig(siteWith(`probes:\n${probe}`));

function problemsOf(probe: string) {
  try {
    read(probe);
  } catch (error) {
    if (error instanceof SiteConfigError)
      return error.problems.map((problem) => `${problem.line} ${problem.field}: ${problem.message}`);
    throw error;
  }
  return [];
}

describe('probes: in status.config.yaml', () => {
  test('the issue’s shape is read, with the defaults filled in', () => {
    const config = read(
      `  - component: web\n    url: https://chirp.example/health\n    expect: { status: 200, max_ms: 2000, body_contains: '"status":"UP"' }\n`,
    );
    expect(config.probes).toEqual([
      {
        component: 'web',
        url: 'https://chirp.example/health',
        method: 'GET',
        timeout: 10_000,
        expect: { status: 200, max_ms: 2000, body_contains: '"status":"UP"' },
        open_after: 2,
        close_after: 2,
        auto_resolve: false,
      },
    ]);
  });

  test.each([
    [
      `  - component: wbe\n    url: https://chirp.example/health\n`,
      /^11 probes\.0\.component: unknown component "wbe".*web/,
    ],
    [
      `  - component: web\n    url: ftp://chirp.example/health\n`,
      /^12 probes\.0\.url: .*absolute http\(s\) URL to check/,
    ],
    [
      `  - component: web\n    url: https://user:secret@chirp.example/\n`,
      /^12 probes\.0\.url: .*password|^12 probes\.0\.url: .*user name/,
    ],
    [`  - component: web\n    url: https://chirp.example/\n    method: GTE\n`, /^13 probes\.0\.method: .*GET/],
    [
      `  - component: web\n    url: https://chirp.example/\n    headers_env: { Authorization: "Bearer abc" }\n`,
      /^13 probes\.0\.headers_env\.Authorization: must name an environment variable/,
    ],
    [
      `  - component: web\n    url: https://chirp.example/\n    headers: { Authorization: "Bearer abc" }\n`,
      /^13 probes\.0\.headers: cannot hold header values.*headers_env/,
    ],
    [
      `  - component: web\n    url: https://chirp.example/\n    expect: { status: 999 }\n`,
      /^13 probes\.0\.expect.*status/,
    ],
    [
      `  - component: web\n    url: https://chirp.example/\n    expect: { max_ms: -5 }\n`,
      /^13 probes\.0\.expect\.max_ms: must be more than 0 milliseconds/,
    ],
    [
      `  - component: web\n    url: https://chirp.example/\n    expect: { body: UP }\n`,
      /^13 probes\.0\.expect\.body: is not a field we know; did you mean "body_contains"\?/,
    ],
    [
      `  - component: web\n    url: https://chirp.example/\n    open_after: 0\n`,
      /^13 probes\.0\.open_after: must be at least 1 run/,
    ],
    [
      `  - component: web\n    url: https://a.example/\n  - component: web\n    url: https://b.example/\n`,
      /^13 probes\.1\.component: check name "web" is used twice/,
    ],
  ])('refuses %j on its line, naming the field and what is allowed', (probe, expected) => {
    const problems = problemsOf(probe);
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toMatch(expected);
  });
});

describe('a misspelt key in status.config.yaml reads as one in an incident file', () => {
  test.each([
    [
      'prbes:\n  - component: web\n    url: https://chirp.example/\n',
      '10 prbes: is not a field we know; did you mean "probes"? Check its spelling.',
    ],
    [
      '  - component: web\n    url: https://chirp.example/\n    open_aftr: 2\n',
      '13 probes.0.open_aftr: is not a field we know; did you mean "open_after"? Check its spelling.',
    ],
  ])('%j: located, with the field the schema declares', (yaml, expected) => {
    // The first case replaces the `probes:` line itself (line 10).
    const problems = yaml.startsWith('prbes') ? problemsOfConfig(yaml) : problemsOf(yaml);
    expect(problems).toEqual([expected]);
  });
});

/** Problems of the config with `tail` in place of its `probes:` section (from line 10). */
function problemsOfConfig(tail: string) {
  const dir = siteWith(tail);
  try {
    readSiteConfig(dir);
  } catch (error) {
    if (error instanceof SiteConfigError)
      return error.problems.map((problem) => `${problem.line} ${problem.field}: ${problem.message}`);
    throw error;
  }
  return [];
}
