/**
 * `node scripts/probe-example.ts`: make the example's recorded probe results
 * (probes/) and the incident the probe opened, recreating 28 December 2022:
 * the checks run every 5 minutes (at :03, :08, … as a scheduler that starts
 * late does) for 90 days; from 12:13 UTC the web answers 503 until the
 * rollback (13:50), then slowly until 14:08. The API's health check stays
 * green throughout, as the postmortem says its monitoring did. The incident is written by
 * the probe's own code (followIncidents), the staff's reply by the CLI's
 * writer (what `npm run status -- resolve` writes).
 */
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openSite } from '../src/files/open-site.ts';
import { insertUpdate } from '../src/files/incident-writer.ts';
import { writeAtomic } from '../src/files/write-atomic.ts';
import { assertValid } from '../src/site/assert-valid.ts';
import { followIncidents } from '../src/probe/probe.ts';
import { simulate, type Behaviour } from '../bench/probe-simulate.ts';

/** The example site: the repository's root. */
const ROOT = join(import.meta.dirname, '../../..');
const MIN = 60_000;
const at = (iso: string) => Date.parse(iso);
const OUTAGE = {
  start: at('2022-12-28T12:13:00Z'),
  rollback: at('2022-12-28T13:50:00Z'),
  end: at('2022-12-28T14:08:00Z'),
};
const STAFF_REPLY = at('2022-12-28T12:31:00Z');
const SLUG = '2022-12-28-web-is-not-responding';

const behave: Behaviour = (now, probe) => {
  if (now < OUTAGE.start || now >= OUTAGE.end) return undefined;
  if (probe.component !== 'web') return undefined;
  if (now >= OUTAGE.rollback)
    return { ok: false, failure: 'slow', why: 'answered in 2600 ms, over 2000 ms', code: 200, ms: 2600 };
  return { ok: false, failure: 'down', why: 'HTTP 503', code: 503, ms: 40 };
};

rmSync(join(ROOT, `incidents/2022/${SLUG}.md`), { force: true });
let replied = false;
const log = (line: string) => console.log(line);
const site = openSite(ROOT);
simulate({
  probes: site.config.probes ?? [],
  zone: site.config.timezone,
  from: at('2022-09-29T00:03:00Z'),
  to: at('2022-12-29T23:58:00Z'),
  everyMs: 5 * MIN,
  behave,
  dir: ROOT,
  afterRun: (now, results) => {
    if (now < OUTAGE.start || now > OUTAGE.end + 30 * MIN) return;
    if (!replied && now >= STAFF_REPLY) {
      replied = true;
      const message =
        'We are following this outage in [Login and posting failing on web, iOS and Android](../2022-12-28-login-and-posting-failing/); please read that page for updates.';
      const path = `incidents/2022/${SLUG}.md`;
      const text = insertUpdate(readFileSync(join(ROOT, path), 'utf8'), {
        at: '2022-12-28T12:31:00Z',
        status: 'resolved',
        message,
      });
      assertValid(openSite(ROOT), path, text);
      writeAtomic(ROOT, path, text);
      log(`Staff resolved ${path}`);
    }
    followIncidents(openSite(ROOT), results, now, log);
  },
});
