import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Most suites spend their time waiting on child processes; two workers keep both cores busy.
    maxWorkers: 2,
  },
});
