import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { constInitializer, memberName, parentOf, propertyKey, resolveVariable, unwrap } from '../../core/ast.js';
import { getFileIndex } from '../../core/analysis/file-index.js';
import { originOf } from '../../core/analysis/origins.js';
import type { FileInput, TextEdit } from '../../core/model.js';
import { getStoreAnalysis, type StoreSite } from '../../core/stores/analysis.js';
import { callMember, checkFrom, editableObject, hasSpread, importsOf, numericValue, property, renameKey, renameMember, requireDeclarators, sourceMajor, textOf, type Mark } from './shared.js';
import type { Migration } from './types.js';

const SOURCE = 'lru-cache';

const OPTION_RENAMES: ReadonlyMap<string, string> = new Map([
  ['maxAge', 'ttl'],
  ['stale', 'allowStale'],
]);
const METHOD_RENAMES: ReadonlyMap<string, string> = new Map([
  ['del', 'delete'],
  ['reset', 'clear'],
  ['prune', 'purgeStale'],
]);
/** v6 instance properties and their v11 names (`length` depends on whether a length function was set). */
const PROPERTY_RENAMES: ReadonlyMap<string, string> = new Map([
  ['itemCount', 'size'],
  ['maxAge', 'ttl'],
  ['lengthCalculator', 'sizeCalculation'],
]);
/** Consumers that take any iterable, so a generator from `keys()` works as the v6 array did. */
const ITERABLE_CALLS = new Set(['Array.from', 'Set', 'Map', 'WeakSet', 'Promise.all', 'Promise.allSettled']);

/**
 * lru-cache v4-v10 → v11: the named `LRUCache` export (keeping the local name), `new LRU(n)` →
 * `{ max: n }`, the v7 option, method and property renames, positional `set` TTLs, the v7
 * `dispose(value, key)` order, and `keys()`/`values()` read as arrays. Unbounded caches, v6
 * size bounds (`max` + `length`), `dump`/`load` and writes of `null`/`undefined` are marked.
 */
export const lruCache: Migration = {
  name: 'lru-cache',
  description: 'lru-cache v4-v10 → v11: named LRUCache import, options/method/property renames, set TTLs, dispose order, keys()/values() as arrays; marks unbounded caches',
  package: SOURCE,
  targetMajor: 11,
  ranges: () => ({ 'lru-cache': '^11.0.0' }),
  options: { from: 'the major version the code was written for (default: the installed or declared version); decides the dispose argument order when nothing else shows it' },
  checkOptions: (options) => checkFrom(options, 'lru-cache'),
  gate: (text) => text.includes(SOURCE),
  transform(file, options) {
    const from = sourceMajor(file, [SOURCE], options, 'lru-cache');
    const edits: TextEdit[] = [];
    const marks: Mark[] = [];
    const index = getFileIndex(file);
    rewriteImports(file, index.calls, edits, marks);
    const handled = new Set<TSESTree.Node>();
    for (const site of getStoreAnalysis(file).stores) {
      if (site.library !== 'lru-cache') continue;
      migrateStore(site, file, from, edits, marks, handled);
    }
    migrateTypedHolders(file, from, handled, edits, marks);
    return { edits, marks, reports: [] };
  },
};

// ---------------------------------------------------------------------------------------------
// Imports: the default export is gone since v9.

