#!/usr/bin/env node
// `npm test`: everything CI checks, in one command. Each step runs even when an earlier one
// failed, so one run shows every problem; the last line is the test count, `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const results = join(root, 'node_modules', '.cache', 'vitest-results.json');
const failed = [];

function step(title, command, args, env = {}) {
  console.log(`\n▶ ${title}`);
  const run = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) failed.push(title);
}

step('typecheck (tsc --noEmit)', bin('tsc'), ['-p', 'tsconfig.json', '--noEmit']);
step('lint the project (eslint, with eslint-plugin-eslint-plugin)', bin('eslint'), ['.']);
step('build dist/ (tsc)', bin('tsc'), ['-p', 'tsconfig.build.json']);
step('generated files are current (rules index, README rules table)', process.execPath, ['scripts/generate.mjs', '--check']);
const results9 = join(root, 'node_modules', '.cache', 'vitest-results-eslint9.json');
rmSync(results, { force: true });
rmSync(results9, { force: true });
step('tests on ESLint 10 (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${results}`]);
// The rules, docs examples and meta checks again on ESLint 9 (the codemod and perf tests need only one run).
step('tests on ESLint 9 (rules, docs, meta)', bin('vitest'), ['run', 'test/rules', 'test/meta', '--reporter=dot', '--reporter=json', `--outputFile.json=${results9}`], {
  ESLINT_MAJOR: '9',
});

let passed = 0;
let failedTests = 0;
let skipped = 0;
for (const file of [results, results9]) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  failedTests += report.numFailedTests ?? 0;
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A suite that failed to load counts as a failure even though it ran no test.
  failedTests += (report.testResults ?? []).filter((suite) => suite.status === 'failed' && (suite.assertionResults ?? []).length === 0).length;
}
if (failed.length > 0) console.log(`\nFailed steps: ${failed.join('; ')}`);
if (passed + failedTests === 0) failed.push('no test ran');
console.log(`${passed} passed, ${failedTests} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed.length > 0 || failedTests > 0 ? 1 : 0);
