import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import type { FunctionNode } from './analysis/file-index.js';
import type { FileInput, ScopeLike, ScopeManagerLike, VariableLike } from './model.js';

/** Strips TypeScript-only wrappers (`as`, `satisfies`, `!`, `<T>x`) and optional-chain wrappers. */
export function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  for (;;) {
    switch (current.type) {
      case AST_NODE_TYPES.TSAsExpression:
      case AST_NODE_TYPES.TSSatisfiesExpression:
      case AST_NODE_TYPES.TSNonNullExpression:
      case AST_NODE_TYPES.TSTypeAssertion:
      case AST_NODE_TYPES.ChainExpression:
        current = current.expression;
        break;
      case AST_NODE_TYPES.AwaitExpression:
        current = current.argument;
        break;
      default:
        return current;
    }
  }
}

/** The parent, skipping the TypeScript-only and optional-chain wrappers `unwrap` removes. */
export function parentOf(node: TSESTree.Node): TSESTree.Node | undefined {
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      parent.type === AST_NODE_TYPES.TSNonNullExpression ||
      parent.type === AST_NODE_TYPES.TSTypeAssertion ||
      parent.type === AST_NODE_TYPES.ChainExpression)
  ) {
    parent = parent.parent;
  }
  return parent;
}

/** True for arrows, function expressions and declarations. */
export function isFunction(node: TSESTree.Node | null | undefined): node is FunctionNode {
  return (
    !!node &&
    (node.type === AST_NODE_TYPES.ArrowFunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionExpression ||
      node.type === AST_NODE_TYPES.FunctionDeclaration)
  );
}

/** The name of a member's property when it is static (`a.b`, `a['b']`, `` a[`b`] ``). */
export function memberName(node: TSESTree.MemberExpression): string | undefined {
  if (!node.computed) {
    return node.property.type === AST_NODE_TYPES.Identifier ? node.property.name : undefined;
  }
  const property = node.property;
  if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') return property.value;
  if (property.type === AST_NODE_TYPES.TemplateLiteral && property.expressions.length === 0) {
    return property.quasis[0]?.value.cooked ?? undefined;
  }
  return undefined;
}

/** For `x.y(...)`, the member callee; undefined for other callees. */
export function calleeMember(call: TSESTree.CallExpression | TSESTree.NewExpression): TSESTree.MemberExpression | undefined {
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee : undefined;
}

/** For `x.y(...)`, `y`; for `y(...)`, `y`. */
export function calleeName(call: TSESTree.CallExpression | TSESTree.NewExpression): string | undefined {
  const callee = unwrap(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier) return callee.name;
  if (callee.type === AST_NODE_TYPES.MemberExpression) return memberName(callee);
  return undefined;
}

/** The static name of an object property's key (`a`, `'a'`, `[A]` when `A` is a constant string). */
export function propertyKey(
  property: TSESTree.Property | TSESTree.MethodDefinition | TSESTree.PropertyDefinition,
  file?: FileInput,
): string | undefined {
  const key = property.key;
  if (!property.computed) {
    if (key.type === AST_NODE_TYPES.Identifier) return key.name;
    if (key.type === AST_NODE_TYPES.Literal) return String(key.value);
    return undefined;
  }
  if (!file) return undefined;
  const value = staticValue(key, file);
  return typeof value === 'string' ? value : undefined;
}

/** A statically known string, or list of strings (for `['Accept', 'Origin']`). */
export type StaticValue = string | readonly string[];

/**
 * The value of an expression when it is static in this file: string and number literals,
 * templates and `+` over static parts, `const` bindings to those, arrays of them.
 * Returns undefined for anything that depends on run time.
 */
export function staticValue(node: TSESTree.Node, file: FileInput, depth = 0): StaticValue | undefined {
  if (depth > 8) return undefined;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      if (typeof expression.value === 'string') return expression.value;
      if (typeof expression.value === 'number') return String(expression.value);
      return undefined;
    case AST_NODE_TYPES.TemplateLiteral: {
      let out = expression.quasis[0]?.value.cooked ?? '';
      for (let i = 0; i < expression.expressions.length; i++) {
        const part = staticValue(expression.expressions[i]!, file, depth + 1);
        if (typeof part !== 'string') return undefined;
        out += part + (expression.quasis[i + 1]?.value.cooked ?? '');
      }
      return out;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (expression.operator !== '+') return undefined;
      const left = staticValue(expression.left, file, depth + 1);
      const right = staticValue(expression.right, file, depth + 1);
      return typeof left === 'string' && typeof right === 'string' ? left + right : undefined;
    }
    case AST_NODE_TYPES.ArrayExpression: {
      const out: string[] = [];
      for (const element of expression.elements) {
        if (!element || element.type === AST_NODE_TYPES.SpreadElement) return undefined;
        const part = staticValue(element, file, depth + 1);
        if (typeof part !== 'string') return undefined;
        out.push(part);
      }
      return out;
    }
    case AST_NODE_TYPES.CallExpression: {
      // ['a', 'b'].join(', ')
      const member = calleeMember(expression);
      if (member && memberName(member) === 'join') {
        const list = staticValue(member.object, file, depth + 1);
        const separator = expression.arguments[0] ? staticValue(expression.arguments[0], file, depth + 1) : ',';
        if (Array.isArray(list) && typeof separator === 'string') return list.join(separator);
      }
      return undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const init = constInitializer(expression, file);
      return init ? staticValue(init, file, depth + 1) : undefined;
    }
    case AST_NODE_TYPES.MemberExpression: {
      // CACHE.PRIVATE where `const CACHE = { PRIVATE: '...' }` (with or without `as const`)
      const name = memberName(expression);
      if (name === undefined || expression.object.type !== AST_NODE_TYPES.Identifier) return undefined;
      const init = constInitializer(expression.object, file);
      const object = init ? unwrap(init) : undefined;
      if (object?.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
      for (const property of object.properties) {
        if (property.type === AST_NODE_TYPES.Property && propertyKey(property) === name) {
          return staticValue(property.value, file, depth + 1);
        }
      }
      return undefined;
    }
    default:
      return undefined;
  }
}

