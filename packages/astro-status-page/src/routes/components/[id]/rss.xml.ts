import { componentFeedRoute, componentPaths } from '../../../astro/feed-routes';

export const getStaticPaths = componentPaths;
export const GET = componentFeedRoute('rss');
