// Types for perf/safety-check.mjs (imported by test/meta/corpus-safety.test.ts).
import type { Linter } from 'eslint';

/** Source files the check reads: .js/.jsx/.mjs/.cjs/.ts/.tsx/.mts/.cts. */
export declare const SOURCE_FILE: RegExp;

export interface SafetyProblem {
  kind: string;
  ruleId: string | null;
  file: string;
  parser: string;
  line?: number | null;
  column?: number;
  message: string;
  messageId?: string | null;
  desc?: string;
  stack?: string;
  alsoBlamed?: string[];
  snippet?: { before: string; after: string };
}

export interface SafetyResult {
  /** The parsers the file was checked under (JS files: typescript-eslint and espree). */
  parsers: string[];
  /** Parser setups under which the file did not parse before any fix. */
  unparsable: number;
  messages: number;
  messagesByRule: Record<string, number>;
  fixes: number;
  fixedFiles: number;
  suggestions: number;
  problems: SafetyProblem[];
}

export declare function createSafetyChecker(options: {
  plugin: { rules: Record<string, unknown> };
  tsParser: unknown;
  rules?: string[];
}): { check(filename: string, text: string): SafetyResult; rules: string[] };

export declare function applyFixes(
  sourceText: string,
  messages: readonly Pick<Linter.LintMessage, 'fix'>[],
): { output: string; applied: number; skipped: number };
