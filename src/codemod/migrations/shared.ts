import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { constInitializer, memberName, parentOf, propertyKey, resolveVariable, unwrap } from '../../core/ast.js';
import { originOf } from '../../core/analysis/origins.js';
import type { FileInput, TextEdit } from '../../core/model.js';
import { dependencyMajor, dependencyVersions } from '../../core/project/versions.js';
import type { MigrationOptions } from './types.js';

/** Helpers the caching migrations share: text slices, option objects, units, imports. */

export type Mark = { node: TSESTree.Node; message: string };

/** A node's source text. */
export function textOf(file: FileInput, node: TSESTree.Node): string {
  return file.text.slice(node.range[0], node.range[1]);
}

/** Throws when `--option from` is not a major version number. */
export function checkFrom(options: MigrationOptions, migration: string): void {
  if (options.from === undefined) return;
  const from = Number(options.from);
  if (!Number.isInteger(from) || from < 1) throw new Error(`${migration}: --option from must be a major version number, got "${options.from}"`);
}

/** The major version the code was written for: `--option from=<n>`, else the installed or declared version of the first package that has one. */
export function sourceMajor(file: FileInput, packages: readonly string[], options: MigrationOptions, migration: string): number | undefined {
  if (options.from !== undefined) {
    checkFrom(options, migration);
    return Number(options.from);
  }
  for (const name of packages) {
    const major = dependencyMajor(file.filename, name);
    if (major !== undefined) return major;
  }
  return undefined;
}

/** A property of an object literal by static key. */
export function property(object: TSESTree.ObjectExpression | undefined, name: string): TSESTree.Property | undefined {
  if (!object) return undefined;
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.Property && !prop.computed && propertyKey(prop) === name) return prop;
  }
  return undefined;
}

export function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((prop) => prop.type === AST_NODE_TYPES.SpreadElement);
}

/** Renames a property's key, expanding a shorthand (`{ maxAge }` → `{ ttl: maxAge }`). */
export function renameKey(prop: TSESTree.Property, name: string, file: FileInput): TextEdit {
  if (prop.shorthand) return { range: prop.range, text: `${name}: ${textOf(file, prop.value)}` };
  return { range: prop.key.range, text: name };
}

/** The range that removes a property (or list item) with its separating comma. */
export function removalRange(item: TSESTree.Node, items: readonly (TSESTree.Node | null)[]): [number, number] {
  const list = items.filter((x): x is TSESTree.Node => x !== null);
  const i = list.indexOf(item);
  const next = list[i + 1];
  if (next) return [item.range[0], next.range[0]];
  const previous = list[i - 1];
  if (previous) return [previous.range[1], item.range[1]];
  return [item.range[0], item.range[1]];
}

/**
 * The object literal an argument stands for and that can be edited in place: the literal itself,
 * or a `const` bound to one that nothing else reads (editing a shared object would change its
 * other uses too).
 */
export function editableObject(node: TSESTree.Node | undefined, file: FileInput): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const init = constInitializer(expression, file);
  if (!init || unwrap(init).type !== AST_NODE_TYPES.ObjectExpression) return undefined;
  const variable = resolveVariable(expression, file.scopeManager);
  const reads = variable?.references.filter((reference) => !reference.isWrite()) ?? [];
  return reads.length === 1 ? (unwrap(init) as TSESTree.ObjectExpression) : undefined;
}

/** The number an expression is when it is static: literals, `-n`, products and sums of those, `const` bindings. */
export function numericValue(node: TSESTree.Node, file: FileInput, depth = 0): number | undefined {
  if (depth > 6) return undefined;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
      return typeof expression.value === 'number' ? expression.value : undefined;
    case AST_NODE_TYPES.UnaryExpression: {
      const value = expression.operator === '-' || expression.operator === '+' ? numericValue(expression.argument, file, depth + 1) : undefined;
      return value === undefined ? undefined : expression.operator === '-' ? -value : value;
    }
    case AST_NODE_TYPES.BinaryExpression: {
      if (expression.left.type === AST_NODE_TYPES.PrivateIdentifier) return undefined;
      const left = numericValue(expression.left, file, depth + 1);
      const right = numericValue(expression.right, file, depth + 1);
      if (left === undefined || right === undefined) return undefined;
      if (expression.operator === '*') return left * right;
      if (expression.operator === '+') return left + right;
      if (expression.operator === '-') return left - right;
      if (expression.operator === '/') return left / right;
      return undefined;
    }
    case AST_NODE_TYPES.Identifier: {
      const init = constInitializer(expression, file);
      return init ? numericValue(init, file, depth + 1) : undefined;
    }
    default:
      return undefined;
  }
}

