import type { APIRoute, GetStaticPaths } from 'astro';
import type { StatusEvent } from '../model/events.ts';
import { fill } from '../i18n/catalog.ts';
import type { SiteText } from '../model/site-text.ts';
import { getSiteText, getStatusModel } from './load.ts';
import type { StatusModel } from '../model/status-model.ts';
import { renderAtomFeed, renderRssFeed } from '../outputs/rss.ts';
import { ttlMinutes } from '../model/freshness.ts';
import { PAGE_BASE } from './base.ts';

type Format = 'rss' | 'atom';
type FeedContent = { title: string; description: string; events: readonly StatusEvent[] };

/** A feed route in one format; `pick` chooses the feed's events from the model. */
function feedRoute(
  format: Format,
  pick: (model: StatusModel, text: SiteText, params: Record<string, string | undefined>) => FeedContent,
): APIRoute {
  return async ({ params, site, url }) => {
    const model = await getStatusModel();
    const text = await getSiteText();
    const base = PAGE_BASE;
    const path = url.pathname.slice(base.replace(/\/$/, '').length);
    const options = {
      ...pick(model, text, params),
      site: site!,
      base,
      path,
      now: model.now,
      language: text.locale,
      words: text.t.updateStatus,
      followedIn: text.t.event.followedIn,
      dir: text.dir,
      hub: model.config.notify?.websub_hub,
      ttl: ttlMinutes(model.config.freshness),
    };
    return format === 'rss' ? renderRssFeed(options) : renderAtomFeed(options);
  };
}

/** Every update of the site. */
export const siteFeedRoute = (format: Format) =>
  feedRoute(format, (model, { t, isolate }) => ({
    title: fill(t.site.title, { name: isolate(model.config.name) }),
    description: fill(t.feed.description, { name: isolate(model.config.name) }),
    events: model.events,
  }));

/** The updates that touched one component (`params.id`). */
export const componentFeedRoute = (format: Format) =>
  feedRoute(format, (model, { t, isolate }, params) => {
    const component = model.componentById.get(params['id']!)!;
    return {
      title: fill(t.feed.componentTitle, {
        site: fill(t.site.title, { name: isolate(model.config.name) }),
        name: isolate(component.name),
      }),
      description: fill(t.feed.componentDescription, { name: isolate(component.name) }),
      events: component.events,
    };
  });

/** One path per declared component. */
export const componentPaths: GetStaticPaths = async () =>
  (await getStatusModel()).components.map((component) => ({ params: { id: component.id } }));
