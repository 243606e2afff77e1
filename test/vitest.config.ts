import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('..', import.meta.url)),
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    // Tests spawn processes and servers on loopback; two cores, so keep parallelism modest.
    pool: 'forks',
    maxWorkers: 2,
    // Hang guards, not budgets: a test bounds its work by count, and on a busy two-core machine
    // a test that starts processes may need much longer than on a quiet one.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
