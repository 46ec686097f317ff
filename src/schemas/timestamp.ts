import { z } from 'astro/zod';

// Date, time and an explicit zone ("Z" or "+01:00"): a time without a zone
// means something different to every reader, so it is refused.
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * A moment in time written as ISO 8601 with a zone, e.g. `2022-12-28T12:13:00Z`
 * or `2022-12-28T07:13:00-05:00`. Parsed to a UTC ISO string.
 */
export const timestampSchema = z
  .string({ error: (issue) => (issue.input === undefined ? 'is required: a time such as 2022-12-28T12:13:00Z' : 'must be a time written as text, such as 2022-12-28T12:13:00Z') })
  .transform((value, ctx) => {
    const text = value.trim();
    if (!ISO_WITH_ZONE.test(text)) {
      const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(text);
      ctx.addIssue({
        code: 'custom',
        message: hasZone
          ? `"${text}" is not an ISO 8601 time; write it like 2022-12-28T12:13:00Z`
          : `"${text}" has no time zone; add "Z" for UTC or an offset such as -05:00, e.g. 2022-12-28T12:13:00Z`,
      });
      return z.NEVER;
    }
    const millis = Date.parse(text.replace(' ', 'T'));
    if (Number.isNaN(millis)) {
      ctx.addIssue({ code: 'custom', message: `"${text}" is not a real date and time; write it like 2022-12-28T12:13:00Z` });
      return z.NEVER;
    }
    return new Date(millis).toISOString();
  });
