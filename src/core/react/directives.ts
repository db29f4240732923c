import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionNode } from '../analysis/file-index.js';
import { isFunction } from '../ast.js';

/**
 * React and Next.js directives: `'use client'`, `'use server'`, `'use memo'`, `'use no memo'`,
 * `'use cache'`. A directive only counts in a prologue: the leading string statements of the
 * file or of a function body.
 */
export type ReactDirective = 'use client' | 'use server' | 'use memo' | 'use no memo' | 'use cache' | (string & {});

function prologueHas(body: readonly TSESTree.Node[], directive: string): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === directive) return true;
  }
  return false;
}

/** True when the file's prologue holds `directive`. */
export function fileHasDirective(ast: TSESTree.Program, directive: ReactDirective): boolean {
  return prologueHas(ast.body, directive);
}

/** True when a function's body prologue holds `directive` (arrows with an expression body have none). */
export function functionHasDirective(fn: FunctionNode, directive: ReactDirective): boolean {
  return fn.body?.type === AST_NODE_TYPES.BlockStatement && prologueHas(fn.body.body, directive);
}

/**
 * The innermost directive among `directives` that applies to `node`: the nearest enclosing
 * function's prologue first, then outer functions, then the file's. Undefined when none does.
 */
export function nearestDirective(
  node: TSESTree.Node,
  ast: TSESTree.Program,
  directives: readonly ReactDirective[],
): ReactDirective | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    for (const directive of directives) if (functionHasDirective(current, directive)) return directive;
  }
  for (const directive of directives) if (fileHasDirective(ast, directive)) return directive;
  return undefined;
}

/**
 * The name a function is known by: its own (`function TodoList`), the binding it is assigned
 * to (`const TodoList = () => ...`), also through a wrapper call (`const Row = memo(function ...)`,
 * `forwardRef(...)`), or the key of the property or method that holds it.
 */
export function functionName(fn: FunctionNode): string | undefined {
  if (fn.id) return fn.id.name;
  // memo(() => ...), forwardRef((props, ref) => ...), memo(forwardRef(...))
  let child: TSESTree.Node = fn;
  let parent = fn.parent;
  while (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(child as TSESTree.CallExpressionArgument)) {
    child = parent;
    parent = parent.parent;
  }
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) return parent.id.name;
  if (
    (parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) &&
    !parent.computed &&
    parent.key.type === AST_NODE_TYPES.Identifier
  ) {
    return parent.key.name;
  }
  return undefined;
}
