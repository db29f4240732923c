import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { isFunction, memberName, parentOf, propertyKey, resolveVariable, unwrap } from '../ast.js';
import { contains, getFileIndex, memoPerFile, type FunctionNode } from '../analysis/file-index.js';
import type { FileInput, VariableLike } from '../model.js';
import { READ_METHODS } from './catalog.js';
import { getStoreAnalysis, type StoreSite, type StoreUse } from './analysis.js';

/*
 * Cache-aside shapes, shared by the store rules.
 *
 * The store analysis (`analysis.ts`) says WHERE a file's caches are and every use of them. This
 * module reads those uses as the shapes rules reason about:
 *
 * - `CacheWrite`: one write of an entry (`cache.set(k, v)`, `redis.set(k, v, 'EX', n)`,
 *   `redis.setex(k, n, v)`, `cache[k] = v`, `hset(k, f, v)`), split into key, value and TTL
 *   arguments in the library's own call shape, with:
 *   - `payload`: the value with serialisers peeled off (`JSON.stringify(user)` → `user`);
 *   - `source`: where that payload got its value: the last assignment before the write
 *     (`const user = await db.find(id)`, `p = load(id)`, `const { data, error } = await q`),
 *     whether it was awaited, and the fetcher call that produced it;
 *   - `reads`: reads of the same store earlier in the same function (the miss test). A write with
 *     reads is a cache-aside: read K, miss, compute V, write V under K.
 * - `CacheWrap`: the callback forms, where the library or a helper runs the fetcher itself:
 *   cache-manager `wrap(key, fn)`, Next.js `unstable_cache(fn, keyParts)`, memoizers
 *   (`memoize(fn, resolver)`, `memoizee(fn, opts)`, `moize(fn)`), and calls to cache-aside helpers
 *   written in the same file.
 * - `CacheHelper`: a user-written `getOrSet(key, fetcher)` / `remember(key, ttl, fn)` function or
 *   method whose body is a cache-aside on a proven store, keyed by one parameter and filled by
 *   calling another. Calls to it are judged as wraps; the body is judged once, as a write.
 *
 * Everything is computed once per file, from the store analysis's uses: no walk of the file.
 * Only the short expressions involved (a key, a value) are ever looked into.
 */

/** A write's arguments in the library's own call shape. */
export interface WriteParts {
  /** The entry's key (the first key part). */
  readonly key: TSESTree.Node | undefined;
  /** Every argument that names the entry: `[key]`, or `[key, field]` for hashes. */
  readonly keyParts: readonly TSESTree.Node[];
  readonly value: TSESTree.Node | undefined;
  /** TTL arguments as written (`'EX', 60`, `{ EX: 60 }`, `60_000`, `{ ttl }`); empty when none. */
  readonly ttl: readonly TSESTree.Node[];
}

/** Where a written value came from. */
export interface ValueSource {
  /** The variable the payload names, when it is a variable. */
  readonly variable: VariableLike | undefined;
  /** The expression that gave the value: a declarator's init, an assignment's right side, or the payload itself. */
  readonly expression: TSESTree.Node;
  /** The declarator or assignment that holds `expression` (the payload itself when written inline). */
  readonly at: TSESTree.Node;
  /** For `const { data, error } = await q`: the destructured property name (`data`) and its siblings' variables. */
  readonly destructured: { readonly key: string; readonly siblings: readonly VariableLike[] } | undefined;
  /** True when `expression` is `await ...`. */
  readonly awaited: boolean;
  /** The call that produced the value (`db.find(id)` in `await db.find(id)`), if it is a call. */
  readonly call: TSESTree.CallExpression | undefined;
}

/** One write of a cache entry. */
export interface CacheWrite {
  readonly store: StoreSite;
  readonly use: StoreUse;
  readonly fn: FunctionNode | undefined;
  readonly key: TSESTree.Node | undefined;
  readonly keyParts: readonly TSESTree.Node[];
  readonly value: TSESTree.Node | undefined;
  readonly ttl: readonly TSESTree.Node[];
  /** The value with serialisers peeled off: `JSON.stringify(user)` → `user`. */
  readonly payload: TSESTree.Node | undefined;
  readonly source: ValueSource | undefined;
  /** Reads of the same store earlier in the same function. */
  readonly reads: readonly StoreUse[];
  /** The read among `reads` whose key is written the same way as the write's key, if any. */
  readonly sameKeyRead: StoreUse | undefined;
}

