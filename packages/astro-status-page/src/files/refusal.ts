/**
 * A refusal the user can act on: printed as is, without a stack trace, and
 * the command exits 1. Its message says what is wrong and what is allowed.
 */
export class Refusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'Refusal';
  }
}
