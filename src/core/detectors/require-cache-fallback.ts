import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, indentAt, isFunction, lineBreak, memberName, parentOf, propertyKey, unwrap } from '../ast.js';
import { contains, type FunctionNode } from '../analysis/file-index.js';
import { getHttpAnalysis } from '../http/analysis.js';
import type { Detector, FileInput, SuggestionPlan, TextEdit } from '../model.js';
import { dependencyMajor } from '../project/versions.js';
import { WRITE_METHODS } from '../stores/catalog.js';
import { REDIS_LIBRARIES } from '../stores/redis.js';
import { getStoreAnalysis, hasSpread, mayHaveLibraryStores, optionProperty, type StoreSite, type StoreUse } from '../stores/analysis.js';
import {
  cacheAsideReads,
  calledFunction,
  callSitesOf,
  enclosingFunctions,
  functionName,
  isCacheAside,
  someNode,
  type CacheAsideRead,
} from './cache-aside-shape.js';

/** Options of `require-cache-fallback`. */
export interface RequireCacheFallbackOptions {
  /** The function text the suggestion passes to `.catch(...)` on a cache write. */
  readonly rejectionHandler: string;
  /** Also report awaited writes after the source was read (the value is in hand; a failed write should not lose it). */
  readonly checkAwaitedWrites: boolean;
  /** cache-manager's major version; `null` reads it from the nearest package.json. From v6, `get` swallows store errors. */
  readonly cacheManagerMajor: number | null;
}

/** Message ids of `require-cache-fallback`. */
export type RequireCacheFallbackMessageId =
  | 'readFailsRequest'
  | 'writeFailsRequest'
  | 'detachedWrite'
  | 'fallBackOnError'
  | 'wrapInTryCatch'
  | 'addCatch';

type Library = StoreSite['library'];

/** Stores whose commands travel to another process and fail when it is down. */
const REMOTE: ReadonlySet<Library> = new Set(['ioredis', 'node-redis', 'upstash-redis', 'vercel-kv', 'cache-manager', 'keyv']);

const READS: ReadonlySet<string> = new Set(['get', 'getBuffer', 'hget', 'hGet', 'hgetall', 'hGetAll', 'mget', 'mGet', 'json.get', 'exists']);
const DETACHABLE: ReadonlySet<string> = new Set([
  ...WRITE_METHODS,
  'del',
  'unlink',
  'mdel',
  'expire',
  'pexpire',
  'pExpire',
  'expireat',
  'expireAt',
  'incr',
  'incrby',
  'incrBy',
  'hincrby',
  'hIncrBy',
  'json.set',
  'json.del',
]);

const DISPLAY: Readonly<Record<string, string>> = {
  ioredis: 'Redis',
  'node-redis': 'Redis',
  'upstash-redis': 'Upstash Redis',
  'vercel-kv': 'Vercel KV',
  'cache-manager': 'the cache-manager store',
  keyv: 'the Keyv store',
};

/**
 * Remote cache I/O that turns a cache outage into a failed request or a crashed process:
 * an awaited cache read with no way to fall through to the source (no `try`/`catch` that
 * carries on, no `.catch`, no same-file wrapper that catches, no caller that catches), an
 * awaited write after the source was already read, and a write nobody awaits or catches
 * (an unhandled rejection ends the Node process by default). Redis reads count only in a
 * cache-aside shape (Redis as a primary store has no source to fall through to);
 * cache-manager and Keyv reads count on a request path too. Suggestions only.
 */