/** Expressions that bind at least as tightly as `*` and so need no parentheses before `* 1000`. */
const TIGHT: ReadonlySet<string> = new Set([
  AST_NODE_TYPES.Literal,
  AST_NODE_TYPES.Identifier,
  AST_NODE_TYPES.MemberExpression,
  AST_NODE_TYPES.CallExpression,
  AST_NODE_TYPES.ThisExpression,
  AST_NODE_TYPES.TSNonNullExpression,
  AST_NODE_TYPES.UnaryExpression,
  AST_NODE_TYPES.AwaitExpression,
]);

/** `expr` in seconds as milliseconds: `60` → `60 * 1000`, `a + b` → `(a + b) * 1000`. */
export function timesThousand(file: FileInput, node: TSESTree.Node): string {
  const text = textOf(file, node);
  const tight =
    TIGHT.has(node.type) ||
    (node.type === AST_NODE_TYPES.BinaryExpression && (node.operator === '*' || node.operator === '/' || node.operator === '%' || node.operator === '**'));
  const parenthesised = file.text[node.range[0] - 1] === '(' && file.text[node.range[1]] === ')';
  return tight || parenthesised ? `${text} * 1000` : `(${text}) * 1000`;
}

/** True when evaluating the expression cannot change program state (so it may move past another). */
export function isSideEffectFree(node: TSESTree.Node): boolean {
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
    case AST_NODE_TYPES.ThisExpression:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return expression.expressions.every(isSideEffectFree);
    case AST_NODE_TYPES.MemberExpression:
      return isSideEffectFree(expression.object) && (!expression.computed || isSideEffectFree(expression.property));
    case AST_NODE_TYPES.UnaryExpression:
      return expression.operator !== 'delete' && isSideEffectFree(expression.argument);
    case AST_NODE_TYPES.BinaryExpression:
    case AST_NODE_TYPES.LogicalExpression:
      return expression.left.type !== AST_NODE_TYPES.PrivateIdentifier && isSideEffectFree(expression.left) && isSideEffectFree(expression.right);
    case AST_NODE_TYPES.ConditionalExpression:
      return isSideEffectFree(expression.test) && isSideEffectFree(expression.consequent) && isSideEffectFree(expression.alternate);
    default:
      return false;
  }
}

/** The member callee of a call (`cache.del` of `cache.del(k)`). */
export function callMember(call: TSESTree.CallExpression | undefined): TSESTree.MemberExpression | undefined {
  if (!call) return undefined;
  const callee = unwrap(call.callee);
  return callee.type === AST_NODE_TYPES.MemberExpression ? callee : undefined;
}

/** Renames the method of `x.name(...)` (or the property of `x.name`). */
export function renameMember(member: TSESTree.MemberExpression, name: string): TextEdit | undefined {
  if (member.computed) {
    const property = member.property;
    if (property.type === AST_NODE_TYPES.Literal && typeof property.value === 'string') {
      const quote = property.raw[0] ?? "'";
      return { range: property.range, text: `${quote}${name}${quote}` };
    }
    return undefined;
  }
  return { range: member.property.range, text: name };
}

/** True when a call's value is thrown away (`cache.set(k, v);`). */
export function resultUnused(node: TSESTree.Node): boolean {
  let current: TSESTree.Node = node;
  let parent = current.parent;
  while (parent?.type === AST_NODE_TYPES.AwaitExpression || parent?.type === AST_NODE_TYPES.ChainExpression) {
    current = parent;
    parent = current.parent;
  }
  return parent?.type === AST_NODE_TYPES.ExpressionStatement || (parent?.type === AST_NODE_TYPES.UnaryExpression && parent.operator === 'void');
}

