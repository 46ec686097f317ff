import { siteFeedRoute } from '../lib/feed-routes';

export const GET = siteFeedRoute('rss');
