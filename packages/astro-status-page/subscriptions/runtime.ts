/*
 * The few Workers runtime types the service uses (D1, Queues), declared here
 * so the package needs no @cloudflare/workers-types: the shapes are those of
 * developers.cloudflare.com/d1/worker-api/ and /queues/configuration/javascript-apis/.
 */

export interface D1Result<T> {
  results: T[];
  meta: { changes: number };
}

export interface D1PreparedStatement {
  bind(...values: unknown[]): D1PreparedStatement;
  first<T = Record<string, unknown>>(): Promise<T | null>;
  all<T = Record<string, unknown>>(): Promise<D1Result<T>>;
  run(): Promise<D1Result<unknown>>;
}

export interface D1Database {
  prepare(query: string): D1PreparedStatement;
  batch(statements: D1PreparedStatement[]): Promise<Array<D1Result<unknown>>>;
}

export interface Queue<Body> {
  send(body: Body, options?: { delaySeconds?: number }): Promise<void>;
  sendBatch(messages: Iterable<{ body: Body }>): Promise<void>;
}

export interface QueueMessage<Body> {
  readonly id: string;
  readonly body: Body;
  readonly attempts: number;
  ack(): void;
  retry(options?: { delaySeconds?: number }): void;
}

export interface MessageBatch<Body> {
  readonly queue: string;
  readonly messages: ReadonlyArray<QueueMessage<Body>>;
}

export interface ExecutionContext {
  waitUntil(promise: Promise<unknown>): void;
}
