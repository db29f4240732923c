import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin, { configs } from '../../src/index.js';
import { DOCS_URL } from '../../src/eslint/create-rule.js';

const root = join(import.meta.dirname, '..', '..');
const entries = Object.entries(plugin.rules).sort(([a], [b]) => a.localeCompare(b));

describe('plugin', () => {
  it('exposes every file of rules/ under its file name', () => {
    const files = readdirSync(join(root, 'rules'))
      .filter((file) => file.endsWith('.ts') && file !== 'index.ts')
      .map((file) => file.slice(0, -3))
      .sort();
    expect(Object.keys(plugin.rules).sort()).toEqual(files);
  });

  it('names itself for ESLint caches and oxlint', () => {
    expect(plugin.meta.name).toBe('eslint-plugin-cache');
    expect(plugin.meta.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(plugin.meta.namespace).toBe('cache');
  });

  it.each(entries)('%s: meta follows the conventions', (name, rule) => {
    const meta = rule.meta;
    expect(meta.docs?.description).toMatch(/^(Enforce|Require|Disallow) /);
    expect(meta.docs?.description).not.toMatch(/\.$/);
    expect(meta.docs?.url).toBe(`${DOCS_URL}${name}.md`);
    expect(['problem', 'suggestion', 'layout']).toContain(meta.type);
    expect(Array.isArray(meta.schema)).toBe(true);
    // Rules with options state their defaults in meta.defaultOptions; rules without options have none.
    if ((meta.schema as unknown[]).length > 0) expect(Array.isArray(meta.defaultOptions)).toBe(true);
    for (const schema of meta.schema as unknown as { type?: string; additionalProperties?: boolean; description?: string; properties?: Record<string, { description?: string; default?: unknown }> }[]) {
      expect(schema.type).toBe('object');
      expect(schema.additionalProperties).toBe(false);
      for (const [option, property] of Object.entries(schema.properties ?? {})) {
        expect(property.description, `${option} is described`).toBeTruthy();
        // Defaults live in meta.defaultOptions only.
        expect(property.default, `${option} has no schema default`).toBeUndefined();
      }
    }
  });

  it.each(entries)('%s: every message id is asserted by its tests', (name, rule) => {
    const testFile = join(root, 'test', 'rules', `${name}.test.ts`);
    expect(existsSync(testFile), `${testFile} exists`).toBe(true);
    // A rule's tests may be split into `<rule>-<part>.test.ts` files beside the main one.
    const parts = readdirSync(join(root, 'test', 'rules')).filter((file) => file.startsWith(`${name}-`) && file.endsWith('.test.ts'));
    const tests = [testFile, ...parts.map((file) => join(root, 'test', 'rules', file))].map((file) => readFileSync(file, 'utf8')).join('\n');
    for (const messageId of Object.keys(rule.meta.messages)) {
      expect(tests, `messageId ${messageId}`).toContain(`'${messageId}'`);
    }
  });

  it.each(entries)('%s: a bad option is a schema error, not a crash', (name, rule) => {
    const linter = new Linter({ configType: 'flat' });
    const hasOptions = (rule.meta.schema as unknown[]).length > 0;
    const config = [
      {
        files: ['**/*.ts'],
        languageOptions: { parser: tsParser },
        plugins: { cache: plugin },
        rules: { [`cache/${name}`]: ['error', hasOptions ? { notAnOption: true } : 'unexpected'] },
      },
    ];
    expect(() => linter.verify('export {};', config as never, { filename: 'a.ts' })).toThrow(new RegExp(`Key "cache/${name}":[\\s\\S]*should NOT have (additional properties|more than 0 items)`));
  });
});

describe('configs', () => {
  const level = (name: string) => (plugin.rules[name as keyof typeof plugin.rules].meta.docs as { recommended?: string }).recommended;

  it('recommended holds exactly the rules marked recommended', () => {
    const expected = entries.filter(([name]) => level(name) === 'recommended').map(([name]) => `cache/${name}`);
    expect(Object.keys(configs.recommended.rules ?? {}).sort()).toEqual(expected.sort());
  });

  it('strict adds the rules marked strict, all has every rule', () => {
    const strict = entries.filter(([name]) => level(name) === 'recommended' || level(name) === 'strict').map(([name]) => `cache/${name}`);
    expect(Object.keys(configs.strict.rules ?? {}).sort()).toEqual(strict.sort());
    expect(Object.keys(configs.all.rules ?? {}).sort()).toEqual(entries.map(([name]) => `cache/${name}`).sort());
  });

  it('every config registers the plugin under the cache namespace', () => {
    for (const config of Object.values(configs)) expect(config.plugins?.cache).toBe(plugin);
  });

  it('works as a flat config end to end', () => {
    const linter = new Linter({ configType: 'flat' });
    const messages = linter.verify(
      "import express from 'express';\nconst app = express();\napp.get('/', (req, res) => { res.set('Cache-Control', 'max_age=60'); res.send('ok'); });\n",
      [{ files: ['**/*.ts'], languageOptions: { parser: tsParser } }, configs.recommended] as never,
      { filename: 'server.ts' },
    );
    expect(messages.map((m) => m.ruleId)).toEqual(['cache/valid-cache-control']);
  });
});

describe('generated files', () => {
  it('rules/index.ts and the README rules table are up to date (npm run generate)', () => {
    expect(existsSync(join(root, 'dist', 'src', 'index.js')), 'dist/ is built (npm run build)').toBe(true);
    expect(() => execFileSync(process.execPath, ['scripts/generate.mjs', '--check'], { cwd: root, stdio: 'pipe' })).not.toThrow();
  });
});
