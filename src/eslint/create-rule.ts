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
 * ESLint 9.15+ already merges `meta.defaultOptions` into `context.options` (a fresh array per
 * file and rule), so the common path only checks that every default is present and passes the
 * array through: no allocation per file. Hosts that do not merge (oxlint's JS plugins) get a
 * shallow merge, memoised per options array. typescript-eslint's `applyDefault` (a
 * `structuredClone` per call) measured ~60 µs per file, and even a memoised merge keyed by
 * ESLint's fresh arrays cost ~3 µs per file and rule (perf/results, docs/performance.md).
 */
export function createRule<Options extends readonly unknown[], MessageId extends string>(
  rule: RuleDefinition<Options, MessageId>,
): CacheRuleModule<Options, MessageId> {
  const defaults = (rule.meta.defaultOptions ?? []) as unknown as readonly unknown[];
  const defaultKeys = defaults.map((value) => (isPlainObject(value) ? Object.keys(value) : undefined));
  const complete = (options: readonly unknown[]): boolean => {
    for (let i = 0; i < defaults.length; i++) {
      const user = options[i];
      if (user === undefined) return false;
      const keys = defaultKeys[i];
      if (keys === undefined) continue;
      if (!isPlainObject(user)) return false;
      for (const key of keys) if (!(key in user)) return false;
    }
    return true;
  };
  const merged = new WeakMap<object, Options>();
  const withDefaults = (options: readonly unknown[]): Options => {
    if (complete(options)) return options as unknown as Options;
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
