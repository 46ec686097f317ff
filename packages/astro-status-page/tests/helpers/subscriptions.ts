import { execFile } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';
import { Miniflare } from 'miniflare';
import { signature } from '../../src/notify/channels.ts';

/*
 * The subscriptions service in workerd (Miniflare: the runtime Cloudflare
 * runs, with a local D1 database and queue) on 127.0.0.1, and a stand-in of
 * Resend's batch API that records every message, honours Idempotency-Key as
 * Resend does, and can be told to fail.
 */

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
const WORKER = here('../../subscriptions/worker.ts');
const MIGRATION = here('../../subscriptions/migrations/0001_subscriptions.sql');
const CONFIG = here('../../subscriptions/wrangler.jsonc');
const WRANGLER = here('../../../../node_modules/wrangler/bin/wrangler.js');
const run = promisify(execFile);

let bundled: Promise<string> | undefined;
/**
 * The Worker as the deploy workflow's wrangler bundles it (`wrangler deploy
 * --dry-run`): one ES module, which fails here if the Worker imported
 * anything workerd lacks. Its config is the engine's template, copied with
 * absolute paths into a temporary folder, so wrangler leaves nothing in the package.
 */
export function workerScript(): Promise<string> {
  bundled ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'subscriptions-bundle-'));
    try {
      const template = readFileSync(CONFIG, 'utf8')
        .replace('"main": "worker.ts"', `"main": ${JSON.stringify(WORKER)}`)
        .replace('"migrations_dir": "migrations"', `"migrations_dir": ${JSON.stringify(dirname(MIGRATION))}`);
      writeFileSync(join(dir, 'wrangler.jsonc'), template);
      await run(
        process.execPath,
        [WRANGLER, 'deploy', '--dry-run', '--outdir', join(dir, 'out'), '--config', join(dir, 'wrangler.jsonc')],
        {
          cwd: dir,
          env: { ...process.env, WRANGLER_SEND_METRICS: 'false', WRANGLER_LOG_PATH: join(dir, 'logs') },
        },
      );
      return readFileSync(join(dir, 'out', 'worker.js'), 'utf8');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  })();
  return bundled;
}

export interface SentEmail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

export interface EmailStandIn {
  url: string;
  /** Every message accepted, in order (a repeated Idempotency-Key adds none). */
  sent: SentEmail[];
  /** Every request, accepted or not. */
  requests: number;
  /** Answer this status to the requests numbered in this set (1-based), instead of accepting them. */
  failing: Map<number, number>;
  /** Refuse, as Resend's permissive mode does, messages to these addresses (by index in the batch). */
  refusing: Set<string>;
  /** Called as each batch is accepted, before it is answered: the answer waits for what it returns (a test stops the service there). */
  onBatch?: ((count: number) => void | Promise<void>) | undefined;
  close: () => Promise<void>;
}

