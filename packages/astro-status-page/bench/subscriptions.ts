import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { Handover } from '../src/rules/subscriptions.ts';
import { signedHandover, startEmailStandIn, startService, until } from '../tests/helpers/subscriptions.ts';

/*
 * `npm run bench:subscriptions`: one update fanned out to 10,000 confirmed
 * subscribers (--subscribers N), through the subscriptions Worker in workerd
 * (its D1 database and queue, as Miniflare runs them) and a local stand-in of
 * Resend's batch API. Prints the time from the handover to the last message,
 * workerd's and this process's peak memory, and checks that every subscriber
 * got exactly one message. --rate R keeps to R email API requests a second
 * (Resend's default is 2; unlimited unless given, to measure the service).
 */

const { values } = parseArgs({
  options: { subscribers: { type: 'string', default: '10000' }, rate: { type: 'string', default: '1000' } },
});
const count = Number(values.subscribers);
const rate = Number(values.rate);

/** The peak resident memory of the workerd processes Miniflare started (VmHWM, Linux). */
function workerdPeakBytes(): number {
  const ours = new Set([String(process.pid)]);
  let peak = 0;
  // Miniflare starts workerd as a child of this process.
  for (const pid of readFileSync('/proc/self/task/' + process.pid + '/children', 'utf8')
    .trim()
    .split(/\s+/)) {
    if (!pid || ours.has(pid)) continue;
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    if (!/^Name:\s*workerd/m.test(status)) continue;
    peak += Number(/^VmHWM:\s*(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
  }
  return peak;
}

const api = await startEmailStandIn();
const service = await startService({ emailApi: api.url, siteUrl: 'https://status.chirp.example/', rate });
try {
  // Confirmed readers, every one of them wanting everything, in the page's language.
  for (let start = 0; start < count; start += 1000) {
    const rows = Array.from(
      { length: Math.min(1000, count - start) },
      (_, i) => `('reader${start + i}@example.org', 'en', '[]', 0, 1)`,
    );
    await service.db
      .prepare(`INSERT INTO subscribers (email, locale, components, created_at, confirmed_at) VALUES ${rows.join(',')}`)
      .run();
  }
  const event: Handover = {
    id: '2022-12-28-login-and-posting-failing-update-20221228T125800Z',
    kind: 'update',
    status: 'identified',
    title: 'Login and posting failing on web, iOS and Android',
    text: 'We found the cause: a configuration change to the session service. We are rolling it back.',
    html: '<p>We found the cause: a configuration change to the session service. We are rolling it back.</p>',
    url: 'https://status.chirp.example/incidents/2022-12-28-login-and-posting-failing/#update-20221228T125800Z',
    components: [],
    at: '2022-12-28T12:58:00Z',
    site: { name: 'Chirp', components: [{ id: 'login', name: 'Login' }] },
  };
  const started = performance.now();
  const answer = await service.mf.dispatchFetch(`${service.url}/notify`, signedHandover(event));
  const handedOver = performance.now() - started;
  if (answer.status !== 202) throw new Error(`handover answered ${answer.status}: ${await answer.text()}`);
  await until(() => api.sent.length >= count, 30 * 60_000);
  const seconds = (performance.now() - started) / 1000;
  // Anything late would show as a second message: wait a moment longer, then count.
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const perReader = new Map<string, number>();
  for (const email of api.sent) perReader.set(email.to[0]!, (perReader.get(email.to[0]!) ?? 0) + 1);
  const once = [...perReader.values()].every((n) => n === 1) && perReader.size === count;
  const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
  console.log(`Subscribers: ${count.toLocaleString('en')}, email API requests: ${api.requests} (batches of 100)`);
  console.log(`Handover answered in ${(handedOver / 1000).toFixed(2)} s; last message after ${seconds.toFixed(1)} s`);
  console.log(`Throughput: ${Math.round(count / seconds).toLocaleString('en')} messages/s`);
  console.log(
    `Peak memory: workerd ${mib(workerdPeakBytes())}, this process (stand-in) ${mib(process.resourceUsage().maxRSS * 1024)}`,
  );
  console.log(
    `Exactly one message each: ${once ? 'yes' : `NO (${perReader.size} readers, ${api.sent.length} messages)`}`,
  );
  if (!once) process.exitCode = 1;
} finally {
  await service.dispose();
  await api.close();
}
