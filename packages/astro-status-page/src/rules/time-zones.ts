import { getTimeZones } from '@vvo/tzdb';
import { describeUnknown } from './nearest.ts';
import { quote } from './text.ts';

/*
 * Which time zone names a site may use. The zone is handed to Intl for every
 * time on every page, so Intl is the judge: any IANA name it accepts, current
 * (Asia/Kolkata, Europe/Kyiv) or older alias (Asia/Calcutta). The runtime's
 * own list, Intl.supportedValuesOf, holds only the names its ICU calls
 * canonical, often the older ones, so suggestions also draw on @vvo/tzdb's
 * list of current names and their aliases (kept up to date with tzdata).
 */

/** Names to suggest from: the runtime's list, tzdb's current names and every alias it groups under them, and UTC. */
export const KNOWN_TIME_ZONES: readonly string[] = [
  ...new Set([
    'UTC',
    ...getTimeZones({ includeUtc: true }).flatMap((zone) => [zone.name, ...zone.group]),
    ...Intl.supportedValuesOf('timeZone'),
  ]),
].sort();
const BY_LOWER_CASE = new Map(KNOWN_TIME_ZONES.map((zone) => [zone.toLowerCase(), zone]));

// An IANA name, not an offset: "+05:00" is accepted by Intl but has no DST rules, so a page would drift.
const IANA_SHAPE = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Whether Intl can format times in this zone. */
function intlAccepts(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const EXAMPLES = 'Use an IANA name such as "America/New_York", "Asia/Kolkata" or "UTC".';

/**
 * Why a zone name cannot be used, or undefined when it can: an IANA name that
 * Intl accepts, spelt as tzdata spells it (Intl also takes "america/new_york",
 * which readers would then see as typed). A typo gets the nearest known name.
 */
export function timeZoneProblem(zone: string): string | undefined {
  if (!IANA_SHAPE.test(zone))
    return `${quote(zone)} is not an IANA time zone name (an offset has no daylight saving rules). ${EXAMPLES}`;
  const spelt = BY_LOWER_CASE.get(zone.toLowerCase());
  if (spelt !== undefined && spelt !== zone) return `time zone ${quote(zone)} is spelt "${spelt}".`;
  if (intlAccepts(zone)) return undefined;
  return describeUnknown('time zone', zone, KNOWN_TIME_ZONES).replace(/ Allowed: .*/, ` ${EXAMPLES}`);
}
