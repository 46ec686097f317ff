import { expect, test } from 'vitest';
import { redactor } from './redact.ts';

const redact = redactor([
  { name: 'SLACK_WEBHOOK_URL', value: 'https://hooks.slack.com/services/T0/B0/abcdef123' },
  { name: 'SMTP_URL', value: 'smtp://mailer:p%40ss-word@smtp.example:587' },
  { name: 'UNSET', value: '' },
]);

test('a secret URL is replaced whole, and its token path on its own', () => {
  expect(redact('POST https://hooks.slack.com/services/T0/B0/abcdef123 failed')).toBe(
    'POST [SLACK_WEBHOOK_URL] failed',
  );
  expect(redact('GET https://hooks.slack.com/services/T0/B0/abcdef123?x=1')).toBe('GET [SLACK_WEBHOOK_URL]?x=1');
  expect(redact('fetch to hooks.slack.com/services/T0/B0/abcdef123')).toBe(
    'fetch to hooks.slack.com[SLACK_WEBHOOK_URL]',
  );
});

test('an SMTP password is hidden encoded or decoded; the host stays readable', () => {
  expect(redact('auth p@ss-word and p%40ss-word at smtp.example')).toBe(
    'auth [SMTP_URL] and [SMTP_URL] at smtp.example',
  );
  expect(redact(encodeURIComponent('smtp://mailer:p%40ss-word@smtp.example:587'))).toBe('[SMTP_URL]');
});

test('an unset variable hides nothing', () => {
  expect(redact('nothing secret here')).toBe('nothing secret here');
});

test('a password that is not valid percent-encoding is hidden too, and breaks nothing', () => {
  const redact = redactor([{ name: 'SMTP_URL', value: 'smtp://mailer:pa%zz-secret@smtp.example:587' }]);
  expect(redact('sending via smtp://mailer:pa%zz-secret@smtp.example:587 as pa%zz-secret')).toBe(
    'sending via [SMTP_URL] as [SMTP_URL]',
  );
});