/** A cache filled by a callback: the library (or a helper) calls `fetcher` on a miss. */
export interface CacheWrap {
  readonly kind: 'wrap' | 'unstable_cache' | 'memoizer' | 'helper';
  /** The store, for library wraps and memoizers; the helper's store for helper calls. */
  readonly store: StoreSite | undefined;
  /** The call: `cache.wrap(...)`, `unstable_cache(...)`, `memoize(...)`, `getOrSet(...)`. */
  readonly call: TSESTree.CallExpression;
  /** The key expression (`wrap`, helpers), or `keyParts` (`unstable_cache`), or the resolver (memoizers). */
  readonly key: TSESTree.Node | undefined;
  /** The function that computes the value. */
  readonly fetcher: TSESTree.Node | undefined;
  readonly helper: CacheHelper | undefined;
}

/** A user-written cache-aside helper: `async function remember(key, ttl, fn) { get; miss; await fn(); set }`. */
export interface CacheHelper {
  readonly fn: FunctionNode;
  readonly name: string;
  /** Index of the parameter the key is built from, and of the fetcher parameter. */
  readonly keyParam: number;
  readonly fetcherParam: number;
  readonly write: CacheWrite;
  /** The calls of the helper in this file. */
  readonly calls: readonly TSESTree.CallExpression[];
}

/** The file's cache-aside shapes. */
export interface CacheAsideAnalysis {
  readonly writes: readonly CacheWrite[];
  readonly wraps: readonly CacheWrap[];
  readonly helpers: readonly CacheHelper[];
}

const KEY = {};

/** The file's writes, wraps and helpers, computed once per AST and shared by every rule. */
export function getCacheAside(file: FileInput): CacheAsideAnalysis {
  return memoPerFile(KEY, file.ast, () => analyse(file));
}

function analyse(file: FileInput): CacheAsideAnalysis {
  const stores = getStoreAnalysis(file).stores;
  const writes: CacheWrite[] = [];
  const wraps: CacheWrap[] = [];
  for (const store of stores) {
    // A Map or object created inside the function that fills it lives for one call: a dedup table
    // or an index, not a cache whose key could serve another caller (measured false positives).
    if ((store.library === 'map' || store.library === 'object') && store.level === 'function') continue;
    if (store.kind === 'memoizer') {
      const creation = store.creation;
      if (creation?.type !== AST_NODE_TYPES.CallExpression) continue;
      if (store.library === 'next-unstable-cache') {
        wraps.push({ kind: 'unstable_cache', store, call: creation, key: creation.arguments[1], fetcher: creation.arguments[0], helper: undefined });
      } else {
        wraps.push({ kind: 'memoizer', store, call: creation, key: creation.arguments[1], fetcher: creation.arguments[0], helper: undefined });
      }
      continue;
    }
    for (const use of store.uses) {
      if (use.method === 'wrap' && use.call && use.args.length >= 2) {
        wraps.push({ kind: 'wrap', store, call: use.call, key: use.args[0], fetcher: use.args[1], helper: undefined });
        continue;
      }
      const parts = writeParts(use);
      if (!parts) continue;
      writes.push(describeWrite(store, use, parts, file));
    }
  }
  const helpers = findHelpers(writes, file);
  for (const helper of helpers) {
    for (const call of helper.calls) {
      wraps.push({
        kind: 'helper',
        store: helper.write.store,
        call,
        key: call.arguments[helper.keyParam],
        fetcher: call.arguments[helper.fetcherParam],
        helper,
      });
    }
  }
  return { writes, wraps, helpers };
}

// ---------------------------------------------------------------------------------------------
// Call shapes

const SETEX = new Set(['setex', 'setEx', 'psetex', 'pSetEx']);
const PLAIN_SET = new Set(['set', 'setnx', 'setNX', 'getset', 'getSet', '[]=']);
const HASH_SET = new Set(['hset', 'hSet']);

/**
 * Key, value and TTL of a write, in the library's call shape; undefined for uses that are not
 * single-entry writes (reads, deletes, multi-key writes such as `mset`).
 */
