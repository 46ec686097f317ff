import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { HostReading, RepoUpdate } from './judge.ts';

/*
 * The hosts are read one after the other on a worker thread of bounded
 * memory. Each host's four API files may hold up to 2 MB of well-formed JSON
 * each, and parsed and validated they take tens of megabytes for a while; in
 * a heap without a limit V8 grows rather than collects, and a watch of five
 * such hosts went past 400 MB. The worker's limit makes it collect, and only
 * what the judge keeps of each build (judge.ts, HostBuild) comes back from it.
 */

/** The most the reading may take: V8's old and young generations on the worker, in MB. */
const READ_HEAP_MB = { old: 64, young: 8 } as const;

/** The build each of `urls` serves, read in order, within `timeoutMs` per file, asked about the updates `repo` holds. */
export async function readHosts(
  urls: readonly string[],
  repo: readonly RepoUpdate[],
  timeoutMs: number,
): Promise<HostReading[]> {
  const readings: HostReading[] = [];
  // A host whose answer does not fit stops the worker: it is reported so, and a new worker reads the rest.
  while (readings.length < urls.length)
    readings.push(...(await readOnWorker(urls.slice(readings.length), repo, timeoutMs)));
  return readings;
}

/** Read `urls` on one worker until all are read or it stops; a stop ends the list with the host it was reading. */
function readOnWorker(urls: readonly string[], repo: readonly RepoUpdate[], timeoutMs: number): Promise<HostReading[]> {
  // From the package's dist/ the worker is compiled JavaScript; from its src/ (this repository), TypeScript.
  const entry = new URL(`./read-host-worker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  const worker = new Worker(entry, {
    workerData: { urls, timeoutMs, repo },
    resourceLimits: { maxOldGenerationSizeMb: READ_HEAP_MB.old, maxYoungGenerationSizeMb: READ_HEAP_MB.young },
  });
  const readings: HostReading[] = [];
  let failure = '';
  worker.on('message', (reading: HostReading) => readings.push(reading));
  worker.once('error', (error: Error & { code?: string }) => {
    failure =
      error.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? `its API files take more than ${READ_HEAP_MB.old} MB of memory to read, the most a watch gives them`
        : `reading it failed: ${error.message}`;
  });
  return new Promise((done) =>
    worker.once('exit', (code) => {
      if (readings.length < urls.length)
        readings.push({ url: urls[readings.length]!, error: failure || `reading it stopped (exit code ${code})` });
      done(readings);
    }),
  );
}