/** The import declarations of a module source. */
export function importsOf(file: FileInput, source: string): TSESTree.ImportDeclaration[] {
  return file.ast.body.filter((node): node is TSESTree.ImportDeclaration => node.type === AST_NODE_TYPES.ImportDeclaration && node.source.value === source);
}

/** `const X = require('source')` declarators at any level. */
export function requireDeclarators(file: FileInput, sources: readonly string[], calls: readonly TSESTree.CallExpression[]): TSESTree.VariableDeclarator[] {
  const out: TSESTree.VariableDeclarator[] = [];
  for (const call of calls) {
    const callee = unwrap(call.callee);
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'require' || call.arguments.length !== 1) continue;
    const argument = call.arguments[0]!;
    if (argument.type !== AST_NODE_TYPES.Literal || typeof argument.value !== 'string' || !sources.includes(argument.value)) continue;
    let holder: TSESTree.Node = call;
    let parent = parentOf(holder);
    // require('lru-cache').default
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === holder && memberName(parent) === 'default') {
      holder = parent;
      parent = parentOf(holder);
    }
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init && unwrap(parent.init) === holder) out.push(parent);
  }
  return out;
}

/** True when a file uses CommonJS (`require` of anything, no `import` declaration). */
export function isCommonJs(file: FileInput): boolean {
  return !file.ast.body.some((node) => node.type === AST_NODE_TYPES.ImportDeclaration) && /\brequire\s*\(/.test(file.text);
}

/** The first statement after the imports / leading requires, where a new import or require goes. */
export function importInsertionPoint(file: FileInput): number {
  let end = 0;
  for (const node of file.ast.body) {
    if (node.type === AST_NODE_TYPES.ImportDeclaration) end = node.range[1];
    else if (node.type === AST_NODE_TYPES.VariableDeclaration && node.declarations.every((d) => d.init && isRequireLike(d.init))) end = node.range[1];
    else if (node.type === AST_NODE_TYPES.ExpressionStatement && node.directive !== undefined) end = node.range[1];
    else break;
  }
  return end;
}

function isRequireLike(node: TSESTree.Node): boolean {
  let expression = unwrap(node);
  while (expression.type === AST_NODE_TYPES.MemberExpression) expression = unwrap(expression.object);
  return expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'require';
}

/** The local name under which `name` of `source` is already imported or required in the file's top scope, if any. */
export function existingBinding(file: FileInput, source: string, name: string): string | undefined {
  for (const declaration of importsOf(file, source)) {
    if (declaration.importKind === 'type') continue;
    for (const specifier of declaration.specifiers) {
      if (specifier.type !== AST_NODE_TYPES.ImportSpecifier || specifier.importKind === 'type') continue;
      const imported = specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value;
      if (imported === name) return specifier.local.name;
    }
  }
  for (const node of file.ast.body) {
    if (node.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    for (const declarator of node.declarations) {
      if (declarator.id.type !== AST_NODE_TYPES.ObjectPattern || !declarator.init) continue;
      const origin = originOf(declarator.init, file);
      if (origin?.source !== source || origin.path.length > 0) continue;
      for (const prop of declarator.id.properties) {
        if (prop.type === AST_NODE_TYPES.Property && propertyKey(prop) === name && prop.value.type === AST_NODE_TYPES.Identifier) return prop.value.name;
      }
    }
  }
  return undefined;
}

/** True when a name is free at the top of the file (no import, variable, function or class declares it). */
export function nameIsFree(file: FileInput, name: string): boolean {
  const scope = file.scopeManager?.globalScope;
  if (!scope) return true;
  const module = scope.childScopes.find((child) => child.type === 'module') ?? scope;
  return !module.set.has(name) && !scope.set.has(name);
}

/** An edit adding `import { name } from 'source'` (or a require in CommonJS), after the existing imports. */
export function addImport(file: FileInput, source: string, name: string, quote: string): TextEdit {
  const at = importInsertionPoint(file);
  const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
  const semi = semicolon(file);
  const line = isCommonJs(file) ? `const { ${name} } = require(${quote}${source}${quote})${semi}` : `import { ${name} } from ${quote}${source}${quote}${semi}`;
  return at === 0 ? { range: [0, 0], text: `${line}${eol}` } : { range: [at, at], text: `${eol}${line}` };
}

/** `;` when the file ends its statements with semicolons (most of its top-level statements do), else ''. */
export function semicolon(file: FileInput): string {
  let withSemicolon = 0;
  let without = 0;
  for (const node of file.ast.body) {
    if (node.type !== AST_NODE_TYPES.ImportDeclaration && node.type !== AST_NODE_TYPES.ExpressionStatement && node.type !== AST_NODE_TYPES.VariableDeclaration) continue;
    if (file.text[node.range[1] - 1] === ';') withSemicolon++;
    else without++;
  }
  return without > withSemicolon ? '' : ';';
}

/** The quote a file uses for module specifiers. */
export function moduleQuote(file: FileInput): string {
  for (const node of file.ast.body) {
    if (node.type === AST_NODE_TYPES.ImportDeclaration) return node.source.raw[0] ?? "'";
  }
  const match = /require\((['"])/.exec(file.text);
  return match?.[1] ?? "'";
}

/** For a function node, whether its body reads `this` or `arguments` (so it cannot become an arrow). */
export function usesThisOrArguments(fn: TSESTree.Node, visitorKeys: FileInput['visitorKeys']): boolean {
  const stack: TSESTree.Node[] = [fn];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node !== fn && (node.type === AST_NODE_TYPES.FunctionExpression || node.type === AST_NODE_TYPES.FunctionDeclaration)) continue;
    if (node.type === AST_NODE_TYPES.ThisExpression) return true;
    if (node.type === AST_NODE_TYPES.Identifier && node.name === 'arguments') return true;
    for (const key of visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) for (const child of value) if (child && typeof (child as TSESTree.Node).type === 'string') stack.push(child as TSESTree.Node);
      if (value && typeof (value as TSESTree.Node).type === 'string') stack.push(value as TSESTree.Node);
    }
  }
  return false;
}

/** True when an identifier named `name` is referenced anywhere inside `node`. */
export function references(node: TSESTree.Node, name: string, visitorKeys: FileInput['visitorKeys']): boolean {
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === AST_NODE_TYPES.Identifier && current.name === name) {
      const parent = current.parent;
      const isKey = parent?.type === AST_NODE_TYPES.MemberExpression && parent.property === current && !parent.computed;
      const isPropKey = parent?.type === AST_NODE_TYPES.Property && parent.key === current && !parent.computed && !parent.shorthand;
      if (!isKey && !isPropKey) return true;
    }
    for (const key of visitorKeys[current.type] ?? []) {
      const value = (current as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) for (const child of value) if (child && typeof (child as TSESTree.Node).type === 'string') stack.push(child as TSESTree.Node);
      if (value && typeof (value as TSESTree.Node).type === 'string') stack.push(value as TSESTree.Node);
    }
  }
  return false;
}

