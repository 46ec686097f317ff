import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { Ledger } from './ledger.ts';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function ledger(): Ledger {
  const dir = mkdtempSync(join(tmpdir(), 'ledger-'));
  dirs.push(dir);
  return new Ledger(dir);
}
const owed = (deliveryId: string) => ({ deliveryId, notificationId: deliveryId.split('.')[0]!, channel: 'slack' });

test('owed until confirmed; a claim held hides it; a release makes it owed again', async () => {
  const book = ledger();
  book.owe([owed('a-update-1.slack'), owed('a-update-2.slack')]);
  expect(book.owed().map((debt) => debt.deliveryId)).toEqual(['a-update-1.slack', 'a-update-2.slack']);
  expect(await book.claim('a-update-1.slack')).toEqual({ kind: 'claimed' });
  expect(book.owed().map((debt) => debt.deliveryId)).toEqual(['a-update-2.slack']);
  book.confirm('a-update-1.slack', '200 OK');
  expect(book.confirmedAt('a-update-1.slack')).toMatch(/^\d{4}-\d\d-\d\dT/);
  expect((await book.claim('a-update-1.slack')).kind).toBe('done');
  expect(await book.claim('a-update-2.slack')).toEqual({ kind: 'claimed' });
  book.release('a-update-2.slack');
  expect(book.owed().map((debt) => debt.deliveryId)).toEqual(['a-update-2.slack']);
  // Owing what is confirmed changes nothing.
  book.owe([owed('a-update-1.slack')]);
  expect(book.owed().map((debt) => debt.deliveryId)).toEqual(['a-update-2.slack']);
});

test('a claim left by a process that is gone is reported, not taken; a resend takes it anew', async () => {
  const book = ledger();
  const holder = { pid: 2 ** 22 + 17, host: hostname(), at: '2026-01-01T00:00:00.000Z' };
  writeFileSync(join(book.dir, 'a-update-1.slack.claim'), JSON.stringify(holder));
  expect(await book.claim('a-update-1.slack')).toEqual({ kind: 'stopped', holder });
  // Another machine's claim is never a live run here.
  writeFileSync(join(book.dir, 'b.slack.claim'), JSON.stringify({ ...holder, pid: process.ppid, host: 'elsewhere' }));
  expect((await book.claim('b.slack')).kind).toBe('stopped');
  expect(await book.claim('a-update-1.slack', { again: true })).toEqual({ kind: 'claimed' });
});

test("a live run's claim is awaited until it is confirmed, or until the deadline", async () => {
  const book = ledger();
  writeFileSync(
    join(book.dir, 'a.slack.claim'),
    JSON.stringify({ pid: process.ppid, host: hostname(), at: '2026-01-01T00:00:00.000Z' }),
  );
  expect((await book.claim('a.slack', { pollMs: 5, deadline: Date.now() + 30 })).kind).toBe('busy');
  setTimeout(() => book.confirm('a.slack', '200 OK'), 30);
  expect((await book.claim('a.slack', { pollMs: 5 })).kind).toBe('done');
});

test('odd delivery ids are safe file names; old confirmations are pruned', async () => {
  const book = ledger();
  expect(await book.claim('../../etc/x.slack')).toEqual({ kind: 'claimed' });
  book.confirm('../../etc/x.slack', '200 OK');
  expect(readdirSync(book.dir).every((name) => !name.includes('/'))).toBe(true);
  book.prune(-1);
  expect(readdirSync(book.dir)).toEqual([]);
});
