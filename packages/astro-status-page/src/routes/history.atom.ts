import { siteFeedRoute } from '../astro/feed-routes';

export const GET = siteFeedRoute('atom');
