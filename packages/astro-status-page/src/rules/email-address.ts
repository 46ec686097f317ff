import addressparser from 'nodemailer/lib/addressparser';
import { MAILBOX } from './mailbox.ts';

/*
 * One rule for every email address field (notify's `from` and `to`), read
 * with the parser nodemailer itself uses to send, so what passes the check
 * is what goes into the message's headers.
 */

/** Why `value` is not exactly one address (a plain one or `Name <address>`), or undefined. */
export function addressProblem(value: string): string | undefined {
  // A line break would start a new header line (header injection); the parser would silently fold it into the name.
  if (/\p{Cc}/u.test(value)) return 'holds a line break or control character';
  const parsed = addressparser(value);
  if (parsed.length > 1) return `holds ${parsed.length} addresses; give one per entry`;
  const [one] = parsed;
  if (!one || one.group !== undefined) return one ? 'is an address group; give one address' : 'is empty';
  if (one.address === '') return 'names no address';
  if (!MAILBOX.test(one.address)) return `"${one.address}" is not an email address`;
  return undefined;
}
