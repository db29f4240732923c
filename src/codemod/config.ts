import { relative } from 'node:path';
import type { ESLint, Linter } from 'eslint';
import plugin from '../index.js';
import type { RuleSet } from './engine.js';
import { UsageError } from './errors.js';

/** Which `cache/*` rules each file is linted with, and where that came from. */
export interface RuleConfig {
  /** Distinct rule sets; `ruleSetOf` maps each linted file to one of them. */
  readonly ruleSets: RuleSet[];
  readonly ruleSetOf: Record<string, number>;
  /** Files the project's ESLint config ignores or does not lint: not scanned, as `eslint` would not. */
  readonly notLinted: string[];
  /** For people: the config file(s) read, or the fallback used. */
  readonly source: string;
}

export interface RuleConfigOptions {
  /** `--config <file>`: this flat config file instead of the one ESLint would find. */
  readonly configFile?: string;
  /** `--rules a,b`: only these rules (with the config's severity and options where it sets them). */
  readonly rules?: readonly string[];
}

/** The `recommended` config's rules: what a project without an ESLint config gets. */
function recommended(): RuleSet {
  return { ...(plugin.configs.recommended.rules as RuleSet) };
}

/** Keeps the `cache/*` entries that are on, narrowed to `--rules` (a listed rule the config leaves off runs at its default level). */
function narrow(rules: Readonly<Record<string, unknown>>, only: readonly string[] | undefined): RuleSet {
  const out: Record<string, Linter.RuleEntry> = {};
  for (const [id, entry] of Object.entries(rules)) {
    if (!id.startsWith('cache/') || !(id.slice(6) in plugin.rules)) continue;
    const severity = Array.isArray(entry) ? entry[0] : entry;
    if (severity === 0 || severity === 'off') continue;
    if (only && !only.includes(id.slice(6))) continue;
    out[id] = entry as Linter.RuleEntry;
  }
  for (const name of only ?? []) {
    const id = `cache/${name}`;
    out[id] ??= (plugin.configs.recommended.rules?.[id] as Linter.RuleEntry | undefined) ?? 'error';
  }
  return out;
}

/**
 * Reads the project's ESLint flat config through ESLint's own API, as `eslint` would for each
 * file (the nearest config file, its `files`/`ignores`, rule options and severities), keeping
 * only the `cache/*` rule entries. Files with no config file above them get `recommended`.
 */
export async function resolveRuleConfig(cwd: string, files: readonly string[], options: RuleConfigOptions): Promise<RuleConfig> {
  const { loadESLint } = (await import('eslint')) as unknown as { loadESLint: (options?: { useFlatConfig: boolean }) => Promise<typeof ESLint> };
  const ESLintClass = await loadESLint({ useFlatConfig: true });
  let eslint: ESLint;
  try {
    eslint = new ESLintClass({ cwd, ...(options.configFile ? { overrideConfigFile: options.configFile } : {}) });
  } catch (error) {
    throw new UsageError(`cannot use the ESLint config: ${(error as Error).message}`);
  }
  const ruleSets: RuleSet[] = [];
  const keys = new Map<string, number>();
  const ruleSetOf: Record<string, number> = {};
  const notLinted: string[] = [];
  const sources = new Set<string>();
  const setIndex = (set: RuleSet): number => {
    const key = JSON.stringify(Object.entries(set).sort(([a], [b]) => a.localeCompare(b)));
    let index = keys.get(key);
    if (index === undefined) {
      index = ruleSets.push(set) - 1;
      keys.set(key, index);
    }
    return index;
  };
  for (const file of files) {
    const configFile = options.configFile ?? (await eslint.findConfigFile(file));
    if (!configFile) {
      sources.add('the recommended config (no eslint.config.* found)');
      ruleSetOf[file] = setIndex(narrow(recommended(), options.rules));
      continue;
    }
    sources.add(relative(cwd, configFile) || configFile);
    let config: Linter.Config | undefined;
    try {
      config = (await eslint.calculateConfigForFile(file)) as Linter.Config | undefined;
    } catch (error) {
      throw new UsageError(`cannot load the ESLint config ${configFile}: ${(error as Error).message.split('\n')[0]}`);
    }
    if (!config) {
      notLinted.push(file);
      continue;
    }
    ruleSetOf[file] = setIndex(narrow(config.rules ?? {}, options.rules));
  }
  return { ruleSets, ruleSetOf, notLinted, source: [...sources].sort().join(', ') || 'none' };
}
