import { z } from 'astro/zod';
import { WEB_URL } from '../../rules/urls.ts';
import { SLUG, SLUG_RULE } from '../../rules/slug.ts';
import { oneOf } from './one-of.ts';
import { urlField } from './url.ts';

/*
 * `probes:` in status.config.yaml: the HTTP checks `npm run status -- probe`
 * runs, each for one component. Conditions follow Gatus's (status, response
 * time, body, JSON path, certificate expiry), written as YAML fields. Header
 * values come from environment variables the check names, so no token is
 * ever committed.
 */

const ENV_NAME = /^[A-Z_][A-Z0-9_]*$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

export const PROBE_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'] as const;

const positiveInt = (what: string, max: number) =>
  z
    .number({ error: `must be a whole number of ${what}, e.g. 2000` })
    .int(`must be a whole number of ${what}`)
    .positive(`must be more than 0 ${what}`)
    .max(max, `must be at most ${max} ${what}`);

const runs = (example: number) =>
  z
    .number({ error: `must be a number of runs, e.g. ${example}` })
    .int('must be a whole number of runs')
    .min(1, 'must be at least 1 run')
    .max(100, 'must be at most 100 runs');

const httpStatus = z
  .number({ error: 'must be an HTTP status code, e.g. 200' })
  .int('must be an HTTP status code, e.g. 200')
  .min(100, 'must be an HTTP status code from 100 to 599')
  .max(599, 'must be an HTTP status code from 100 to 599');

/** What an answer must show for the check to pass; every condition given must hold. */
export const probeExpectSchema = z.strictObject({
  /** The HTTP status code, or a list of accepted codes (default 200). */
  status: z
    .union([httpStatus, z.array(httpStatus).min(1, 'list at least one status code')], {
      error: 'must be an HTTP status code or a list of them, e.g. 200 or [200, 204]',
    })
    .default(200),
  /** The answer must arrive within this many milliseconds (else the check is "slow"). */
  max_ms: positiveInt('milliseconds', 600_000).optional(),
  /** Text the body must contain, e.g. '"status":"UP"'. */
  body_contains: z.string({ error: 'must be the text the body must contain' }).min(1, 'must not be empty').optional(),
  /** JSON body fields by dotted path and the value each must have, e.g. `{ status: UP, "checks.0.ok": true }`. */
  json: z
    .record(z.string().min(1, 'a path must not be empty'), z.union([z.string(), z.number(), z.boolean()]), {
      error: 'must map dotted paths to the value expected, e.g. "status: UP"',
    })
    .optional(),
  /** The TLS certificate must be valid for at least this many more days (https only). */
  cert_days: positiveInt('days', 3650).optional(),
});

/** One HTTP check of one component. */
export const probeSchema = z.strictObject({
  /** Stable name of this check in the recorded results (default: the component id). */
  name: z.string().regex(SLUG, `must be ${SLUG_RULE}, e.g. "web-health"`).optional(),
  /** The component id the check measures. */
  component: z.string({ error: 'is required: the id of the component this check measures' }),
  /** The address to request: http(s), never with a password (use headers_env for tokens). */
  url: urlField(
    WEB_URL,
    'write the absolute http(s) URL to check, such as https://chirp.example/health',
    'is required: the http(s) address to check',
  ),
  /** The request method (default GET). */
  method: oneOf('method', PROBE_METHODS).default('GET'),
  /** Request headers whose values are read from environment variables: `Authorization: HEALTH_TOKEN`. */
  headers_env: z
    .record(
      z.string().regex(HEADER_NAME, 'must be an HTTP header name, e.g. Authorization'),
      z
        .string()
        .regex(
          ENV_NAME,
          'must name an environment variable: capital letters, digits and underscores, e.g. HEALTH_TOKEN',
        ),
      {
        error: 'must map header names to environment variables, e.g. "Authorization: HEALTH_TOKEN"',
      },
    )
    .optional(),
  /** Never allowed: a header's value in this file would commit a secret; refused with the way to do it. */
  headers: z
    .never({
      error:
        'cannot hold header values: this file is committed; put each value in an environment variable and name it under headers_env, e.g. "Authorization: HEALTH_TOKEN"',
    })
    .optional(),
  /** Milliseconds to wait for the whole answer before the check fails as "no answer" (default 10000). */
  timeout: positiveInt('milliseconds', 120_000).default(10_000),
  /** Conditions the answer must meet (default: status 200). */
  expect: probeExpectSchema.default({ status: 200 }),
  /** Failed runs in a row that open an incident (default 2). */
  open_after: runs(2).default(2),
  /** Passing runs in a row after which the open incident gets a `monitoring` update (default 2). */
  close_after: runs(2).default(2),
  /** Also resolve that incident after close_after passing runs (default false: staff resolve it). */
  auto_resolve: z.boolean({ error: 'must be true or false' }).default(false),
});

export const probesSchema = z.array(probeSchema, { error: 'must be a list of checks, each with component and url' });

export type ProbeConfig = z.output<typeof probeSchema>;
export type ProbeExpect = z.output<typeof probeExpectSchema>;

/** A check's name in the recorded results: its `name`, or its component's id. */
export const probeName = (probe: Pick<ProbeConfig, 'name' | 'component'>): string => probe.name ?? probe.component;