export const requireCacheFallback: Detector<RequireCacheFallbackOptions, RequireCacheFallbackMessageId> = {
  id: 'require-cache-fallback',
  messages: {
    readFailsRequest:
      'When {{store}} is down this cache read throws and fails the request; catch the error and fall through to the source as on a miss.',
    writeFailsRequest:
      'When {{store}} is down this cache write throws after the data was loaded and fails the request; catch its error.',
    detachedWrite:
      'Nothing awaits or catches this cache write: when {{store}} is down its rejection goes unhandled, which ends the Node process by default.',
    fallBackOnError: 'Treat a cache error as a miss: add `.catch(() => {{value}})`.',
    wrapInTryCatch: 'Wrap the read in `try`/`catch` and fall back to `{{value}}`.',
    addCatch: 'Handle the rejection: add `.catch({{handler}})`.',
  },
  gate: (text) => mayHaveLibraryStores(text) && /redis|cache-manager|keyv|@vercel\/kv/.test(text),
  detect(file, options, report) {
    const stores = getStoreAnalysis(file).stores.filter((store) => REMOTE.has(store.library) && !inMemory(store));
    if (stores.length === 0) return;
    const shapes = new Map<TSESTree.Node, CacheAsideRead>();
    for (const shape of cacheAsideReads(file)) shapes.set(shape.read.node, shape);
    const context = new Context(file);
    for (const store of stores) {
      const display = DISPLAY[store.library] ?? 'the cache';
      const readsThrow = store.library !== 'cache-manager' || cacheManagerReadsThrow(store, options, file);
      for (const use of store.uses) {
        const call = use.call;
        if (!call) continue;
        if (use.via === 'pipeline' && use.method !== 'exec') continue;
        const isRead = use.via === 'direct' && READS.has(use.method);
        if (isRead) {
          if (!readsThrow) continue;
          const flow = context.follow(call);
          if (flow.state !== 'awaited') continue;
          const shape = shapes.get(use.node);
          const evidence = (shape && isCacheAside(shape)) || nameSaysCache(use);
          if (!evidence && (REDIS_LIBRARIES.has(store.library) || !context.onRequestPath(flow.node))) continue;
          if (context.guarded(flow.node)) continue;
          report({
            messageId: 'readFailsRequest',
            data: { store: display },
            node: call,
            suggestions: readSuggestions(use, store, flow.node, file),
          });
          continue;
        }
        if (!DETACHABLE.has(use.method) && use.method !== 'exec') continue;
        if (hasCallback(call) || nodeRedisV3(store, file)) continue;
        const flow = context.follow(call);
        if (flow.state === 'detached') {
          report({
            messageId: 'detachedWrite',
            data: { store: display },
            node: call,
            suggestions: [catchSuggestion(flow.chain, options)],
          });
        } else if (flow.state === 'awaited' && options.checkAwaitedWrites && use.via === 'direct' && afterSource(use, shapes)) {
          if (context.guarded(flow.node)) continue;
          report({
            messageId: 'writeFailsRequest',
            data: { store: display },
            node: call,
            suggestions: [catchSuggestion(flow.chain, options)],
          });
        }
      }
    }
  },
};

// ---------------------------------------------------------------------------------------------
// Which stores and calls count

/** cache-manager `caching('memory')`/`createCache()` without stores, and `new Keyv()` on a Map, live in this process. */
function inMemory(store: StoreSite): boolean {
  const creation = store.creation;
  if (!creation) return false;
  if (store.library === 'cache-manager') {
    const name = calleeName(creation);
    const first = creation.arguments[0] ? unwrap(creation.arguments[0]) : undefined;
    if (name === 'caching') return first?.type === AST_NODE_TYPES.Literal && first.value === 'memory';
    if (name === 'createCache') {
      if (!first) return true;
      if (first.type === AST_NODE_TYPES.CallExpression) return calleeName(first) === 'memoryStore';
      if (first.type !== AST_NODE_TYPES.ObjectExpression || hasSpread(first)) return false;
      const stores = optionProperty(first, 'stores');
      if (!stores) return true;
      const list = unwrap(stores.value);
      return list.type === AST_NODE_TYPES.ArrayExpression && list.elements.every((element) => !!element && keyvInMemory(unwrap(element)));
    }
    return false;
  }
  if (store.library === 'keyv') return keyvInMemory(creation);
  return false;
}

