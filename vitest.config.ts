import { defineConfig } from 'vitest/config';

// ESLINT_MAJOR=9 runs the same tests against ESLint 9 (installed as the `eslint-v9` alias), so
// both supported majors are checked by one suite.
const eslint9 = process.env.ESLINT_MAJOR === '9';

export default defineConfig({
  resolve: { alias: eslint9 ? [{ find: /^eslint$/, replacement: 'eslint-v9' }] : [] },
  test: {
    globals: true,
    include: ['test/**/*.test.ts'],
    // Two cores: one fork per core keeps RuleTester suites from fighting over memory.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
  },
});
