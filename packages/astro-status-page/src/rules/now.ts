import { timestampSchema } from './timestamp.ts';

/**
 * The build's notion of "now", in epoch milliseconds. `STATUS_NOW` (ISO 8601
 * with a zone) fixes it so tests, snapshots and "the page as it looked at
 * 13:30" are reproducible; without it, now is the build time.
 */
export function resolveNow(statusNow: string | undefined, buildTime: number = Date.now()): number {
  if (statusNow === undefined || statusNow.trim() === '') return buildTime;
  const parsed = timestampSchema.safeParse(statusNow);
  if (!parsed.success) {
    throw new Error(`STATUS_NOW: ${parsed.error.issues[0]?.message ?? 'is not a valid time'}`);
  }
  return Date.parse(parsed.data);
}