function rewriteImports(file: FileInput, calls: readonly TSESTree.CallExpression[], edits: TextEdit[], marks: Mark[]): void {
  for (const declaration of importsOf(file, SOURCE)) {
    const whole = declaration.specifiers.find((s) => s.type === AST_NODE_TYPES.ImportDefaultSpecifier || s.type === AST_NODE_TYPES.ImportNamespaceSpecifier);
    if (!whole) continue;
    if (whole.type === AST_NODE_TYPES.ImportNamespaceSpecifier && !usedAsClass(whole.local, file)) continue;
    const named = declaration.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
    if (named.some((s) => (s.imported.type === AST_NODE_TYPES.Identifier ? s.imported.name : s.imported.value) === 'LRUCache')) {
      marks.push({ node: declaration, message: 'lru-cache has no default export since v9: use the named `LRUCache` import for both bindings' });
      continue;
    }
    const local = whole.local.name;
    optionsTypeArguments(whole.local, file, edits);
    const specifier = local === 'LRUCache' ? 'LRUCache' : `LRUCache as ${local}`;
    const list = [specifier, ...named.map((s) => textOf(file, s))].join(', ');
    const first = declaration.specifiers[0]!;
    const last = declaration.specifiers[declaration.specifiers.length - 1]!;
    // The specifiers run from the first to the closing brace of the named list, if any.
    const end = named.length > 0 ? file.text.indexOf('}', last.range[1]) + 1 : last.range[1];
    edits.push({ range: [first.range[0], end], text: `{ ${list} }` });
  }
  for (const declaration of file.ast.body) {
    if (declaration.type === AST_NODE_TYPES.TSImportEqualsDeclaration && declaration.moduleReference.type === AST_NODE_TYPES.TSExternalModuleReference) {
      const expression = declaration.moduleReference.expression;
      if (expression.type === AST_NODE_TYPES.Literal && expression.value === SOURCE) {
        marks.push({ node: declaration, message: "lru-cache has no default export since v9: `import { LRUCache } from 'lru-cache'`" });
      }
    }
  }
  for (const declarator of requireDeclarators(file, [SOURCE], calls)) {
    if (declarator.id.type !== AST_NODE_TYPES.Identifier) continue;
    const local = declarator.id.name;
    if (!usedAsClass(declarator.id, file)) {
      if (!isNamedAccessOnly(declarator.id, file)) marks.push({ node: declarator, message: 'lru-cache has no default export since v9: use `require(\'lru-cache\').LRUCache`' });
      continue;
    }
    const call = unwrap(declarator.init!);
    const requireCall = call.type === AST_NODE_TYPES.MemberExpression ? call.object : call;
    edits.push({ range: [declarator.id.range[0], declarator.id.range[1]], text: local === 'LRUCache' ? '{ LRUCache }' : `{ LRUCache: ${local} }` });
    if (requireCall !== call) edits.push({ range: [requireCall.range[1], call.range[1]], text: '' });
  }
}

/** `LRU.Options<K, V>` (v6 types) → `LRU.Options<K, V, unknown>`: v7+ adds a context type parameter without a default. */
function optionsTypeArguments(id: TSESTree.Identifier, file: FileInput, edits: TextEdit[]): void {
  for (const reference of resolveVariable(id, file.scopeManager)?.references ?? []) {
    const qualified = reference.identifier.parent;
    if (qualified?.type !== AST_NODE_TYPES.TSQualifiedName || qualified.left !== reference.identifier || qualified.right.name !== 'Options') continue;
    const type = qualified.parent;
    const params = type?.type === AST_NODE_TYPES.TSTypeReference ? type.typeArguments?.params : undefined;
    if (params?.length === 2) edits.push({ range: [params[1]!.range[1], params[1]!.range[1]], text: ', unknown' });
    // const options: LRU.Options<K, V> = { maxAge: ... }: the object is lru-cache options.
    const annotation = type?.parent;
    const declarator = annotation?.parent?.parent;
    if (annotation?.type === AST_NODE_TYPES.TSTypeAnnotation && declarator?.type === AST_NODE_TYPES.VariableDeclarator && declarator.init) {
      const init = unwrap(declarator.init);
      if (init.type === AST_NODE_TYPES.ObjectExpression) renameOptionKeys(init, file, edits);
    }
  }
}

/** maxAge → ttl, stale → allowStale in an options object (where the new name is not there yet). */
function renameOptionKeys(object: TSESTree.ObjectExpression, file: FileInput, edits: TextEdit[]): void {
  for (const prop of object.properties) {
    if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
    const key = propertyKey(prop);
    const renamed = key === undefined ? undefined : OPTION_RENAMES.get(key);
    if (renamed && !property(object, renamed)) edits.push(renameKey(prop, renamed, file));
  }
}

