import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** What a deploy published: the project and branch it named, the token it sent, and each file path with its bytes (_headers and _redirects among them). */
export interface Published {
  project: string;
  branch: string | undefined;
  authorization: string | undefined;
  files: Map<string, Buffer>;
}

/**
 * A local stand-in for Cloudflare's Pages direct-upload API, the part
 * `wrangler pages deploy` speaks (wrangler reads it from
 * CLOUDFLARE_API_BASE_URL): the project, an upload token, the assets' check,
 * upload and upsert, the deployment with its manifest, and the deployment's
 * status. Only `project` exists. It keeps what each deployment published, so
 * a test can compare it with the folder it was given.
 */
export async function startPagesApi(
  project: string,
): Promise<{ url: string; deployments: Published[]; close: () => Promise<void> }> {
  const assets = new Map<string, Buffer>();
  const deployments: Published[] = [];
  // A JWT wrangler can decode (it reads exp and max_file_count_allowed); the signature is never checked.
  const jwt = [
    '{"alg":"none"}',
    JSON.stringify({ exp: Math.floor(Date.now() / 1000) + 3600, max_file_count_allowed: 20_000 }),
    '',
  ]
    .map((part) => Buffer.from(part).toString('base64url'))
    .join('.');
  const projectJson = { name: project, production_branch: 'main', deployment_configs: { production: {}, preview: {} } };

  const server: Server = createServer(async (request, response) => {
    const body = await readBody(request);
    const path = new URL(request.url ?? '/', 'http://x').pathname.replace(/^\/client\/v4/, '');
    const reply = (status: number, result: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(
        JSON.stringify(
          status < 400
            ? { success: true, errors: [], messages: [], result }
            : { success: false, errors: [{ code: 8000007, message: String(result) }], messages: [], result: null },
        ),
      );
    };
    const projectPath = /^\/accounts\/[^/]+\/pages\/projects\/([^/]+)(\/.*)?$/.exec(path);
    if (projectPath && projectPath[1] !== project) return reply(404, `Project not found: ${projectPath[1]}`);
    const rest = projectPath?.[2] ?? '';
    if (projectPath && request.method === 'GET' && rest === '') return reply(200, projectJson);
    if (projectPath && rest === '/upload-token') return reply(200, { jwt });
    if (path === '/pages/assets/check-missing')
      return reply(
        200,
        (JSON.parse(body.toString()) as { hashes: string[] }).hashes.filter((hash) => !assets.has(hash)),
      );
    if (path === '/pages/assets/upload') {
      for (const { key, value } of JSON.parse(body.toString()) as Array<{ key: string; value: string }>)
        assets.set(key, Buffer.from(value, 'base64'));
      return reply(200, null);
    }
    if (path === '/pages/assets/upsert-hashes') return reply(200, true);
    if (projectPath && request.method === 'POST' && rest === '/deployments') {
      const form = await new Response(new Uint8Array(body), {
        headers: { 'content-type': request.headers['content-type'] ?? '' },
      }).formData();
      const manifest = JSON.parse(String(form.get('manifest'))) as Record<string, string>;
      const files = new Map(
        Object.entries(manifest).map(([file, hash]) => [file, assets.get(hash) ?? Buffer.alloc(0)]),
      );
      // The host's own rules travel beside the manifest, as files of the form.
      for (const rules of ['_headers', '_redirects']) {
        const part = form.get(rules);
        if (part instanceof Blob) files.set(`/${rules}`, Buffer.from(await part.arrayBuffer()));
      }
      deployments.push({
        project,
        branch: form.get('branch')?.toString(),
        authorization: request.headers.authorization,
        files,
      });
      return reply(200, deployment(deployments.length));
    }
    if (projectPath && request.method === 'GET' && /^\/deployments\/[^/]+$/.test(rest))
      return reply(200, { ...deployment(deployments.length), latest_stage: { name: 'deploy', status: 'success' } });
    return reply(404, `${request.method} ${path} is not part of the stand-in`);
  });
  const deployment = (n: number) => ({
    id: `deployment-${n}`,
    url: `https://${n}.${project}.pages.dev`,
    project_name: project,
    aliases: [],
  });

  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/client/v4`,
    deployments,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
