import { expect, test } from 'vitest';
import { buildAt } from '../../tests/helpers/api-at.ts';
import { CHIRP } from '../../tests/helpers/build.ts';
import { liveChannel } from './channels.ts';
import { staffOutgoing, type StaffAlert } from './staff-alert.ts';

const { context } = buildAt(CHIRP, '2022-12-28T16:00:00Z');
const alert: StaffAlert = {
  id: 'watch-20221228T160000Z',
  headline: 'Chirp status page: 1 of 2 hosts failing the watchdog',
  lines: ['https://a.example/: unreachable: could not connect (ECONNREFUSED)'],
  url: 'https://status.chirp.example',
  at: Date.parse('2022-12-28T16:00:00Z'),
};
const over: StaffAlert = {
  ...alert,
  headline: 'Chirp status page: all clear',
  lines: [
    'All clear: every host is current and no promised update is overdue; the problems alerted at 14:15 UTC are over',
  ],
  over: true,
};
const body = (channel: ReturnType<typeof liveChannel>, sent: StaffAlert) => {
  const outgoing = staffOutgoing(channel, sent, context);
  if (outgoing.kind !== 'http') throw new Error('not http');
  return JSON.parse(outgoing.request.body);
};

test('a webhook hears the problems, and a message that all is over as resolved, with no problem listed', () => {
  const hook = liveChannel(
    { name: 'ops-hook', type: 'webhook', url_env: 'OPS_URL', secret_env: 'OPS_SECRET', audience: 'staff' },
    { OPS_URL: 'https://ops.example/hook', OPS_SECRET: 's' },
    context,
  );
  expect(body(hook, alert).watchdog).toEqual({
    at: '2022-12-28T16:00:00.000Z',
    resolved: false,
    problems: alert.lines,
  });
  expect(body(hook, over).watchdog).toEqual({
    at: '2022-12-28T16:00:00.000Z',
    resolved: true,
    problems: [],
    summary: over.lines[0],
  });
});

test('on Discord the alert is coloured as critical and the all-clear as operational, never alike', () => {
  const discord = liveChannel(
    { name: 'ops-discord', type: 'discord', url_env: 'OPS_DISCORD', audience: 'staff' },
    { OPS_DISCORD: 'https://discord.com/api/webhooks/1/x' },
    context,
  );
  const colour = (sent: StaffAlert) => body(discord, sent).embeds[0].color;
  expect(colour(alert)).not.toBe(colour(over));
});
