import { z } from 'astro/zod';
import { describeUnknown } from '../../rules/nearest.ts';
import {
  IMPACTS,
  INCIDENT_COMPONENT_STATUSES,
  INCIDENT_CLOSING_STATUSES,
  INCIDENT_STATUSES,
  MAINTENANCE_CLOSING_STATUSES,
  MAINTENANCE_STATUSES,
  UPDATE_COMPONENT_STATUSES,
  closes,
} from '../../rules/statuses.ts';
import { checkIncidentStatuses } from './incident-statuses.ts';
import { oneOf } from './one-of.ts';
import { timestampSchema } from '../../rules/timestamp.ts';
import { PROMISE_FORMS, promisedAt } from '../../rules/promised-update.ts';
import { publishedText } from './text.ts';
import { LIMITS } from '../../rules/limits.ts';
import { SLUG, SLUG_RULE } from '../../rules/slug.ts';

/**
 * An id of an imported file's `source`: one segment of the old path the build
 * writes a redirect page at (`dist/incidents/<id>/index.html`), so the check
 * refuses what that write would: `.` and `..` (and any name starting with a
 * dot, which hosts hide), a slash, an empty id, or a folder name longer than
 * a file system allows (255 bytes; ids are ASCII).
 */
const MAX_SOURCE_ID = 200;
const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;
function sourceId(pattern: RegExp, what: string) {
  const message = `must be ${what}`;
  return (
    z
      .string({ error: message })
      .max(MAX_SOURCE_ID, `${message}, at most ${MAX_SOURCE_ID} characters`)
      // Letters of other alphabets take up to 4 bytes each; a folder name may have 255. Measured after
      // lowercasing too, as the redirect is also written lowercased (src/model/redirects.ts): "İ" grows from 2 bytes to 3.
      .refine(
        (id) => Math.max(utf8Bytes(id), utf8Bytes(id.toLowerCase())) <= 250,
        `${message}, at most 250 bytes in UTF-8, lowercased too (a folder name a file system allows)`,
      )
      .regex(pattern, message)
      .optional()
  );
}

/**
 * Where a file came from: imported (`source: { statuspage: p31zjtct2jer }`),
 * so importing again updates the file in place and old links redirect here,
 * or opened by a probe (`source: { probe: web }`).
 */
const source = z
  .strictObject(
    {
      /** The incident's id on Atlassian Statuspage. */
      statuspage: sourceId(/^[A-Za-z0-9_-]+$/, 'a Statuspage incident id: letters, digits, "-" and "_"'),
      /** The issue's path segment on the cState site (its `slug`, else its file name without `.md`), as Hugo publishes it before lowercasing. */
      cstate: sourceId(
        /^[\p{L}\p{M}\p{N}_-][\p{L}\p{M}\p{N}._-]*$/u,
        'a cState issue file name without ".md": letters (any alphabet), digits, ".", "-" and "_", not starting with "."',
      ),
      /** The component whose failing checks opened this incident (`npm run status -- probe`), which the probe goes on following. */
      probe: sourceId(SLUG, `a component id: ${SLUG_RULE}`),
    },
    { error: 'must name where the file was imported from, e.g. "statuspage: p31zjtct2jer"' },
  )
  .optional();

/**
 * The incident's own slug, when it should not follow the file name: its page
 * URL and the id of everything published about it (feed items, API ids, the
 * calendar UID, notifications), so renaming the file changes none of them.
 * `status new` writes it. At most 120 characters: new slugs have at most 61
 * (a date and 50), and a URL segment should stay readable, far below the
 * 255 bytes a folder name may have.
 */
const MAX_ID = 120;
const ID_USE = "it is the incident's page URL and the id of its feed items, API entries and notifications";
const ID_RULE = `must be ${SLUG_RULE}, e.g. "id: 2022-12-28-login-failing"; ${ID_USE}`;
const id = z
  .string({ error: ID_RULE })
  .max(MAX_ID, `must be at most ${MAX_ID} characters; ${ID_USE}`)
  .regex(SLUG, ID_RULE)
  .optional();

const INTO_RULE = `must be the id of the incident that follows this one (its file name without ".md", or its "id:"), e.g. "into: 2022-12-28-login-failing"`;

/** A map of declared component ids to statuses from `allowed`. */
function componentStatuses<const T extends readonly [string, ...string[]]>(
  componentIds: readonly string[],
  allowed: T,
  example: T[number],
) {
  return z.record(componentId(componentIds), oneOf('component status', allowed), {
    error: `must map component ids to a status, e.g. "web: ${example}"`,
  });
}

