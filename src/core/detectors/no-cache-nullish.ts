import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { enclosingFunction, isFunction, memberName, propertyKey, resolveVariable } from '../ast.js';
import { contains, type FunctionNode } from '../analysis/file-index.js';
import { originOf } from '../analysis/origins.js';
import { clientFetcherFindings, mayHaveClientFetchers } from './client-fetcher-ok.js';
import { guardStatement, removeStatement, standaloneStatement } from '../edits/statements.js';
import type { Detector, FileInput, SuggestionPlan, TextEdit, VariableLike } from '../model.js';
import { getStoreAnalysis, hasSpread, mayHaveStores, optionProperty, type StoreSite } from '../stores/analysis.js';
import { getCacheAside, initialisedFromRead, isReadUse, stripTs, type CacheWrap, type CacheWrite } from '../stores/cache-aside.js';
import { resolveFunction } from '../stores/inputs.js';

/** Options of `no-cache-nullish`. */
export interface NoCacheNullishOptions {
  /** Function or method names whose awaited result is never `null`/`undefined` (beyond the built-in list). */
  readonly nonNullableCalls: readonly string[];
}

/** Message ids of `no-cache-nullish`. */
export type NoCacheNullishMessageId =
  | 'nullishWrite'
  | 'catchWrite'
  | 'responseWrite'
  | 'memoizedRejection'
  | 'cachedRejection'
  | 'removeWrite'
  | 'deleteOnRejection'
  | 'addPromiseOption'
  | 'clientResponseCached'
  | 'throwOnFailure';

/**
 * Awaited calls that never resolve to `null`/`undefined`: lists, counts, query builders that
 * resolve to arrays, `Promise.all`, body readers. A value from them needs no null check.
 */
const NON_NULLABLE_CALLS = new Set([
  'findMany',
  'findAll',
  'findAndCount',
  'findAndCountAll',
  'find',
  'list',
  'count',
  'countDocuments',
  'estimatedDocumentCount',
  'aggregate',
  'toArray',
  'all',
  'allSettled',
  'select',
  'where',
  'from',
  'orderBy',
  'limit',
  'offset',
  'groupBy',
  'having',
  'innerJoin',
  'leftJoin',
  'returning',
  'text',
  'arrayBuffer',
  'blob',
  'formData',
  'keys',
]);

/**
 * Names that say the call returns a collection or a count (`getProducts`, `listOrders`,
 * `findAllUsers`, `searchArticles`, `paginate`, `countUnread`): empty, not null, when nothing
 * matches. `getStatus`, `getAddress` and `getAnalysis` are singular and do not match.
 */
const COLLECTION_NAME = /^((get|fetch|load|find|query|read|select)[A-Z]\w*[^siu]s|(list|search|paginate|count)(\w*)|\w*(All|List|Many|Count|Paginated))$/;

/** HTTP clients that throw on error statuses and resolve to a response object, never to null. */
const THROWING_CLIENTS = new Set(['axios', 'got', 'ky', 'superagent', 'undici', 'ofetch', '@nestjs/axios']);

/** Modules whose `fetch` resolves to a `Response` whatever the status. */
const FETCH_MODULES = new Set(['node-fetch', 'undici', 'cross-fetch', 'isomorphic-fetch', '@whatwg-node/fetch', 'isomorphic-unfetch']);

const BODY_READERS = new Set(['json', 'text', 'arrayBuffer', 'blob', 'formData']);

/** In-process stores that can hold a promise. */
const PROMISE_HOLDERS = new Set(['map', 'object', 'lru-cache', 'quick-lru']);

/** Assertion helpers: `assert(user)` proves `user` is there. */
const ASSERTIONS = new Set(['assert', 'invariant', 'ok', 'assertExists', 'assertDefined', 'ensure', 'notNull', 'strictEqual', 'notStrictEqual', 'expect']);

/**
 * Writing what should not be cached: a miss or a failure stored as if it were data, so every
 * later read serves it until the entry expires (forever for a `Map`):
 * - a value from an awaited fetcher written with no null/undefined check in between (the
 *   reference's "caches None on failure"); with type information, values whose type excludes
 *   null/undefined are not reported;
 * - a cache write inside `catch` (or a promise `.catch`), unless it goes to a separate cache or
 *   with its own, different TTL (negative caching on purpose);
 * - a `fetch` `Response`, or its body, cached without looking at `ok`/`status`;
 * - an async function memoized so that a rejected promise stays cached (lodash `memoize`,
 *   memoizee without `promise`, moize without `isPromise`), and a promise put in a `Map` before it
 *   settles and never deleted on rejection.
 * The write is proven to be a cache by the store analysis (library import, constructor, typed
 * injection, or a get-miss-set shape for `Map`/object caches).
 */
