import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, constInitializer, isFunction, memberName, parentOf, propertyKey, resolveVariable, unwrap } from '../ast.js';
import { contains, getFileIndex, type FunctionNode } from '../analysis/file-index.js';
import { originOf } from '../analysis/origins.js';
import type { Detector, FileInput, SuggestionPlan } from '../model.js';
import { creationOptions, getStoreAnalysis, mayHaveStores, optionProperty, type StoreSite, type StoreUse } from '../stores/analysis.js';
import {
  cacheAsideReads,
  calledFunction,
  enclosingFunctions,
  isLockWrite,
  rootIdentifier,
  someNode,
  type CacheAsideRead,
} from './cache-aside-shape.js';

/** Options of `prefer-stampede-protection`. */
export interface PreferStampedeProtectionOptions {
  /** The jitter the suggestion adds, as a fraction of a literal TTL (0.1: up to 10% longer). */
  readonly jitterRatio: number;
  /** Functions or modules of your own that already coalesce, lock or single-flight a load. */
  readonly protectors: readonly string[];
}

/** Message ids of `prefer-stampede-protection`. */
export type PreferStampedeProtectionMessageId = 'noStampedeProtection' | 'addTtlJitter' | 'unboundedLockRetry';

/** Modules whose calls coalesce concurrent loads, lock, or memoize the promise. */
const PROTECTOR_MODULES: ReadonlySet<string> = new Set([
  'p-memoize',
  'dataloader',
  'promise-coalesce',
  'async-mutex',
  'async-lock',
  'await-lock',
  'redlock',
  '@sesamecare-oss/redlock',
  'redis-semaphore',
  'p-limit',
  'p-queue',
  'bottleneck',
  'lodash',
  'lodash-es',
  'lodash/memoize',
  'lodash.memoize',
  'memoizee',
  'moize',
  'mem',
  'memoize',
  'async-cache-dedupe',
  'singleflight',
  '@nestjs/cache-manager',
]);
const PROTECTOR_NAME = /mutex|lock|semaphore|single.?flight|coalesce|dedup|inflight|in_flight/i;
const INFLIGHT_NAME = /inflight|in_flight|pending|promise|ongoing|running|flight|dedup|coalesc|loading/i;
const SWR_TEXT = /stale|revalidat|softTtl|soft_ttl|refreshAhead|refresh_ahead|freshUntil|fresh_until|earlyExpir|early_expir|xfetch/i;
const JITTER_NAME = /jitter|random|spread|fuzz|splay/i;
const COUNTER_NAME = /attempt|retr|tries|tried|count|depth|remaining|left|max|limit|deadline|timeout|until|budget|^i$|^n$/i;

/**
 * A cache-aside read (get, a miss check, an awaited call to the source, a set of the same
 * store) with nothing that stops concurrent misses from all calling the source when a hot
 * entry expires: no single-flight (a map of in-flight promises, p-memoize, dataloader,
 * cache-manager `wrap`), no lock (`SET ... NX`, redlock, a mutex), no stale-while-revalidate,
 * no lru-cache `fetchMethod`, no random jitter on the TTL. Also the lock-retry loop or
 * recursion with no bound (the reference's `get_with_lock`). Suggestions only: jitter on a
 * literal or constant TTL.
 */
