import { RuleTester } from 'eslint';
import tsParser from '@typescript-eslint/parser';

/** RuleTester for TypeScript and TSX with the typescript-eslint parser (the common setup). */
export const ruleTester = new RuleTester({
  languageOptions: {
    parser: tsParser,
    ecmaVersion: 'latest',
    sourceType: 'module',
    parserOptions: { ecmaFeatures: { jsx: true } },
  },
});

/** RuleTester for plain JavaScript with ESLint's own parser (espree), as users without TypeScript run it. */
export const jsRuleTester = new RuleTester({
  languageOptions: { ecmaVersion: 'latest', sourceType: 'module' },
});

/** RuleTester for CommonJS scripts with ESLint's own parser. */
export const cjsRuleTester = new RuleTester({
  languageOptions: { ecmaVersion: 'latest', sourceType: 'commonjs' },
});

/** Joins lines, so test code can be written as an array and read as a file. */
export const code = (...lines: string[]): string => lines.join('\n');