export const noCacheNullish: Detector<NoCacheNullishOptions, NoCacheNullishMessageId> = {
  id: 'no-cache-nullish',
  messages: {
    nullishWrite:
      '`{{value}}` comes from `{{fetcher}}` and is cached without a null/undefined check: a miss or a failed lookup is cached as if it were data.',
    catchWrite:
      'Cache write inside `{{where}}`: the error or fallback is cached for as long as a success. Cache failures in a separate store or with a short TTL of their own, or not at all.',
    responseWrite:
      "`{{response}}` from `fetch` is cached without checking `{{response}}.ok`: an error response (404, 500) is served from the cache like data.",
    memoizedRejection:
      '{{library}} memoizes an async function: a rejected promise stays cached, so one failure fails every later call with the same arguments.',
    cachedRejection:
      'This promise is cached before it settles and never removed when it rejects: one failure fails every later call for `{{key}}`.',
    removeWrite: 'Do not cache the failure: remove this write.',
    deleteOnRejection: 'Delete the entry when the promise rejects.',
    addPromiseOption: 'Add `{{option}}` so that rejected promises are dropped from the cache.',
    clientResponseCached:
      '`{{api}}` caches what this returns, but `{{response}}.ok` is never checked: `fetch` resolves on a 404 or 500, so the error body is cached and shown as data, and never retried. Throw when the response failed.',
    throwOnFailure: 'Throw when `{{response}}.ok` is false.',
  },
  gate: (text) => mayHaveClientFetchers(text) || storeGate(text),
  detect(file, options, report) {
    reportClientFetchers(file, report);
    if (!storeGate(file.text)) return;
    const analysis = getCacheAside(file);
    const nonNullable = options.nonNullableCalls.length > 0 ? new Set([...NON_NULLABLE_CALLS, ...options.nonNullableCalls]) : NON_NULLABLE_CALLS;
    for (const write of analysis.writes) {
      if (!isProvenCache(write.store)) continue;
      const failure = failureContext(write);
      if (failure) {
        checkCatchWrite(write, failure, analysis.writes, file, report);
        continue;
      }
      if (checkResponse(write, file, report)) continue;
      if (checkNullish(write, nonNullable, file, report)) continue;
      checkPromise(write, file, report);
    }
    for (const wrap of analysis.wraps) {
      if (wrap.kind === 'memoizer') checkMemoizer(wrap, file, report);
    }
  },
};

type ReportFn = Parameters<Detector<NoCacheNullishOptions, NoCacheNullishMessageId>['detect']>[2];

function storeGate(text: string): boolean {
  return mayHaveStores(text) && (text.includes('set') || text.includes('memoiz') || text.includes('moize') || text.includes('] ='));
}

/** A TanStack `queryFn` or SWR fetcher that returns a `fetch` body unchecked (./client-fetcher-ok.ts). */
function reportClientFetchers(file: FileInput, report: ReportFn): void {
  if (!mayHaveClientFetchers(file.text)) return;
  for (const finding of clientFetcherFindings(file, isFetchCall)) {
    const data = { api: finding.api, response: finding.response };
    const suggestions: SuggestionPlan<NoCacheNullishMessageId>[] = finding.edits ? [{ messageId: 'throwOnFailure', data, edits: finding.edits }] : [];
    report({ messageId: 'clientResponseCached', data, node: finding.node, suggestions });
  }
}

/** Library stores are caches by construction; a `Map`/object must also be read somewhere (a cache, not a registry). */
function isProvenCache(store: StoreSite): boolean {
  if (store.kind === 'memoizer') return false;
  if (store.library !== 'map' && store.library !== 'object') return true;
  return store.level !== 'function' && store.uses.some(isReadUse);
}

// ---------------------------------------------------------------------------------------------
// Writes inside catch

interface Failure {
  /** `catch` or `.catch()`. */
  readonly where: string;
  /** The code that runs on success and on failure: the function around the try, or around the promise chain. */
  readonly region: TSESTree.Node;
}

function failureContext(write: CacheWrite): Failure | undefined {
  const fn = write.fn;
  for (let node: TSESTree.Node | undefined = write.use.node; node && node !== fn; node = node.parent) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type === AST_NODE_TYPES.CatchClause && parent.body === node) return { where: 'catch', region: fn ?? rootOf(node) };
  }
  // promise.catch(() => cache.set(...)) / promise.then(ok, () => cache.set(...))
  const call = fn?.parent;
  if (fn && call?.type === AST_NODE_TYPES.CallExpression && call.callee.type === AST_NODE_TYPES.MemberExpression) {
    const name = memberName(call.callee);
    const rejection = (name === 'catch' && call.arguments[0] === fn) || (name === 'then' && call.arguments[1] === fn);
    if (rejection) return { where: `.${name}()`, region: enclosingFunction(call) ?? rootOf(call) };
  }
  return undefined;
}

function rootOf(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (current.parent) current = current.parent;
  return current;
}

function checkCatchWrite(write: CacheWrite, failure: Failure, writes: readonly CacheWrite[], file: FileInput, report: ReportFn): void {
  const region = failure.region;
  const successes = writes.filter((other) => other !== write && other.store === write.store && contains(region, other.use.node) && !failureContext(other));
  const reads = write.store.uses.filter((use) => isReadUse(use) && contains(region, use.node));
  // A store this code neither reads nor fills on success: a separate negative cache.
  if (successes.length === 0 && reads.length === 0) return;
  // A retry: the catch fetches again from the same source and caches what it gets.
  const retried = write.source?.call ? calleeKey(write.source.call, file) : undefined;
  if (retried !== undefined && successes.some((success) => success.source?.call && calleeKey(success.source.call, file) === retried)) return;
  // Stale-if-error: the failure path puts back the last good value, which is what the message recommends.
  if (write.payload && restoresPreviousValue(write.payload, write, file)) return;
  const ttl = ttlText(write, file);
  if (successes.length > 0) {
    // Deliberate negative caching gives the failure its own (shorter) lifetime.
    if (successes.every((success) => ttlText(success, file) !== ttl)) return;
  } else if (ttl !== '') {
    return;
  }
  const statement = standaloneStatement(write.use.node);
  const remove = statement ? removeStatement(statement, file) : undefined;
  report({
    messageId: 'catchWrite',
    data: { where: failure.where },
    node: write.use.node,
    ...(remove ? { suggestions: [{ messageId: 'removeWrite', edits: remove }] } : {}),
  });
}

/** Names that say a value is the last good one: `stale`, `previous`, `prevEntry`, `lastGood`, `lastKnownValue`. */
const PREVIOUS_VALUE_NAME = /^(?:stale|previous|prev|lastGood|lastKnown)(?:[A-Z_]\w*)?$/;

