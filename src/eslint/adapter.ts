import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { Detector, FileInput, Finding, ScopeManagerLike, TextEdit } from '../core/model.js';

/**
 * The last file's input, shared by the rules that run on it one after another. A single slot,
 * not a WeakMap keyed by the AST: the WeakMap kept each file's scope manager alive until a full
 * GC and raised peak memory on the corpus from ~500 MB to ~730 MB.
 */
let lastFile: FileInput | undefined;

/**
 * Builds the core's view of a file from an ESLint rule context, without requiring type
 * information. One object per file, shared by every rule.
 */
export function fileInputFrom(context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>): FileInput {
  const sourceCode = context.sourceCode;
  const cached = lastFile;
  // The text and name are compared too, in case a host reuses one AST object between files.
  if (cached && cached.ast === sourceCode.ast && cached.text === sourceCode.text && cached.filename === context.filename) return cached;
  // Read parser services defensively: under oxlint or espree there are none, and that must not throw.
  const services = sourceCode.parserServices as
    | { program?: unknown; esTreeNodeToTSNodeMap?: { get(node: TSESTree.Node): unknown } }
    | undefined;
  const program = services?.program ?? undefined;
  const file: FileInput = {
    text: sourceCode.text,
    ast: sourceCode.ast,
    filename: context.filename,
    scopeManager: sourceCode.scopeManager as unknown as ScopeManagerLike | null,
    visitorKeys: sourceCode.visitorKeys as Record<string, readonly string[]>,
    ...(program ? { program, esTreeNodeToTSNodeMap: services?.esTreeNodeToTSNodeMap } : {}),
  };
  lastFile = file;
  return file;
}

const toFix =
  (edits: readonly TextEdit[]) =>
  (fixer: TSESLint.RuleFixer): TSESLint.RuleFix[] =>
    edits.map((edit) => fixer.replaceTextRange([edit.range[0], edit.range[1]], edit.text));

const ignoredLinesByFile = new WeakMap<object, ReadonlySet<number>>();

/**
 * Lines silenced by a `// cache-codemod-ignore <reason>` comment: the comment's own line and
 * the line after it. The same marker silences the codemod's cross-file checks, so one comment
 * works in both hosts. Computed on the first report of a file only.
 */
export function ignoredLines(sourceCode: Readonly<TSESLint.SourceCode>): ReadonlySet<number> {
  const cached = ignoredLinesByFile.get(sourceCode.ast);
  if (cached) return cached;
  const lines = new Set<number>();
  if (sourceCode.text.includes(IGNORE_MARKER)) {
    for (const comment of sourceCode.getAllComments()) {
      if (!comment.value.trimStart().startsWith(IGNORE_MARKER)) continue;
      lines.add(comment.loc.start.line);
      lines.add(comment.loc.end.line + 1);
    }
  }
  ignoredLinesByFile.set(sourceCode.ast, lines);
  return lines;
}

/** The comment that silences a finding on its line or the next, with a reason after it. */
export const IGNORE_MARKER = 'cache-codemod-ignore';

/** Turns a core Finding into an ESLint report: `fix` becomes the autofix, plans become suggestions. */
export function reportFinding<M extends string>(
  context: Readonly<TSESLint.RuleContext<M, readonly unknown[]>>,
  finding: Finding<M>,
): void {
  const line = finding.loc?.start.line ?? finding.node.loc.start.line;
  if (ignoredLines(context.sourceCode).has(line)) return;
  context.report({
    messageId: finding.messageId,
    ...(finding.data ? { data: finding.data } : {}),
    ...(finding.loc ? { loc: finding.loc } : { node: finding.node }),
    ...(finding.fix && finding.fix.length > 0 ? { fix: toFix(finding.fix) } : {}),
    ...(finding.suggestions && finding.suggestions.length > 0
      ? {
          suggest: finding.suggestions.map((suggestion) => ({
            messageId: suggestion.messageId,
            ...(suggestion.data ? { data: suggestion.data } : {}),
            fix: toFix(suggestion.edits),
          })),
        }
      : {}),
  });
}

/**
 * The listener object for a rule that runs one detector: nothing at all when the detector's
 * text gate says the file is irrelevant, else one `Program` listener that runs it once.
 */
export function runDetector<O, M extends string>(
  context: Readonly<TSESLint.RuleContext<M, readonly unknown[]>>,
  detector: Detector<O, M>,
  options: O,
): TSESLint.RuleListener {
  if (!detector.gate(context.sourceCode.text, options, context.filename)) return {};
  return {
    Program() {
      detector.detect(fileInputFrom(context), options, (finding) => reportFinding(context, finding));
    },
  };
}
