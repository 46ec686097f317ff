import { cancel, isCancel, multiselect, select, text } from '@clack/prompts';
import type { Prompter } from './commands.ts';
import { CliError } from './errors.ts';

function answered<T>(value: T | symbol): T {
  if (isCancel(value)) {
    cancel('Cancelled; nothing was written.');
    throw new CliError('cancelled; nothing was written');
  }
  return value as T;
}

/** Terminal prompts (@clack/prompts) for values missing from the command line. */
export const clackPrompter: Prompter = {
  text: async (message, options = {}) =>
    answered<string>(
      await text({
        message,
        ...(options.placeholder ? { placeholder: options.placeholder } : {}),
        ...(options.initial ? { initialValue: options.initial } : {}),
        validate: (value) => (value?.trim() ? undefined : 'Required'),
      }),
    ),
  select: async (message, choices, initial) =>
    answered<string>(await select({ message, options: choices.map((choice) => ({ value: choice, label: choice })), ...(initial ? { initialValue: initial } : {}) })),
  multiselect: async (message, choices) =>
    answered<string[]>(await multiselect({ message, options: choices.map((choice) => ({ value: choice, label: choice })), required: true })),
};