/** A component id that must be one of the ids declared in status.config.yaml. */
function componentId(componentIds: readonly string[]) {
  return z.string().superRefine((id, ctx) => {
    if (!componentIds.includes(id))
      ctx.addIssue({ code: 'custom', message: describeUnknown('component', id, componentIds) });
  });
}

const message = publishedText({
  maxBytes: LIMITS.messageBytes,
  markdown: true,
  required: 'what users should know, in a sentence or two (Markdown allowed)',
});

function updateSchema<const T extends readonly [string, ...string[]]>(statuses: T) {
  return z.strictObject({
    /** When this update was posted, with a zone: 2022-12-28T12:25:00Z */
    at: timestampSchema,
    /** Where the work stands, e.g. investigating, identified, monitoring, resolved. */
    status: oneOf('status', statuses),
    /** What users should know now. Markdown allowed; raw HTML is shown as text. */
    message,
    /** `true` on an update written ahead, to be published at its `at` by a later build. */
    scheduled: z.literal(true, { error: 'can only be true: set it on an update written ahead of its time' }).optional(),
    /** `true` on an update whose words the import wrote (its source gave none): pages and the API say so. */
    added_by_import: z
      .literal(true, { error: 'can only be true: the import sets it on an update whose words it wrote' })
      .optional(),
  });
}

const title = publishedText({
  maxBytes: LIMITS.titleBytes,
  markdown: false,
  oneLine: true,
  required: 'a short headline users will recognise, e.g. "Login and posting failing"',
});

type TimedUpdate = { at: string; status: string; reopened?: boolean };

/**
 * Rules every timeline obeys, whatever its vocabulary (paths are relative to
 * the list). A closing status is last, except that an incident that came back
 * goes on with an update marked `reopened: true`: a reopening is said, never
 * guessed, so a stray `resolved` mid-timeline is still caught.
 */
function checkTimeline(updates: TimedUpdate[], closing: readonly string[], ctx: z.RefinementCtx) {
  updates.forEach((update, i) => {
    const previous = updates[i - 1];
    if (previous && update.at < previous.at) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'at'],
        message: `${update.at} is earlier than the update before it (${previous.at}); list updates oldest first`,
      });
    }
    const next = updates[i + 1];
    if (closing.includes(update.status) && next && !(next.reopened && !closing.includes(next.status))) {
      ctx.addIssue({
        code: 'custom',
        path: [i, 'status'],
        message: `"${update.status}" may only be the last update; move it to the end, use another status, or, if the incident came back, add "reopened: true" to the next update`,
      });
    }
  });
}

function timeline<U extends z.ZodObject<{ at: typeof timestampSchema; status: z.ZodEnum<Record<string, string>> }>>(
  update: U,
  closing: readonly string[],
) {
  return z
    .array(update, { error: 'is required: a list of updates, oldest first' })
    .min(1, 'is empty: add at least one update (at, status, message)')
    .max(
      LIMITS.updates,
      `has more than ${LIMITS.updates} updates; close this incident and open a follow-up that links to it`,
    )
    .superRefine((updates, ctx) => checkTimeline(updates, closing, ctx));
}

