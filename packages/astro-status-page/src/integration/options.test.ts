import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveOptions } from './options.ts';

const root = mkdtempSync(join(tmpdir(), 'status-options-'));
writeFileSync(join(root, 'tokens.css'), ':root { --link: red; }\n');

describe('statusPage() options', () => {
  test.each([
    [{}, ''],
    [{ base: '/status' }, '/status'],
    [{ base: '/status/' }, '/status'],
    [{ base: '/help/status' }, '/help/status'],
  ])('base %j is the path %j', (options, base) => {
    expect(resolveOptions(options, root).base).toBe(base);
  });

  test.each(['status', '/sta tus', '/../x', 'https://example.com/status'])(
    'base %j is refused, saying what a base is',
    (base) => {
      expect(() => resolveOptions({ base }, root)).toThrow(/base is a path such as '\/status'/);
    },
  );

  test('customCss resolves from the project root, and names a missing file or a file that is not CSS', () => {
    expect(resolveOptions({ customCss: ['./tokens.css'] }, root).customCss).toEqual([join(root, 'tokens.css')]);
    expect(() => resolveOptions({ customCss: ['./missing.css'] }, root)).toThrow(
      `there is no file ${join(root, 'missing.css')}`,
    );
    expect(() => resolveOptions({ customCss: ['./tokens.scss'] }, root)).toThrow('customCss lists .css files');
  });
});
