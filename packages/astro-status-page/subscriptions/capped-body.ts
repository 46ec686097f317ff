/*
 * Every body the service reads is read up to a cap: its endpoints are open
 * to anyone, and a Worker that took a 100 MB form in whole would spend its
 * memory and the owner's CPU time on it. Each caller says what its cap is.
 */

/** The request's body as text, or undefined past the cap (read no further than it, whatever content-length says). */
export async function cappedText(request: Request, cap: number): Promise<string | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > cap) return undefined;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (let read = await reader?.read(); read && !read.done; read = await reader!.read()) {
    size += read.value.byteLength;
    if (size > cap) {
      await reader!.cancel();
      return undefined;
    }
    chunks.push(read.value);
  }
  const body = new Uint8Array(size);
  chunks.reduce((at, chunk) => (body.set(chunk, at), at + chunk.byteLength), 0);
  return new TextDecoder().decode(body);
}
