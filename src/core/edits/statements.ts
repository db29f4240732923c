import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FileInput, TextEdit } from '../model.js';

/** Containers in which a statement can be prefixed or removed without changing what binds to what. */
function inStatementList(statement: TSESTree.Node): boolean {
  const container = statement.parent;
  return (
    container?.type === AST_NODE_TYPES.BlockStatement ||
    container?.type === AST_NODE_TYPES.Program ||
    container?.type === AST_NODE_TYPES.SwitchCase ||
    container?.type === AST_NODE_TYPES.StaticBlock
  );
}

/**
 * The expression statement whose whole expression is `node` (through `await`, `void` and
 * TypeScript wrappers), when it sits directly in a statement list; undefined otherwise
 * (`return cache.set(...)`, `if (x) cache.set(...)`, a chain `redis.multi().set(...).exec()`).
 */
export function standaloneStatement(node: TSESTree.Node): TSESTree.ExpressionStatement | undefined {
  let current: TSESTree.Node = node;
  for (let guard = 0; guard < 8; guard++) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.ExpressionStatement) return inStatementList(parent) ? parent : undefined;
    const wraps =
      (parent.type === AST_NODE_TYPES.AwaitExpression && parent.argument === current) ||
      (parent.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void') ||
      ((parent.type === AST_NODE_TYPES.TSAsExpression ||
        parent.type === AST_NODE_TYPES.TSNonNullExpression ||
        parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
        parent.type === AST_NODE_TYPES.ChainExpression) &&
        parent.expression === current);
    if (!wraps) return undefined;
    current = parent;
  }
  return undefined;
}

/**
 * Guards a statement with a condition by prefixing it: `if (user != null) await redis.set(...);`.
 * Only the prefix is inserted, so the statement keeps its comments, line breaks and indentation.
 */
export function guardStatement(statement: TSESTree.Statement, condition: string): TextEdit[] | undefined {
  if (!inStatementList(statement)) return undefined;
  return [{ range: [statement.range[0], statement.range[0]], text: `if (${condition}) ` }];
}

/** Removes a statement, with its line when it stands alone on it. Undefined outside a statement list. */
export function removeStatement(statement: TSESTree.Statement, file: FileInput): TextEdit[] | undefined {
  if (!inStatementList(statement)) return undefined;
  const text = file.text;
  let start = statement.range[0];
  let end = statement.range[1];
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  if (/^[ \t]*$/.test(text.slice(lineStart, start))) {
    let after = end;
    while (after < text.length && (text[after] === ' ' || text[after] === '\t')) after++;
    if (text[after] === '\r') after++;
    if (text[after] === '\n' || after >= text.length) {
      start = lineStart;
      end = Math.min(after + 1, text.length);
    }
  }
  return [{ range: [start, end], text: '' }];
}
