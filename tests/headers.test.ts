import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../src/lib/csp.ts';
import { outDir, ROOT } from './helpers/build.ts';
import { builtPages, page } from './helpers/pages.ts';

const build = 'example-mid-outage';

/** `public/_headers` as Netlify and Cloudflare Pages read it: path pattern → header → value. */
function readHeaders(): Array<{ pattern: string; headers: Record<string, string> }> {
  const rules: Array<{ pattern: string; headers: Record<string, string> }> = [];
  for (const line of readFileSync(join(ROOT, 'public/_headers'), 'utf8').split('\n')) {
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) rules.push({ pattern: line.trim(), headers: {} });
    else {
      const [name, ...value] = line.trim().split(':');
      rules.at(-1)!.headers[name!.toLowerCase()] = value.join(':').trim();
    }
  }
  return rules;
}

/** Both hosts' matching: `*` matches anything, including slashes. */
const matches = (pattern: string, path: string) => new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(path);

const builtFiles = (dir = outDir(build)): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(outDir(build), join(entry.parentPath, entry.name))}`);

describe('public/_headers', () => {
  const rules = readHeaders();

  test('every response gets the strict policy, nosniff and a referrer policy', () => {
    const all = rules.find((rule) => rule.pattern === '/*')?.headers;
    expect(all?.['content-security-policy']).toBe(`${CONTENT_SECURITY_POLICY}; frame-ancestors 'none'`);
    expect(all?.['x-content-type-options']).toBe('nosniff');
    expect(all?.['referrer-policy']).toBe('no-referrer');
  });

  test('each built file gets exactly one Cache-Control: a minute for pages and feeds, a year for hashed assets', () => {
    const files = [...builtFiles(), '/', '/_astro/index.AbC123.css', '/api/v2/summary.json'];
    for (const file of files) {
      const values = rules.filter((rule) => rule.headers['cache-control'] && matches(rule.pattern, file)).map((rule) => rule.headers['cache-control']);
      if (/\.(html|xml|json|atom|rss|ics)$|\/$|badge\.svg$/.test(file)) expect(values, file).toEqual(['public, max-age=60']);
      else if (file.startsWith('/_astro/')) expect(values, file).toEqual(['public, max-age=31536000, immutable']);
      else expect(values.length, file).toBeLessThanOrEqual(1);
    }
  });

  test('is published with the site', () => {
    expect(builtFiles()).toContain('/_headers');
  });
});

test('every page carries the same policy in <meta http-equiv>, before any style', () => {
  for (const path of builtPages(build)) {
    const head = page(build, path).querySelector('head');
    const meta = head?.querySelector('meta[http-equiv="Content-Security-Policy"]');
    expect(meta?.getAttribute('content'), path).toBe(CONTENT_SECURITY_POLICY);
    expect(head?.innerHTML.indexOf('Content-Security-Policy'), path).toBeLessThan(head?.innerHTML.indexOf('<style') ?? 0);
  }
});
