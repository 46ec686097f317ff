/**
 * The content check of `npm run build`, on a worker thread: it runs while
 * Astro starts up (loading its config, bundling the pages), the two halves of
 * the build that need nothing from each other, and hands back the problems
 * and the model the pages render from (structured clone keeps its shared
 * objects shared). It reads the site folder and "now" from the same
 * environment as scripts/build.ts, which starts it before loading anything
 * else: Astro waits for the model, and the check is the longer half.
 */
import { parentPort } from 'node:worker_threads';
import { checkSite } from '../src/site/check-site.ts';
import { siteDir } from '../src/files/site-files.ts';
import { resolveNow } from '../src/rules/now.ts';

const { problems, model } = checkSite(siteDir(), { now: resolveNow(process.env['STATUS_NOW']) });
parentPort!.postMessage({ problems, model });
