import type { APIRoute, GetStaticPaths } from 'astro';
import type { StatusEvent } from './events.ts';
import { getStatusModel } from './load.ts';
import type { StatusModel } from './model.ts';
import { renderAtomFeed, renderRssFeed } from './rss.ts';

type Format = 'rss' | 'atom';
type FeedContent = { title: string; description: string; events: readonly StatusEvent[] };

/** A feed route in one format; `pick` chooses the feed's events from the model. */
function feedRoute(format: Format, pick: (model: StatusModel, params: Record<string, string | undefined>) => FeedContent): APIRoute {
  return async ({ params, site, url }) => {
    const model = await getStatusModel();
    const base = import.meta.env.BASE_URL;
    const options = { ...pick(model, params), site: site!, base, path: url.pathname.slice(base.replace(/\/$/, '').length), now: model.now, hub: model.config.notify?.websub_hub };
    return format === 'rss' ? renderRssFeed(options) : renderAtomFeed(options);
  };
}

/** Every update of the site. */
export const siteFeedRoute = (format: Format) =>
  feedRoute(format, (model) => ({
    title: `${model.config.name} status`,
    description: `Every incident and maintenance update for ${model.config.name}`,
    events: model.events,
  }));

/** The updates that touched one component (`params.id`). */
export const componentFeedRoute = (format: Format) =>
  feedRoute(format, (model, params) => {
    const component = model.componentById.get(params['id']!)!;
    return {
      title: `${model.config.name} status: ${component.name}`,
      description: `Every incident and maintenance update affecting ${component.name}`,
      events: component.events,
    };
  });

/** One path per declared component. */
export const componentPaths: GetStaticPaths = async () => (await getStatusModel()).components.map((component) => ({ params: { id: component.id } }));
