import type { ApiPage, ApiStatus } from '../outputs/api.ts';
import type { Level } from '../rules/levels.ts';
import type { Notification } from './diff.ts';
import type { Message } from './message.ts';
import { isolate } from '../rules/text.ts';
import { markdownLimited, markdownText, slackLimited, slackText, truncate } from './platform-text.ts';

/*
 * Each channel's message, as the bytes it is sent as. Pure functions of the
 * channel-neutral Message, so a test can assert exactly what a user sees.
 */

/** What the renderers know of the page: its name and overall status in this build. */
export interface PageContext {
  page: ApiPage;
  status: ApiStatus;
}

/** "[Chirp status]": the page's name is user text in an English line, isolated as titles are (message.ts). */
const pageTag = (context: PageContext) => `[${isolate(context.page.name)} status]`;
const componentText = (message: Message) =>
  message.components.map((component) => `${component.name}: ${component.status}`).join('\n');
const contextLine = (message: Message) => [message.severity, message.when].join(' · ');

/** Slack incoming webhook: Block Kit, with `text` as the notification fallback. */
export function slackPayload(message: Message, context: PageContext) {
  // Every text field escaped: Slack reads <!channel>, <@U…> and <url|label> even in plain_text fallbacks.
  const fields = message.components.map((component) => ({
    type: 'plain_text',
    text: slackLimited(`${component.name}: ${component.status}`, 2000),
  }));
  return {
    text: slackLimited(`${pageTag(context)} ${message.headline}`, 3000),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: slackLimited(message.headline, 150) } },
      { type: 'section', text: { type: 'plain_text', text: slackLimited(message.markdown, 3000) } },
      ...(fields.length > 0 ? [{ type: 'section', fields: fields.slice(0, 10) }] : []),
      { type: 'context', elements: [{ type: 'plain_text', text: slackText(contextLine(message)) }] },
      {
        type: 'actions',
        elements: [{ type: 'button', text: { type: 'plain_text', text: 'View on the status page' }, url: message.url }],
      },
    ],
  };
}

/** Embed colours by how bad it is, the page's palette, by level value: rewording a label leaves them as they are. */
export const DISCORD_COLOURS: Record<Level, number> = {
  none: 0x2da44e,
  maintenance: 0x1f6feb,
  minor: 0xd4a72c,
  major: 0xe16f24,
  critical: 0xcf222e,
};

/** Discord webhook: one embed; no mentions are ever triggered by incident text. */
export function discordPayload(message: Message, context: PageContext) {
  return {
    username: `${isolate(context.page.name)} status`,
    allowed_mentions: { parse: [] },
    embeds: [
      {
        // The title and components are plain text on the page; the message is Markdown there too.
        title: markdownLimited(message.headline, 256),
        url: message.url,
        description: truncate(message.markdown, 4096),
        color: DISCORD_COLOURS[message.level],
        timestamp: message.at,
        ...(message.components.length > 0
          ? { fields: [{ name: 'Components', value: markdownLimited(componentText(message), 1024) }] }
          : {}),
        footer: { text: message.severity },
      },
    ],
  };
}

/** Microsoft Teams Workflows webhook ("When a Teams webhook request is received"): an Adaptive Card. */
export function teamsPayload(message: Message) {
  return {
    type: 'message',
    attachments: [
      {
        contentType: 'application/vnd.microsoft.card.adaptive',
        contentUrl: null,
        content: {
          $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
          type: 'AdaptiveCard',
          version: '1.4',
          body: [
            // TextBlocks read Markdown: the headline is plain text on the page, the message is Markdown there too.
            { type: 'TextBlock', text: markdownText(message.headline), weight: 'Bolder', size: 'Medium', wrap: true },
            { type: 'TextBlock', text: message.markdown, wrap: true },
            ...(message.components.length > 0
              ? [
                  {
                    type: 'FactSet',
                    facts: message.components.map((component) => ({
                      title: markdownText(component.name),
                      value: component.status,
                    })),
                  },
                ]
              : []),
            { type: 'TextBlock', text: contextLine(message), isSubtle: true, size: 'Small', wrap: true },
          ],
          actions: [{ type: 'Action.OpenUrl', title: 'View on the status page', url: message.url }],
        },
      },
    ],
  };
}

/**
 * Statuspage-shaped webhook bodies: `{ meta, page, incident }` for every
 * notification, plus `{ meta, page, component_update, component }` for each
 * component status an update changed, so Statuspage consumers work unchanged.
 */
export function webhookPayloads(notification: Notification, context: PageContext): Array<{ id: string; body: object }> {
  const meta = {
    documentation: 'https://developer.statuspage.io/#section/Webhooks',
    generated_by: `${context.page.name} status`,
  };
  const page = {
    id: context.page.id,
    status_indicator: context.status.indicator,
    status_description: context.status.description,
  };
  const incident = { meta, page, incident: notification.event };
  const changes = notification.update?.affected_components ?? [];
  return [
    { id: notification.id, body: incident },
    ...changes.map((change) => ({
      id: `${notification.id}-${change.code}`,
      body: {
        meta,
        page,
        component_update: {
          id: `${notification.id}-${change.code}`,
          component_id: change.code,
          created_at: notification.at,
          old_status: change.old_status,
          new_status: change.new_status,
        },
        component: { id: change.code, name: change.name, status: change.new_status, created_at: notification.at },
      },
    })),
  ];
}

export interface EmailContent {
  subject: string;
  text: string;
  html: string;
}

const escapeHtml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Plain text and HTML email; the HTML body is the site's own sanitised Markdown rendering. */
export function emailContent(message: Message, context: PageContext): EmailContent {
  const components = componentText(message);
  const text = [
    message.headline,
    '',
    message.markdown,
    ...(components ? ['', components] : []),
    '',
    contextLine(message),
    '',
    `Details: ${message.url}`,
    '',
  ].join('\n');
  const list = message.components
    .map((component) => `<li>${escapeHtml(component.name)}: ${escapeHtml(component.status)}</li>`)
    .join('');
  const html = [
    `<h1 style="font-size:1.25em">${escapeHtml(message.headline)}</h1>`,
    // The message is user text: its own direction, as on the page.
    `<div dir="auto">${message.html}</div>`,
    list ? `<ul>${list}</ul>` : '',
    `<p style="color:#57606a">${escapeHtml(contextLine(message))}</p>`,
    `<p><a href="${escapeHtml(message.url)}">View on the status page</a></p>`,
  ].join('\n');
  return { subject: `${pageTag(context)} ${message.headline}`, text, html };
}
