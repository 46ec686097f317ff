import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { headersFor, readHeaderRules } from './host-headers.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css',
  '.webmanifest': 'application/manifest+json',
};

/**
 * Serve a built site on 127.0.0.1 like a static host: `/x/` → `/x/index.html`,
 * 404 → `/404.html`. With a `base` such as `/status/`, the site answers only
 * under that prefix, as a GitHub Pages project site does. With `hostHeaders`,
 * it also sends the headers of the site's `_headers` file, as Netlify does.
 */
export async function serveStatic(
  root: string,
  base = '/',
  { hostHeaders = false } = {},
): Promise<{ url: string; close: () => Promise<void> }> {
  const rules = hostHeaders ? readHeaderRules(join(root, '_headers')) : [];
  const server: Server = createServer((request, response) => {
    const requested = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    const inside = requested.startsWith(base) || `${requested}/` === base;
    const path = inside ? `/${requested.slice(base.length)}` : '/no-such-page-outside-the-base';
    let file = join(root, path);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    const found = existsSync(file);
    if (!found) file = join(root, '404.html');
    const extra = found ? headersFor(rules, path) : {};
    response.writeHead(found ? 200 : 404, {
      ...extra,
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
