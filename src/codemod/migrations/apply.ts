import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/types';
import { indentAt, lineBreak } from '../../core/ast.js';
import type { FileInput, ScopeManagerLike, TextEdit } from '../../core/model.js';
import type { Migration, MigrationOptions } from './types.js';

/** The marker a migration leaves where a human must decide; the ESLint plugin's docs name it too. */
export const TODO_MARKER = 'cache-codemod-todo';

/** Parses a file the way ESLint's typescript-eslint parser does, for the migrations' core-style analyses. */
export function parseFile(filename: string, text: string): FileInput {
  const result = parseForESLint(text, {
    filePath: filename,
    range: true,
    loc: true,
    comment: true,
    tokens: false,
    ecmaVersion: 'latest',
    sourceType: 'module',
    ecmaFeatures: { jsx: /\.[jt]sx$/.test(filename) || filename.endsWith('.js') },
  });
  return {
    text,
    ast: result.ast as unknown as TSESTree.Program,
    filename,
    scopeManager: result.scopeManager as unknown as ScopeManagerLike,
    visitorKeys: result.visitorKeys as unknown as Record<string, readonly string[]>,
  };
}

/** The result of migrating one file's text. */
export interface MigrationOutput {
  readonly output: string;
  readonly marks: number;
  readonly reports: readonly { readonly line: number; readonly column: number; readonly message: string }[];
}

/**
 * Runs a migration on a file's text and applies its edits and markers. A byte-order mark is
 * kept; edits are applied back to front; a marker already present is not added again, so a
 * second run changes nothing.
 */
export function migrateText(migration: Migration, filename: string, original: string, options: MigrationOptions): MigrationOutput {
  const bom = original.startsWith('\uFEFF') ? '\uFEFF' : '';
  const text = bom ? original.slice(1) : original;
  if (!migration.gate(text)) return { output: original, marks: 0, reports: [] };
  const file = parseFile(filename, text);
  const result = migration.transform(file, options);
  const edits: TextEdit[] = [...result.edits];
  const eol = lineBreak(text);
  let marks = 0;
  // Several marks on one line share one comment.
  const byLine = new Map<number, { node: TSESTree.Node; messages: string[] }>();
  for (const mark of result.marks) {
    const lineStart = text.lastIndexOf('\n', mark.node.range[0] - 1) + 1;
    const entry = byLine.get(lineStart);
    if (!entry) byLine.set(lineStart, { node: mark.node, messages: [mark.message] });
    else if (!entry.messages.includes(mark.message)) entry.messages.push(mark.message);
  }
  for (const [lineStart, mark] of byLine) {
    const comment = `// ${TODO_MARKER}(${migration.name}): ${mark.messages.join('; also, ')}`;
    const previousLineEnd = lineStart - 1;
    const previousLine = text.slice(text.lastIndexOf('\n', previousLineEnd - 1) + 1, previousLineEnd).trim();
    if (previousLine === comment) continue;
    marks++;
    edits.push({ range: [lineStart, lineStart], text: `${indentAt(text, mark.node.range[0])}${comment}${eol}` });
  }
  edits.sort((a, b) => b.range[0] - a.range[0] || b.range[1] - a.range[1]);
  let output = text;
  let lastStart = Number.POSITIVE_INFINITY;
  for (const edit of edits) {
    // Overlapping edits would corrupt the file: keep the first (latest in the file) and drop the rest.
    if (edit.range[1] > lastStart) continue;
    output = output.slice(0, edit.range[0]) + edit.text + output.slice(edit.range[1]);
    lastStart = edit.range[0];
  }
  const reports = result.reports.map((report) => ({ line: report.node.loc.start.line, column: report.node.loc.start.column + 1, message: report.message }));
  return { output: bom + output, marks, reports };
}
