import { expect, test } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentSecurityPolicy, formTargets } from './csp.ts';

test('forms post nowhere without a subscriptions service', () => {
  expect(formTargets(undefined, 'https://status.acme.example/')).toEqual([]);
  expect(CONTENT_SECURITY_POLICY).toMatch(/; form-action 'none'$/);
});

test('with one, the sign-up form may post to it and follow its answer back to the site, and to nothing else', () => {
  const targets = formTargets('https://subscriptions.acme.example/v1/', 'https://status.acme.example/status/');
  expect(targets).toEqual(['https://subscriptions.acme.example', 'https://status.acme.example']);
  const policy = contentSecurityPolicy(targets);
  expect(policy).toMatch(/; form-action https:\/\/subscriptions\.acme\.example https:\/\/status\.acme\.example$/);
  // Only form-action changes.
  expect(policy.replace(/form-action .*$/, '')).toBe(CONTENT_SECURITY_POLICY.replace(/form-action .*$/, ''));
});