export function writeParts(use: StoreUse): WriteParts | undefined {
  const args = use.args.filter((arg) => arg.type !== AST_NODE_TYPES.SpreadElement);
  if (args.length !== use.args.length) return undefined;
  if (PLAIN_SET.has(use.method)) {
    if (args.length < 2) return undefined;
    // node-redis v3 takes a trailing callback: it is neither value nor TTL.
    const rest = args.slice(2).filter((arg) => !isFunction(arg));
    return { key: args[0], keyParts: [args[0]!], value: args[1], ttl: rest };
  }
  if (SETEX.has(use.method)) {
    if (args.length < 3) return undefined;
    return { key: args[0], keyParts: [args[0]!], value: args[2], ttl: [args[1]!] };
  }
  // RedisJSON: redis.json.set(key, '$', value)
  if (use.method === 'json.set') {
    if (args.length < 3) return undefined;
    return { key: args[0], keyParts: [args[0]!], value: args[2], ttl: [] };
  }
  if (HASH_SET.has(use.method)) {
    if (args.length === 3) return { key: args[0], keyParts: [args[0]!, args[1]!], value: args[2], ttl: [] };
    if (args.length === 2) return { key: args[0], keyParts: [args[0]!], value: args[1], ttl: [] };
  }
  return undefined;
}

/** The key a read asks for (`get(k)`, `hget(k, f)` → `k`, `cache[k]`), or undefined. */
export function readKey(use: StoreUse): TSESTree.Node | undefined {
  if (!isReadUse(use)) return undefined;
  return use.args[0];
}

/**
 * True when `variable` is initialised from one of `reads` (`const stale = cache.get(key)`,
 * `let current = map.get(env) ?? 0`): its value is an entry of the store as it was before.
 */
export function initialisedFromRead(variable: VariableLike | undefined, reads: readonly StoreUse[]): boolean {
  const def = variable?.defs[0];
  if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init) return false;
  const init = def.node.init;
  return reads.some((read) => contains(init, read.node));
}

/** True for a use that reads an entry: `get`, `has`, `peek`, `hget`, `cache[k]`, `k in cache`. */
export function isReadUse(use: StoreUse): boolean {
  return READ_METHODS.has(use.method) || use.method === '[]' || use.method === 'json.get';
}

const SERIALISERS = new Set(['stringify', 'serialize', 'encode', 'pack']);

/** Peels serialisers off a written value: `JSON.stringify(user)`, `superjson.stringify(x)`, `msgpack.encode(x)`. */
export function peelSerialiser(value: TSESTree.Node): TSESTree.Node {
  let current = stripTs(value);
  for (let guard = 0; guard < 4; guard++) {
    if (current.type !== AST_NODE_TYPES.CallExpression || current.arguments.length === 0) break;
    const callee = stripTs(current.callee);
    const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === undefined || !SERIALISERS.has(name)) break;
    const first = current.arguments[0]!;
    if (first.type === AST_NODE_TYPES.SpreadElement) break;
    current = stripTs(first);
  }
  return current;
}

/** Strips TypeScript-only wrappers and parentheses-free chain wrappers, but (unlike `unwrap`) not `await`. */
export function stripTs(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === AST_NODE_TYPES.TSAsExpression ||
    current.type === AST_NODE_TYPES.TSSatisfiesExpression ||
    current.type === AST_NODE_TYPES.TSNonNullExpression ||
    current.type === AST_NODE_TYPES.TSTypeAssertion ||
    current.type === AST_NODE_TYPES.ChainExpression
  ) {
    current = current.expression;
  }
  return current;
}

// ---------------------------------------------------------------------------------------------
// Writes

function describeWrite(store: StoreSite, use: StoreUse, parts: WriteParts, file: FileInput): CacheWrite {
  const payload = parts.value ? peelSerialiser(parts.value) : undefined;
  const source = payload ? sourceOf(payload, use.node, file) : undefined;
  const reads = store.uses.filter((other) => other.fn === use.fn && other.node.range[1] <= use.node.range[0] && isReadUse(other));
  const keyText = parts.key ? keyTextOf(parts.key, file) : undefined;
  const sameKeyRead = keyText === undefined ? undefined : reads.find((read) => read.args[0] && keyTextOf(read.args[0], file) === keyText);
  return {
    store,
    use,
    fn: use.fn,
    key: parts.key,
    keyParts: parts.keyParts,
    value: parts.value,
    ttl: parts.ttl,
    payload,
    source,
    reads,
    sameKeyRead,
  };
}

