/**
 * The content check of `npm run build`, on a worker thread: it runs while
 * Astro starts up (loading its config, bundling the pages), the two halves of
 * the build that need nothing from each other, and hands back the problems
 * and the model the pages render from (structured clone keeps its shared
 * objects shared).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkSite } from '../src/site/check-site.ts';

const { dir, now } = workerData as { dir: string; now: number };
const { problems, model } = checkSite(dir, { now });
parentPort!.postMessage({ problems, model });
