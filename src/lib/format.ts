// Every time a reader sees is in UTC and says so: a status page is read across
// the world, and the build machine's zone must never leak into it. The UTC
// fields of a Date give that directly; a general formatting library with zone
// support cost seconds per 10,000 pages, and these few shapes need none of it.
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const pad = (n: number): string => String(n).padStart(2, '0');

/** `28 Dec 2022` */
export function formatDateUtc(millis: number): string {
  const date = new Date(millis);
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]!.slice(0, 3)} ${date.getUTCFullYear()}`;
}

/** `12:13 UTC` */
export function formatTimeUtc(millis: number): string {
  const date = new Date(millis);
  return `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** `28 Dec 2022, 12:13 UTC` */
export function formatDateTimeUtc(millis: number): string {
  return `${formatDateUtc(millis)}, ${formatTimeUtc(millis)}`;
}

/** `December 2022` */
export function formatMonthUtc(millis: number): string {
  const date = new Date(millis);
  return `${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

/** `2022-12-28` (the UTC calendar day) */
export function dayKeyUtc(millis: number): string {
  return new Date(millis).toISOString().slice(0, 10);
}

/** Machine-readable form for `<time datetime>` and JSON. */
export function isoUtc(millis: number): string {
  return new Date(millis).toISOString();
}

/** `2 h 5 min`, `45 min`, `3 d 4 h`; under a minute reads `less than a minute`. */
export function formatDuration(millis: number): string {
  const minutes = Math.floor(millis / 60_000);
  if (minutes < 1) return 'less than a minute';
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  const parts = [days && `${days} d`, hours && `${hours} h`, rest && !days && `${rest} min`].filter(Boolean);
  return parts.join(' ');
}