/**
 * The value written on failure is the entry's previous value: a variable (or a property of one)
 * read from the same store earlier (`const stale = cache.get(key)`), or named as such (`stale`,
 * `previousValue`), for the common single-flight helpers that receive it as a parameter.
 */
function restoresPreviousValue(payload: TSESTree.Node, write: CacheWrite, file: FileInput): boolean {
  let root = stripTs(payload);
  while (root.type === AST_NODE_TYPES.MemberExpression) root = stripTs(root.object);
  if (root.type !== AST_NODE_TYPES.Identifier) return false;
  if (PREVIOUS_VALUE_NAME.test(root.name)) return true;
  return initialisedFromRead(resolveVariable(root, file.scopeManager), write.store.uses.filter(isReadUse));
}

function calleeKey(call: TSESTree.CallExpression, file: FileInput): string {
  return file.text.slice(call.callee.range[0], call.callee.range[1]).replace(/\s+/g, '');
}

function ttlText(write: CacheWrite, file: FileInput): string {
  return write.ttl.map((node) => file.text.slice(node.range[0], node.range[1]).replace(/\s+/g, '')).join(',');
}

// ---------------------------------------------------------------------------------------------
// fetch responses

function checkResponse(write: CacheWrite, file: FileInput, report: ReportFn): boolean {
  const source = write.source;
  if (!source?.awaited || !source.call) return false;
  let response: VariableLike | undefined;
  let fetchCall: TSESTree.CallExpression | undefined;
  if (isFetchCall(source.call, file)) {
    response = source.variable;
    fetchCall = source.call;
  } else {
    const callee = stripTs(source.call.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression || !BODY_READERS.has(memberName(callee) ?? '')) return false;
    const object = stripTs(callee.object);
    if (object.type === AST_NODE_TYPES.AwaitExpression) {
      const inner = stripTs(object.argument);
      if (inner.type !== AST_NODE_TYPES.CallExpression || !isFetchCall(inner, file)) return false;
      fetchCall = inner;
    } else if (object.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(object, file.scopeManager);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      const init = def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator ? def.node.init : undefined;
      const awaited = init ? stripTs(init) : undefined;
      const call = awaited?.type === AST_NODE_TYPES.AwaitExpression ? stripTs(awaited.argument) : undefined;
      if (call?.type !== AST_NODE_TYPES.CallExpression || !isFetchCall(call, file)) return false;
      response = variable;
      fetchCall = call;
    } else {
      return false;
    }
  }
  if (!fetchCall) return false;
  if (response && statusChecked(response, fetchCall, write)) return true;
  const name = response?.name ?? 'response';
  const statement = response ? standaloneStatement(write.use.node) : undefined;
  const fix = statement ? guardStatement(statement, `${name}.ok`) : undefined;
  report({ messageId: 'responseWrite', data: { response: name }, node: write.value ?? write.use.node, ...(fix ? { fix } : {}) });
  return true;
}

function isFetchCall(call: TSESTree.CallExpression, file: FileInput): boolean {
  const callee = stripTs(call.callee);
  if (callee.type === AST_NODE_TYPES.Identifier && callee.name === 'fetch') {
    const variable = resolveVariable(callee, file.scopeManager);
    if (!variable || variable.defs.length === 0) return true;
  }
  const origin = originOf(callee, file);
  if (!origin || origin.via !== 'ref' || !FETCH_MODULES.has(origin.source)) return false;
  return origin.path.length === 0 || (origin.path.length === 1 && origin.path[0] === 'fetch');
}

/** `res.ok`, `res.status`, or the response handed to a checker (`assertOk(res)`), before the write. */
function statusChecked(response: VariableLike, fetchCall: TSESTree.CallExpression, write: CacheWrite): boolean {
  for (const reference of response.references) {
    const identifier = reference.identifier;
    if (reference.isWrite() || identifier.range[0] < fetchCall.range[1] || identifier.range[0] > write.use.node.range[1]) continue;
    const parent = identifier.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === identifier) {
      const name = memberName(parent);
      if (name === 'ok' || name === 'status' || name === 'statusCode') return true;
    }
    if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(identifier as TSESTree.Expression)) return true;
  }
  return false;
}

// ---------------------------------------------------------------------------------------------
// Nullish values

function checkNullish(write: CacheWrite, nonNullable: ReadonlySet<string>, file: FileInput, report: ReportFn): boolean {
  const source = write.source;
  const payload = write.payload;
  if (!source?.awaited || !source.call || !payload) return false;
  if (nonNullableCall(source.call, nonNullable, file)) return false;
  if (isStoreRead(source.call, file)) return false;
  const variable = source.variable;
  const watched: VariableLike[] = [];
  if (source.destructured) {
    // `const { data, error } = await supabase...`: data is null when error is set.
    const error = source.destructured.siblings.find((sibling) => sibling.name === 'error' || sibling.name.endsWith('Error'));
    if (source.destructured.key !== 'data' || !error) return false;
    watched.push(...source.destructured.siblings);
  }
  if (variable) {
    watched.push(variable);
    if (watched.some((watchedVariable) => nullChecked(watchedVariable, source.at, write))) return false;
    if (annotationExcludesNullish(variable)) return false;
  }
  if (declaredNonNullable(source.call, file)) return false;
  if (typeExcludesNullish(file, payload) === true) return false;
  if (nullishEntryIsMiss(write)) return false;
  const name = variable?.name;
  const statement = name ? standaloneStatement(write.use.node) : undefined;
  const fix = statement && name ? guardStatement(statement, `${name} != null`) : undefined;
  report({
    messageId: 'nullishWrite',
    data: { value: name ?? textOf(payload, file, 40), fetcher: calleeText(source.call, file) },
    node: write.value ?? write.use.node,
    ...(fix ? { fix } : {}),
  });
  return true;
}