/** True when every use of the binding treats it as the cache class (`new X`, `X<K, V>`, `extends X`, `instanceof X`). */
function usedAsClass(id: TSESTree.Identifier, file: FileInput): boolean {
  const variable = resolveVariable(id, file.scopeManager);
  const references = (variable?.references ?? []).filter((r) => r.identifier !== id);
  if (references.length === 0) return true;
  let asClass = false;
  for (const reference of references) {
    const identifier = reference.identifier;
    const parent = parentOf(identifier);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) return false;
    if (parent?.type === AST_NODE_TYPES.TSQualifiedName) continue;
    asClass = true;
  }
  return asClass;
}

/** `const lru = require('lru-cache'); new lru.LRUCache(...)`: already the named export. */
function isNamedAccessOnly(id: TSESTree.Identifier, file: FileInput): boolean {
  const variable = resolveVariable(id, file.scopeManager);
  return (variable?.references ?? []).every((r) => {
    if (r.identifier === id) return true;
    const parent = parentOf(r.identifier);
    return parent?.type === AST_NODE_TYPES.MemberExpression && memberName(parent) === 'LRUCache';
  });
}

// ---------------------------------------------------------------------------------------------
// One cache: its options and its uses.

function migrateStore(site: StoreSite, file: FileInput, from: number | undefined, edits: TextEdit[], marks: Mark[], handled: Set<TSESTree.Node>): void {
  const creation = site.creation?.type === AST_NODE_TYPES.NewExpression ? site.creation : undefined;
  let lengthFunction = false;
  let v6Evidence = from !== undefined && from < 7;
  if (creation) {
    const result = migrateOptions(creation, file, from, edits, marks);
    lengthFunction = result.lengthFunction;
    v6Evidence ||= result.v6Evidence;
  }
  for (const use of site.uses) {
    if (use.via !== 'direct') continue;
    const member = use.call ? callMember(use.call) : use.node.type === AST_NODE_TYPES.MemberExpression ? use.node : undefined;
    if (!member) continue;
    handled.add(member);
    migrateMember(member, use.call, use.method, site.provenance === 'created' && !!creation, lengthFunction, { file, from, v6Evidence, edits, marks });
  }
}

interface UseContext {
  readonly file: FileInput;
  readonly from: number | undefined;
  readonly v6Evidence: boolean;
  readonly edits: TextEdit[];
  readonly marks: Mark[];
}

/**
 * One use of a cache: `cache.<method>(...)` (call) or `cache.<method>` (a property). `lengthKnown`
 * says the file shows how the cache was created, so `length` can be renamed (`size`, or
 * `calculatedSize` with a `length` function).
 */
function migrateMember(member: TSESTree.MemberExpression, call: TSESTree.CallExpression | undefined, method: string, lengthKnown: boolean, lengthFunction: boolean, context: UseContext): void {
  const { file, from, v6Evidence, edits, marks } = context;
  if (call) {
    const renamed = METHOD_RENAMES.get(method);
    if (renamed) {
      const edit = renameMember(member, renamed);
      if (edit) edits.push(edit);
    } else if (method === 'set') {
      migrateSet(call, file, from, v6Evidence, edits, marks);
    } else if (method === 'keys' || method === 'values') {
      if (call.arguments.length === 0 && !usedAsIterable(call, file)) edits.push({ range: call.range, text: `[...${textOf(file, call)}]` });
    } else if (method === 'dump' || method === 'load') {
      marks.push({ node: call, message: `\`${method}()\` entries changed shape in v7 (they are [key, { value, ttl, size, start }] pairs): data dumped by v6 cannot be loaded` });
    }
    return;
  }
  // Property reads and writes.
  const parent = parentOf(member);
  const written = (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === member) || parent?.type === AST_NODE_TYPES.UpdateExpression;
  if (written && ['max', 'maxAge', 'lengthCalculator', 'allowStale', 'length'].includes(method)) {
    marks.push({ node: member, message: `\`${method}\` can no longer be changed after construction (read-only since v7): build a new cache with the new setting` });
    return;
  }
  if (written) return;
  if (method === 'length') {
    if (lengthKnown) {
      const edit = renameMember(member, lengthFunction ? 'calculatedSize' : 'size');
      if (edit) edits.push(edit);
    } else {
      marks.push({ node: member, message: 'v6 `length` is `size` (the entry count) in v11, or `calculatedSize` when the cache was created with a `length` function' });
    }
    return;
  }
  const renamed = PROPERTY_RENAMES.get(method);
  if (renamed) {
    const edit = renameMember(member, renamed);
    if (edit) edits.push(edit);
  }
}

