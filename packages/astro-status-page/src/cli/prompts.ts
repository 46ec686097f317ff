import { cancel, confirm, groupMultiselect, isCancel, log, note, select, text } from '@clack/prompts';
import type { Choice } from './choices.ts';
import type { Prompter } from './context.ts';
import { Refusal } from '../files/refusal.ts';

function answered<T>(value: T | symbol): T {
  if (isCancel(value)) {
    cancel('Cancelled; nothing was written.');
    throw new Refusal('cancelled; nothing was written');
  }
  return value as T;
}

const options = (choices: readonly Choice[]) => choices.map(({ value, label }) => ({ value, label }));

/** Terminal prompts (@clack/prompts) for values missing from the command line. */
export const clackPrompter: Prompter = {
  text: async (message, { placeholder, initial, fallback, validate } = {}) =>
    answered<string>(
      await text({
        message,
        ...(placeholder ? { placeholder } : {}),
        ...(initial ? { initialValue: initial } : {}),
        ...(fallback ? { defaultValue: fallback } : {}),
        validate: (value) => {
          const answer = value?.trim() || fallback;
          return answer ? validate?.(answer) : 'Required';
        },
      }),
    ),
  select: async (message, choices, initial) =>
    answered<string>(
      await select({ message, options: options(choices), ...(initial ? { initialValue: initial } : {}) }),
    ),
  groupMultiselect: async (message, groups, required) =>
    answered<string[]>(
      await groupMultiselect({
        message,
        options: Object.fromEntries([...groups].map(([group, choices]) => [group, options(choices)])),
        required,
        selectableGroups: false,
      }),
    ),
  show: (title, body, after) => {
    note(body, title);
    log.message(after);
  },
  confirm: async (message) => answered<boolean>(await confirm({ message })),
};
