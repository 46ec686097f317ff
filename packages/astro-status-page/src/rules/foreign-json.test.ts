import { expect, test } from 'vitest';
import { parseForeignJson } from './foreign-json.ts';

test('a bad answer is described with its source, its bytes never echoed', () => {
  const cases: Array<[string, string]> = [
    ['', 'https://status.example/api/v2/notify-index.json: it is empty'],
    [
      '<!DOCTYPE html><title>\u001b[2J502</title>',
      'https://status.example/api/v2/notify-index.json: it is HTML or XML, not JSON (37 bytes): an error page?',
    ],
    [
      '{"updated_at": "2022-12-28T1',
      'https://status.example/api/v2/notify-index.json: its JSON is cut short or damaged (28 bytes): a partial download?',
    ],
    ['\u001b[31mnope', 'https://status.example/api/v2/notify-index.json: it is not JSON (9 bytes)'],
  ];
  for (const [text, message] of cases) {
    expect(() => parseForeignJson(text, 'https://status.example/api/v2/notify-index.json')).toThrow(message);
    try {
      parseForeignJson(text, 'x');
    } catch (error) {
      expect((error as Error).message).not.toContain('\u001b');
      expect((error as Error).message).not.toContain('DOCTYPE');
    }
  }
  expect(parseForeignJson('{"a": 1}', 'x')).toEqual({ a: 1 });
});