function keyvInMemory(node: TSESTree.Node): boolean {
  if (node.type !== AST_NODE_TYPES.NewExpression || calleeName(node) !== 'Keyv') return false;
  const first = node.arguments[0] ? unwrap(node.arguments[0]) : undefined;
  if (!first) return true;
  if (first.type !== AST_NODE_TYPES.ObjectExpression || hasSpread(first)) return false;
  if (optionProperty(first, 'uri') || optionProperty(first, 'adapter')) return false;
  const storeOption = optionProperty(first, 'store');
  if (!storeOption) return true;
  const value = unwrap(storeOption.value);
  return value.type === AST_NODE_TYPES.NewExpression && calleeName(value) === 'Map';
}

/** cache-manager before v6 passes store errors through `get`; from v6 `get` catches them and returns a miss. */
function cacheManagerReadsThrow(store: StoreSite, options: RequireCacheFallbackOptions, file: FileInput): boolean {
  let version = options.cacheManagerMajor ?? undefined;
  if (version === undefined && store.creation) {
    const name = calleeName(store.creation);
    if (name === 'caching' || name === 'multiCaching') version = 5;
  }
  version ??= dependencyMajor(file.filename, 'cache-manager');
  return version !== undefined && version < 6;
}

/** node-redis v3 reports a command's error to a callback or the client's `error` event, not a promise. */
function nodeRedisV3(store: StoreSite, file: FileInput): boolean {
  if (store.library !== 'node-redis') return false;
  const major = dependencyMajor(file.filename, 'redis');
  return major !== undefined && major <= 3;
}

function hasCallback(call: TSESTree.CallExpression): boolean {
  const last = call.arguments[call.arguments.length - 1];
  return !!last && isFunction(unwrap(last));
}

/** A function or class whose name says it is the cache (`getCached`, `CacheService`). */
function nameSaysCache(use: StoreUse): boolean {
  for (const fn of use.fn ? [use.fn] : []) {
    const name = functionName(fn);
    if (name && /cache/i.test(name)) return true;
    for (let node: TSESTree.Node | undefined = fn.parent; node; node = node.parent) {
      if ((node.type === AST_NODE_TYPES.ClassDeclaration || node.type === AST_NODE_TYPES.ClassExpression) && node.id && /cache/i.test(node.id.name)) return true;
    }
  }
  return false;
}

