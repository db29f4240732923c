// Lints the project's own code: TypeScript, the rules (eslint-plugin-eslint-plugin), and the
// boundary that keeps the detection core free of ESLint and ts-morph.
import js from '@eslint/js';
import eslintPlugin from 'eslint-plugin-eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['dist/**', 'coverage/**', 'perf/.work/**', 'test/fixtures/**', 'test/codemod/__fixtures__/**', 'examples/**', '.scratch/**', 'node_modules/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-syntax': [
        'error',
        { selector: "MemberExpression[object.name='context'][property.name='options']", message: 'Use the options passed to create() (defaults applied).' },
      ],
    },
  },
  {
    files: ['rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      ...eslintPlugin.configs.recommended.rules,
      'eslint-plugin/require-meta-docs-description': ['error', { pattern: '^(Enforce|Require|Disallow)' }],
      'eslint-plugin/require-meta-schema-description': 'error',
      'eslint-plugin/require-meta-default-options': 'error',
      'eslint-plugin/no-meta-schema-default': 'error',
      'eslint-plugin/require-meta-docs-url': 'off',
      // Messages come from the detector, which the plugin cannot see; test/meta/plugin.test.ts checks them.
      'eslint-plugin/no-unused-message-ids': 'off',
      'eslint-plugin/no-missing-message-ids': 'off',
      'eslint-plugin/require-meta-has-suggestions': 'off',
    },
  },
  {
    files: ['test/rules/**/*.ts'],
    ...eslintPlugin.configs.recommended,
    rules: {
      'eslint-plugin/consistent-output': 'error',
      'eslint-plugin/no-identical-tests': 'error',
      'eslint-plugin/no-only-tests': 'error',
      'eslint-plugin/prefer-output-null': 'error',
      'eslint-plugin/require-test-case-name': 'error',
      'eslint-plugin/unique-test-case-names': 'error',
      'eslint-plugin/test-case-property-ordering': 'off',
      'eslint-plugin/test-case-shorthand-strings': 'off',
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['eslint', 'eslint/*', '@typescript-eslint/utils', '@typescript-eslint/utils/*'], allowTypeImports: true, message: 'src/core must not depend on ESLint at run time.' },
            { group: ['ts-morph', 'typescript'], allowTypeImports: true, message: 'src/core must not load ts-morph or TypeScript.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['test/**/*.ts'],
    languageOptions: { globals: { ...globals.vitest } },
  },
);
