import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['test/**/*.test.ts'],
    // Two cores: one fork per core keeps RuleTester suites from fighting over memory.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
