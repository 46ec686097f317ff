import { describe, expect, test } from 'vitest';
import { buildAt } from '../../tests/helpers/api-at.ts';
import { CHIRP } from '../../tests/helpers/build.ts';
import { newNotifications } from './diff.ts';
import { toMessage } from './message.ts';
import { discordPayload, emailContent, slackPayload, teamsPayload, webhookPayloads } from './renderers.ts';

// The 2022-12-28 outage: the "identified" update of 12:58, and the partial recovery of 13:24.
const current = buildAt(CHIRP, '2022-12-28T13:30:00Z');
const [identified, rollback] = newNotifications(buildAt(CHIRP, '2022-12-28T12:45:00Z').index, current.snapshot);
const context = current.context;
const URL = 'https://status.chirp.example/incidents/2022-12-28-login-and-posting-failing/#update-20221228T125800Z';
const BODY =
  'We have traced the errors to significant backend server architecture changes rolled out this morning. Login and posting requests are failing on every platform; timelines load slowly or not at all.';
const TITLE = 'Login and posting failing on web, iOS and Android';
const COMPONENTS = [
  'Web: Major outage',
  'iOS app: Major outage',
  'Android app: Major outage',
  'Login: Major outage',
  'Posting: Major outage',
  'Timelines: Partial outage',
  'Public API: Partial outage',
];

describe('each channel’s message for the identified update', () => {
  test('Slack: Block Kit with a header, the message, the components, when, and a link', () => {
    expect(slackPayload(toMessage(identified!), context)).toEqual({
      text: `[Chirp status] Identified: ${TITLE}`,
      blocks: [
        { type: 'header', text: { type: 'plain_text', text: `Identified: ${TITLE}` } },
        { type: 'section', text: { type: 'plain_text', text: BODY } },
        { type: 'section', fields: COMPONENTS.map((text) => ({ type: 'plain_text', text })) },
        { type: 'context', elements: [{ type: 'plain_text', text: 'Major system outage · 28 Dec 2022, 12:58 UTC' }] },
        {
          type: 'actions',
          elements: [{ type: 'button', text: { type: 'plain_text', text: 'View on the status page' }, url: URL }],
        },
      ],
    });
  });

  test('Discord: one embed, red for a major system outage, mentions disabled', () => {
    expect(discordPayload(toMessage(identified!), context)).toEqual({
      username: 'Chirp status',
      allowed_mentions: { parse: [] },
      embeds: [
        {
          title: `Identified: ${TITLE}`,
          url: URL,
          description: BODY,
          color: 0xcf222e,
          timestamp: '2022-12-28T12:58:00.000Z',
          fields: [{ name: 'Components', value: COMPONENTS.join('\n') }],
          footer: { text: 'Major system outage' },
        },
      ],
    });
  });

  test('Teams: an Adaptive Card with the components as facts and a button to the page', () => {
    const card = teamsPayload(toMessage(identified!)).attachments[0]!.content;
    expect(card.body).toEqual([
      { type: 'TextBlock', text: `Identified: ${TITLE}`, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'TextBlock', text: BODY, wrap: true },
      {
        type: 'FactSet',
        facts: COMPONENTS.map((line) => ({ title: line.split(': ')[0], value: line.split(': ')[1] })),
      },
      {
        type: 'TextBlock',
        text: 'Major system outage · 28 Dec 2022, 12:58 UTC',
        isSubtle: true,
        size: 'Small',
        wrap: true,
      },
    ]);
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'View on the status page', url: URL }]);
  });

  test('webhook: the Statuspage incident payload, plus a component_update for each status the update changed', () => {
    const [incident] = webhookPayloads(identified!, context);
    expect(incident!.body).toMatchObject({
      page: { id: 'chirp', status_indicator: 'critical', status_description: 'Major System Outage' },
      incident: { id: '2022-12-28-login-and-posting-failing', status: 'identified' },
    });
    const bodies = webhookPayloads(rollback!, context);
    expect(bodies.map((body) => body.id)).toEqual([
      '2022-12-28-login-and-posting-failing-update-20221228T132400Z',
      '2022-12-28-login-and-posting-failing-update-20221228T132400Z-login',
    ]);
    expect(bodies[1]!.body).toMatchObject({
      component_update: {
        component_id: 'login',
        old_status: 'major_outage',
        new_status: 'partial_outage',
        created_at: '2022-12-28T13:24:00.000Z',
      },
      component: { id: 'login', name: 'Login', status: 'partial_outage' },
    });
  });

  test('email: the subject staff expect, a plain-text part and an HTML part, each with the link', () => {
    const email = emailContent(toMessage(identified!), context);
    expect(email.subject).toBe(`[Chirp status] Identified: ${TITLE}`);
    expect(email.text).toBe(
      [
        `Identified: ${TITLE}`,
        '',
        BODY,
        '',
        ...COMPONENTS,
        '',
        'Major system outage · 28 Dec 2022, 12:58 UTC',
        '',
        `Details: ${URL}`,
        '',
      ].join('\n'),
    );
    expect(email.html).toContain(`<a href="${URL}">View on the status page</a>`);
    expect(email.html).toContain('<li>Login: Major outage</li>');
  });

  test('Markdown and HTML in a message are rendered safely in email and kept as text in chat', () => {
    const hostile = { ...identified!, update: { ...identified!.update!, body: '<script>alert(1)</script> *really*' } };
    expect(emailContent(toMessage(hostile), context).html).not.toContain('<script>');
    expect(slackPayload(toMessage(hostile), context).blocks[1]).toEqual({
      type: 'section',
      text: { type: 'plain_text', text: '&lt;script&gt;alert(1)&lt;/script&gt; *really*' },
    });
  });

  test('a title’s markup reaches no platform as markup: Slack mentions and links, Markdown links in Teams and Discord', () => {
    const title = 'Login <!channel> <@U024BE7LH> <https://evil.example|click> [label](https://evil.example) 🔥';
    const hostile = { ...identified!, event: { ...identified!.event, name: title } };
    const slack = slackPayload(toMessage(hostile), context);
    for (const text of [slack.text, slack.blocks[0]!.text!.text]) expect(text).not.toMatch(/<[!@h]/);
    expect(slack.blocks[0]!.text!.text).toBe(
      'Identified: Login &lt;!channel&gt; &lt;@U024BE7LH&gt; &lt;https://evil.example|click&gt; [label](https://evil.example) 🔥',
    );
    const teams = teamsPayload(toMessage(hostile)).attachments[0]!.content.body[0]!.text;
    expect(teams).toBe(
      'Identified: Login \\<!channel\\> \\<@U024BE7LH\\> \\<https://evil.example\\|click\\> \\[label\\](https://evil.example) 🔥',
    );
    expect(discordPayload(toMessage(hostile), context).embeds[0]!.title).toBe(teams);
  });

  test('a long title is cut between characters: the header ends on a whole emoji', () => {
    const hostile = { ...identified!, event: { ...identified!.event, name: `${'x'.repeat(134)}🔥🔥🔥🔥` } };
    const header = slackPayload(toMessage(hostile), context).blocks[0]!.text!.text;
    expect(header.length).toBeLessThanOrEqual(150);
    expect(header).toBe(`Identified: ${'x'.repeat(134)}🔥…`);
  });
});