function keyTextOf(node: TSESTree.Node, file: FileInput): string {
  const inner = stripTs(node);
  return file.text.slice(inner.range[0], inner.range[1]).replace(/\s+/g, '');
}

/**
 * Where the value `payload` holds at `before` came from: for a variable, its last assignment
 * earlier in the source (the declarator's init, `x = ...`, or a destructuring declarator);
 * otherwise the payload expression itself.
 */
export function sourceOf(payload: TSESTree.Node, before: TSESTree.Node, file: FileInput): ValueSource | undefined {
  const node = stripTs(payload);
  if (node.type !== AST_NODE_TYPES.Identifier) return describeSource(undefined, node, node, undefined);
  const variable = resolveVariable(node, file.scopeManager);
  if (!variable || variable.defs.length !== 1) return undefined;
  const def = variable.defs[0]!;
  if (def.type !== 'Variable') return undefined;
  let best: { expression: TSESTree.Node; at: TSESTree.Node; destructured: ValueSource['destructured'] } | undefined;
  let bestStart = -1;
  for (const reference of variable.references) {
    if (!reference.isWrite()) continue;
    const identifier = reference.identifier;
    if (identifier.range[0] >= before.range[0] || identifier.range[0] < bestStart) continue;
    const found = assignedExpression(identifier, file);
    if (!found) {
      // `x += ...`, `for (x of ...)`, `[x] = ...`: the value is no longer one expression.
      best = undefined;
      bestStart = identifier.range[0];
      continue;
    }
    best = found;
    bestStart = identifier.range[0];
  }
  if (!best) return undefined;
  return describeSource(variable, best.expression, best.at, best.destructured);
}

function assignedExpression(
  identifier: TSESTree.Node,
  file: FileInput,
): { expression: TSESTree.Node; at: TSESTree.Node; destructured: ValueSource['destructured'] } | undefined {
  const parent = identifier.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id === identifier && parent.init) {
    return { expression: parent.init, at: parent, destructured: undefined };
  }
  if (parent?.type === AST_NODE_TYPES.AssignmentExpression && parent.left === identifier && parent.operator === '=') {
    return { expression: parent.right, at: parent, destructured: undefined };
  }
  // const { data, error } = await supabase.from('x').select()  →  data, with `error` as a sibling
  const property = parent?.type === AST_NODE_TYPES.AssignmentPattern ? parent.parent : parent;
  if (property?.type === AST_NODE_TYPES.Property && property.value !== identifier && property.value !== parent) return undefined;
  const pattern = property?.parent;
  const declarator = pattern?.parent;
  if (
    property?.type === AST_NODE_TYPES.Property &&
    pattern?.type === AST_NODE_TYPES.ObjectPattern &&
    declarator?.type === AST_NODE_TYPES.VariableDeclarator &&
    declarator.id === pattern &&
    declarator.init
  ) {
    const key = propertyKey(property);
    if (key === undefined) return undefined;
    const siblings: VariableLike[] = [];
    for (const variable of file.scopeManager?.getDeclaredVariables(declarator) ?? []) {
      if (variable.defs[0]?.name !== identifier) siblings.push(variable);
    }
    return { expression: declarator.init, at: declarator, destructured: { key, siblings } };
  }
  return undefined;
}

