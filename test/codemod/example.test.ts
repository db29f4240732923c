import { readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import plugin from '../../src/index.js';
import { git, runCli, tempRepo } from './helpers.js';

const root = join(import.meta.dirname, '..', '..');
const example = join(root, 'examples', 'shop');
const pluginUrl = pathToFileURL(join(root, 'dist', 'src', 'index.js')).href;

interface Report {
  summary: { findings: number; changed: number; skipped: number; failed: number };
  files: { path: string; findings: { ruleId: string }[] }[];
}

// The bundled example is the product's demonstration: it must show every rule and check.
describe('examples/shop with cache-codemod', () => {
  it('scan reports every rule and every cross-file check; fix --dry-run writes nothing; fix then fix --check is clean; a dirty tree is refused', async () => {
    const repo = tempRepo(example);
    try {
      // The example's config imports this repository's build by a relative path; the copy needs it absolute.
      const config = join(repo.dir, 'eslint.config.js');
      writeFileSync(config, readFileSync(config, 'utf8').replace("'../../dist/src/index.js'", JSON.stringify(pluginUrl)));
      symlinkSync(join(root, 'node_modules'), join(repo.dir, 'node_modules'));
      // Every rule, not only the recommended ones the example's config turns on.
      writeFileSync(
        join(repo.dir, '.all.config.mjs'),
        `import tsParser from '@typescript-eslint/parser';\nimport cache from ${JSON.stringify(pluginUrl)};\nexport default [{ files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } } }, cache.configs.all];\n`,
      );
      git(repo.dir, 'add', '-A');
      git(repo.dir, 'commit', '-qm', 'config for the copy');
      const scan = await runCli(repo.dir, 'scan', '--format', 'json', '--fail-on', 'none', '--config', '.all.config.mjs');
      const report = JSON.parse(scan.stdout) as Report;
      const found = new Set(report.files.flatMap((file) => file.findings.map((finding) => finding.ruleId)));
      const expected = [
        ...Object.keys(plugin.rules).map((name) => `cache/${name}`),
        'cache-codemod/stale-cross-module-write',
        'cache-codemod/cache-key-collision',
        'cache-codemod/memo-defeated-by-prop',
        'cache-codemod/memo-for-unmemoized-child',
      ];
      expect(expected.filter((id) => !found.has(id))).toEqual([]);
      expect(report.summary.skipped + report.summary.failed).toBe(0);

      const file = join(repo.dir, 'packages/api/src/routes/orders.ts');
      const before = readFileSync(file, 'utf8');
      const dry = await runCli(repo.dir, 'fix', '--dry-run');
      expect(dry.code).toBe(0);
      expect(dry.stdout).toContain('+++ b/packages/api/src/routes/orders.ts');
      expect(readFileSync(file, 'utf8')).toBe(before);

      expect((await runCli(repo.dir, 'fix')).code).toBe(0);
      expect(readFileSync(file, 'utf8')).not.toBe(before);
      git(repo.dir, 'commit', '-qam', 'cache-codemod fix');
      expect((await runCli(repo.dir, 'fix', '--check')).code).toBe(0);

      writeFileSync(file, `${readFileSync(file, 'utf8')}\n// an edit in progress\n`);
      const refused = await runCli(repo.dir, 'fix');
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain('uncommitted changes');
    } finally {
      repo.cleanup();
    }
  });
});
