import { describeUnknown } from '../rules/nearest.ts';
import { UPDATE_COMPONENT_STATUSES, type ComponentStatus } from '../rules/statuses.ts';
import { timestampSchema } from '../rules/timestamp.ts';
import { parseDuration, durationText } from '../rules/duration.ts';
import { promisedAt, PROMISE_FORMS } from '../rules/promised-update.ts';
import { Refusal } from '../files/refusal.ts';
import { isoSeconds } from '../files/incident-writer.ts';
import { staffTime } from '../model/dates.ts';
import { plainChoices, statusChoices } from './choices.ts';
import type { Context, Flags } from './context.ts';
import { componentName, type Site } from './site.ts';

export const str = (flags: Flags, name: string): string | undefined =>
  typeof flags[name] === 'string' ? (flags[name] as string) : undefined;
export const list = (flags: Flags, name: string): string[] =>
  ((flags[name] as string[] | undefined) ?? [])
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter(Boolean);

/** A flag's value, else the prompt's answer, else a refusal naming the flag and an example. */
export async function need(
  ctx: Context,
  flags: Flags,
  name: string,
  question: string,
  example: string,
  initial?: string,
): Promise<string> {
  const given = str(flags, name)?.trim();
  if (given) return given;
  if (ctx.prompt) {
    const answer = (await ctx.prompt.text(question, { placeholder: example, ...(initial ? { initial } : {}) })).trim();
    if (answer) return answer;
  }
  throw new Refusal(`missing --${name}: ${question.replace(/\?$/, '')}, e.g. --${name} ${JSON.stringify(example)}`);
}

/** The flag's word from a closed list, or undefined when absent; refuses a typo with the nearest word. */
export function given(flags: Flags, name: string, what: string, allowed: readonly string[]): string | undefined {
  const value = str(flags, name)?.trim();
  if (value !== undefined && !allowed.includes(value))
    throw new Refusal(`--${name}: ${describeUnknown(what, value, allowed)}`);
  return value;
}

const question = (what: string) => `${what[0]!.toUpperCase()}${what.slice(1)}?`;

/** A word from a closed list, from the flag or a menu; refuses a typo with the nearest word. */
export async function choose(
  ctx: Context,
  flags: Flags,
  name: string,
  what: string,
  allowed: readonly string[],
  fallback?: string,
): Promise<string> {
  const value = given(flags, name, what, allowed) ?? fallback;
  if (value !== undefined) return value;
  if (ctx.prompt) return ctx.prompt.select(question(what), plainChoices(allowed));
  throw new Refusal(`missing --${name}; allowed: ${allowed.join(', ')}`);
}

/** A time flag in any zone, as UTC ISO without milliseconds; `fallback` when absent. */
export function time(flags: Flags, name: string, fallback?: number): string | undefined {
  const given = str(flags, name);
  if (given === undefined) return fallback === undefined ? undefined : isoSeconds(fallback);
  const parsed = timestampSchema.safeParse(given);
  if (!parsed.success) throw new Refusal(`--${name}: ${parsed.error.issues[0]?.message ?? 'is not a time'}`);
  return isoSeconds(Date.parse(parsed.data));
}

/**
 * The promised next update for an update posted at `at`: `--next` ("30m",
 * "1 h", or a time with a zone), else the template's default, as the file
 * writes it ("30 min", or UTC ISO); undefined when neither gives one.
 * Refused, naming the flag, when it is not after `at` or too far; said, as a
 * time, when given, so staff see the moment readers will hold them to.
 */