function describeSource(
  variable: VariableLike | undefined,
  expression: TSESTree.Node,
  at: TSESTree.Node,
  destructured: ValueSource['destructured'],
): ValueSource {
  const inner = stripTs(expression);
  const awaited = inner.type === AST_NODE_TYPES.AwaitExpression;
  const called = awaited ? stripTs(inner.argument) : inner;
  return {
    variable,
    expression,
    at,
    destructured,
    awaited,
    call: called.type === AST_NODE_TYPES.CallExpression ? called : undefined,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers written in the file

/**
 * Cache-aside helpers: a function whose write's key mentions one of its parameters and whose
 * value comes from calling another parameter (`const value = await fn()`), e.g.
 * `async remember<T>(key: string, ttl: number, fn: () => Promise<T>)`.
 */
function findHelpers(writes: readonly CacheWrite[], file: FileInput): CacheHelper[] {
  const helpers: CacheHelper[] = [];
  const seen = new Set<FunctionNode>();
  for (const write of writes) {
    const fn = write.fn;
    const call = write.source?.call;
    if (!fn || !call || !write.key || seen.has(fn)) continue;
    const callee = stripTs(call.callee);
    const fetcherParam = callee.type === AST_NODE_TYPES.Identifier ? paramIndex(fn, callee.name) : -1;
    if (fetcherParam < 0) continue;
    const keyParam = keyParamIndex(fn, write.key, file);
    if (keyParam < 0 || keyParam === fetcherParam) continue;
    const named = helperName(fn);
    if (!named) continue;
    seen.add(fn);
    helpers.push({ fn, name: named.name, keyParam, fetcherParam, write, calls: callsOf(fn, named, file) });
  }
  return helpers;
}

function paramIndex(fn: FunctionNode, name: string): number {
  return fn.params.findIndex((param) => {
    const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
    const id = target.type === AST_NODE_TYPES.AssignmentPattern ? target.left : target;
    return id.type === AST_NODE_TYPES.Identifier && id.name === name;
  });
}

/** The parameter a key is built from: `key`, `` `app:${key}` ``, `prefix + key`, or a local `const full = ...key...`. */
function keyParamIndex(fn: FunctionNode, key: TSESTree.Node, file: FileInput, depth = 0): number {
  const node = stripTs(key);
  if (node.type === AST_NODE_TYPES.Identifier) {
    const direct = paramIndex(fn, node.name);
    if (direct >= 0) {
      const variable = resolveVariable(node, file.scopeManager);
      if (variable?.defs[0]?.type === 'Parameter') return direct;
    }
    if (depth > 2) return -1;
    const variable = resolveVariable(node, file.scopeManager);
    const def = variable?.defs[0];
    if (variable?.defs.length === 1 && def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      return keyParamIndex(fn, def.node.init, file, depth + 1);
    }
    return -1;
  }
  const parts: TSESTree.Node[] =
    node.type === AST_NODE_TYPES.TemplateLiteral
      ? node.expressions
      : node.type === AST_NODE_TYPES.BinaryExpression && node.operator === '+'
        ? [node.left, node.right]
        : [];
  for (const part of parts) {
    const index = keyParamIndex(fn, part, file, depth + 1);
    if (index >= 0) return index;
  }
  return -1;
}

type HelperName = { kind: 'variable'; name: string; id: TSESTree.Identifier } | { kind: 'method'; name: string; cls: TSESTree.Node };

function helperName(fn: FunctionNode): HelperName | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return { kind: 'variable', name: fn.id.name, id: fn.id };
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) {
    return { kind: 'variable', name: parent.id.name, id: parent.id };
  }
  if ((parent?.type === AST_NODE_TYPES.MethodDefinition || parent?.type === AST_NODE_TYPES.PropertyDefinition) && !parent.computed) {
    const name = propertyKey(parent);
    const cls = parent.parent?.parent;
    if (name !== undefined && cls) return { kind: 'method', name, cls };
  }
  return undefined;
}

function callsOf(fn: FunctionNode, named: HelperName, file: FileInput): TSESTree.CallExpression[] {
  const out: TSESTree.CallExpression[] = [];
  if (named.kind === 'variable') {
    const variable = resolveVariable(named.id, file.scopeManager);
    for (const reference of variable?.references ?? []) {
      const parent = parentOf(reference.identifier);
      if (parent?.type === AST_NODE_TYPES.CallExpression && unwrap(parent.callee) === reference.identifier) out.push(parent);
    }
    return out;
  }
  for (const member of getFileIndex(file).thisMembers) {
    if (memberName(member) !== named.name || !contains(named.cls, member) || contains(fn, member)) continue;
    const parent = parentOf(member);
    if (parent?.type === AST_NODE_TYPES.CallExpression && unwrap(parent.callee) === member) out.push(parent);
  }
  return out;
}
