import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { publish, shellQuote } from './publish.ts';
import type { Site } from './site.ts';

// The printed publish line is pasted into a shell as it is: whatever the file's path holds, the shell must
// read each word back exactly, and run nothing but git.
test.each([
  'incidents/2022/2022-12-28-login.md',
  'incidents/$(touch pwned)/2022-12-28-login.md',
  'incidents/`touch pwned`/a b.md',
  "incidents/it's; touch pwned/x.md",
  'incidents/"$HOME" & touch pwned/x.md',
  'incidents/esc\u001b[31m\u202e/x.md',
])('the publish line for %j runs git with exactly its words', async (path) => {
  const dir = mkdtempSync(join(tmpdir(), 'status-publish-'));
  const lines: string[] = [];
  const site = { dir, config: { url: 'https://status.chirp.example' } } as unknown as Site;
  await publish({ dir, now: 0, env: {}, out: (line) => lines.push(line) }, site, path, 'login', 'x\n', {}, 'Wrote');
  const line = lines.find((printed) => printed.startsWith('Publish: '))!.slice('Publish: '.length);
  // A git that records its words, one call per line, each word on its own NUL-ended field.
  const bin = mkdtempSync(join(tmpdir(), 'status-fake-git-'));
  writeFileSync(
    join(bin, 'git'),
    `#!/bin/sh\nprintf '%s\\0' "$@" >> "${join(bin, 'calls')}"\nprintf '\\n' >> "${join(bin, 'calls')}"\n`,
  );
  chmodSync(join(bin, 'git'), 0o755);
  execFileSync('bash', ['-c', line], { cwd: dir, env: { PATH: `${bin}:/usr/bin:/bin`, LC_ALL: 'C.UTF-8' } });
  const calls = execFileSync('cat', [join(bin, 'calls')], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((call) => call.split('\0').slice(0, -1));
  expect(calls).toEqual([['add', path], ['commit', '-m', 'Status: login'], ['push']]);
  expect(existsSync(join(dir, 'pwned'))).toBe(false);
  // Nothing of the line reaches the terminal as a control or format character.
  for (const printed of lines) expect(printed).not.toMatch(/[\p{Cc}\p{Cf}]/u);
});

test('plain words stay as they are', () => {
  expect(shellQuote('incidents/2022/2022-12-28-login.md')).toBe('incidents/2022/2022-12-28-login.md');
});
