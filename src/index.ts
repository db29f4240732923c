import type { TSESLint } from '@typescript-eslint/utils';
import { rules } from '../rules/index.js';
import { name, version } from './meta.js';

type RuleName = keyof typeof rules;
type Severity = 'error' | 'warn';
type ConfigName = 'recommended' | 'strict' | 'all' | 'recommended-type-checked';

/** Rules whose finding is a leak of one user's data or a security hole: errors in `recommended`. */
const SECURITY_RULES: ReadonlySet<string> = new Set(['no-public-cache-on-private-data', 'no-cached-private-fetch']);

const plugin = {
  meta: { name, version, namespace: 'cache' },
  rules,
  configs: {} as Record<ConfigName, TSESLint.FlatConfig.Config>,
};

/**
 * Configs come from rule metadata alone: `docs.recommended` says the smallest config a rule
 * belongs to, `docs.requiresTypeChecking` keeps a rule out of the untyped configs.
 * `recommended-type-checked` is `recommended` with type information turned on
 * (typescript-eslint's `projectService`), which the rules' type-aware paths use where present.
 */
function configFor(config: ConfigName): TSESLint.FlatConfig.Config {
  const entries: [string, Severity][] = [];
  for (const [ruleName, rule] of Object.entries(rules) as [RuleName, (typeof rules)[RuleName]][]) {
    const docs = rule.meta.docs as { recommended?: 'recommended' | 'strict'; requiresTypeChecking?: boolean };
    const typed = docs.requiresTypeChecking === true;
    const level = docs.recommended;
    let include: boolean;
    switch (config) {
      case 'recommended':
        include = level === 'recommended' && !typed;
        break;
      case 'recommended-type-checked':
        include = level === 'recommended';
        break;
      case 'strict':
        include = (level === 'recommended' || level === 'strict') && !typed;
        break;
      case 'all':
        include = !typed;
        break;
    }
    if (!include) continue;
    const severity: Severity = config === 'recommended' || config === 'recommended-type-checked' ? (SECURITY_RULES.has(ruleName) ? 'error' : 'warn') : 'error';
    entries.push([`cache/${ruleName}`, severity]);
  }
  return {
    name: `cache/${config}`,
    plugins: { cache: plugin as unknown as TSESLint.FlatConfig.Plugin },
    ...(config === 'recommended-type-checked' ? { languageOptions: { parserOptions: { projectService: true } } } : {}),
    rules: Object.fromEntries(entries),
  };
}

for (const config of ['recommended', 'strict', 'all', 'recommended-type-checked'] as const) {
  plugin.configs[config] = configFor(config);
}

export { rules };
export const configs = plugin.configs;
export default plugin;
