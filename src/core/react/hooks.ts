import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { memberName, unwrap } from '../ast.js';
import { getFileIndex, memoPerFile } from '../analysis/file-index.js';
import { isOrigin, originOf, requireSource } from '../analysis/origins.js';
import type { FileInput } from '../model.js';

/** The module React's hooks are imported from. */
export const REACT_SOURCE = 'react';

/** A call of a React hook, proven through the file's imports. */
export interface ReactHookCall {
  readonly call: TSESTree.CallExpression;
  /** The hook's exported name (`useMemo`), whatever the file calls it locally. */
  readonly hook: string;
}

/**
 * Calls of the React hooks named in `hooks`, in source order, proven through imports:
 * `import { useMemo } from 'react'` (also aliased), `React.useMemo` on a default or
 * namespace import, and `require('react')` with or without destructuring. A local function
 * that happens to be called `useMemo` is not one. Filters the shared index's call list by
 * callee name first, so only candidates are resolved.
 */
export function reactHookCalls(file: FileInput, hooks: readonly string[]): readonly ReactHookCall[] {
  const all = memoPerFile(reactHookCalls, file.ast, () => new Map<string, readonly ReactHookCall[]>());
  const key = hooks.join(',');
  const cached = all.get(key);
  if (cached) return cached;
  const wanted = new Set(hooks);
  const index = getFileIndex(file);
  // Local names bound to the hooks: the hooks' own names, plus aliases from imports and requires.
  const names = new Map<string, string>();
  for (const hook of hooks) names.set(hook, hook);
  for (const declaration of index.imports) {
    if (declaration.source.value !== REACT_SOURCE) continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier) continue;
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      if (wanted.has(imported)) names.set(specifier.local.name, imported);
    }
  }
  for (const call of index.calls) {
    if (requireSource(call) !== REACT_SOURCE) continue;
    const declarator = call.parent;
    if (declarator?.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const property of declarator.id.properties) {
      if (property.type !== AST_NODE_TYPES.Property || property.computed || property.key.type !== AST_NODE_TYPES.Identifier) continue;
      const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
      if (wanted.has(property.key.name) && value.type === AST_NODE_TYPES.Identifier) names.set(value.name, property.key.name);
    }
  }
  const out: ReactHookCall[] = [];
  for (const call of index.calls) {
    const callee = unwrap(call.callee);
    let hook: string | undefined;
    if (callee.type === AST_NODE_TYPES.Identifier) hook = names.get(callee.name);
    else if (callee.type === AST_NODE_TYPES.MemberExpression) {
      const name = memberName(callee);
      if (name !== undefined && wanted.has(name)) hook = name;
    }
    if (hook === undefined) continue;
    if (isOrigin(originOf(callee, file), REACT_SOURCE, [hook], 'ref')) out.push({ call, hook });
  }
  all.set(key, out);
  return out;
}
