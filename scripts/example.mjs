#!/usr/bin/env node
// The quick start's main job: lint the bundled example app with the plugin's recommended
// config and print the findings, then show what `cache-codemod fix --dry-run` would change.
// Exits 1 only if the run breaks or finds nothing (the example is written to contain the
// anti-patterns the rules know).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'shop');

const eslint = new ESLint({ cwd: example, overrideConfigFile: join(example, 'eslint.config.js') });
const results = await eslint.lintFiles(['.']);
const formatter = await eslint.loadFormatter('stylish');
process.stdout.write(await formatter.format(results));

const byRule = new Map();
for (const result of results) {
  for (const message of result.messages) {
    if (message.fatal) {
      console.error(`${result.filePath}: ${message.message}`);
      process.exitCode = 1;
    }
    byRule.set(message.ruleId, (byRule.get(message.ruleId) ?? 0) + 1);
  }
}
const total = [...byRule.values()].reduce((a, b) => a + b, 0);
console.log(`eslint-plugin-cache found ${total} caching problems in examples/shop:`);
for (const [rule, count] of [...byRule].sort()) console.log(`  ${rule}: ${count}`);
if (total === 0) {
  console.error('Expected findings in the example app, found none.');
  process.exitCode = 1;
}

console.log('\n$ cache-codemod fix --dry-run   (in examples/shop: the diff of the safe fixes; nothing is written)\n');
const codemod = spawnSync(process.execPath, [join(root, 'dist', 'src', 'codemod', 'cli.js'), 'fix', '--dry-run', '--no-progress'], {
  cwd: example,
  stdio: 'inherit',
});
if (codemod.status !== 0) {
  console.error(`cache-codemod exited with ${codemod.status}`);
  process.exitCode = 1;
}
console.log('\nApply them with `npx cache-codemod fix` (or `npx eslint --fix`), and review the rest by hand.');