function nonNullableCall(call: TSESTree.CallExpression, names: ReadonlySet<string>, file: FileInput): boolean {
  const callee = stripTs(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (name !== undefined && (names.has(name) || COLLECTION_NAME.test(name))) return true;
  if (isFetchCall(call, file)) return true;
  // axios.get(url), got(url).json(): clients that throw on failure and never resolve to null.
  let base: TSESTree.Node = callee;
  for (let guard = 0; guard < 8; guard++) {
    const inner = stripTs(base);
    if (inner.type === AST_NODE_TYPES.MemberExpression) base = inner.object;
    else if (inner.type === AST_NODE_TYPES.CallExpression) base = inner.callee;
    else break;
  }
  const origin = originOf(stripTs(base), file);
  return !!origin && THROWING_CLIENTS.has(origin.source);
}

function isStoreRead(call: TSESTree.CallExpression, file: FileInput): boolean {
  for (const store of getStoreAnalysis(file).stores) {
    if (store.uses.some((use) => use.call === call && isReadUse(use))) return true;
  }
  return false;
}

/**
 * True when the code between the fetch and the write looks at whether `variable` is there:
 * a test (`if (!user)`, `user ? a : b`, `user && ...`, `user == null`, `typeof user`), a
 * dereference that would throw on null (`user.id`), an assertion (`assert(user)`), or `user!`.
 */
function nullChecked(variable: VariableLike, from: TSESTree.Node, write: CacheWrite): boolean {
  const start = from.range[1];
  const end = write.use.node.range[1];
  for (const reference of variable.references) {
    const identifier = reference.identifier;
    if (reference.isWrite() || identifier.range[0] < start || identifier.range[0] > end) continue;
    if (enclosingFunction(identifier) !== write.fn) continue;
    if (isNullTest(identifier)) return true;
  }
  return false;
}

function isNullTest(identifier: TSESTree.Node): boolean {
  let node: TSESTree.Node = identifier;
  let parent = node.parent;
  while (
    parent &&
    (parent.type === AST_NODE_TYPES.TSAsExpression || parent.type === AST_NODE_TYPES.TSSatisfiesExpression || parent.type === AST_NODE_TYPES.TSNonNullExpression)
  ) {
    if (parent.type === AST_NODE_TYPES.TSNonNullExpression) return true;
    node = parent;
    parent = parent.parent;
  }
  if (!parent) return false;
  switch (parent.type) {
    case AST_NODE_TYPES.UnaryExpression:
      return parent.operator === '!' || parent.operator === 'typeof';
    case AST_NODE_TYPES.BinaryExpression:
      return ['==', '!=', '===', '!==', 'instanceof', 'in'].includes(parent.operator);
    case AST_NODE_TYPES.LogicalExpression:
      return true;
    case AST_NODE_TYPES.ConditionalExpression:
    case AST_NODE_TYPES.IfStatement:
    case AST_NODE_TYPES.WhileStatement:
    case AST_NODE_TYPES.DoWhileStatement:
    case AST_NODE_TYPES.ForStatement:
      return parent.test === node;
    case AST_NODE_TYPES.MemberExpression:
      return parent.object === node && !parent.optional;
    case AST_NODE_TYPES.ForOfStatement:
      return parent.right === node;
    case AST_NODE_TYPES.CallExpression: {
      if (parent.callee === node) return !parent.optional;
      const callee = stripTs(parent.callee);
      const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
      return name !== undefined && ASSERTIONS.has(name);
    }
    default:
      return false;
  }
}

/** Stores that hand back exactly the value written (no serialisation): a cached `null` reads as `null`. */
const RAW_VALUE_STORES: ReadonlySet<string> = new Set(['map', 'object', 'lru-cache', 'quick-lru', 'node-cache']);
const NON_NULLISH_TYPEOF: ReadonlySet<string> = new Set(['string', 'number', 'boolean', 'bigint', 'symbol', 'function']);

/**
 * True when the read of the same key treats a null or undefined entry as a miss, so a nullish
 * value written here is recomputed on the next call instead of being served: the write sits in the
 * miss branch of `if (!cached)`, `if (cached == null)` or `if (typeof cached !== 'boolean')`, or
 * follows `if (cached) return cached` / `if (typeof cached === 'number') return cached`. Only for
 * in-memory stores that return the written value itself (a Redis string `"null"` is truthy).
 */
function nullishEntryIsMiss(write: CacheWrite): boolean {
  const read = write.sameKeyRead;
  if (!read || !RAW_VALUE_STORES.has(write.store.library) || !write.fn) return false;
  const holder = read.node.parent;
  const name =
    holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init === read.node && holder.id.type === AST_NODE_TYPES.Identifier
      ? holder.id.name
      : holder?.type === AST_NODE_TYPES.AssignmentExpression && holder.right === read.node && holder.left.type === AST_NODE_TYPES.Identifier
        ? holder.left.name
        : undefined;
  if (!name) return false;
  const readEnd = read.node.range[1];
  // The write inside the miss branch of a test on the read value.
  for (let node: TSESTree.Node | undefined = write.use.node; node && node !== write.fn; node = node.parent) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type === AST_NODE_TYPES.IfStatement && parent.consequent === node && parent.range[0] > readEnd && missTestRejectsNullish(parent.test, name, true)) return true;
  }
  // Or after an early return on a hit test that nullish values fail.
  const body = write.fn.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return false;
  return body.body.some(
    (statement) =>
      statement.type === AST_NODE_TYPES.IfStatement &&
      statement.range[0] > readEnd &&
      statement.range[1] <= write.use.node.range[0] &&
      !statement.alternate &&
      exits(statement.consequent) &&
      missTestRejectsNullish(statement.test, name, false),
  );
}

