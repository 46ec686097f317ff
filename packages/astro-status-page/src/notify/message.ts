import { catalogOf, fill } from '../i18n/catalog.ts';
import { staffTime } from '../model/dates.ts';
import { COMPONENT_STATUS_WORDS, LEVELS, type Level } from '../rules/levels.ts';
import { renderMarkdown } from '../rules/markdown.ts';
import { isolate } from '../rules/text.ts';
import type { ComponentStatus } from '../rules/statuses.ts';
import type { Notification } from './diff.ts';

// Notifications are in English and UTC, like Statuspage's, whatever the page's language and zone.
const UPDATE_STATUS_LABELS = catalogOf('en').updateStatus;
const FOLLOWED_IN = catalogOf('en').event.followedIn;

/** What every channel says about one notification, before its own formatting. */
export interface Message {
  /** The notification id: stable, the base of every channel's delivery id. */
  id: string;
  /** "Identified: Login and posting failing on web, iOS and Android" */
  headline: string;
  /** The incident's or maintenance's title. */
  title: string;
  /** The update's message (Markdown) or a sentence saying what happened. */
  markdown: string;
  /** The same as safe HTML (the site's own Markdown renderer). */
  html: string;
  /** The incident page, at the update's anchor. */
  url: string;
  /** "Major system outage" / "Maintenance". */
  severity: string;
  /** What `severity` says, as a value: channels pick colours by it, never by the words. */
  level: Level;
  /** "Login: Partial outage" for each component this notification names. */
  components: Array<{ name: string; status: string }>;
  /** "28 Dec 2022, 12:58 UTC" */
  when: string;
  at: string;
}

/** Build the channel-neutral message of a notification. */
export function toMessage(notification: Notification): Message {
  const { event } = notification;
  const { headline, markdown, anchor } = wording(notification);
  const url = `${event.shortlink}${anchor ? `#${anchor}` : ''}`;
  return {
    id: notification.id,
    headline: `${headline}: ${isolate(event.name)}`,
    title: event.name,
    markdown,
    html: renderMarkdown(markdown),
    url,
    severity: notification.maintenance
      ? 'Maintenance'
      : (LEVELS[event.impact as keyof typeof LEVELS]?.label ?? event.impact),
    level: notification.maintenance ? 'maintenance' : event.impact,
    components: componentLines(notification),
    when: staffTime(Date.parse(notification.at)),
    at: notification.at,
  };
}

function wording(notification: Notification): { headline: string; markdown: string; anchor: string } {
  const { event, update } = notification;
  const window =
    'scheduled_for' in event
      ? `${staffTime(Date.parse(event.scheduled_for))} to ${staffTime(Date.parse(event.scheduled_until)).slice(-9)}`
      : '';
  switch (notification.kind) {
    case 'update': {
      // `<slug>-update-20221228T132400Z` is published at `#update-20221228T132400Z` on the incident page.
      // A merged incident closes without recovering: the API says "resolved" (Statuspage's word), we say where it goes on.
      const into = 'merged_into' in event ? event.merged_into : null;
      if (into && update!.id === event.incident_updates[0]?.id)
        return {
          headline: UPDATE_STATUS_LABELS.merged,
          markdown: `${update!.body}\n\n${fill(FOLLOWED_IN, { title: `[${into.name.replace(/[[\]\\]/g, '\\$&')}](${into.shortlink})` })}`,
          anchor: update!.id.slice(event.id.length + 1),
        };
      // A notice was never down, so it never "resolved": it is said as the page says it.
      return {
        headline:
          'notice' in event && event.notice ? UPDATE_STATUS_LABELS.notice : UPDATE_STATUS_LABELS[update!.status],
        markdown: update!.body,
        anchor: update!.id.slice(event.id.length + 1),
      };
    }
    case 'postmortem':
      return {
        headline: 'Postmortem',
        markdown: 'The postmortem of this incident is published: what happened, and what we are changing.',
        anchor: 'postmortem',
      };
    case 'reminder':
      return { headline: 'Starts in about an hour', markdown: `Scheduled maintenance, ${window}.`, anchor: '' };
    case 'window-opened':
      return { headline: 'In progress', markdown: `The maintenance window has opened: ${window}.`, anchor: '' };
    case 'window-closed':
      return { headline: 'Completed', markdown: `The maintenance window has closed: ${window}.`, anchor: '' };
  }
}

/**
 * Each component's status as of the notification: for an update, the
 * statuses the updates up to it set (a later build knows more than the
 * update did); otherwise the event's components as they are now.
 */
function componentLines(notification: Notification): Array<{ name: string; status: string }> {
  const { event, update } = notification;
  const line = (name: string, status: ComponentStatus) => ({
    name: isolate(name),
    status: COMPONENT_STATUS_WORDS[status].label,
  });
  if (update === null) return event.components.map((component) => line(component.name, component.status));
  const statuses = new Map<string, { name: string; status: ComponentStatus }>();
  // Updates are listed newest first: replay them oldest first, up to this one.
  const upTo = event.incident_updates
    .slice(event.incident_updates.findIndex((candidate) => candidate.id === update.id))
    .reverse();
  for (const change of upTo.flatMap((candidate) => candidate.affected_components ?? []))
    statuses.set(change.code, { name: change.name, status: change.new_status });
  // A window announced ahead leaves its components running until it opens: say so, not "Under maintenance" a week early.
  const ahead = notification.maintenance && update.status === 'scheduled';
  return [...statuses.values()].map(({ name, status }) => line(name, ahead ? 'operational' : status));
}
