// What a user's eslint.config.js looks like with the plugin: the recommended config on TS/TSX files.
// In your project the import is `import cache from 'eslint-plugin-cache';` — this example
// imports the build in this repository instead.
import tsParser from '@typescript-eslint/parser';
import cache from '../../dist/src/index.js';

export default [
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaFeatures: { jsx: true } } },
  },
  cache.configs.recommended,
];