function migrateOptions(
  creation: TSESTree.NewExpression,
  file: FileInput,
  from: number | undefined,
  edits: TextEdit[],
  marks: Mark[],
): { lengthFunction: boolean; v6Evidence: boolean } {
  const argument = creation.arguments[0];
  const unbounded = 'unbounded cache: lru-cache v11 needs a `max` (entry count) or `maxSize`; v6 defaulted to no limit, so choose one';
  if (!argument) {
    marks.push({ node: creation, message: unbounded });
    return { lengthFunction: false, v6Evidence: false };
  }
  if (argument.type === AST_NODE_TYPES.SpreadElement) {
    marks.push({ node: creation, message: 'options built elsewhere: rename maxAge→ttl, stale→allowStale, length→sizeCalculation (with maxSize), and check dispose(value, key) and that a max or maxSize is set' });
    return { lengthFunction: false, v6Evidence: false };
  }
  const object = editableObject(argument, file);
  if (!object) {
    // new LRU(500) / new LRU(SIZE): v6 took a number as max.
    if (isNumeric(argument, file)) {
      edits.push({ range: argument.range, text: `{ max: ${textOf(file, argument)} }` });
      if (numericValue(argument, file) === 0) marks.push({ node: creation, message: 'v6 treated max 0 as "no limit"; v11 needs a positive max' });
      return { lengthFunction: false, v6Evidence: true };
    }
    marks.push({ node: creation, message: 'options built elsewhere: v6 took a number (the max) or options; rename maxAge→ttl, stale→allowStale, length→sizeCalculation (with maxSize), and check dispose(value, key) and that a max or maxSize is set' });
    return { lengthFunction: false, v6Evidence: false };
  }
  // Objects spread into the options and used nowhere else are options too.
  for (const prop of object.properties) {
    if (prop.type !== AST_NODE_TYPES.SpreadElement) continue;
    const spread = editableObject(prop.argument, file);
    if (spread) renameOptionKeys(spread, file, edits);
  }
  const v6Keys = ['maxAge', 'stale', 'length'].some((name) => property(object, name));
  const v7Keys = V7_OPTIONS.some((name) => property(object, name)) || isNamedClass(creation, file);
  const v6Evidence = v6Keys || (!v7Keys && from !== undefined && from < 7);
  renameOptionKeys(object, file, edits);
  const length = property(object, 'length');
  const max = property(object, 'max');
  let bounded = !!max || !!property(object, 'maxSize');
  if (length && !property(object, 'sizeCalculation')) {
    edits.push(renameKey(length, 'sizeCalculation', file));
    if (max && !property(object, 'maxSize')) {
      edits.push(renameKey(max, 'maxSize', file));
      marks.push({
        node: max,
        message: 'v6 `max` with a `length` function bounded the total size: it is `maxSize` now; add a `max` entry count if you want one too, and make sizeCalculation return a positive integer',
      });
    } else if (!max) {
      bounded = !!property(object, 'maxSize');
    }
  }
  if (max && numericValue(max.value, file) === 0) marks.push({ node: max, message: 'v6 treated max 0 as "no limit"; v11 needs a positive max' });
  const dispose = property(object, 'dispose');
  if (dispose) {
    if (v6Keys && v7Keys) marks.push({ node: dispose, message: 'options mix v6 and v7 names: dispose is called as (value, key, reason) since v7 (v6: key, value); check the parameter order' });
    else if (v6Evidence) swapDispose(dispose, file, edits, marks);
    else if (!v7Keys && from === undefined) marks.push({ node: dispose, message: 'dispose is called as (value, key, reason) since v7; v6 passed (key, value): check the parameter order (or rerun with --option from=6)' });
  }
  if (hasSpread(object)) {
    if (!bounded) marks.push({ node: creation, message: 'options spread from elsewhere: check that a max or maxSize is set and that spread options use the v7 names (ttl, allowStale, sizeCalculation)' });
  } else if (!bounded) {
    marks.push({ node: creation, message: unbounded });
  }
  return { lengthFunction: !!length, v6Evidence };
}

