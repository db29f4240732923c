import { existsSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { Linter as LinterV9 } from 'eslint-v9';
import plugin from '../../src/index.js';
import { parseRuleDoc, type DocExample } from '../docs-parser.js';

const root = join(import.meta.dirname, '..', '..');
const ruleNames = Object.keys(plugin.rules).sort();
const REQUIRED_SECTIONS = ['Why', 'Examples', 'Options', 'Fixes and suggestions', 'When not to use it', 'Related'];

function lint(LinterClass: typeof Linter, name: string, example: DocExample) {
  const linter = new LinterClass({ configType: 'flat' });
  const extension = example.lang === 'tsx' ? 'tsx' : example.lang === 'js' || example.lang === 'javascript' ? 'js' : 'ts';
  const filename = example.filename ?? `example.${extension}`;
  const severity = example.options === undefined ? 'error' : ['error', example.options];
  return linter.verify(
    example.code,
    [
      {
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
        plugins: { cache: plugin },
        rules: { [`cache/${name}`]: severity },
      },
    ] as never,
    { filename },
  );
}

describe.each(ruleNames)('docs/rules/%s.md', (name) => {
  const path = join(root, 'docs', 'rules', `${name}.md`);
  const rule = plugin.rules[name as keyof typeof plugin.rules];

  it('exists', () => {
    expect(existsSync(path)).toBe(true);
  });

  if (!existsSync(path)) return;
  const doc = parseRuleDoc(path);

  it('has the rule name as title and the meta description as first paragraph', () => {
    expect(doc.title).toBe(`cache/${name}`);
    expect(doc.description).toBe(rule.meta.docs?.description);
  });

  it('has every required section', () => {
    for (const section of REQUIRED_SECTIONS) expect([...doc.sections.keys()], `section ${section}`).toContain(section);
  });

  it('documents every option with its default', () => {
    const options = doc.sections.get('Options') ?? '';
    const schema = (rule.meta.schema as unknown as { properties?: Record<string, unknown> }[])[0];
    const defaults = (rule.meta.defaultOptions?.[0] ?? {}) as Record<string, unknown>;
    for (const option of Object.keys(schema?.properties ?? {})) {
      expect(options, `option ${option}`).toContain(`\`${option}\``);
      expect(options, `default of ${option}`).toContain(`Default: \`${JSON.stringify(defaults[option])}\``);
    }
    if (!schema?.properties) expect(options).toMatch(/no options/i);
  });

  const incorrect = doc.examples.filter((example) => example.kind === 'incorrect');
  const correct = doc.examples.filter((example) => example.kind === 'correct');

  it('has incorrect and correct examples', () => {
    expect(incorrect.length).toBeGreaterThan(0);
    expect(correct.length).toBeGreaterThan(0);
  });

  for (const [label, LinterClass] of [
    ['ESLint 10', Linter],
    ['ESLint 9', LinterV9 as unknown as typeof Linter],
  ] as const) {
    it.each(incorrect.map((example) => [example.line, example] as const))(`${label}: ❌ example at line %i reports`, (_line, example) => {
      const messages = lint(LinterClass, name, example);
      expect(messages.filter((m) => m.fatal), 'parses').toEqual([]);
      expect(messages.filter((m) => m.ruleId === `cache/${name}`).length).toBeGreaterThan(0);
    });
    it.each(correct.map((example) => [example.line, example] as const))(`${label}: ✅ example at line %i is clean`, (_line, example) => {
      const messages = lint(LinterClass, name, example);
      expect(messages).toEqual([]);
    });
  }
});
