import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { LOCAL_TIME_SCRIPT, LOCAL_TIME_SCRIPT_HASH } from './local-time.ts';

test('the local-time script stays under 1 KB', () => {
  expect(Buffer.byteLength(LOCAL_TIME_SCRIPT)).toBeLessThanOrEqual(1024);
});

test('the policy allows exactly that script, by its SHA-256, and nothing else', () => {
  const digest = createHash('sha256').update(LOCAL_TIME_SCRIPT, 'utf8').digest('base64');
  expect(LOCAL_TIME_SCRIPT_HASH).toBe(`'sha256-${digest}'`);
  expect(/script-src ([^;]*);/.exec(CONTENT_SECURITY_POLICY)?.[1]?.split(' ')).toContain(`'sha256-${digest}'`);
  expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline[^;]*;[^;]*script|script-src[^;]*unsafe/);
});
