import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import plugin from '../index.js';
import { UsageError } from './errors.js';

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

/** `cache/*` rule entries as in an ESLint config (`{ 'cache/require-cache-ttl': ['warn', { ... }] }`). */
export type RuleSet = Readonly<Record<string, Linter.RuleEntry>>;

/**
 * A TypeScript program source for type-aware runs: the program whose source file for `file`
 * holds exactly `text` (each fix pass changes the text, so each pass needs its own program).
 */
export interface TypedPrograms {
  programFor(file: string, text: string): unknown;
}

/** What the engine needs to know to lint one file. */
export interface EngineOptions {
  /** Rule names (without `cache/`) to run at error level when no `ruleSets` are given; every rule when undefined. */
  readonly rules?: readonly string[];
  /**
   * The rule configurations files are linted with (from the project's ESLint config, or the
   * `recommended` one); `lint` and `fix` take an index into this list. Only `cache/*` entries.
   */
  readonly ruleSets?: readonly RuleSet[];
  /** Rules whose first suggestion `fix` also applies (changes a human would otherwise choose in the editor). */
  readonly suggestions?: readonly string[];
  /** Type information for the rules' type-aware paths (`--type-aware`); main thread only. */
  readonly typed?: TypedPrograms;
}

/** The plugin's own rules and the codemod's checks: the only findings the codemod reports. */
export function isOwnRule(ruleId: string | null | undefined): boolean {
  return !!ruleId && (ruleId.startsWith('cache/') || ruleId.startsWith('cache-codemod/'));
}

/**
 * Runs the plugin's rules through ESLint's own `Linter`, so the codemod's findings and fixes
 * are those of `eslint` by construction: the same parser, the same rules, the same
 * disable comments, the same multi-pass fixing.
 */
export class Engine {
  private readonly linter: Linter;
  private readonly ruleSets: readonly RuleSet[];
  private readonly configs = new Map<number, Linter.Config[]>();
  private readonly parser: Linter.Parser;
  private readonly suggestionRules: ReadonlySet<string>;

  constructor(
    private readonly cwd: string,
    options: EngineOptions = {},
  ) {
    this.linter = new Linter({ configType: 'flat', cwd });
    if (options.ruleSets) {
      this.ruleSets = options.ruleSets;
    } else {
      const rules: Record<string, Linter.RuleEntry> = {};
      for (const name of options.rules ?? Object.keys(plugin.rules)) {
        if (!(name in plugin.rules)) throw new UsageError(`Unknown rule "${name}". Run \`cache-codemod list\` to see the rules.`);
        rules[`cache/${name}`] = 'error';
      }
      this.ruleSets = [rules];
    }
    this.suggestionRules = new Set((options.suggestions ?? []).map((name) => `cache/${name}`));
    const typed = options.typed;
    // With types, every parse (each fix pass too) gets the program built from the text it parses:
    // a program built from the first pass's text would hand later passes a stale AST.
    this.parser = typed
      ? ({
          meta: { name: 'cache-codemod-typed-parser' },
          parseForESLint: (code: string, parserOptions: { filePath: string }) =>
            tsParser.parseForESLint(code, { ...parserOptions, programs: [typed.programFor(parserOptions.filePath, code) as never] }),
        } as unknown as Linter.Parser)
      : (tsParser as unknown as Linter.Parser);
  }

  /** The flat config for one rule set: our parser and plugin, and only `cache/*` rules. */
  private config(set: number): Linter.Config[] {
    let config = this.configs.get(set);
    if (!config) {
      const rules = this.ruleSets[set];
      if (!rules) throw new Error(`no rule set ${set}`);
      config = [
        {
          files: ['**/*.{ts,tsx,mts,cts,js,jsx,mjs,cjs}'],
          languageOptions: { parser: this.parser, parserOptions: { ecmaFeatures: { jsx: true } } },
          linterOptions: { reportUnusedDisableDirectives: 'off' },
          plugins: { cache: plugin as never },
          rules: rules as Linter.RulesRecord,
        },
      ];
      this.configs.set(set, config);
    }
    return config;
  }

  /** The parsed file of the last `lint` (AST, scopes), for the cross-file facts. */
  sourceCode(): ReturnType<Linter['getSourceCode']> {
    return this.linter.getSourceCode();
  }

  /** Lints a file's text; a file that does not parse gives `parseError` and no findings. */
  lint(filename: string, text: string, set = 0): { findings: CodemodFinding[]; parseError?: string } {
    const messages = this.linter.verify(text, this.config(set), { filename });
    const fatal = messages.find(isParseError);
    if (fatal) return { findings: [], parseError: `${fatal.line}:${fatal.column} ${fatal.message}` };
    return { findings: ownFindings(messages) };
  }

  /**
   * Applies every autofix (ESLint's passes, up to ten) and, for the rules chosen with
   * `suggestions`, their first suggestion; then lints the result once more to report what is left.
   */
  fix(filename: string, text: string, set = 0): { output: string; findings: CodemodFinding[]; parseError?: string } {
    const config = this.config(set);
    const first = this.linter.verify(text, config, { filename });
    const fatal = first.find(isParseError);
    if (fatal) return { output: text, findings: [], parseError: `${fatal.line}:${fatal.column} ${fatal.message}` };
    let output = text;
    for (let pass = 0; pass < 10; pass++) {
      const fixed = this.linter.verifyAndFix(output, config, { filename });
      output = fixed.output;
      if (this.suggestionRules.size === 0) break;
      const next = applySuggestions(output, fixed.messages, this.suggestionRules);
      if (next === output) break;
      output = next;
    }
    const remaining = this.linter.verify(output, config, { filename });
    const broken = remaining.find(isParseError);
    // A fix that breaks the file is a bug of ours: keep the original text, report it.
    if (broken) return { output: text, findings: ownFindings(first), parseError: `fix produced unparsable code: ${broken.message}` };
    return { output, findings: ownFindings(remaining) };
  }
}

export { UsageError } from './errors.js';

/**
 * A file that does not parse. Other fatal messages (an `eslint-env` comment, which ESLint 10 no
 * longer supports, a malformed `eslint` comment) do not stop the rules, so they do not skip the file.
 */
function isParseError(message: Linter.LintMessage): boolean {
  return !!message.fatal && message.ruleId === null && message.message.startsWith('Parsing error');
}

/**
 * Only findings of this tool's rules: ESLint's own messages about other plugins' rules (a
 * disable comment naming a rule this config does not load, an unsupported `eslint-env`
 * comment) are the project's ESLint's business, never ours to report, count or fail on.
 */
function ownFindings(messages: readonly Linter.LintMessage[]): CodemodFinding[] {
  return messages.filter((message) => isOwnRule(message.ruleId)).map(toFinding);
}

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
