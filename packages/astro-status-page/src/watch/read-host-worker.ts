/** The hosts' builds, read on a worker thread of bounded memory (read-host.ts says why), each handed back as the judge keeps it. */
import { parentPort, workerData } from 'node:worker_threads';
import { loadBuild, UnreachableSource } from '../notify/snapshot.ts';
import { hostBuild, type HostReading, type RepoUpdate } from './judge.ts';

const { urls, timeoutMs, repo } = workerData as { urls: string[]; timeoutMs: number; repo: RepoUpdate[] };

/** Why a host gave no build, in a few words: no answer, a refused connection (snapshot.ts says which), or a bad answer. */
function whyUnreadable(error: unknown): string {
  return error instanceof UnreachableSource ? error.why : error instanceof Error ? error.message : String(error);
}

for (const url of urls) {
  let reading: HostReading;
  try {
    reading = { url, build: hostBuild(await loadBuild(url, timeoutMs), repo) };
  } catch (error) {
    reading = { url, error: whyUnreadable(error) };
  }
  parentPort!.postMessage(reading);
}
