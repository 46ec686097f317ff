import { createHmac } from 'node:crypto';
import { expect, test } from 'vitest';
import { buildAt } from '../../tests/helpers/api-at.ts';
import { CHIRP } from '../../tests/helpers/build.ts';
import { liveChannel, signature } from './channels.ts';
import { newNotifications } from './diff.ts';

const current = buildAt(CHIRP, '2022-12-30T02:07:00Z');
const previous = buildAt(CHIRP, '2022-12-26T00:00:00Z');
const notifications = newNotifications(previous.index, current.snapshot);
const slack = (components?: string[]) =>
  liveChannel(
    { name: 'api-slack', type: 'slack', url_env: 'API_SLACK', ...(components ? { components } : {}) },
    { API_SLACK: 'https://hooks.example/T/B/x' },
    current.context,
  );

test('a component filter routes: the API team hears of the outage that hit the API, not of the messaging maintenance', () => {
  const all = notifications.map((n) => n.event.id);
  // The web's check opened 2022-12-28-web-is-not-responding: it is announced like any incident (to channels that want the web).
  expect(new Set(all)).toEqual(
    new Set([
      '2022-12-26-api-errors',
      '2022-12-28-login-and-posting-failing',
      '2022-12-28-web-is-not-responding',
      '2022-12-30-messaging-database-maintenance',
    ]),
  );
  const forApi = notifications.filter(slack(['api']).wants).map((n) => n.event.id);
  expect(new Set(forApi)).toEqual(new Set(['2022-12-26-api-errors', '2022-12-28-login-and-posting-failing']));
  expect(notifications.filter(slack().wants)).toHaveLength(notifications.length);
});

test('a channel is off while its variable is unset, and names it', () => {
  const webhook = liveChannel(
    { name: 'hook', type: 'webhook', url_env: 'HOOK_URL', secret_env: 'HOOK_SECRET' },
    { HOOK_URL: 'https://x.example/h' },
    current.context,
  );
  expect(webhook.missing).toEqual(['HOOK_SECRET']);
  expect(slack().missing).toEqual([]);
});

test('the signature is HMAC-SHA256 over "<t>.<body>", as a receiver recomputes it', () => {
  const expected = createHmac('sha256', 'shh').update('1700000000.{"a":1}').digest('hex');
  expect(signature('shh', '{"a":1}', 1_700_000_000)).toBe(`t=1700000000,v1=${expected}`);
});

test.each([
  // The one URL rule (rules/urls.ts), with each channel's form; the reason never shows the secret.
  [
    'slack',
    'https://user:secret-pass@hooks.example/T/B/x',
    "$URL must not carry a user name or password; it must hold the slack webhook's absolute http(s) URL",
  ],
  [
    'discord',
    'javascript:alert(1)',
    "$URL uses javascript:, but only https: or http: is allowed here; it must hold the discord webhook's absolute http(s) URL",
  ],
  [
    'webhook',
    'https://x.example/hook-secret-token\n',
    "$URL holds a space, line break or control character; it must hold the webhook webhook's absolute http(s) URL",
  ],
  [
    'teams',
    'hooks.example/secret-path',
    "$URL is not an absolute URL; it must hold the teams webhook's absolute http(s) URL",
  ],
  [
    'email',
    'https://smtp.example/secret-path',
    '$URL uses https:, but only smtps: or smtp: is allowed here; it must hold an smtp: or smtps: URL such as smtps://user:password@smtp.example.com:465',
  ],
  ['email', 'smtps://user:secret-pass@smtp.example:465', undefined],
  ['slack', 'https://hooks.example/T/B/x?token=1', undefined],
] as const)('a %s channel whose variable holds %j: %s', (type, value, invalid) => {
  const config =
    type === 'email'
      ? { name: 'c', type, url_env: 'URL', from: 's@chirp.example', to: ['l@chirp.example'] }
      : type === 'webhook'
        ? { name: 'c', type, url_env: 'URL', secret_env: 'SECRET' }
        : { name: 'c', type, url_env: 'URL' };
  const channel = liveChannel(config, { URL: value, SECRET: 's' }, current.context);
  expect(channel.invalid).toBe(invalid);
  expect(channel.invalid ?? '').not.toContain('secret');
});