/**
 * Rewrites the named bindings of an import declaration or a `const { ... } = require(...)`
 * pattern: removes some names, adds others (`name` or `name as local`). Returns the edit, or a
 * removal of the whole statement when nothing is left.
 */
export function editBindings(
  file: FileInput,
  holder: TSESTree.ImportDeclaration | TSESTree.VariableDeclarator,
  remove: ReadonlySet<string>,
  add: readonly string[],
): TextEdit | undefined {
  if (holder.type === AST_NODE_TYPES.ImportDeclaration) {
    if (holder.attributes.length > 0) return undefined;
    const others = holder.specifiers.filter((s) => s.type !== AST_NODE_TYPES.ImportSpecifier).map((s) => textOf(file, s));
    const named = holder.specifiers
      .filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier)
      .filter((s) => !remove.has(s.imported.type === AST_NODE_TYPES.Identifier ? s.imported.name : s.imported.value))
      .map((s) => textOf(file, s));
    const present = new Set(named.map((n) => n.split(/\s+as\s+/)[0]!.replace(/^type\s+/, '')));
    const list = [...named, ...add.filter((a) => !present.has(a.split(/\s+as\s+/)[0]!))];
    if (others.length === 0 && list.length === 0) return statementRemoval(file, holder);
    const parts = [...others, ...(list.length > 0 ? [`{ ${list.join(', ')} }`] : [])];
    const semi = textOf(file, holder).trimEnd().endsWith(';') ? ';' : '';
    const text = `import ${holder.importKind === 'type' ? 'type ' : ''}${parts.join(', ')} from ${holder.source.raw}${semi}`;
    return text === textOf(file, holder) ? undefined : { range: holder.range, text };
  }
  if (holder.id.type !== AST_NODE_TYPES.ObjectPattern) return undefined;
  const kept = holder.id.properties.filter((p) => !(p.type === AST_NODE_TYPES.Property && remove.has(propertyKey(p) ?? ''))).map((p) => textOf(file, p));
  const present = new Set(holder.id.properties.map((p) => (p.type === AST_NODE_TYPES.Property ? propertyKey(p) : undefined)));
  const list = [...kept, ...add.filter((a) => !present.has(a)).map((a) => a.replace(/^(\w+)\s+as\s+(\w+)$/, '$1: $2'))];
  if (list.length === 0) {
    const declaration = holder.parent;
    return declaration?.type === AST_NODE_TYPES.VariableDeclaration && declaration.declarations.length === 1 ? statementRemoval(file, declaration) : undefined;
  }
  const typeAnnotation = holder.id.typeAnnotation ? textOf(file, holder.id.typeAnnotation) : '';
  return { range: holder.id.range, text: `{ ${list.join(', ')} }${typeAnnotation}` };
}