/** Options that exist only since v7: their presence shows code already written for v7+. */
const V7_OPTIONS = ['ttl', 'allowStale', 'sizeCalculation', 'maxSize', 'ttlAutopurge', 'fetchMethod', 'updateAgeOnHas', 'noDeleteOnStaleGet', 'disposeAfter', 'ttlResolution', 'maxEntrySize', 'noUpdateTTL', 'memoMethod'];

/** `new LRUCache(...)` through the named export (v7.14+): already the new API. */
function isNamedClass(creation: TSESTree.NewExpression, file: FileInput): boolean {
  const origin = originOf(creation.callee, file);
  return origin?.path.length === 1 && origin.path[0] === 'LRUCache';
}

function isNumeric(node: TSESTree.Node, file: FileInput): boolean {
  if (numericValue(node, file) !== undefined) return true;
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.BinaryExpression && ['*', '/', '-', '%', '**'].includes(expression.operator)) return true;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(expression, file.scopeManager);
    const name = variable?.defs[0]?.name;
    if (name?.type === AST_NODE_TYPES.Identifier && name.typeAnnotation?.typeAnnotation.type === AST_NODE_TYPES.TSNumberKeyword) return true;
    const init = constInitializer(expression, file);
    if (init) return isNumeric(init, file);
  }
  // Number(process.env.X), parseInt(...)
  if (expression.type === AST_NODE_TYPES.CallExpression && expression.callee.type === AST_NODE_TYPES.Identifier) {
    return ['Number', 'parseInt', 'parseFloat'].includes(expression.callee.name) && !resolveVariable(expression.callee, file.scopeManager)?.defs.length;
  }
  return false;
}

/** dispose(key, value) → dispose(value, key): swap the parameters, or wrap a referenced function. */
function swapDispose(prop: TSESTree.Property, file: FileInput, edits: TextEdit[], marks: Mark[]): void {
  const value = unwrap(prop.value);
  if (value.type === AST_NODE_TYPES.ArrowFunctionExpression || value.type === AST_NODE_TYPES.FunctionExpression) {
    const [first, second] = value.params;
    if (!first) return;
    if (first.type === AST_NODE_TYPES.RestElement || second?.type === AST_NODE_TYPES.RestElement) {
      marks.push({ node: prop, message: 'dispose is called as (value, key, reason) since v7 (v6: key, value): reorder the arguments' });
      return;
    }
    if (second) {
      edits.push({ range: [first.range[0], second.range[1]], text: `${textOf(file, second)}, ${textOf(file, first)}` });
    } else {
      const parenthesised = file.text.slice(value.range[0], first.range[0]).includes('(');
      edits.push({ range: first.range, text: parenthesised ? `_value, ${textOf(file, first)}` : `(_value, ${textOf(file, first)})` });
    }
    return;
  }
  if (value.type === AST_NODE_TYPES.Identifier || value.type === AST_NODE_TYPES.MemberExpression) {
    const arity = functionArity(value, file);
    const call = arity === 1 ? `(_value, key) => ${textOf(file, value)}(key)` : `(value, key) => ${textOf(file, value)}(key, value)`;
    edits.push(prop.shorthand ? { range: prop.range, text: `dispose: ${call}` } : { range: prop.value.range, text: call });
    return;
  }
  marks.push({ node: prop, message: 'dispose is called as (value, key, reason) since v7 (v6: key, value): reorder the arguments' });
}

