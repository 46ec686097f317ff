import type { Email } from './texts.ts';

/*
 * Sending through Resend's HTTP API (resend.com/docs/api-reference): its
 * batch endpoint takes up to 100 messages a request; an `Idempotency-Key`
 * makes a repeated request (a retry after a crash between sending and
 * recording) send nothing again for 24 hours; permissive validation refuses
 * a bad message alone, by its index, instead of the whole batch. The base
 * address is configurable (EMAIL_API_URL) so tests point it at a stand-in.
 */

export const DEFAULT_EMAIL_API_URL = 'https://api.resend.com';
/** Resend's batch limit: 100 emails a request. */
export const BATCH_SIZE = 100;

export type BatchOutcome =
  /** Accepted; `refused` maps a message's index to the API's reason (permanent: never sent again). */
  | { kind: 'sent'; refused: Map<number, string> }
  /** Refused as a whole for good (a 4xx other than 401, 403 or 429): recorded, never retried. */
  | { kind: 'refused'; detail: string }
  /** Try again later (429, 5xx, 401/403 a key to fix, a lost connection): nothing recorded. */
  | { kind: 'retry'; detail: string; afterSeconds?: number };

export interface EmailApi {
  url: string;
  key: string;
  from: string;
}

export async function sendBatch(api: EmailApi, emails: Email[], idempotencyKey: string): Promise<BatchOutcome> {
  const body = emails.map((email) => ({
    from: api.from,
    to: [email.to],
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: email.headers,
  }));
  let response: Response;
  try {
    response = await fetch(`${api.url.replace(/\/$/, '')}/emails/batch`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${api.key}`,
        'content-type': 'application/json',
        'idempotency-key': idempotencyKey,
        'x-batch-validation': 'permissive',
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    return { kind: 'retry', detail: `no answer from the email API: ${(error as Error).message}` };
  }
  const detail = `email API answered ${response.status}`;
  if (response.ok) {
    const answer = (await response.json().catch(() => ({}))) as { errors?: Array<{ index: number; message: string }> };
    return {
      kind: 'sent',
      refused: new Map((answer.errors ?? []).map((error) => [error.index, String(error.message).slice(0, 200)])),
    };
  }
  await response.body?.cancel();
  if (response.status === 429 || response.status >= 500 || response.status === 401 || response.status === 403) {
    const after = Number(response.headers.get('retry-after'));
    return { kind: 'retry', detail, ...(after > 0 ? { afterSeconds: after } : {}) };
  }
  return { kind: 'refused', detail };
}