export function nextUpdateFlag(ctx: Context, flags: Flags, at: string, fallback?: string): string | undefined {
  const given = str(flags, 'next')?.trim();
  const written = given ?? fallback;
  if (written === undefined) return undefined;
  const promise = promisedAt(written, Date.parse(at));
  const source = given === undefined ? "the template's next_update" : `--next ${given}`;
  if ('problem' in promise) throw new Refusal(`${source}: ${promise.problem}; --next takes ${PROMISE_FORMS}`);
  const duration = parseDuration(written);
  ctx.out(`Next update promised by ${staffTime(promise.at)} (${source}): readers see "Update overdue" after it`);
  return duration === undefined ? isoSeconds(promise.at) : durationText(duration);
}

export async function requiredTime(ctx: Context, flags: Flags, name: string, question: string): Promise<string> {
  const value = await need(ctx, flags, name, question, '2022-12-30T02:00:00Z');
  return time({ [name]: value }, name)!;
}

export type ComponentPair = [id: string, status: string];
/** A `--component` flag as typed: the status is missing from `--component web`. */
export type TypedComponent = [id: string, status: string | undefined];

/** The statuses `--component id=status` takes in one command, and why a known status outside them is refused. */
export interface ComponentVocabulary {
  allowed: readonly string[];
  /** Offered first at a prompt, and the example in a refusal. */
  example: string;
  refusal?: (id: string, status: string) => string;
}

/**
 * A `key=value` flag value, split at its one `=` (the value may be left out:
 * `web`). A second `=` or a missing key is refused, naming the flag and its
 * form, rather than dropping what follows.
 */
export function keyValue(name: string, pair: string, form: string): [key: string, value: string | undefined] {
  const parts = pair.split('=').map((part) => part.trim());
  if (parts.length > 2)
    throw new Refusal(`--${name} ${pair}: has more than one "="; write ${form}, one pair per --${name}`);
  if (parts[0] === '') throw new Refusal(`--${name} ${pair}: names nothing before "="; write ${form}`);
  return [parts[0]!, parts[1] || undefined];
}

/** `--component id=status` flags as typed (repeatable or comma-separated), refusing an id given twice. */
export function componentFlags(flags: Flags): TypedComponent[] {
  const typed = new Map<string, string>();
  return list(flags, 'component').map((pair) => {
    const [id, status] = keyValue('component', pair, 'id=status, e.g. --component web=major_outage');
    const first = typed.get(id);
    if (first !== undefined)
      throw new Refusal(`--component ${id} is given twice (${first}, ${pair}); give each component once`);
    typed.set(id, pair);
    return [id, status] satisfies TypedComponent;
  });
}

/** A component's status from its flag, checked against the command's vocabulary; asked for at a terminal when left out. */
export async function componentStatus(
  ctx: Context,
  site: Site,
  id: string,
  status: string | undefined,
  vocabulary: ComponentVocabulary,
): Promise<string> {
  const { allowed, example, refusal } = vocabulary;
  if (status === undefined && ctx.prompt)
    return ctx.prompt.select(
      `Status of ${componentName(site, id)}?`,
      statusChoices(allowed as readonly ComponentStatus[]),
      example,
    );
  if (status === undefined)
    throw new Refusal(
      `--component ${id}: say how it is affected, e.g. ${id}=${example}; allowed: ${allowed.join(', ')}`,
    );
  if (allowed.includes(status)) return status;
  const known = (UPDATE_COMPONENT_STATUSES as readonly string[]).includes(status);
  throw new Refusal(
    `--component ${id}=${status}: ${known && refusal ? refusal(id, status) : describeUnknown('component status', status, allowed)}`,
  );
}

/** Declared component ids with their statuses, in the order given. */
export async function componentStatuses(
  ctx: Context,
  site: Site,
  pairs: readonly TypedComponent[],
  vocabulary: ComponentVocabulary,
): Promise<ComponentPair[]> {
  const result: ComponentPair[] = [];
  for (const [id, status] of pairs) {
    if (!site.componentIds.includes(id))
      throw new Refusal(`--component: ${describeUnknown('component', id, site.componentIds)}`);
    result.push([id, await componentStatus(ctx, site, id, status, vocabulary)]);
  }
  return result;
}
