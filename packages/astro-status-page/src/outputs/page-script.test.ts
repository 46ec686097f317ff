import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { PAGE_SCRIPT, PAGE_SCRIPT_HASH } from './page-script.ts';

test('the page script stays under 1.5 KB', () => {
  expect(Buffer.byteLength(PAGE_SCRIPT)).toBeLessThan(1536);
});

test('the policy allows exactly that script, by its SHA-256, and nothing else', () => {
  const digest = createHash('sha256').update(PAGE_SCRIPT, 'utf8').digest('base64');
  expect(PAGE_SCRIPT_HASH).toBe(`'sha256-${digest}'`);
  expect(/script-src ([^;]*);/.exec(CONTENT_SECURITY_POLICY)?.[1]?.split(' ')).toEqual([PAGE_SCRIPT_HASH]);
});