/**
 * For `miss: true`, whether `test` holds for null and for undefined (`!x`, `x == null`,
 * `typeof x !== 'string'`); for `miss: false`, whether it fails for both (`x`, `x != null`,
 * `typeof x === 'number'`).
 */
function missTestRejectsNullish(test: TSESTree.Node, name: string, miss: boolean): boolean {
  const expression = stripTs(test);
  const isName = (node: TSESTree.Node): boolean => {
    const inner = stripTs(node);
    return inner.type === AST_NODE_TYPES.Identifier && inner.name === name;
  };
  if (expression.type === AST_NODE_TYPES.UnaryExpression && expression.operator === '!') return miss && isName(expression.argument);
  if (!miss && isName(expression)) return true;
  if (expression.type !== AST_NODE_TYPES.BinaryExpression) return false;
  const { left, right, operator } = expression;
  const nullLiteral = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Literal && node.value === null;
  if ((operator === '==' && miss) || (operator === '!=' && !miss)) {
    return (isName(left) && nullLiteral(right)) || (nullLiteral(left) && isName(right));
  }
  if ((operator === '!==' && miss) || (operator === '===' && !miss)) {
    const typeOf = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.UnaryExpression && node.operator === 'typeof' && isName(node.argument);
    const typeName = (node: TSESTree.Node): boolean => node.type === AST_NODE_TYPES.Literal && typeof node.value === 'string' && NON_NULLISH_TYPEOF.has(node.value);
    return (typeOf(left) && typeName(right)) || (typeName(left) && typeOf(right));
  }
  return false;
}