/**
 * The direction a platform gives a line whose direction it is not told
 * (Unicode's bidi rules P2–P3, as Slack, Discord, Teams and mail clients
 * apply them): that of its first strong letter, skipping isolated text.
 */
function paragraphDirection(line: string): 'ltr' | 'rtl' | 'none' {
  let depth = 0;
  for (const char of line) {
    if (/[\u2066-\u2068]/.test(char)) depth++;
    else if (char === '\u2069') depth = Math.max(0, depth - 1);
    else if (depth === 0 && /[\p{Script=Arabic}\p{Script=Hebrew}]/u.test(char)) return 'rtl';
    else if (depth === 0 && /\p{L}/u.test(char)) return 'ltr';
  }
  return 'none';
}

describe('an Arabic page name and an English title: every line stays left to right, so the title is not turned around', () => {
  const arabic = { ...context, page: { ...context.page, name: 'شيرب' } };
  const message = toMessage({ ...identified!, event: { ...identified!.event, name: 'Login still fails.' } });
  test.each([
    ['Slack', () => slackPayload(message, arabic).text],
    ['Discord', () => discordPayload(message, arabic).username],
    ['email', () => emailContent(message, arabic).subject],
  ])('%s', (_platform, line) => {
    expect(line()).toMatch(/^\[?\u2068شيرب\u2069 status/);
    expect(paragraphDirection(line())).toBe('ltr');
  });

  test('the check reads an unisolated Arabic name as turning the line around (so it can fail)', () => {
    expect(paragraphDirection('[شيرب status] Identified: Login still fails.')).toBe('rtl');
  });

  test('an Arabic title in the headline is isolated, and so is an Arabic component name', () => {
    const titled = toMessage({ ...identified!, event: { ...identified!.event, name: 'تعذّر تسجيل الدخول' } });
    expect(paragraphDirection(titled.headline)).toBe('ltr');
    expect(teamsPayload(titled).attachments[0]!.content.body[0]!.text).toBe(
      'Identified: \u2068تعذّر تسجيل الدخول\u2069',
    );
  });

  test('the email’s HTML gives the message its own direction', () => {
    expect(emailContent(message, arabic).html).toContain(`<div dir="auto">${message.html}</div>`);
  });
});

describe('Discord colours follow the level, not its words', () => {
  const colour = (message: ReturnType<typeof toMessage>) => discordPayload(message, context).embeds[0]!.color;
  test('a reworded label keeps the colour', () => {
    const message = toMessage(identified!);
    expect(message.level).toBe('critical');
    expect(colour({ ...message, severity: 'Everything is on fire' })).toBe(0xcf222e);
  });
  test.each([
    ['none', 0x2da44e],
    ['minor', 0xd4a72c],
    ['major', 0xe16f24],
    ['critical', 0xcf222e],
    ['maintenance', 0x1f6feb],
  ] as const)('%s: %i', (level, expected) => {
    expect(colour({ ...toMessage(identified!), level, severity: 'renamed' })).toBe(expected);
  });
});

describe('a maintenance announced ahead', () => {
  test('lists its components as they are until the window opens, not as under maintenance', () => {
    const announced = newNotifications(
      buildAt(CHIRP, '2022-12-23T09:00:00Z').index,
      buildAt(CHIRP, '2022-12-23T11:00:00Z').snapshot,
    );
    const scheduled = announced.find((notification) => notification.update?.status === 'scheduled')!;
    expect(toMessage(scheduled).components.map((component) => component.status)).toEqual([
      'Operational',
      'Operational',
    ]);
    const started = newNotifications(
      buildAt(CHIRP, '2022-12-30T01:07:00Z').index,
      buildAt(CHIRP, '2022-12-30T02:07:00Z').snapshot,
    )[0]!;
    expect(toMessage(started).components.map((component) => component.status)).toEqual([
      'Under maintenance',
      'Under maintenance',
    ]);
  });
});