/** Build the schema for incident files, knowing which component ids exist. */
export function incidentFileSchema(componentIds: readonly string[]) {
  const incident = z
    .strictObject({
      /** `incident` (the default) or `maintenance`. */
      kind: z.literal('incident'),
      id,
      /** Headline shown everywhere the incident is listed. */
      title,
      /** How bad it is for users overall: none, minor, major or critical. */
      impact: oneOf('impact', IMPACTS),
      /** Affected components and how, from `started` (or the first update): `web: major_outage`. */
      components: componentStatuses(componentIds, INCIDENT_COMPONENT_STATUSES, 'major_outage'),
      /** When impact began, if before the first update (with a zone). */
      started: timestampSchema.optional(),
      /**
       * When it ended, if its source gave a closing time but no update (an import): the incident is
       * resolved then, without a `resolved` update. After the last update, which is not `resolved`.
       */
      ended: timestampSchema.optional(),
      /** When the body (the postmortem) is published; by default with the resolving update. */
      postmortem_at: timestampSchema.optional(),
      source,
      /** The timeline, oldest first; the incident is resolved when the last update is `resolved`. */
      updates: timeline(
        updateSchema(INCIDENT_STATUSES)
          .extend({
            /** `true` on the first update after `resolved`, when the incident came back. */
            reopened: z
              .literal(true, { error: 'can only be true: set it on the update that reopens a resolved incident' })
              .optional(),
            /** The impact from this update on, when it changes. */
            impact: oneOf('impact', IMPACTS).optional(),
            /** Components whose status changes with this update (`operational` when one recovers). */
            components: componentStatuses(componentIds, UPDATE_COMPONENT_STATUSES, 'degraded_performance').optional(),
            /** On a `merged` update: the id of the incident that follows this one from then on. */
            into: z.string({ error: INTO_RULE }).max(MAX_ID, INTO_RULE).regex(SLUG, INTO_RULE).optional(),
            /** When the next update is promised: "30 min" after this one, or a time with a zone. */
            next_update: z.string({ error: `must be ${PROMISE_FORMS}, e.g. "next_update: 30 min"` }).optional(),
          })
          .superRefine((update, ctx) => {
            if (update.next_update === undefined) return;
            const promise = promisedAt(update.next_update, Date.parse(update.at));
            if ('problem' in promise) ctx.addIssue({ code: 'custom', path: ['next_update'], message: promise.problem });
          }),
        INCIDENT_CLOSING_STATUSES,
      ),
    })
    .superRefine((data, ctx) => {
      const first = data.updates[0];
      if (data.started && first && data.started > first.at) {
        ctx.addIssue({
          code: 'custom',
          path: ['started'],
          message: `${data.started} is after the first update (${first.at}); impact must start before it is first reported`,
        });
      }
      const last = data.updates.at(-1);
      if (data.ended && last && closes('incident', last.status)) {
        ctx.addIssue({
          code: 'custom',
          path: ['ended'],
          message: `the last update (${last.at}) already resolves the incident; "ended" is only for an incident whose source gave a closing time without an update: remove one of them`,
        });
      } else if (data.ended && last && data.ended <= last.at) {
        ctx.addIssue({
          code: 'custom',
          path: ['ended'],
          message: `${data.ended} is not after the last update (${last.at}); an incident ends after its last update, or that update resolves it`,
        });
      }
      const start = data.started ?? first?.at;
      if (data.postmortem_at && start && data.postmortem_at < start) {
        ctx.addIssue({
          code: 'custom',
          path: ['postmortem_at'],
          message: `${data.postmortem_at} is before the incident began (${start}); a postmortem is published after the fact`,
        });
      }
      checkIncidentStatuses(data, ctx);
    });

  const maintenance = z.strictObject({
    kind: z.literal('maintenance'),
    id,
    title,
    source,
    /** Components that will be under maintenance during the window. */
    components: z.array(componentId(componentIds), { error: 'must be a list of component ids, e.g. [api, timelines]' }),
    /** When the work is planned to start and end, each with a zone. */
    window: z
      .strictObject({ start: timestampSchema, end: timestampSchema }, { error: 'is required: start and end times' })
      .superRefine((window, ctx) => {
        if (window.end <= window.start) {
          ctx.addIssue({
            code: 'custom',
            path: ['end'],
            message: `${window.end} is not after the start (${window.start}); a window must end after it starts`,
          });
        }
        const days = (Date.parse(window.end) - Date.parse(window.start)) / 86_400_000;
        if (days > LIMITS.windowDays) {
          ctx.addIssue({
            code: 'custom',
            path: ['end'],
            message: `makes a window of ${Math.round(days)} days; at most ${LIMITS.windowDays} are allowed. Schedule longer work as several windows`,
          });
        }
      }),
    /** The timeline, oldest first; the maintenance is over when the last update is `completed` (or `cancelled`). */
    updates: timeline(updateSchema(MAINTENANCE_STATUSES), MAINTENANCE_CLOSING_STATUSES),
  });

  return z.preprocess(
    (raw) => (raw && typeof raw === 'object' && !('kind' in raw) ? { ...raw, kind: 'incident' } : raw),
    z.discriminatedUnion('kind', [incident, maintenance], {
      error: (issue) =>
        issue.code === 'invalid_union'
          ? describeUnknown('kind', (issue.input as { kind?: unknown } | undefined)?.kind, ['incident', 'maintenance'])
          : undefined,
    }),
  );
}

export type IncidentFileSchema = ReturnType<typeof incidentFileSchema>;
export type IncidentFileInput = z.input<IncidentFileSchema>;
export type IncidentFile = z.output<IncidentFileSchema>;
export type IncidentData = Extract<IncidentFile, { kind: 'incident' }>;
export type MaintenanceData = Extract<IncidentFile, { kind: 'maintenance' }>;