/** A statement that always leaves the function: `return ...`, `throw ...`, or a block ending in one. */
function exits(statement: TSESTree.Statement): boolean {
  if (statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return true;
  if (statement.type === AST_NODE_TYPES.BlockStatement) {
    const last = statement.body.at(-1);
    return last !== undefined && exits(last);
  }
  return false;
}

/** `const user: User = await ...`: the author's annotation says it cannot be null. */
function annotationExcludesNullish(variable: VariableLike): boolean {
  const name = variable.defs[0]?.name;
  if (name?.type !== AST_NODE_TYPES.Identifier || !name.typeAnnotation) return false;
  return typeExcludesNullishSyntax(name.typeAnnotation.typeAnnotation, name);
}

/** The fetcher is declared in this file with a return type that excludes null: `async function load(): Promise<User>`. */
function declaredNonNullable(call: TSESTree.CallExpression, file: FileInput): boolean {
  const fn = resolveFunction(call.callee, file) ?? resolveMethod(call.callee);
  const returnType = fn?.returnType?.typeAnnotation;
  if (!fn || !returnType) return false;
  let type: TSESTree.TypeNode = returnType;
  if (type.type === AST_NODE_TYPES.TSTypeReference && type.typeName.type === AST_NODE_TYPES.Identifier && type.typeName.name === 'Promise') {
    const argument = type.typeArguments?.params[0];
    if (!argument) return false;
    type = argument;
  }
  return typeExcludesNullishSyntax(type, fn);
}

/** `this.load(...)` in a class that declares `load`. */
function resolveMethod(callee: TSESTree.Node): FunctionNode | undefined {
  const node = stripTs(callee);
  if (node.type !== AST_NODE_TYPES.MemberExpression || node.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(node);
  let cls: TSESTree.Node | undefined = node.parent;
  while (cls && cls.type !== AST_NODE_TYPES.ClassBody) cls = cls.parent;
  if (!cls || name === undefined) return undefined;
  for (const element of cls.body) {
    if ((element.type === AST_NODE_TYPES.MethodDefinition || element.type === AST_NODE_TYPES.PropertyDefinition) && !element.computed && propertyKey(element) === name) {
      const value = element.value ? stripTs(element.value) : undefined;
      return value && isFunction(value) ? value : undefined;
    }
  }
  return undefined;
}

const NULLISH_TYPE_NAMES = /^(Maybe|Nullable|Optional|Option|Partial)$/;

function typeExcludesNullishSyntax(type: TSESTree.TypeNode, at: TSESTree.Node): boolean {
  switch (type.type) {
    case AST_NODE_TYPES.TSNullKeyword:
    case AST_NODE_TYPES.TSUndefinedKeyword:
    case AST_NODE_TYPES.TSAnyKeyword:
    case AST_NODE_TYPES.TSUnknownKeyword:
    case AST_NODE_TYPES.TSVoidKeyword:
    case AST_NODE_TYPES.TSNeverKeyword:
      return false;
    case AST_NODE_TYPES.TSUnionType:
      return type.types.every((member) => typeExcludesNullishSyntax(member, at));
    case AST_NODE_TYPES.TSTypeReference: {
      if (type.typeName.type !== AST_NODE_TYPES.Identifier) return true;
      const name = type.typeName.name;
      if (NULLISH_TYPE_NAMES.test(name)) return false;
      // A type parameter (`T`) may be instantiated with null.
      return !isTypeParameter(name, at);
    }
    default:
      return true;
  }
}

function isTypeParameter(name: string, at: TSESTree.Node): boolean {
  for (let node: TSESTree.Node | undefined = at; node; node = node.parent) {
    const parameters = (node as { typeParameters?: TSESTree.TSTypeParameterDeclaration }).typeParameters;
    if (parameters?.params.some((parameter) => parameter.name.name === name)) return true;
  }
  return false;
}

interface CheckerLike {
  getTypeAtLocation(node: unknown): unknown;
  getNonNullableType(type: unknown): unknown;
  typeToString(type: unknown): string;
}

interface ProgramLike {
  getTypeChecker(): CheckerLike;
  getCompilerOptions?(): { strict?: boolean; strictNullChecks?: boolean };
}

const checkers = new WeakMap<object, CheckerLike | null>();

/**
 * With type information: true when the value's type at the write (after narrowing) excludes
 * null and undefined, false when it includes them, undefined without a program or without
 * `strictNullChecks` (where types never say). Duck-typed: no import of `typescript`.
 */
export function typeExcludesNullish(file: FileInput, node: TSESTree.Node): boolean | undefined {
  const program = file.program as ProgramLike | undefined;
  const map = file.esTreeNodeToTSNodeMap;
  if (!program || typeof program !== 'object' || typeof program.getTypeChecker !== 'function' || !map) return undefined;
  let checker = checkers.get(program);
  if (checker === undefined) {
    const compilerOptions = program.getCompilerOptions?.() ?? {};
    const strict = compilerOptions.strictNullChecks ?? compilerOptions.strict ?? false;
    const candidate = strict ? program.getTypeChecker() : null;
    checker = candidate && typeof candidate.getNonNullableType === 'function' && typeof candidate.getTypeAtLocation === 'function' ? candidate : null;
    checkers.set(program, checker);
  }
  if (!checker) return undefined;
  const tsNode = map.get(node);
  if (!tsNode) return undefined;
  const type = checker.getTypeAtLocation(tsNode);
  if (!type) return undefined;
  const text = checker.typeToString(type);
  if (text === 'any' || text === 'unknown' || /\b(void|undefined|null)\b/.test(text)) return false;
  return checker.getNonNullableType(type) === type;
}

// ---------------------------------------------------------------------------------------------
// Promises

function checkPromise(write: CacheWrite, file: FileInput, report: ReportFn): void {
  const store = write.store;
  if (!PROMISE_HOLDERS.has(store.library) || store.level === 'function') return;
  const source = write.source;
  if (!source || source.awaited || !source.call || !write.key) return;
  if (handledInChain(source.call)) return;
  if (!isPromiseCall(source.call, source.variable, store, file)) return;
  if (deletesOnFailure(store)) return;
  const producer = resolveFunction(source.call.callee, file) ?? resolveMethod(source.call.callee);
  if (producer && cannotReject(producer, file)) return;
  const edits = deleteOnRejectionEdits(write, source.call, file);
  report({
    messageId: 'cachedRejection',
    data: { key: textOf(write.key, file, 40) },
    node: write.value ?? write.use.node,
    ...(edits ? { suggestions: [{ messageId: 'deleteOnRejection', edits }] } : {}),
  });
}

/** `load(id).catch(...)`, `.then(ok, fail)`, `.finally(...)`: the chain already handles rejection. */
function handledInChain(call: TSESTree.CallExpression): boolean {
  let current: TSESTree.Node = call;
  for (let guard = 0; guard < 16; guard++) {
    const node = stripTs(current);
    if (node.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = stripTs(node.callee);
    if (callee.type !== AST_NODE_TYPES.MemberExpression) return false;
    const name = memberName(callee);
    if (name === 'catch' || name === 'finally' || (name === 'then' && node.arguments.length > 1)) return true;
    current = callee.object;
  }
  return false;
}

function isPromiseCall(call: TSESTree.CallExpression, variable: VariableLike | undefined, store: StoreSite, file: FileInput): boolean {
  const callee = stripTs(call.callee);
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'then') return true;
  if (isFetchCall(call, file)) return true;
  const fn = resolveFunction(call.callee, file) ?? resolveMethod(call.callee);
  if (fn?.async) return true;
  const returnType = fn?.returnType?.typeAnnotation;
  if (returnType?.type === AST_NODE_TYPES.TSTypeReference && returnType.typeName.type === AST_NODE_TYPES.Identifier && returnType.typeName.name === 'Promise') return true;
  if (declaresPromiseValues(store, file)) return true;
  // The cached value is awaited or chained later: `return await p`, `p.then(...)`.
  for (const reference of variable?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent?.type === AST_NODE_TYPES.AwaitExpression) return true;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === reference.identifier && memberName(parent) === 'then') return true;
  }
  return false;
}

/** `new Map<string, Promise<User>>()` or a field typed `Map<string, Promise<User>>`. */
function declaresPromiseValues(store: StoreSite, file: FileInput): boolean {
  const creation = store.creation;
  const typed: TSESTree.Node[] = [];
  if (creation?.typeArguments) typed.push(creation.typeArguments);
  const holder = store.node.parent;
  if (holder?.type === AST_NODE_TYPES.PropertyDefinition && holder.typeAnnotation) typed.push(holder.typeAnnotation);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier && holder.id.typeAnnotation) typed.push(holder.id.typeAnnotation);
  return typed.some((node) => /\bPromise\s*</.test(file.text.slice(node.range[0], node.range[1])));
}

/** A delete or clear of the store in a `catch`/`finally` block or a rejection/settle/timer callback. */
function deletesOnFailure(store: StoreSite): boolean {
  for (const use of store.uses) {
    if (use.method !== 'delete' && use.method !== 'clear' && use.method !== 'del') continue;
    for (let node: TSESTree.Node | undefined = use.node; node; node = node.parent) {
      const parent: TSESTree.Node | undefined = node.parent;
      if (!parent) break;
      if (parent.type === AST_NODE_TYPES.CatchClause) return true;
      if (parent.type === AST_NODE_TYPES.TryStatement && parent.finalizer === node) return true;
      if (isFunction(node) && parent.type === AST_NODE_TYPES.CallExpression && (parent.arguments as readonly TSESTree.Node[]).includes(node)) {
        const callee = stripTs(parent.callee);
        const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
        if (name === 'catch' || name === 'finally' || name === 'then' || name === 'setTimeout' || name === 'on' || name === 'once') return true;
      }
    }
  }
  return false;
}

