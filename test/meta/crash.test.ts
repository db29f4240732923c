import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../../src/index.js';

const dir = join(import.meta.dirname, '..', 'fixtures', 'crash');
const fixtures = readdirSync(dir).sort();
const ruleNames = Object.keys(plugin.rules).sort();

/** Flat config for one file: typescript-eslint's parser for TS, ESLint's own for JS. */
function configFor(filename: string, rules: string[]) {
  const js = /\.[cm]?js$/.test(filename);
  return [
    {
      files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
      languageOptions: js
        ? { ecmaVersion: 'latest' as const, sourceType: 'commonjs' as const }
        : { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: filename.endsWith('x') } } },
      plugins: { cache: plugin },
      rules: Object.fromEntries(rules.map((rule) => [`cache/${rule}`, 'error'])),
    },
  ] as never;
}

function applySuggestion(text: string, fix: { range: [number, number]; text: string }): string {
  return text.slice(0, fix.range[0]) + fix.text + text.slice(fix.range[1]);
}

it('the crash corpus makes the rules report (so the checks below are not vacuous)', () => {
  const linter = new Linter({ configType: 'flat' });
  const modern = readFileSync(join(dir, 'modern.ts'), 'utf8');
  const messages = linter.verify(modern, configFor('modern.ts', ruleNames), { filename: 'modern.ts' });
  expect(new Set(messages.map((m) => m.ruleId)).size).toBeGreaterThanOrEqual(3);
});

describe.each(fixtures)('crash corpus: %s', (fixture) => {
  const text = readFileSync(join(dir, fixture), 'utf8');

  it.each(ruleNames.map((name) => [name]))('%s does not throw, and its fixes and suggestions re-parse', (name) => {
    const linter = new Linter({ configType: 'flat' });
    const config = configFor(fixture, [name]);
    const messages = linter.verify(text, config, { filename: fixture });
    expect(messages.filter((m) => m.fatal)).toEqual([]);
    // Every message comes from the rule under test: a config that matched nothing would say so here.
    expect(messages.filter((m) => m.ruleId !== `cache/${name}`)).toEqual([]);
    for (const message of messages) {
      for (const suggestion of message.suggestions ?? []) {
        const output = applySuggestion(text, suggestion.fix);
        expect(linter.verify(output, configFor(fixture, []), { filename: fixture }).filter((m) => m.fatal)).toEqual([]);
      }
    }
    const fixed = linter.verifyAndFix(text, config, { filename: fixture });
    expect(fixed.messages.filter((m) => m.fatal)).toEqual([]);
    const again = linter.verifyAndFix(fixed.output, config, { filename: fixture });
    expect(again.fixed).toBe(false);
  });
});
