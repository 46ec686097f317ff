/*
 * JSON another server or program wrote (a live site's API, an export), read
 * so that a bad answer is described, never echoed: JSON.parse's own message
 * quotes the text it choked on (`Unexpected token '<', "<!DOCTYPE "…`),
 * raw bytes and terminal escapes included, and names neither file nor address.
 */

/** What is wrong with a text that is not JSON, in a few words of ours. */
export function notJsonBecause(text: string): string {
  const trimmed = text.trim();
  const size = `${Buffer.byteLength(text).toLocaleString('en')} bytes`;
  if (trimmed === '') return 'it is empty';
  if (/^<(!doctype|html|\?xml|[a-z])/i.test(trimmed)) return `it is HTML or XML, not JSON (${size}): an error page?`;
  if (/^[[{]/.test(trimmed)) return `its JSON is cut short or damaged (${size}): a partial download?`;
  return `it is not JSON (${size})`;
}

/** Parse JSON from `where` (a path or an address); the error names it and says what is wrong, quoting nothing. */
export function parseForeignJson(text: string, where: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new Error(`${where}: ${notJsonBecause(text)}`);
  }
}