/** The initializer of the `const` (never reassigned) that an identifier refers to, if any. */
export function constInitializer(identifier: TSESTree.Identifier, file: FileInput): TSESTree.Expression | undefined {
  const variable = resolveVariable(identifier, file.scopeManager);
  const def = variable?.defs[0];
  if (!variable || !def || variable.defs.length !== 1 || def.type !== 'Variable') return undefined;
  const declarator = def.node;
  if (declarator.type !== AST_NODE_TYPES.VariableDeclarator || declarator.id.type !== AST_NODE_TYPES.Identifier) {
    return undefined;
  }
  const declaration = declarator.parent;
  if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.kind !== 'const') return undefined;
  return declarator.init ?? undefined;
}

/** The scope that contains a node, found the way ESLint's `sourceCode.getScope` does. */
export function scopeOf(node: TSESTree.Node, scopeManager: ScopeManagerLike): ScopeLike | null {
  const inner = node.type !== AST_NODE_TYPES.Program;
  for (let current: TSESTree.Node | undefined = node; current; current = current.parent) {
    const scope = scopeManager.acquire(current, inner);
    if (scope) {
      if (scope.type === 'function-expression-name') return scope.childScopes[0] ?? scope;
      return scope;
    }
  }
  return scopeManager.globalScope;
}

/** The variable an identifier refers to, following scopes outward; undefined for globals never declared. */
export function resolveVariable(
  identifier: TSESTree.Identifier,
  scopeManager: ScopeManagerLike | null,
): VariableLike | undefined {
  if (!scopeManager) return undefined;
  for (let scope = scopeOf(identifier, scopeManager); scope; scope = scope.upper) {
    const variable = scope.set.get(identifier.name);
    if (variable) return variable;
  }
  return undefined;
}

/** The nearest enclosing function of a node (not the node itself). */
export function enclosingFunction(node: TSESTree.Node): FunctionNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current;
  }
  return undefined;
}

/** The statement that holds a node directly inside a block or program body. */
export function enclosingStatement(node: TSESTree.Node): TSESTree.Statement | undefined {
  let current: TSESTree.Node = node;
  while (current.parent) {
    const parent = current.parent;
    if (
      parent.type === AST_NODE_TYPES.BlockStatement ||
      parent.type === AST_NODE_TYPES.Program ||
      parent.type === AST_NODE_TYPES.SwitchCase ||
      parent.type === AST_NODE_TYPES.StaticBlock
    ) {
      return current as TSESTree.Statement;
    }
    if (isFunction(parent)) return undefined;
    current = parent;
  }
  return undefined;
}

/** The first line's indentation of the line holding `offset`. */
export function indentAt(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let end = lineStart;
  while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
  return text.slice(lineStart, end);
}

/** The file's line break: `\r\n` when the file uses it, else `\n`. */
export function lineBreak(text: string): string {
  const index = text.indexOf('\n');
  return index > 0 && text[index - 1] === '\r' ? '\r\n' : '\n';
}

/** The quote character a file prefers for new string literals, judged by its first string literal. */
export function preferredQuote(text: string): "'" | '"' {
  const single = text.indexOf("'");
  const double = text.indexOf('"');
  if (single === -1) return double === -1 ? "'" : '"';
  if (double === -1) return "'";
  return single < double ? "'" : '"';
}

/** True when a string literal's source text is exactly quote + value + quote (no escapes), so offsets map 1:1. */
export function isPlainStringLiteral(node: TSESTree.Node, text: string): node is TSESTree.StringLiteral {
  if (node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string') {
    return node.range[1] - node.range[0] === node.value.length + 2 && !text.slice(node.range[0] + 1, node.range[1] - 1).includes('\\');
  }
  return false;
}
