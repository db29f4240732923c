import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { Engine } from '../../src/codemod/engine.js';
import plugin from '../../src/index.js';

const dir = join(import.meta.dirname, '__fixtures__', 'fix');
const inputs = readdirSync(dir).filter((file) => file.includes('.input.'));

describe.each(inputs)('fix fixture %s', (input) => {
  const outputFile = input.replace('.input.', '.output.');
  const filename = join(dir, input.replace('.input.', '.'));
  const text = readFileSync(join(dir, input), 'utf8');
  const expected = existsSync(join(dir, outputFile)) ? readFileSync(join(dir, outputFile), 'utf8') : text;
  const engine = new Engine(dir);

  it('fixes to the expected text, byte for byte', () => {
    expect(engine.fix(filename, text).output).toBe(expected);
  });

  it('changes nothing on a second run', () => {
    expect(engine.fix(filename, expected).output).toBe(expected);
  });

  it("gives the same output as ESLint's own --fix with the plugin", () => {
    const linter = new Linter({ configType: 'flat', cwd: dir });
    const config = [
      { files: ['**/*.ts', '**/*.tsx'], languageOptions: { parser: tsParser } },
      { ...plugin.configs.all, rules: Object.fromEntries(Object.keys(plugin.configs.all.rules ?? {}).map((rule) => [rule, 'error'])) },
    ];
    expect(linter.verifyAndFix(text, config as never, { filename }).output).toBe(engine.fix(filename, text).output);
  });
});
