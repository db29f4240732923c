import type { TSESLint } from '@typescript-eslint/utils';
import type { NamedCreateRuleMeta } from '@typescript-eslint/utils/eslint-utils';

/** Our extra `meta.docs` fields: which config a rule belongs to, and whether it needs types. */
export interface CacheRuleDocs {
  /** The smallest config that enables the rule: `recommended` (also in strict and all), `strict`, or absent (all only). */
  recommended?: 'recommended' | 'strict';
  /** Rules that need type information are only in the `*-type-checked` configs. */
  requiresTypeChecking?: boolean;
}

/** Where every rule's documentation lives; each message links there through `meta.docs.url`. */
export const DOCS_URL = 'https://github.com/eslint-plugin-cache/eslint-plugin-cache/blob/main/docs/rules/';

/** A rule as written in `rules/`: metadata with `defaultOptions`, and `create` receiving the merged options. */
export interface RuleDefinition<Options extends readonly unknown[], MessageId extends string> {
  readonly name: string;
  readonly meta: NamedCreateRuleMeta<MessageId, CacheRuleDocs, Options>;
  create(context: Readonly<TSESLint.RuleContext<MessageId, Options>>, options: Options): TSESLint.RuleListener;
}

/** The rule module ESLint loads, with its name for tooling. */
export type CacheRuleModule<Options extends readonly unknown[], MessageId extends string> = TSESLint.RuleModule<
  MessageId,
  Options,
  CacheRuleDocs
> & { readonly name: string };

/**
 * Builds a rule: adds the docs URL and hands `create` its options with defaults applied.
 * ESLint 9.15+ already merges `meta.defaultOptions` into `context.options`; the shallow merge
 * here only matters for hosts that do not (oxlint's JS plugins). It is memoised per options
 * object, because `create` runs once per file and typescript-eslint's `applyDefault`
 * (a `structuredClone` per call) measured at ~60 µs per file, most of a cheap rule's cost.
 */
export function createRule<Options extends readonly unknown[], MessageId extends string>(
  rule: RuleDefinition<Options, MessageId>,
): CacheRuleModule<Options, MessageId> {
  const defaults = (rule.meta.defaultOptions ?? []) as unknown as readonly unknown[];
  const merged = new WeakMap<object, Options>();
  const withDefaults = (options: readonly unknown[]): Options => {
    const cached = merged.get(options);
    if (cached) return cached;
    const out = defaults.map((value, i) => {
      const user = options[i];
      if (user === undefined) return value;
      if (isPlainObject(value) && isPlainObject(user)) return { ...value, ...user };
      return user;
    }) as unknown as Options;
    merged.set(options, out);
    return out;
  };
  return {
    name: rule.name,
    meta: { ...rule.meta, docs: { ...rule.meta.docs, url: `${DOCS_URL}${rule.name}.md` } },
    defaultOptions: rule.meta.defaultOptions ?? ([] as unknown as Options),
    create(context) {
      // The one place that reads raw options: every rule gets them merged through here.
      // eslint-disable-next-line no-restricted-syntax
      return rule.create(context, withDefaults(context.options));
    },
  };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
