import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { CHIRP } from '../../tests/helpers/build.ts';
import { buildAt } from '../../tests/helpers/api-at.ts';
import { openSite } from '../files/open-site.ts';
import { newNotifications } from './diff.ts';
import { handover, subscriptionsChannel } from './subscriptions.ts';

const { config } = openSite(CHIRP);
const before = buildAt(CHIRP, '2022-12-28T12:45:00Z');
const after = buildAt(CHIRP, '2022-12-28T13:00:00Z');
const [identified] = newNotifications(before.index, after.snapshot);

describe('the handover to the subscriptions service', () => {
  test('carries what the service words each reader’s message with, and no address', () => {
    const body = handover(identified!, config);
    expect(body).toMatchObject({
      id: '2022-12-28-login-and-posting-failing-update-20221228T125800Z',
      kind: 'update',
      status: 'identified',
      title: 'Login and posting failing on web, iOS and Android',
      url: 'https://status.chirp.example/incidents/2022-12-28-login-and-posting-failing/#update-20221228T125800Z',
      at: '2022-12-28T12:58:00.000Z',
    });
    expect(body.components).toContain('login');
    expect(body.text).toMatch(/^We have traced the errors/);
    expect(body.html).toMatch(/^<p dir="auto">We have traced the errors/);
    expect(body.site.components.map((component) => component.id)).toEqual([
      'web',
      'ios',
      'android',
      'login',
      'posting',
      'timelines',
      'notifications',
      'direct-messages',
      'api',
    ]);
    expect(JSON.stringify(body)).not.toMatch(/@/);
  });

  test('is signed with the shared secret, HMAC-SHA256 of "<t>.<body>", and off without it', () => {
    const subscriptions = { service: 'https://subscriptions.chirp.example/', secret_env: 'SUBS_SECRET' };
    const off = subscriptionsChannel(subscriptions, config, {});
    expect(off.missing).toEqual(['SUBS_SECRET']);
    const channel = subscriptionsChannel(subscriptions, config, { SUBS_SECRET: 's3cret' });
    const [outgoing] = channel.render(identified!);
    if (outgoing?.kind !== 'http') throw new Error('expected a request');
    expect(outgoing.request.url).toBe('https://subscriptions.chirp.example/notify');
    const signed = outgoing.request.sign!(outgoing.request.body, 1_672_232_280_000);
    const mac = createHmac('sha256', 's3cret').update(`1672232280.${outgoing.request.body}`).digest('hex');
    expect(Object.values(signed)).toEqual([`t=1672232280,v1=${mac}`]);
  });
});
