/// <reference types="vitest/config" />
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { getViteConfig } from 'astro/config';

// The suites run the CLI as staff do, a fresh Node process each time (a few
// hundred of them); Node's compile cache spares each one compiling the same
// sources again (0.55 s to 0.37 s a run). Set here, every child inherits it.
process.env['NODE_COMPILE_CACHE'] ??= resolve(import.meta.dirname, 'node_modules/.cache/node-compile');

export default getViteConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/tests/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['packages/astro-status-page/tests/global-setup.ts'],
    // Vitest's default, one worker fewer than the cores, is one worker on a
    // 2-core machine; most of the suite waits on child processes and Chromium
    // (a whole run used 6.1 min of CPU in 6.0 min on 2 cores: one core idle),
    // so run one worker more than the cores.
    maxWorkers: Math.max(3, availableParallelism() + 1),
    // Generous: a browser test waits on Chromium beside two workers and their builds on 2 cores;
    // a timeout is a safety net here, never a measure (npm run bench measures).
    testTimeout: 60_000,
    hookTimeout: 300_000,
  },
});
