import { ESLintUtils } from '@typescript-eslint/utils';

/** Our extra `meta.docs` fields: which config a rule belongs to, and whether it needs types. */
export interface CacheRuleDocs {
  /** The smallest config that enables the rule: `recommended` (also in strict and all), `strict`, or absent (all only). */
  recommended?: 'recommended' | 'strict';
  /** Rules that need type information are only in the `*-type-checked` configs. */
  requiresTypeChecking?: boolean;
}

/** Where every rule's documentation lives; each message links there through `meta.docs.url`. */
export const DOCS_URL = 'https://github.com/eslint-plugin-cache/eslint-plugin-cache/blob/main/docs/rules/';

/** Rule factory: adds the docs URL from the rule's name. */
export const createRule = ESLintUtils.RuleCreator<CacheRuleDocs>((name) => `${DOCS_URL}${name}.md`);
