#!/usr/bin/env node
// The quick start's main job: lint the bundled example app with the plugin's recommended
// config and print the findings. Exits 1 only if the run breaks or finds nothing (the example
// is written to contain every HTTP anti-pattern the recommended config knows).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const example = join(root, 'examples', 'shop-api');

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
console.log(`eslint-plugin-cache found ${total} caching problems in examples/shop-api:`);
for (const [rule, count] of [...byRule].sort()) console.log(`  ${rule}: ${count}`);
if (total === 0) {
  console.error('Expected findings in the example app, found none.');
  process.exitCode = 1;
}
console.log('\nFix the fixable ones with: npx eslint --fix --config examples/shop-api/eslint.config.js examples/shop-api');
