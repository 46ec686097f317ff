import { componentFeedRoute, componentPaths } from '../../../lib/feed-routes';

export const getStaticPaths = componentPaths;
export const GET = componentFeedRoute('rss');
