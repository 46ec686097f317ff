import { tz } from '@date-fns/tz';
// The subpath, not the package root: the root loads every date-fns module, which
// costs the CLI two seconds under plain Node (Vite tree-shakes it for the site).
import { format } from 'date-fns/format';

// Every time a reader sees is in UTC and says so: a status page is read across
// the world, and the build machine's zone must never leak into it.
const UTC = tz('UTC');

/** `28 Dec 2022, 12:13 UTC` */
export function formatDateTimeUtc(millis: number): string {
  return `${format(millis, 'd MMM yyyy, HH:mm', { in: UTC })} UTC`;
}

/** `12:13 UTC` */
export function formatTimeUtc(millis: number): string {
  return `${format(millis, 'HH:mm', { in: UTC })} UTC`;
}

/** `28 Dec 2022` */
export function formatDateUtc(millis: number): string {
  return format(millis, 'd MMM yyyy', { in: UTC });
}

/** `December 2022` */
export function formatMonthUtc(millis: number): string {
  return format(millis, 'MMMM yyyy', { in: UTC });
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
