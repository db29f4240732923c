import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../index.js';

/** One finding as the codemod reports it: ESLint's message, flattened to plain, serialisable data. */
export interface CodemodFinding {
  readonly ruleId: string;
  readonly messageId: string;
  readonly message: string;
  readonly severity: 'error' | 'warning';
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
  readonly fixable: boolean;
  readonly suggestions: readonly { readonly messageId: string; readonly desc: string }[];
  /** Identity for baselines (rule, message and line text); set by the file processor. */
  readonly fingerprint?: string;
}

/** What the engine needs to know to lint one file. */
export interface EngineOptions {
  /** Rule names (without `cache/`) to run; every rule when undefined. */
  readonly rules?: readonly string[];
  /** Per-rule options, as in an ESLint config (`{ 'require-cache-ttl': [{ serverEvicts: true }] }`). */
  readonly ruleOptions?: Readonly<Record<string, readonly unknown[]>>;
  /** Rules whose first suggestion `fix` also applies (changes a human would otherwise choose in the editor). */
  readonly suggestions?: readonly string[];
  /** A TypeScript program (ts-morph's) for type-aware rules; optional. */
  readonly program?: unknown;
}

/** Rule severity in the codemod: as in the `recommended` config where listed, else error. */
function severityOf(rule: string): 'error' | 'warn' {
  const recommended = plugin.configs.recommended.rules?.[`cache/${rule}`];
  return recommended === 'warn' ? 'warn' : 'error';
}

/**
 * Runs the plugin's rules through ESLint's own `Linter`, so the codemod's findings and fixes
 * are those of `eslint` by construction: the same parser, the same rules, the same
 * disable comments, the same multi-pass fixing.
 */
export class Engine {
  private readonly linter: Linter;
  private readonly config: Linter.Config[];
  private readonly suggestionRules: ReadonlySet<string>;

  constructor(
    private readonly cwd: string,
    options: EngineOptions = {},
  ) {
    this.linter = new Linter({ configType: 'flat', cwd });
    const names = options.rules ?? Object.keys(plugin.rules);
    const rules: Linter.RulesRecord = {};
    for (const name of names) {
      if (!(name in plugin.rules)) throw new UsageError(`Unknown rule "${name}". Run \`cache-codemod list\` to see the rules.`);
      const extra = options.ruleOptions?.[name];
      rules[`cache/${name}`] = extra ? [severityOf(name), ...extra] : severityOf(name);
    }
    this.suggestionRules = new Set((options.suggestions ?? []).map((name) => `cache/${name}`));
    this.config = [
      {
        files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
        languageOptions: {
          parser: tsParser as unknown as Linter.Parser,
          parserOptions: {
            ecmaFeatures: { jsx: true },
            ...(options.program ? { programs: [options.program] } : {}),
          },
        },
        linterOptions: { reportUnusedDisableDirectives: 'off' },
        plugins: { cache: plugin as never },
        rules,
      },
    ];
  }

  /** The parsed file of the last `lint` (AST, scopes), for the cross-file facts. */
  sourceCode(): ReturnType<Linter['getSourceCode']> {
    return this.linter.getSourceCode();
  }

  /** Lints a file's text; a file that does not parse gives `parseError` and no findings. */
  lint(filename: string, text: string): { findings: CodemodFinding[]; parseError?: string } {
    const messages = this.linter.verify(text, this.config, { filename });
    const fatal = messages.find((message) => message.fatal);
    if (fatal) return { findings: [], parseError: `${fatal.line}:${fatal.column} ${fatal.message}` };
    return { findings: messages.map(toFinding) };
  }

  /**
   * Applies every autofix (ESLint's passes, up to ten) and, for the rules chosen with
   * `suggestions`, their first suggestion; then lints the result once more to report what is left.
   */
  fix(filename: string, text: string): { output: string; findings: CodemodFinding[]; parseError?: string } {
    const first = this.linter.verify(text, this.config, { filename });
    const fatal = first.find((message) => message.fatal);
    if (fatal) return { output: text, findings: [], parseError: `${fatal.line}:${fatal.column} ${fatal.message}` };
    let output = text;
    for (let pass = 0; pass < 10; pass++) {
      const fixed = this.linter.verifyAndFix(output, this.config, { filename });
      output = fixed.output;
      if (this.suggestionRules.size === 0) break;
      const next = applySuggestions(output, fixed.messages, this.suggestionRules);
      if (next === output) break;
      output = next;
    }
    const remaining = this.linter.verify(output, this.config, { filename });
    const broken = remaining.find((message) => message.fatal);
    // A fix that breaks the file is a bug of ours: keep the original text, report it.
    if (broken) return { output: text, findings: first.map(toFinding), parseError: `fix produced unparsable code: ${broken.message}` };
    return { output, findings: remaining.map(toFinding) };
  }
}

/** An error in how the command was called (exit code 2). */
export class UsageError extends Error {}

function toFinding(message: Linter.LintMessage): CodemodFinding {
  return {
    ruleId: message.ruleId ?? '',
    messageId: message.messageId ?? '',
    message: message.message,
    severity: message.severity === 2 ? 'error' : 'warning',
    line: message.line,
    column: message.column,
    endLine: message.endLine ?? message.line,
    endColumn: message.endColumn ?? message.column,
    fixable: !!message.fix,
    suggestions: (message.suggestions ?? []).map((suggestion) => ({ messageId: suggestion.messageId ?? '', desc: suggestion.desc })),
  };
}

/** Applies the first suggestion of each chosen rule's messages, skipping overlaps (ESLint's own rule for fixes). */
function applySuggestions(withBom: string, messages: readonly Linter.LintMessage[], rules: ReadonlySet<string>): string {
  // ESLint's ranges count from after a byte-order mark.
  const bom = withBom.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = bom ? withBom.slice(1) : withBom;
  const fixes = messages
    .filter((message) => message.ruleId && rules.has(message.ruleId) && message.suggestions?.length)
    .map((message) => message.suggestions![0]!.fix)
    .sort((a, b) => a.range[0] - b.range[0]);
  let out = '';
  let last = 0;
  for (const fix of fixes) {
    if (fix.range[0] < last) continue;
    out += text.slice(last, fix.range[0]) + fix.text;
    last = fix.range[1];
  }
  return fixes.length === 0 ? withBom : bom + out + text.slice(last);
}
