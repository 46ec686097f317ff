import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY } from './csp.ts';
import { LOCAL_TIME_SCRIPT_HASH } from './local-time.ts';
import { STALE_WARNING_SCRIPT, STALE_WARNING_SCRIPT_HASH } from './stale-warning.ts';

test('the stale-page warning script stays under 600 bytes', () => {
  expect(Buffer.byteLength(STALE_WARNING_SCRIPT)).toBeLessThan(600);
});

test('the policy allows exactly the two scripts, by their SHA-256, and nothing else', () => {
  const digest = createHash('sha256').update(STALE_WARNING_SCRIPT, 'utf8').digest('base64');
  expect(STALE_WARNING_SCRIPT_HASH).toBe(`'sha256-${digest}'`);
  expect(/script-src ([^;]*);/.exec(CONTENT_SECURITY_POLICY)?.[1]?.split(' ')).toEqual([
    STALE_WARNING_SCRIPT_HASH,
    LOCAL_TIME_SCRIPT_HASH,
  ]);
});
