import { describe, expect, test } from 'vitest';
import { siteConfigSchema } from './site-config.ts';
import { signUpUrl } from './subscriptions-config.ts';

const SITE = {
  name: 'Acme',
  url: 'https://status.acme.example',
  groups: [{ name: 'Apps', components: [{ id: 'web', name: 'Website' }] }],
};
const messages = (subscriptions: unknown) => {
  const result = siteConfigSchema.safeParse({ ...SITE, subscriptions });
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
};

describe('subscriptions: in status.config.yaml', () => {
  test('an address is all it needs; the secret’s variable has a default', () => {
    const config = siteConfigSchema.parse({
      ...SITE,
      subscriptions: { service: 'https://subscriptions.acme.example/' },
    });
    expect(config.subscriptions).toEqual({
      service: 'https://subscriptions.acme.example/',
      secret_env: 'STATUS_SUBSCRIPTIONS_SECRET',
    });
    expect(signUpUrl(config.subscriptions!)).toBe('https://subscriptions.acme.example/subscribe');
  });

  test('the page’s own host is refused: the form would post to a static file', () => {
    expect(messages({ service: 'https://status.acme.example/subscriptions' })).toEqual([
      "subscriptions.service: is on status.acme.example, the page's own host (url); the subscriptions service is a Worker at its own address, such as https://status-subscriptions.<account>.workers.dev",
    ]);
  });

  test('no address, or not one, says what to write', () => {
    expect(messages({})).toEqual([
      'service: is required: the address the subscriptions service answers at'.replace(/^/, 'subscriptions.'),
    ]);
    expect(messages({ service: 'subscriptions.acme.example' })[0]).toMatch(
      /^subscriptions\.service: .*; write the service's address, such as https:\/\/status-subscriptions\.chirp\.workers\.dev$/,
    );
    expect(messages({ service: 'https://x.example', secret_env: 'lower' })[0]).toMatch(
      /^subscriptions\.secret_env: must name an environment variable/,
    );
  });
});
