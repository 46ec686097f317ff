import { expect, test } from 'vitest';
import { addressProblem } from './email-address.ts';

test.each([
  ['status@chirp.example', undefined],
  ['Chirp status <status@chirp.example>', undefined],
  ['"Chirp, status" <status@chirp.example>', undefined],
  ['Chirp\nstatus <status@chirp.example>', 'holds a line break or control character'],
  ['status@chirp.example\r\nBcc: all@chirp.example', 'holds a line break or control character'],
  ['Chirp\tstatus <status@chirp.example>', 'holds a line break or control character'],
  ['Chirp status', 'names no address'],
  ['Chirp status <>', 'names no address'],
  ['', 'is empty'],
  ['a@chirp.example, b@chirp.example', 'holds 2 addresses; give one per entry'],
  ['Team: a@chirp.example;', 'is an address group; give one address'],
  ['Chirp <status>', '"status" is not an email address'],
  ['not-an-address', 'names no address'],
])('%j: %s', (value, problem) => {
  expect(addressProblem(value)).toBe(problem);
});
