/**
 * Hides secrets in any text before it is printed: each secret value, its
 * percent-encoded form and, for URLs, the parts that carry the credential
 * (password, and path and query, where webhook tokens live). The host stays
 * readable, so a log still says where a delivery went.
 */
export function redactor(secrets: ReadonlyArray<{ name: string; value: string }>): (text: string) => string {
  const pieces: Array<{ piece: string; name: string }> = [];
  for (const { name, value } of secrets) {
    if (value === '') continue;
    for (const piece of secretPieces(value)) pieces.push({ piece, name });
  }
  // Longest first, so a whole URL is replaced before any part of it.
  pieces.sort((a, b) => b.piece.length - a.piece.length);
  return (text) => pieces.reduce((out, { piece, name }) => out.split(piece).join(`[${name}]`), text);
}

/** Percent-decoded, or as it is when it is not valid percent-encoding (a password with a bare "%"). */
function decoded(piece: string): string {
  try {
    return decodeURIComponent(piece);
  } catch {
    return piece;
  }
}

function secretPieces(value: string): string[] {
  const pieces = [value, encodeURIComponent(value)];
  if (URL.canParse(value)) {
    const url = new URL(value);
    if (url.password) pieces.push(url.password, decoded(url.password));
    if (url.username) pieces.push(url.username, decoded(url.username));
    const rest = `${url.pathname}${url.search}`;
    if (rest.length > 1) pieces.push(rest);
  }
  // Very short pieces ("/", "a") would mangle ordinary words.
  return [...new Set(pieces)].filter((piece) => piece.length >= 4);
}