export async function startEmailStandIn(): Promise<EmailStandIn> {
  const answered = new Map<string, string>();
  const standIn: EmailStandIn = {
    url: '',
    sent: [],
    requests: 0,
    failing: new Map(),
    refusing: new Set(),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const number = ++standIn.requests;
      const fail = standIn.failing.get(number);
      if (request.url !== '/emails/batch' || request.headers.authorization !== 'Bearer test-key') {
        response.writeHead(request.url === '/emails/batch' ? 401 : 404).end();
        return;
      }
      if (fail) {
        response.writeHead(fail, { 'retry-after': '0' }).end('{"message":"stand-in failure"}');
        return;
      }
      const key = String(request.headers['idempotency-key'] ?? '');
      const repeat = key ? answered.get(key) : undefined;
      if (repeat) {
        response.writeHead(200, { 'content-type': 'application/json' }).end(repeat);
        return;
      }
      const emails = JSON.parse(Buffer.concat(chunks).toString('utf8')) as SentEmail[];
      const errors: Array<{ index: number; message: string }> = [];
      const data: Array<{ id: string }> = [];
      emails.forEach((email, index) => {
        if (email.to.some((to) => standIn.refusing.has(to)))
          errors.push({ index, message: 'The `to` field must be a valid email address.' });
        else {
          standIn.sent.push(email);
          data.push({ id: `${number}-${index}` });
        }
      });
      const answer = JSON.stringify({ data, errors });
      if (key) answered.set(key, answer);
      void Promise.resolve(standIn.onBatch?.(emails.length)).then(() => {
        if (!response.destroyed) response.writeHead(200, { 'content-type': 'application/json' }).end(answer);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  standIn.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return standIn;
}

export const SECRET = 'test-subscriptions-secret';
/** The service's Resend webhook signing secret, in Resend's form: whsec_ and 32 bytes in base64. */
export const WEBHOOK_SECRET = `whsec_${Buffer.from('test-email-webhook-secret-32-byt').toString('base64')}`;

export interface Service {
  mf: Miniflare;
  /** The service's address, e.g. http://127.0.0.1:8787 */
  url: string;
  db: Awaited<ReturnType<Miniflare['getD1Database']>>;
  dispose: () => Promise<void>;
}

export interface ServiceOptions {
  emailApi: string;
  siteUrl: string;
  /** Keep the database in this folder, so a second service (after a crash) finds it. */
  persist?: string;
  port?: number;
  rate?: number;
  /** Where the Worker's own log lines go (stdout unless given). */
  log?: (line: string) => void;
  /** EMAIL_WEBHOOK_SECRET: WEBHOOK_SECRET unless given; null leaves it unset. */
  webhookSecret?: string | null;
}

/** The Worker in workerd, its database migrated (as `wrangler d1 migrations apply` would). */
export async function startService(options: ServiceOptions): Promise<Service> {
  const text = (value: string) => ({ type: 'text' as const, value });
  const mf = new Miniflare({
    host: '127.0.0.1',
    port: options.port ?? 0,
    logRequests: false,
    unsafeTriggerHandlers: true,
    ...(options.log ? { handleStructuredLogs: ({ message }: { message: string }) => options.log!(message) } : {}),
    ...(options.persist ? { resourcePersistencePath: options.persist } : {}),
    workers: [
      {
        config: {
          name: 'subscriptions',
          compatibilityDate: '2026-11-01',
          manifest: {
            mainModule: 'worker.js',
            modules: { 'worker.js': { type: 'esm', contents: await workerScript() } },
          },
          triggers: [{ type: 'queue', name: 'outbox', maxBatchSize: 10, maxBatchTimeout: 0.05, maxRetries: 10 }],
          env: {
            DB: { type: 'd1', id: 'subscriptions' },
            OUTBOX: { type: 'queue', name: 'outbox' },
            SITE_URL: text(options.siteUrl),
            SITE_NAME: text('Chirp'),
            EMAIL_FROM: text('Chirp status <status@chirp.example>'),
            EMAIL_API_URL: text(options.emailApi),
            EMAIL_API_KEY: text('test-key'),
            EMAIL_API_RATE: text(String(options.rate ?? 1000)),
            RETRY_SECONDS: text('0'),
            SUBSCRIPTIONS_SECRET: text(SECRET),
            ...(options.webhookSecret === null
              ? {}
              : { EMAIL_WEBHOOK_SECRET: text(options.webhookSecret ?? WEBHOOK_SECRET) }),
          },
        },
      },
    ],
  });
  const url = (await mf.ready).origin;
  const db = await mf.getD1Database('DB');
  const present = await db.prepare("SELECT name FROM sqlite_master WHERE name = 'subscribers'").first();
  if (!present) {
    const statements = readFileSync(MIGRATION, 'utf8')
      .replace(/--.*$/gm, '')
      .split(';')
      .map((statement) => statement.trim())
      .filter(Boolean);
    await db.batch(statements.map((statement) => db.prepare(statement)));
  }
  return { mf, url, db, dispose: () => mf.dispose() };
}

/** A handover as `status notify` signs it. */
export function signedHandover(body: object, secret = SECRET, seconds = Math.floor(Date.now() / 1000)) {
  const text = JSON.stringify(body);
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-status-signature': signature(secret, text, seconds) },
    body: text,
  };
}

/**
 * A webhook as Resend sends it, signed the Svix way: `v1,<base64 HMAC-SHA256>`
 * of `<svix-id>.<svix-timestamp>.<body>`, keyed with the secret's bytes after `whsec_`.
 */
export function signedEmailEvent(
  body: object,
  { secret = WEBHOOK_SECRET, seconds = Math.floor(Date.now() / 1000), id = `msg_${randomUUID()}` } = {},
) {
  const text = JSON.stringify(body);
  const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
  const signature = createHmac('sha256', key).update(`${id}.${seconds}.${text}`).digest('base64');
  return {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'svix-id': id,
      'svix-timestamp': String(seconds),
      'svix-signature': `v1,${signature}`,
    },
    body: text,
  };
}

/** Wait until `check` holds, polling (the queue delivers within about a second). */
export async function until(check: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > timeoutMs) throw new Error(`still not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
