/**
 * The content check of a build, on a worker thread: it runs while Astro
 * loads and bundles the pages, the two halves of the build that need nothing
 * from each other, and hands back the problems and the model the pages render
 * from (structured clone keeps its shared objects shared).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkSite } from '../site/check-site.ts';

const { dir, now, publicDir, ownsRoot } = workerData as {
  dir: string;
  now: number;
  publicDir: string;
  ownsRoot: boolean;
};
const { problems, model } = checkSite(dir, { now, publicDir, ownsRoot });
parentPort!.postMessage({ problems, model });