function functionArity(node: TSESTree.Node, file: FileInput): number | undefined {
  if (node.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = resolveVariable(node, file.scopeManager)?.defs[0];
  if (!def) return undefined;
  if (def.node.type === AST_NODE_TYPES.FunctionDeclaration) return def.node.params.length;
  const init = constInitializer(node, file);
  if (init && (init.type === AST_NODE_TYPES.ArrowFunctionExpression || init.type === AST_NODE_TYPES.FunctionExpression)) return init.params.length;
  return undefined;
}

/** set(k, v, maxAge) → set(k, v, { ttl: maxAge }). */
function migrateSet(call: TSESTree.CallExpression, file: FileInput, from: number | undefined, v6Evidence: boolean, edits: TextEdit[], marks: Mark[]): void {
  const [, value, third] = call.arguments;
  if (value && isNullish(value)) {
    marks.push({ node: call, message: 'lru-cache v9+ treats set(key, undefined) as delete and rejects null values: store a sentinel or skip the write' });
  }
  if (!third || third.type === AST_NODE_TYPES.SpreadElement) return;
  const expression = unwrap(third);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return;
  if (isNumeric(third, file) || v6Evidence || (from !== undefined && from < 7)) {
    const ttl = textOf(file, third);
    edits.push({ range: third.range, text: ttl === 'ttl' ? '{ ttl }' : `{ ttl: ${ttl} }` });
  } else {
    marks.push({ node: call, message: 'set() takes options since v7: a TTL in milliseconds is `{ ttl: n }`' });
  }
}

function isNullish(node: TSESTree.Node): boolean {
  const expression = unwrap(node);
  return (expression.type === AST_NODE_TYPES.Literal && expression.value === null) || (expression.type === AST_NODE_TYPES.Identifier && expression.name === 'undefined');
}

/** True when a `keys()`/`values()` call is consumed as an iterable only (for-of, spread, Array.from), where a generator does what the v6 array did. */
function usedAsIterable(call: TSESTree.CallExpression, file: FileInput): boolean {
  const parent = parentOf(call);
  if (!parent) return false;
  if (parent.type === AST_NODE_TYPES.ForOfStatement && parent.right === call) return true;
  if (parent.type === AST_NODE_TYPES.SpreadElement) return true;
  if (parent.type === AST_NODE_TYPES.YieldExpression && parent.delegate) return true;
  if ((parent.type === AST_NODE_TYPES.CallExpression || parent.type === AST_NODE_TYPES.NewExpression) && parent.arguments[0] === call) {
    const callee = unwrap(parent.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier ? `${callee.object.name}.${memberName(callee) ?? ''}` : undefined;
    return name !== undefined && ITERABLE_CALLS.has(name);
  }
  // const [first] = cache.keys(): array destructuring iterates.
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.ArrayPattern) return true;
  // const keys = cache.keys(); for (const k of keys) ...: one iterable use only (a generator runs once).
  if (parent.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(parent.id, file.scopeManager);
    const reads = (variable?.references ?? []).filter((r) => r.identifier !== parent.id);
    if (reads.length !== 1) return false;
    const use = reads[0]!.identifier;
    const useParent = parentOf(use);
    return (useParent?.type === AST_NODE_TYPES.ForOfStatement && useParent.right === use) || useParent?.type === AST_NODE_TYPES.SpreadElement;
  }
  return false;
}

/** Exposed for the node-cache migration: the origin test for an lru-cache class reference. */
export function isLruCacheClass(node: TSESTree.Node, file: FileInput): boolean {
  const origin = originOf(node, file);
  return origin?.source === SOURCE && origin.via === 'ref' && (origin.path.length === 0 || (origin.path.length === 1 && origin.path[0] === 'LRUCache'));
}

// ---------------------------------------------------------------------------------------------
// Caches the store analysis does not follow, proven by their declared types: an element of a
// `Record<string, LRU<K, V>>` / `Map<string, LRU<K, V>>` / `LRU<K, V>[]`, the result of a function
// declared to return `LRU<K, V>`, a variable or class property annotated with it, and variables
// initialised from any of those.

/** Types of the v11 `LRUCache` namespace: `LRU.<name>` with any other name is gone. */
const V11_NAMESPACE = new Set([
  'Size', 'Milliseconds', 'Count', 'DisposeReason', 'Disposer', 'InsertReason', 'Inserter', 'SizeCalculator', 'FetcherOptions', 'Status', 'FetcherFetchOptions',
  'FetchOptions', 'FetchOptionsWithContext', 'FetchOptionsNoContext', 'MemoOptions', 'MemoOptionsWithContext', 'MemoOptionsNoContext', 'MemoizerOptions',
  'MemoizerMemoOptions', 'HasOptions', 'GetOptions', 'PeekOptions', 'SetOptions', 'Fetcher', 'Memoizer', 'OptionsBase', 'OptionsMaxLimit', 'OptionsTTLLimit',
  'OptionsSizeLimit', 'Options',
]);

function migrateTypedHolders(file: FileInput, from: number | undefined, handled: ReadonlySet<TSESTree.Node>, edits: TextEdit[], marks: Mark[]): void {
  const names = new Set<string>();
  for (const declaration of importsOf(file, SOURCE)) {
    for (const specifier of declaration.specifiers) {
      const imported = specifier.type === AST_NODE_TYPES.ImportSpecifier ? (specifier.imported.type === AST_NODE_TYPES.Identifier ? specifier.imported.name : specifier.imported.value) : undefined;
      if (specifier.type === AST_NODE_TYPES.ImportDefaultSpecifier || imported === 'LRUCache') names.add(specifier.local.name);
    }
  }
  if (names.size === 0) return;
  const context: UseContext = { file, from, v6Evidence: from !== undefined && from < 7, edits, marks };
  const stack: TSESTree.Node[] = [file.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === AST_NODE_TYPES.TSQualifiedName && node.left.type === AST_NODE_TYPES.Identifier && names.has(node.left.name) && !V11_NAMESPACE.has(node.right.name)) {
      marks.push({
        node,
        message:
          node.right.name === 'Entry'
            ? '`Entry<K, V>` is gone: v11 has `LRUCache.Entry<V>` ({ value, ttl, size, start }), and dump() returns [key, Entry<V>] pairs'
            : `\`${node.right.name}\` is not a type of lru-cache v11 (see the LRUCache namespace)`,
      });
    }
    if (node.type === AST_NODE_TYPES.MemberExpression && !node.computed && node.property.type === AST_NODE_TYPES.Identifier && !handled.has(node) && isCacheExpression(node.object, names, file, 0)) {
      const parent = parentOf(node);
      const call = parent?.type === AST_NODE_TYPES.CallExpression && unwrap(parent.callee) === node ? parent : undefined;
      migrateMember(node, call, node.property.name, false, false, context);
    }
    for (const key of file.visitorKeys[node.type] ?? []) {
      const value = (node as unknown as Record<string, unknown>)[key];
      if (Array.isArray(value)) for (const child of value) if (child && typeof (child as TSESTree.Node).type === 'string') stack.push(child as TSESTree.Node);
      if (value && typeof (value as TSESTree.Node).type === 'string') stack.push(value as TSESTree.Node);
    }
  }
}