export const preferStampedeProtection: Detector<PreferStampedeProtectionOptions, PreferStampedeProtectionMessageId> = {
  id: 'prefer-stampede-protection',
  messages: {
    noStampedeProtection:
      'When this entry expires, every concurrent miss calls `{{source}}` at once (a cache stampede); add single-flight, a lock, stale-while-revalidate or TTL jitter.',
    addTtlJitter: 'Spread expiries with random jitter: `{{replacement}}`.',
    unboundedLockRetry:
      'This lock retry has no bound: while the lock holder is slow or dead, every waiting request retries until it times out; count attempts and give up or read the source.',
  },
  gate: (text) => text.includes('await') && mayHaveStores(text),
  detect(file, options, report) {
    const stores = getStoreAnalysis(file).stores;
    if (stores.length === 0) return;
    const checker = new Protections(file, options, stores);
    const seen = new Set<string>();
    for (const shape of cacheAsideReads(file)) {
      if (!shape.write || !shape.missCheck || !shape.source) continue;
      const key = `${shape.fn.range[0]}:${stores.indexOf(shape.store)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (checker.isProtected(shape)) continue;
      if (!worthProtecting(shape, file)) continue;
      const jitter = jitterEdit(shape, options, file);
      report({
        messageId: 'noStampedeProtection',
        data: { source: sourceName(shape.source, file) },
        node: shape.read.call ?? shape.read.node,
        ...(jitter ? { suggestions: [jitter] } : {}),
      });
    }
    reportLockRetries(file, stores, report);
  },
};

/**
 * Whether a stampede here would hurt: the entry must expire (an entry that never expires is
 * loaded once per key, at most by the requests that race the first load), the load must be
 * more than a module import (`await import('./heavy')` is cached by the runtime), and the code
 * must be on a hot path (not an admin tool, a worker, a job or a script).
 */
function worthProtecting(shape: CacheAsideRead, file: FileInput): boolean {
  if (COLD_PATH.test(file.filename.replace(/\\/g, '/'))) return false;
  const source = shape.source!;
  if (someNode(source, file, (node) => node.type === AST_NODE_TYPES.ImportExpression)) return false;
  return entryExpires(shape, file);
}

/** Files of admin tools, background workers, jobs, queue consumers, scripts and seeds: rarely many concurrent callers. */
const COLD_PATH = /(?:^|\/)(?:admin|workers?|jobs?|crons?|cronjobs|scripts?|queues?|consumers?|processors?|migrations?|seeds?|cli)(?:\/|[.-])/i;

/** Does an entry written by this cache-aside read ever expire? Unknown stores count as expiring. */
function entryExpires(shape: CacheAsideRead, file: FileInput): boolean {
  const store = shape.store;
  const write = shape.write!;
  const fnText = file.text.slice(shape.fn.range[0], shape.fn.range[1]);
  switch (store.library) {
    case 'map':
    case 'object':
      // In-process entries expire only when the code checks an age on read.
      return /Date\.now\(\)|\bnew Date\(|performance\.now\(\)|expir|\bttl\b|maxAge|stale/i.test(fnText);
    case 'ioredis':
    case 'node-redis':
    case 'upstash-redis':
    case 'vercel-kv': {
      const method = write.method.toLowerCase();
      if (method === 'setex' || method === 'psetex') return true;
      const args = write.args.map((arg) => file.text.slice(arg.range[0], arg.range[1])).join(',');
      return /['"](?:EX|PX|EXAT|PXAT|KEEPTTL)['"]|\b(?:EX|PX|ex|px|exat|pxat)\s*:/.test(args) || /\.p?expire(?:at)?\s*\(/i.test(fnText);
    }
    case 'lru-cache': {
      const options = creationOptions(store);
      if (optionProperty(options, 'ttl') || optionProperty(options, 'maxAge')) return true;
      return write.args.length > 2;
    }
    case 'node-cache': {
      const options = creationOptions(store);
      if (optionProperty(options, 'stdTTL')) return true;
      return write.args.length > 2;
    }
    default:
      return true;
  }
}

// ---------------------------------------------------------------------------------------------
// Protections

class Protections {
  private inflight: StoreSite[] | undefined;
  private readonly helperMemo = new Map<TSESTree.Node, boolean>();
  private readonly protectors: ReadonlySet<string>;

  constructor(
    private readonly file: FileInput,
    options: PreferStampedeProtectionOptions,
    private readonly stores: readonly StoreSite[],
  ) {
    this.protectors = new Set(options.protectors);
  }

  isProtected(shape: CacheAsideRead): boolean {
    const store = shape.store;
    // lru-cache's fetchMethod coalesces concurrent fetches of one key.
    if (store.library === 'lru-cache' && optionProperty(creationOptions(store), 'fetchMethod')) return true;
    // The cached value is the promise itself: later callers share the load in flight.
    if (shape.write && isPromiseLike(shape.write.args[1], this.file)) return true;
    if (shape.write && hasJitter(shape.write, this.file)) return true;
    const chain = enclosingFunctions(shape.read.node);
    const outer = chain[chain.length - 1]!;
    if (SWR_TEXT.test(this.file.text.slice(outer.range[0], outer.range[1]))) return true;
    for (const fn of chain) {
      if (this.usesInflight(fn)) return true;
      if (this.usesLock(fn)) return true;
      if (this.wrappedByProtector(fn)) return true;
    }
    // A lock or single-flight call inside the function itself (`await mutex.runExclusive(...)`).
    for (const call of getFileIndex(this.file).calls) {
      if (contains(shape.fn, call) && this.isProtectorCall(call)) return true;
    }
    return false;
  }

  /** Maps and object caches that hold promises of loads in flight. */
  private inflightStores(): StoreSite[] {
    this.inflight ??= this.stores.filter((store) => {
      if (store.library !== 'map' && store.library !== 'object') return false;
      const name = store.binding.kind === 'anonymous' ? '' : store.binding.name;
      if (INFLIGHT_NAME.test(name)) return true;
      const creation = store.creation as (TSESTree.NewExpression & { typeArguments?: TSESTree.Node }) | undefined;
      const typeArguments = creation?.typeArguments;
      if (typeArguments && /\bPromise\s*</.test(this.file.text.slice(typeArguments.range[0], typeArguments.range[1]))) return true;
      const holder = creation ? parentOf(creation) : undefined;
      const annotation =
        store.binding.kind === 'variable'
          ? store.binding.id.typeAnnotation
          : holder?.type === AST_NODE_TYPES.PropertyDefinition
            ? holder.typeAnnotation
            : undefined;
      if (annotation && /\bPromise\s*</.test(this.file.text.slice(annotation.range[0], annotation.range[1]))) return true;
      return store.uses.some((use) => (use.method === 'set' || use.method === '[]=') && isPromiseLike(use.args[1], this.file));
    });
    return this.inflight;
  }

  private usesInflight(fn: FunctionNode): boolean {
    return this.inflightStores().some((store) => store.uses.some((use) => contains(fn, use.node)));
  }

  /** A `SET key value NX` (or `SETNX`) on a remote store inside the function: a lock. */
  private usesLock(fn: FunctionNode): boolean {
    return this.stores.some((store) => store.kind === 'remote' && store.uses.some((use) => contains(fn, use.node) && isLockWrite(use)));
  }

  /** The function is handed to something that coalesces, locks or memoizes (`pMemoize(fn)`, `new DataLoader(fn)`, `mutex.runExclusive(fn)`). */
  private wrappedByProtector(fn: FunctionNode): boolean {
    const parent = parentOf(fn);
    if ((parent?.type === AST_NODE_TYPES.CallExpression || parent?.type === AST_NODE_TYPES.NewExpression) && parent.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
      if (this.isProtectorCall(parent)) return true;
    }
    let id: TSESTree.Identifier | undefined;
    if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) id = fn.id;
    else if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier) id = parent.id;
    if (!id) return false;
    const variable = resolveVariable(id, this.file.scopeManager);
    for (const reference of variable?.references ?? []) {
      const user = parentOf(reference.identifier);
      if (
        (user?.type === AST_NODE_TYPES.CallExpression || user?.type === AST_NODE_TYPES.NewExpression) &&
        user.arguments.includes(reference.identifier as TSESTree.CallExpressionArgument) &&
        this.isProtectorCall(user)
      ) {
        return true;
      }
    }
    return false;
  }

  /** A call of a coalescing/locking module, a name that says so, a configured protector, or a same-file single-flight helper. */
  private isProtectorCall(call: TSESTree.CallExpression | TSESTree.NewExpression): boolean {
    const callee = unwrap(call.callee);
    const name = calleeName(call);
    if (name !== undefined && this.protectors.has(name)) return true;
    const root = rootIdentifier(callee);
    if (root) {
      if (this.protectors.has(root.name)) return true;
      const origin = originOf(root, this.file);
      if (origin && (PROTECTOR_MODULES.has(origin.source) || this.protectors.has(origin.source))) return true;
    }
    // Names along the callee: `mutex.runExclusive`, `this.locks.acquire`, `singleFlight(...)`.
    for (let node: TSESTree.Node = callee; ; ) {
      if (node.type === AST_NODE_TYPES.Identifier) {
        if (PROTECTOR_NAME.test(node.name)) return true;
        break;
      }
      if (node.type !== AST_NODE_TYPES.MemberExpression) break;
      const property = memberName(node);
      if (property !== undefined && PROTECTOR_NAME.test(property)) return true;
      node = unwrap(node.object);
    }
    const helper = calledFunction(call, this.file);
    if (!helper) return false;
    const cached = this.helperMemo.get(helper);
    if (cached !== undefined) return cached;
    this.helperMemo.set(helper, false);
    const result = this.usesInflight(helper) || this.usesLock(helper);
    this.helperMemo.set(helper, result);
    return result;
  }
}

/** A value that is a promise of the load: `.then(...)`, `new Promise`, an async IIFE, an async same-file function's call. */
function isPromiseLike(node: TSESTree.Node | undefined, file: FileInput, depth = 0): boolean {
  if (!node || depth > 2) return false;
  if (node.type === AST_NODE_TYPES.AwaitExpression) return false;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.NewExpression) return calleeName(value) === 'Promise';
  if (value.type === AST_NODE_TYPES.Identifier) {
    // Any value the variable is given: `const p = load()`, or `let p = map.get(k); if (!p) p = load().finally(...)`.
    const variable = resolveVariable(value, file.scopeManager);
    if (!variable) return false;
    for (const def of variable.defs) {
      if (def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && isPromiseLike(def.node.init, file, depth + 1)) return true;
    }
    return variable.references.some((reference) => {
      if (!reference.isWrite()) return false;
      const assignment = parentOf(reference.identifier);
      return assignment?.type === AST_NODE_TYPES.AssignmentExpression && assignment.left === reference.identifier && isPromiseLike(assignment.right, file, depth + 1);
    });
  }
  if (value.type !== AST_NODE_TYPES.CallExpression) return false;
  const callee = unwrap(value.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(callee);
    if (name === 'then' || name === 'catch' || name === 'finally') return true;
    if (callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Promise') return true;
  }
  if (isFunction(callee)) return callee.async;
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'fetch') return true;
  const helper = calledFunction(value, file);
  return !!helper && helper.async;
}

/** A TTL with randomness in it: `Math.random()`, a name that says jitter, a constant computed that way. */
function hasJitter(write: StoreUse, file: FileInput): boolean {
  const ttlArguments = /^p?set[eE]x$/.test(write.method) ? write.args.slice(1, 2) : write.args.slice(2);
  return ttlArguments.some((argument) =>
    someNode(argument, file, (node) => {
      if (node.type === AST_NODE_TYPES.Identifier) {
        if (JITTER_NAME.test(node.name)) return true;
        const init = constInitializer(node, file);
        return !!init && someNode(init, file, (inner) => inner.type === AST_NODE_TYPES.Identifier && JITTER_NAME.test(inner.name));
      }
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const name = calleeName(node);
        if (name !== undefined && JITTER_NAME.test(name)) return true;
        const helper = calledFunction(node, file);
        return !!helper && someNode(helper.body, file, (inner) => inner.type === AST_NODE_TYPES.Identifier && JITTER_NAME.test(inner.name));
      }
      return false;
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// The jitter suggestion

/** Where a write carries its TTL, in each client's own shape. */
function ttlNode(write: StoreUse, store: StoreSite): TSESTree.Node | undefined {
  const args = write.args;
  const method = write.method;
  if (method === 'setex' || method === 'setEx' || method === 'psetex' || method === 'pSetEx') return args[1];
  if (method !== 'set') return undefined;
  for (let i = 2; i < args.length; i++) {
    const value = unwrap(args[i]!);
    if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'string' && /^(?:EX|PX)$/i.test(value.value)) return args[i + 1];
    if (value.type === AST_NODE_TYPES.ObjectExpression) {
      for (const property of value.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyKey(property);
        if (key !== undefined && /^(?:EX|PX|ex|px|ttl)$/.test(key)) return property;
      }
    }
  }
  // cache-manager, keyv, node-cache: `set(key, value, ttl)`.
  if ((store.library === 'cache-manager' || store.library === 'keyv' || store.library === 'node-cache') && args[2]) {
    const value = unwrap(args[2]);
    if (value.type !== AST_NODE_TYPES.ObjectExpression) return args[2];
  }
  return undefined;
}

function jitterEdit(
  shape: CacheAsideRead,
  options: PreferStampedeProtectionOptions,
  file: FileInput,
): SuggestionPlan<PreferStampedeProtectionMessageId> | undefined {
  if (!shape.write) return undefined;
  const target = ttlNode(shape.write, shape.store);
  if (!target) return undefined;
  let expression: TSESTree.Node = target;
  let prefix = '';
  let range: [number, number];
  if (target.type === AST_NODE_TYPES.Property) {
    expression = target.value;
    if (target.shorthand) {
      prefix = `${file.text.slice(target.key.range[0], target.key.range[1])}: `;
      range = [target.range[0], target.range[1]];
    } else {
      range = [target.value.range[0], target.value.range[1]];
    }
  } else {
    range = [target.range[0], target.range[1]];
  }
  const value = unwrap(expression);
  let ttl: number | undefined;
  if (value.type === AST_NODE_TYPES.Literal && typeof value.value === 'number') ttl = value.value;
  else if (value.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(value, file);
    const literal = init ? unwrap(init) : undefined;
    if (literal?.type === AST_NODE_TYPES.Literal && typeof literal.value === 'number') ttl = literal.value;
  }
  if (ttl === undefined || !Number.isInteger(ttl) || ttl <= 0) return undefined;
  const spread = Math.max(1, Math.round(ttl * options.jitterRatio));
  const replacement = `${file.text.slice(value.range[0], value.range[1])} + Math.floor(Math.random() * ${spread})`;
  return { messageId: 'addTtlJitter', data: { replacement }, edits: [{ range, text: `${prefix}${replacement}` }] };
}

function sourceName(call: TSESTree.CallExpression, file: FileInput): string {
  const text = file.text.slice(call.callee.range[0], call.callee.range[1]).replace(/\s+/g, '');
  return text.length > 48 ? `${text.slice(0, 45)}...` : text;
}

// ---------------------------------------------------------------------------------------------
// Lock retries without a bound

function reportLockRetries(
  file: FileInput,
  stores: readonly StoreSite[],
  report: Parameters<Detector<PreferStampedeProtectionOptions, PreferStampedeProtectionMessageId>['detect']>[2],
): void {
  const done = new Set<TSESTree.Node>();
  for (const store of stores) {
    if (store.kind !== 'remote') continue;
    for (const use of store.uses) {
      if (!use.fn || done.has(use.fn) || !isLockWrite(use)) continue;
      const fn = use.fn;
      done.add(fn);
      const retry = retryOf(use, fn, file);
      if (!retry || bounded(fn, retry, file)) continue;
      report({ messageId: 'unboundedLockRetry', node: retry });
    }
  }
}

/** The loop around the lock attempt, or the function's call to itself. */
function retryOf(use: StoreUse, fn: FunctionNode, file: FileInput): TSESTree.Node | undefined {
  for (let node = use.node.parent; node && node !== fn; node = node.parent) {
    if (node.type === AST_NODE_TYPES.WhileStatement || node.type === AST_NODE_TYPES.DoWhileStatement || node.type === AST_NODE_TYPES.ForStatement) return node;
  }
  for (const call of getFileIndex(file).calls) {
    if (contains(fn, call) && calledFunction(call, file) === fn) return call;
  }
  return undefined;
}

/** A counter or a deadline is compared, a loop test compares, or the recursion passes a changed count. */
function bounded(fn: FunctionNode, retry: TSESTree.Node, file: FileInput): boolean {
  if (retry.type === AST_NODE_TYPES.ForStatement && retry.test && retry.update) return true;
  if (retry.type === AST_NODE_TYPES.CallExpression) {
    const changed = retry.arguments.some((argument) => {
      const value = unwrap(argument);
      return (
        value.type === AST_NODE_TYPES.UpdateExpression ||
        (value.type === AST_NODE_TYPES.BinaryExpression && (value.operator === '+' || value.operator === '-'))
      );
    });
    if (changed) return true;
  }
  return someNode(fn.body, file, (node) => {
    if (node.type !== AST_NODE_TYPES.BinaryExpression || !/^(?:<|<=|>|>=|===|!==|==|!=)$/.test(node.operator)) return false;
    return [node.left, node.right].some((side) => countsOrTimes(side));
  });
}

function countsOrTimes(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return COUNTER_NAME.test(value.name);
  if (value.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(value);
    return name !== undefined && COUNTER_NAME.test(name);
  }
  if (value.type === AST_NODE_TYPES.UpdateExpression) return countsOrTimes(value.argument);
  if (value.type === AST_NODE_TYPES.CallExpression) {
    const callee = unwrap(value.callee);
    return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'now';
  }
  if (value.type === AST_NODE_TYPES.BinaryExpression) return countsOrTimes(value.left) || countsOrTimes(value.right);
  return false;
}