function deleteOnRejectionEdits(write: CacheWrite, call: TSESTree.CallExpression, file: FileInput): TextEdit[] | undefined {
  if (!write.key || enclosingFunction(call) !== write.fn) return undefined;
  if (!declaredBefore(write.key, call, file)) return undefined;
  const receiver = textOf(write.use.receiver, file);
  const key = textOf(write.key, file);
  const error = key.includes('error') ? 'err' : 'error';
  const remove = write.use.method === '[]=' ? `delete ${receiver}[${key}]` : `${receiver}.delete(${key})`;
  return [{ range: [call.range[1], call.range[1]], text: `.catch((${error}) => { ${remove}; throw ${error}; })` }];
}

/** Every identifier of `expression` is declared before `at` (so the text can be repeated there). */
function declaredBefore(expression: TSESTree.Node, at: TSESTree.Node, file: FileInput): boolean {
  const identifiers: TSESTree.Identifier[] = [];
  collectIdentifiers(expression, identifiers, file);
  return identifiers.every((identifier) => {
    const variable = resolveVariable(identifier, file.scopeManager);
    const def = variable?.defs[0];
    return !def || def.name.range[0] < at.range[0];
  });
}

function collectIdentifiers(node: TSESTree.Node, out: TSESTree.Identifier[], file: FileInput): void {
  if (node.type === AST_NODE_TYPES.Identifier) {
    out.push(node);
    return;
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) {
    collectIdentifiers(node.object, out, file);
    if (node.computed) collectIdentifiers(node.property, out, file);
    return;
  }
  for (const key of file.visitorKeys[node.type] ?? []) {
    const value = (node as unknown as Record<string, unknown>)[key];
    if (Array.isArray(value)) {
      for (const child of value) if (child && typeof (child as TSESTree.Node).type === 'string') collectIdentifiers(child as TSESTree.Node, out, file);
    } else if (value && typeof (value as TSESTree.Node).type === 'string') {
      collectIdentifiers(value as TSESTree.Node, out, file);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Memoized async functions

const LIBRARY_NAMES: Readonly<Record<string, string>> = { 'lodash-memoize': '`memoize`', memoizee: '`memoizee` without `promise: true`', moize: '`moize` without `isPromise: true`' };

function checkMemoizer(wrap: CacheWrap, file: FileInput, report: ReportFn): void {
  const store = wrap.store;
  const fetcher = wrap.fetcher;
  if (!store || !fetcher || fetcher.type === AST_NODE_TYPES.SpreadElement) return;
  const fn = asyncFunctionOf(fetcher, file);
  if (!fn || cannotReject(fn, file)) return;
  const creation = wrap.call;
  let suggestion: SuggestionPlan<NoCacheNullishMessageId> | undefined;
  if (store.library === 'lodash-memoize') {
    // `getUser.cache.delete(id)` somewhere: the author evicts failures already.
    if (store.uses.some((use) => use.method === 'cache.delete' || use.method === 'cache.clear')) return;
    const edits = lodashDeleteOnRejection(wrap, fn, file);
    if (edits) suggestion = { messageId: 'deleteOnRejection', edits };
  } else if (store.library === 'memoizee') {
    const options = creation.arguments[1] ? stripTs(creation.arguments[1]) : undefined;
    if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return;
    if (options && (hasSpread(options) || optionIsOn(optionProperty(options, 'promise')))) return;
    const edits = addOption(creation, options, 'promise: true', file);
    if (edits) suggestion = { messageId: 'addPromiseOption', data: { option: 'promise: true' }, edits };
  } else if (store.library === 'moize') {
    const calleeText = textOf(creation.callee, file);
    if (/\.(promise|isPromise)\b/.test(calleeText)) return;
    const options = creation.arguments[1] ? stripTs(creation.arguments[1]) : undefined;
    if (options && options.type !== AST_NODE_TYPES.ObjectExpression) return;
    if (options && (hasSpread(options) || optionIsOn(optionProperty(options, 'isPromise')))) return;
    const plain = stripTs(creation.callee).type === AST_NODE_TYPES.Identifier;
    const edits = plain ? addOption(creation, options, 'isPromise: true', file) : undefined;
    if (edits) suggestion = { messageId: 'addPromiseOption', data: { option: 'isPromise: true' }, edits };
  } else {
    return;
  }
  report({
    messageId: 'memoizedRejection',
    data: { library: LIBRARY_NAMES[store.library] ?? store.library },
    node: creation,
    ...(suggestion ? { suggestions: [suggestion] } : {}),
  });
}

/**
 * An async function whose body cannot reject: all its work sits in a `try` whose `catch`
 * neither throws nor rethrows, with nothing but literal declarations and returns around it
 * (`async () => { try { return await load(); } catch { return []; } }`).
 */
function cannotReject(fn: FunctionNode, file: FileInput): boolean {
  const body = fn.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) {
    // `() => load().catch(() => fallback)`
    const expression = stripTs(body);
    return expression.type === AST_NODE_TYPES.CallExpression && handledInChain(expression);
  }
  let guarded = false;
  for (const statement of body.body) {
    if (statement.type === AST_NODE_TYPES.TryStatement) {
      if (!statement.handler) return false;
      if (/\bthrow\b|\breject\(/.test(file.text.slice(statement.handler.range[0], statement.handler.range[1]))) return false;
      if (statement.finalizer && /\bthrow\b/.test(file.text.slice(statement.finalizer.range[0], statement.finalizer.range[1]))) return false;
      guarded = true;
      continue;
    }
    if (statement.type === AST_NODE_TYPES.ReturnStatement) {
      if (statement.argument && !isLiteralLike(statement.argument)) return false;
      continue;
    }
    if (statement.type === AST_NODE_TYPES.VariableDeclaration && statement.declarations.every((d) => !d.init || isLiteralLike(d.init))) continue;
    return false;
  }
  return guarded;
}

function isLiteralLike(node: TSESTree.Node): boolean {
  const value = stripTs(node);
  switch (value.type) {
    case AST_NODE_TYPES.Literal:
    case AST_NODE_TYPES.Identifier:
      return true;
    case AST_NODE_TYPES.TemplateLiteral:
      return value.expressions.length === 0;
    case AST_NODE_TYPES.ArrayExpression:
      return value.elements.every((e) => !!e && e.type !== AST_NODE_TYPES.SpreadElement && isLiteralLike(e));
    case AST_NODE_TYPES.ObjectExpression:
      return value.properties.every((p) => p.type === AST_NODE_TYPES.Property && !p.computed && isLiteralLike(p.value));
    default:
      return false;
  }
}

function optionIsOn(property: TSESTree.Property | undefined): boolean {
  if (!property) return false;
  const value = stripTs(property.value);
  return !(value.type === AST_NODE_TYPES.Literal && (value.value === false || value.value === null));
}

function asyncFunctionOf(node: TSESTree.Node, file: FileInput): FunctionNode | undefined {
  const value = stripTs(node);
  if (isFunction(value)) return value.async ? value : undefined;
  const resolved = resolveFunction(value, file) ?? resolveMethod(value);
  return resolved?.async ? resolved : undefined;
}

/** Adds an option to `fn(f, { ... })`, or a new options argument after the function. */
function addOption(creation: TSESTree.CallExpression, options: TSESTree.Node | undefined, property: string, file: FileInput): TextEdit[] | undefined {
  if (options?.type === AST_NODE_TYPES.ObjectExpression) {
    const last = options.properties[options.properties.length - 1];
    if (!last) return [{ range: [options.range[0], options.range[1]], text: `{ ${property} }` }];
    return [{ range: [last.range[1], last.range[1]], text: `, ${property}` }];
  }
  const fn = creation.arguments[0];
  if (!fn || creation.arguments.length !== 1) return undefined;
  void file;
  return [{ range: [fn.range[1], fn.range[1]], text: `, { ${property} }` }];
}

/**
 * lodash has no promise mode: wrap the function so a rejection deletes its own entry.
 * `memoize(async (id: string) => ...)` →
 * `memoize((id: string) => (async (id: string) => ...)(id).catch((error) => { getUser.cache.delete(id); throw error; }))`.
 */
function lodashDeleteOnRejection(wrap: CacheWrap, fn: FunctionNode, file: FileInput): TextEdit[] | undefined {
  const store = wrap.store!;
  const fetcher = stripTs(wrap.fetcher!);
  if (fetcher.type === AST_NODE_TYPES.FunctionExpression || fn.typeParameters || fn.params.length === 0) return undefined;
  const binding = store.binding;
  const name = binding.kind === 'variable' ? binding.name : binding.kind === 'member' && !binding.isStatic ? `this.${binding.name}` : undefined;
  if (!name) return undefined;
  const params: string[] = [];
  const args: string[] = [];
  for (const param of fn.params) {
    if (param.type === AST_NODE_TYPES.Identifier) {
      params.push(textOf(param, file));
      args.push(param.name);
    } else if (param.type === AST_NODE_TYPES.AssignmentPattern && param.left.type === AST_NODE_TYPES.Identifier) {
      params.push(textOf(param, file));
      args.push(param.left.name);
    } else if (param.type === AST_NODE_TYPES.RestElement && param.argument.type === AST_NODE_TYPES.Identifier) {
      params.push(textOf(param, file));
      args.push(`...${param.argument.name}`);
    } else {
      return undefined;
    }
  }
  const resolver = wrap.key ? stripTs(wrap.key) : undefined;
  let key: string;
  if (resolver) {
    if (resolver.type !== AST_NODE_TYPES.Identifier && resolver.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    key = `${textOf(resolver, file)}(${args.join(', ')})`;
  } else {
    const first = args[0]!;
    key = first.startsWith('...') ? `${first.slice(3)}[0]` : first;
  }
  const error = args.some((arg) => arg.replace('...', '') === 'error') ? 'err' : 'error';
  const call = isFunction(fetcher) ? `(${textOf(fetcher, file)})` : textOf(fetcher, file);
  const text = `(${params.join(', ')}) => ${call}(${args.join(', ')}).catch((${error}) => { ${name}.cache.delete(${key}); throw ${error}; })`;
  return [{ range: [wrap.fetcher!.range[0], wrap.fetcher!.range[1]], text }];
}

// ---------------------------------------------------------------------------------------------

function textOf(node: TSESTree.Node, file: FileInput, max?: number): string {
  const text = file.text.slice(node.range[0], node.range[1]);
  if (max === undefined || text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

function calleeText(call: TSESTree.CallExpression, file: FileInput): string {
  const callee = stripTs(call.callee);
  const text = file.text.slice(callee.range[0], callee.range[1]).replace(/\s+/g, '');
  if (text.length <= 40 && !text.includes('(')) return `${text}()`;
  // supabase.from('users').select('*').eq('id', id).maybeSingle → supabase….maybeSingle()
  const name = callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  const root = /^[\w$.]+?(?=[.(])/.exec(text)?.[0] ?? text.slice(0, 20);
  return name === undefined ? `${text.slice(0, 39)}…()` : `${root}….${name}()`;
}