/** True when the file's declared types prove the expression an lru-cache instance. */
function isCacheExpression(node: TSESTree.Node, names: ReadonlySet<string>, file: FileInput, depth: number): boolean {
  if (depth > 5) return false;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.NewExpression:
      return expression.callee.type === AST_NODE_TYPES.Identifier && names.has(expression.callee.name);
    case AST_NODE_TYPES.Identifier: {
      const def = resolveVariable(expression, file.scopeManager)?.defs[0];
      if (!def) return false;
      const id = def.name;
      if (id.type === AST_NODE_TYPES.Identifier && id.typeAnnotation) return isCacheType(id.typeAnnotation.typeAnnotation, names);
      if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === id && def.node.init) return isCacheExpression(def.node.init, names, file, depth + 1);
      return false;
    }
    case AST_NODE_TYPES.MemberExpression: {
      // holder[key], holder.key on a Record/array/index signature of caches; this.cache on a typed property.
      const holder = declaredType(expression.object, file);
      if (holder && elementType(holder, expression.computed) && isCacheType(elementType(holder, expression.computed)!, names)) return true;
      if (expression.object.type === AST_NODE_TYPES.ThisExpression && !expression.computed) {
        const type = classPropertyType(expression);
        return !!type && isCacheType(type, names);
      }
      return false;
    }
    case AST_NODE_TYPES.CallExpression: {
      const callee = unwrap(expression.callee);
      // map.get(key) on a Map<K, LRU>.
      if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'get') {
        const holder = declaredType(callee.object, file);
        const value = holder ? mapValueType(holder) : undefined;
        if (value && isCacheType(value, names)) return true;
      }
      if (callee.type !== AST_NODE_TYPES.Identifier) return false;
      const def = resolveVariable(callee, file.scopeManager)?.defs[0];
      const fn = def?.node.type === AST_NODE_TYPES.FunctionDeclaration ? def.node : def?.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : undefined;
      if (!fn || (fn.type !== AST_NODE_TYPES.FunctionDeclaration && fn.type !== AST_NODE_TYPES.ArrowFunctionExpression && fn.type !== AST_NODE_TYPES.FunctionExpression)) return false;
      return !!fn.returnType && isCacheType(fn.returnType.typeAnnotation, names);
    }
    default:
      return false;
  }
}

