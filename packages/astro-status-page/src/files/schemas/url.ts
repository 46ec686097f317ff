import { z } from 'astro/zod';
import { sitePathProblem, urlProblem, type UrlForm } from '../../rules/urls.ts';

/**
 * A URL field of status.config.yaml, checked by the one URL rule
 * (rules/urls.ts) with the field's own form. `advice` says what to write,
 * with an example; it follows the reason in every error.
 */
export function urlField(form: UrlForm, advice: string, required?: string) {
  return z
    .string(required === undefined ? undefined : { error: required })
    .trim()
    .superRefine((value, ctx) => {
      const why = urlProblem(value, form);
      if (why) ctx.addIssue({ code: 'custom', message: `${why}; ${advice}` });
    });
}

/** A path on this site (e.g. /logo.svg), never another host's: `//host/x` is refused; `more` adds the field's own check. */
export function sitePathField(advice: string, more?: (value: string) => string | undefined) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const why = sitePathProblem(value) ?? more?.(value);
      if (why) ctx.addIssue({ code: 'custom', message: `${why}; ${advice}` });
    });
}