/** The edit removing a whole statement and its line break. */
export function statementRemoval(file: FileInput, statement: TSESTree.Node): TextEdit {
  let end = statement.range[1];
  if (file.text[end] === '\r') end++;
  if (file.text[end] === '\n') end++;
  return { range: [statement.range[0], end], text: '' };
}

/** Edits removing several items of one list (properties, arguments) with their commas, without overlapping. */
export function removeItems(items: readonly (TSESTree.Node | null)[], remove: ReadonlySet<TSESTree.Node>): TextEdit[] {
  const list = items.filter((x): x is TSESTree.Node => x !== null);
  const keptIndexes = list.map((item, i) => (remove.has(item) ? -1 : i)).filter((i) => i >= 0);
  const lastKept = keptIndexes[keptIndexes.length - 1];
  const edits: TextEdit[] = [];
  if (lastKept === undefined) {
    if (list.length > 0) edits.push({ range: [list[0]!.range[0], list[list.length - 1]!.range[1]], text: '' });
    return edits;
  }
  for (let i = 0; i < lastKept; i++) {
    if (remove.has(list[i]!)) edits.push({ range: [list[i]!.range[0], list[i + 1]!.range[0]], text: '' });
  }
  if (lastKept < list.length - 1) edits.push({ range: [list[lastKept]!.range[1], list[list.length - 1]!.range[1]], text: '' });
  return edits;
}

/**
 * What the project must do for migrated code that imports `name` at `major` or later: `add lru-cache
 * ^11`, `upgrade lru-cache ^5.1.1 -> ^11`, or undefined when the declared (or installed) version is new
 * enough.
 */
export function dependencyAdvice(file: FileInput, name: string, major: number): string | undefined {
  const { declared, installed } = dependencyVersions(file.filename, name);
  if (declared === undefined && installed === undefined) return `add ${name} ^${major} to your dependencies`;
  const current = dependencyMajor(file.filename, name);
  if (current !== undefined && current >= major) return undefined;
  const shown = declared ?? installed!;
  return `upgrade ${name} ${shown}${installed && declared && installed !== declared ? ` (${installed} installed)` : ''} -> ^${major}`;
}