/** `LRU<K, V>`, also in `LRU<K, V> | undefined`. */
function isCacheType(type: TSESTree.TypeNode, names: ReadonlySet<string>): boolean {
  if (type.type === AST_NODE_TYPES.TSTypeReference) return type.typeName.type === AST_NODE_TYPES.Identifier && names.has(type.typeName.name);
  if (type.type === AST_NODE_TYPES.TSUnionType) {
    const others = type.types.filter((t) => t.type !== AST_NODE_TYPES.TSUndefinedKeyword && t.type !== AST_NODE_TYPES.TSNullKeyword);
    return others.length === 1 && isCacheType(others[0]!, names);
  }
  return false;
}

/** The declared type of a variable or typed class property an expression names. */
function declaredType(node: TSESTree.Node, file: FileInput): TSESTree.TypeNode | undefined {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const id = resolveVariable(expression, file.scopeManager)?.defs[0]?.name;
    return id?.type === AST_NODE_TYPES.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.ThisExpression && !expression.computed) return classPropertyType(expression);
  return undefined;
}

/** The type of `this.name` from the enclosing class's property declaration. */
function classPropertyType(member: TSESTree.MemberExpression): TSESTree.TypeNode | undefined {
  const name = memberName(member);
  let current: TSESTree.Node | undefined = member.parent;
  while (current && current.type !== AST_NODE_TYPES.ClassBody) current = current.parent;
  if (!current || !name) return undefined;
  for (const element of current.body) {
    if (element.type === AST_NODE_TYPES.PropertyDefinition && !element.computed && propertyKey(element as unknown as TSESTree.Property) === name) return element.typeAnnotation?.typeAnnotation;
  }
  return undefined;
}

/** The element type of `Record<K, T>`, `{ [k: string]: T }`, `T[]`, `Array<T>` (for `x[k]`; `x.k` only on records). */
function elementType(type: TSESTree.TypeNode, computed: boolean): TSESTree.TypeNode | undefined {
  if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier) {
    const params = type.typeArguments?.params ?? [];
    if (type.typeName.name === 'Record' && params.length === 2) return params[1];
    if (computed && (type.typeName.name === 'Array' || type.typeName.name === 'ReadonlyArray') && params.length === 1) return params[0];
    return undefined;
  }
  if (computed && type.type === AST_NODE_TYPES.TSArrayType) return type.elementType;
  if (type.type === AST_NODE_TYPES.TSTypeLiteral) {
    const index = type.members.find((m): m is TSESTree.TSIndexSignature => m.type === AST_NODE_TYPES.TSIndexSignature);
    return index?.typeAnnotation?.typeAnnotation;
  }
  return undefined;
}

/** The value type of `Map<K, V>` / `ReadonlyMap<K, V>`. */
function mapValueType(type: TSESTree.TypeNode): TSESTree.TypeNode | undefined {
  if (type.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const params = type.typeArguments?.params ?? [];
  return (type.typeName.name === 'Map' || type.typeName.name === 'ReadonlyMap') && params.length === 2 ? params[1] : undefined;
}