/** A write that follows a read of the same store and an awaited source call: the value is already in hand. */
function afterSource(write: StoreUse, shapes: ReadonlyMap<TSESTree.Node, CacheAsideRead>): boolean {
  for (const shape of shapes.values()) if (shape.write === write && shape.source) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Where a promise goes

/**
 * Where a promise ends: `awaited` (`node` is the await, or the handler's return), `detached`
 * (a statement of its own, `void`, a scheduler callback), `protected` (a `.catch`, a
 * `.then(ok, fail)`, `Promise.allSettled`, a wrapper that catches) or `unknown` (handed to code
 * this file cannot see). `chain` is the expression a `.catch(...)` would be appended to.
 */
interface Flow {
  readonly state: 'awaited' | 'detached' | 'protected' | 'unknown';
  readonly node: TSESTree.Node;
  readonly chain: TSESTree.Node;
}

const SCHEDULERS = /^(?:setTimeout|setImmediate|nextTick|queueMicrotask|on|once|addListener|addEventListener|waitUntil|after)$/;
const LOGGERS = /^(?:log|info|warn|warning|error|debug|trace|fatal|verbose|captureException|captureError|captureMessage|report|notify|record|emit|increment|inc|count)$/;
const FAILING_CONSTANTS = /^(?:INTERNAL_SERVER_ERROR|SERVICE_UNAVAILABLE|BAD_GATEWAY|GATEWAY_TIMEOUT)$/;

class Context {
  private handlerFns: Set<TSESTree.Node> | undefined;
  private readonly catchMemo = new Map<TSESTree.Node, boolean>();
  private readonly functionMemo = new Map<TSESTree.Node, boolean>();

  constructor(private readonly file: FileInput) {}

  /** Follows a command's promise through `.then`/`.catch`, `Promise.all`, same-file wrappers and returns. */
  follow(call: TSESTree.CallExpression): Flow {
    let current: TSESTree.Node = call;
    for (let step = 0; step < 24; step++) {
      const parent = parentOf(current);
      if (!parent) break;
      const chain = current;
      switch (parent.type) {
        case AST_NODE_TYPES.MemberExpression: {
          const grand = parentOf(parent);
          if (stripTs(parent.object) !== current || grand?.type !== AST_NODE_TYPES.CallExpression || stripTs(grand.callee) !== parent) {
            return { state: 'unknown', node: current, chain };
          }
          const name = memberName(parent);
          if (name === 'catch' || (name === 'then' && grand.arguments.length >= 2)) return { state: 'protected', node: grand, chain };
          if (name !== 'then' && name !== 'finally') return { state: 'unknown', node: current, chain };
          current = grand;
          continue;
        }
        case AST_NODE_TYPES.AwaitExpression:
          return { state: 'awaited', node: parent, chain };
        case AST_NODE_TYPES.ExpressionStatement:
          return { state: 'detached', node: current, chain };
        case AST_NODE_TYPES.UnaryExpression:
          if (parent.operator === 'void') return { state: 'detached', node: current, chain };
          return { state: 'unknown', node: current, chain };
        case AST_NODE_TYPES.ArrayExpression: {
          const grand = parentOf(parent);
          if (grand?.type !== AST_NODE_TYPES.CallExpression || !grand.arguments.includes(parent)) return { state: 'unknown', node: current, chain };
          const callee = stripTs(grand.callee);
          const isPromise = callee.type === AST_NODE_TYPES.MemberExpression && callee.object.type === AST_NODE_TYPES.Identifier && callee.object.name === 'Promise';
          if (!isPromise) return { state: 'unknown', node: current, chain };
          const method = memberName(callee as TSESTree.MemberExpression);
          if (method === 'allSettled') return { state: 'protected', node: grand, chain };
          if (method !== 'all' && method !== 'race' && method !== 'any') return { state: 'unknown', node: current, chain };
          current = grand;
          continue;
        }
        case AST_NODE_TYPES.CallExpression: {
          if (!parent.arguments.includes(current as TSESTree.CallExpressionArgument)) return { state: 'unknown', node: current, chain };
          const wrapper = calledFunction(parent, this.file);
          if (!wrapper) return { state: 'unknown', node: current, chain };
          if (this.catches(wrapper)) return { state: 'protected', node: parent, chain };
          current = parent;
          continue;
        }
        case AST_NODE_TYPES.ArrowFunctionExpression:
        case AST_NODE_TYPES.ReturnStatement: {
          if (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body !== current) return { state: 'unknown', node: current, chain };
          const fn = parent.type === AST_NODE_TYPES.ArrowFunctionExpression ? parent : enclosingFunctions(parent)[0];
          if (!fn) return { state: 'unknown', node: current, chain };
          const outer = parentOf(fn);
          if (outer?.type === AST_NODE_TYPES.CallExpression && outer.arguments.includes(fn as TSESTree.CallExpressionArgument)) {
            const name = calleeName(outer);
            if (name !== undefined && SCHEDULERS.test(name)) return { state: 'detached', node: current, chain };
            const wrapper = calledFunction(outer, this.file);
            if (!wrapper) return { state: 'unknown', node: current, chain };
            if (this.catches(wrapper)) return { state: 'protected', node: outer, chain };
            current = outer;
            continue;
          }
          // A route handler's returned promise is awaited by the framework, which answers 500 on rejection.
          if (this.isHandler(fn)) return { state: 'awaited', node: current, chain };
          return { state: 'unknown', node: current, chain };
        }
        default:
          return { state: 'unknown', node: current, chain };
      }
    }
    return { state: 'unknown', node: current, chain: current };
  }

  /** True when a `try` around the node has a `catch` that carries on, or every caller of its function does. */
  guarded(node: TSESTree.Node, depth = 0): boolean {
    let child: TSESTree.Node = node;
    for (let parent = node.parent; parent; child = parent, parent = parent.parent) {
      if (parent.type === AST_NODE_TYPES.TryStatement && parent.block === child && parent.handler && this.fallsThrough(parent.handler)) return true;
      // Leave a function only when it is a callback written in place (`ids.map(async (id) => ...)`).
      if (isFunction(parent) && parentOf(parent)?.type !== AST_NODE_TYPES.CallExpression) break;
    }
    if (depth >= 3) return false;
    const fn = enclosingFunctions(node)[0];
    if (!fn) return false;
    const sites = callSitesOf(fn, this.file);
    // A function's calls to itself (a retry) are not callers that could catch for it.
    const calls = sites.calls.filter((site) => !contains(fn, site));
    if (sites.open || calls.length === 0) return false;
    return calls.every((site) => {
      const flow = this.follow(site);
      if (flow.state === 'protected' || flow.state === 'unknown') return true;
      if (flow.state === 'detached') return false;
      return this.guarded(flow.node, depth + 1);
    });
  }

  /** A `catch` that neither rethrows, nor answers with a 5xx, nor hands the error to `next` or a responder. */
  fallsThrough(clause: TSESTree.CatchClause): boolean {
    const cached = this.catchMemo.get(clause);
    if (cached !== undefined) return cached;
    const param = clause.param?.type === AST_NODE_TYPES.Identifier ? clause.param.name : undefined;
    const fails = someNode(clause.body, this.file, (node) => {
      switch (node.type) {
        case AST_NODE_TYPES.ThrowStatement:
          return true;
        case AST_NODE_TYPES.Literal: {
          if (typeof node.value !== 'number' || node.value < 500 || node.value > 599) return false;
          const parent = parentOf(node);
          return (
            parent?.type === AST_NODE_TYPES.CallExpression ||
            parent?.type === AST_NODE_TYPES.AssignmentExpression ||
            (parent?.type === AST_NODE_TYPES.Property && /^(?:status|statusCode)$/.test(propertyKey(parent) ?? ''))
          );
        }
        case AST_NODE_TYPES.MemberExpression:
          return FAILING_CONSTANTS.test(memberName(node) ?? '');
        case AST_NODE_TYPES.CallExpression: {
          const name = calleeName(node);
          if (name === 'next' && node.arguments.length > 0) return true;
          if (param === undefined || (name !== undefined && LOGGERS.test(name))) return false;
          return node.arguments.some((argument) => argument.type === AST_NODE_TYPES.Identifier && argument.name === param);
        }
        default:
          return false;
      }
    });
    this.catchMemo.set(clause, !fails);
    return !fails;
  }

  /** A same-file wrapper that catches: a `try` whose `catch` carries on, or a `.catch(...)`. */
  catches(fn: FunctionNode): boolean {
    const cached = this.functionMemo.get(fn);
    if (cached !== undefined) return cached;
    this.functionMemo.set(fn, false);
    const result = someNode(fn.body, this.file, (node) => {
      if (node.type === AST_NODE_TYPES.TryStatement) return !!node.handler && this.fallsThrough(node.handler);
      if (node.type === AST_NODE_TYPES.CallExpression) {
        const callee = stripTs(node.callee);
        return callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'catch';
      }
      return false;
    });
    this.functionMemo.set(fn, result);
    return result;
  }

  isHandler(fn: TSESTree.Node): boolean {
    this.handlerFns ??= new Set(getHttpAnalysis(this.file).handlers.map((handler) => handler.fn));
    return this.handlerFns.has(fn);
  }

  /** Inside a route handler, or in a function a handler of this file calls (a few levels deep). */
  onRequestPath(node: TSESTree.Node, depth = 0): boolean {
    const fns = enclosingFunctions(node);
    if (fns.some((fn) => this.isHandler(fn))) return true;
    if (depth >= 3) return false;
    return fns.some((fn) => callSitesOf(fn, this.file).calls.some((site) => this.onRequestPath(site, depth + 1)));
  }
}

function stripTs(node: TSESTree.Node): TSESTree.Node {
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
// Suggestions

/** What a miss looks like for this read, as the `.catch` callback's result. */
function missValue(use: StoreUse, store: StoreSite): string | undefined {
  switch (use.method) {
    case 'mget':
    case 'mGet':
      return undefined;
    case 'hgetall':
    case 'hGetAll':
      return '({})';
    case 'exists':
      return '0';
    default:
      return REDIS_LIBRARIES.has(store.library) ? 'null' : 'undefined';
  }
}

function readSuggestions(
  use: StoreUse,
  store: StoreSite,
  awaited: TSESTree.Node,
  file: FileInput,
): SuggestionPlan<RequireCacheFallbackMessageId>[] {
  const value = missValue(use, store);
  if (value === undefined || !use.call) return [];
  const out: SuggestionPlan<RequireCacheFallbackMessageId>[] = [
    { messageId: 'fallBackOnError', data: { value }, edits: [{ range: [use.call.range[1], use.call.range[1]], text: `.catch(() => ${value})` }] },
  ];
  const wrap = tryCatchEdit(awaited, value.replace(/^\((.*)\)$/, '$1'), file);
  if (wrap) out.push({ messageId: 'wrapInTryCatch', data: { value: value.replace(/^\((.*)\)$/, '$1') }, edits: [wrap] });
  return out;
}

/** `const x = await read;` or `x = await read;` becomes a `try` that assigns the miss value on error. */
function tryCatchEdit(awaited: TSESTree.Node, value: string, file: FileInput): TextEdit | undefined {
  if (awaited.type !== AST_NODE_TYPES.AwaitExpression) return undefined;
  const parent = parentOf(awaited);
  const text = file.text;
  let statement: TSESTree.Node;
  let head = '';
  let name: string;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init === awaited && parent.id.type === AST_NODE_TYPES.Identifier) {
    const declaration = parent.parent;
    if (declaration?.type !== AST_NODE_TYPES.VariableDeclaration || declaration.declarations.length !== 1) return undefined;
    if (declaration.kind !== 'const' && declaration.kind !== 'let') return undefined;
    statement = declaration;
    name = parent.id.name;
    head = `let ${text.slice(parent.id.range[0], parent.id.range[1])};`;
  } else if (
    parent?.type === AST_NODE_TYPES.AssignmentExpression &&
    parent.operator === '=' &&
    parent.right === awaited &&
    parent.left.type === AST_NODE_TYPES.Identifier &&
    parent.parent?.type === AST_NODE_TYPES.ExpressionStatement
  ) {
    statement = parent.parent;
    name = parent.left.name;
  } else {
    return undefined;
  }
  const container = statement.parent?.type;
  if (
    container !== AST_NODE_TYPES.BlockStatement &&
    container !== AST_NODE_TYPES.Program &&
    container !== AST_NODE_TYPES.SwitchCase &&
    container !== AST_NODE_TYPES.StaticBlock
  ) {
    return undefined;
  }
  const indent = indentAt(text, statement.range[0]);
  const unit = indentUnit(text);
  const nl = lineBreak(text);
  const lines = [
    ...(head ? [head, `${indent}`] : ['']),
    `try {`,
    `${indent}${unit}${name} = ${text.slice(awaited.range[0], awaited.range[1])};`,
    `${indent}} catch {`,
    `${indent}${unit}${name} = ${value};`,
    `${indent}}`,
  ];
  const replacement = head ? `${lines[0]}${nl}${lines[1]}${lines.slice(2).join(nl)}` : lines.slice(1).join(nl);
  return { range: [statement.range[0], statement.range[1]], text: replacement };
}

function indentUnit(text: string): string {
  const match = /\n([ \t]+)\S/.exec(text);
  if (!match) return '  ';
  return match[1]!.startsWith('\t') ? '\t' : ' '.repeat(Math.min(match[1]!.length, 8));
}

function catchSuggestion(chain: TSESTree.Node, options: RequireCacheFallbackOptions): SuggestionPlan<RequireCacheFallbackMessageId> {
  const handler = options.rejectionHandler;
  return { messageId: 'addCatch', data: { handler }, edits: [{ range: [chain.range[1], chain.range[1]], text: `.catch(${handler})` }] };
}
