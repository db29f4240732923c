import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import {
  calleeName,
  enclosingFunction,
  indentAt,
  isFunction,
  lineBreak,
  memberName,
  parentOf,
  preferredQuote,
  propertyKey,
  resolveVariable,
  scopeOf,
  staticValue,
  unwrap,
} from '../ast.js';
import { contains, getFileIndex, type FunctionNode } from '../analysis/file-index.js';
import { callsWithin } from '../analysis/within.js';
import { entityWords, keyPrefix, sharesEntity } from '../data/entities.js';
import { dataReadEntity, getDataWrites, mayWriteData, type DataWrite } from '../data/writes.js';
import { addNamedImport } from '../edits/imports.js';
import { addObjectProperty } from '../edits/options.js';
import type { Detector, FileInput, Report, SuggestionPlan, TextEdit, VariableLike } from '../model.js';
import { isComponentName, isHookName } from '../react/components.js';
import { serverActions } from '../react/actions.js';
import { functionName } from '../react/directives.js';
import { nextMajor } from '../react/next.js';
import { describeKey, queryKeys, sameStaticKey, swrKeys, type DataKey } from '../react/keys.js';
import { importedLocals, mayUseSwr, mayUseTanStackQuery, nextCacheExport, swrExport, TANSTACK_QUERY_SOURCES, tanstackExport } from '../react/sources.js';
import { getStoreAnalysis, mayHaveStores, type StoreSite, type StoreUse } from '../stores/analysis.js';
import { EVICT_METHODS, READ_METHODS, WRITE_METHODS } from '../stores/catalog.js';

/** Options of `require-mutation-invalidation`. */
export interface RequireMutationInvalidationOptions {
  /** Regular expressions (strings) for mutations with nothing to invalidate, tested against their names and keys. */
  readonly allow: readonly string[];
  /** The app invalidates after every mutation from a global `MutationCache` in another file. */
  readonly globalInvalidation: boolean;
  /** Next.js major version; `null` reads it from the nearest package.json. */
  readonly nextMajor: number | null;
  /**
   * Report a TanStack mutation or a server action only when a sibling in the same file (another
   * mutation, another action) does invalidate: the file's own convention is the evidence that this
   * one forgot. Off: report every one without invalidation.
   */
  readonly requireSibling: boolean;
}

/** Message ids of `require-mutation-invalidation`. */
export type RequireMutationInvalidationMessageId =
  | 'staleServerWrite'
  | 'mutationWithoutInvalidation'
  | 'swrMutationWithoutRevalidation'
  | 'swrWriteWithoutMutate'
  | 'actionWithoutRevalidation'
  | 'keyShapeMismatch'
  | 'invalidateQuery'
  | 'deleteEntry'
  | 'revalidate'
  | 'callMutate'
  | 'matchKeyShape';

type MessageId = RequireMutationInvalidationMessageId;
type Options = RequireMutationInvalidationOptions;

/*
 * Three write paths that leave a cached read stale.
 *
 * 1. Server code: a module (or class) that caches reads under a key (Redis, cache-manager, keyv,
 *    lru-cache, a Map, `wrap`, `unstable_cache`, a memoizer) and, in another function, writes the
 *    same entity (ORM/repository calls, SQL text) without deleting, updating or tagging the entry.
 *    Entities meet through the key prefix, the store's and reader's names, the ORM read behind the
 *    cached value, and the model/repository/table the write names.
 * 2. Client data layers: TanStack Query `useMutation` (v3/v4 positional, v5 options; `createMutation`,
 *    `injectMutation`) with no invalidation in its callbacks, at its `mutate(vars, { onSuccess })`
 *    call sites, or after `await mutateAsync()` in the handler; SWR `useSWRMutation` whose key is not
 *    the key the file reads (its automatic revalidation then misses the reader), and mutating
 *    `fetch`/axios calls in components that read with `useSWR` and never call `mutate`.
 * 3. Next.js server actions (`'use server'` files and functions) that write data without
 *    `revalidatePath`, `revalidateTag` (Next 16: `revalidateTag(tag, profile)`), `updateTag` or
 *    `refresh`.
 *
 * "Invalidation" is looked for where real apps put it: the mutation's own callbacks, the call
 * site, the handler that awaits it (and the handler's callers), local helper functions it calls,
 * callbacks handed in by a parent (props, hook options), a global `MutationCache`, an optimistic
 * `setQueryData`, and a state "version" every query key includes. A mutation handed to code this
 * file cannot see (returned from a custom hook, passed whole to a component) is not reported,
 * unless the file also defines a query for the same entity. Suggestions only: which key to
 * invalidate is a decision about the app's data.
 */
export const requireMutationInvalidation: Detector<Options, MessageId> = {
  id: 'require-mutation-invalidation',
  messages: {
    staleServerWrite:
      '`{{write}}` changes {{entity}} data that `{{reader}}` caches under `{{key}}`, but `{{fn}}` neither deletes, updates nor tags that entry: readers keep getting the old value until it expires.',
    mutationWithoutInvalidation:
      'The mutation `{{name}}` changes server data, but nothing invalidates or updates the cached queries (`invalidateQueries`/`setQueryData` in `onSuccess`/`onSettled`, at the `mutate()` call, or after `await mutateAsync()`): they keep showing the old data until they refetch.{{sibling}}',
    swrMutationWithoutRevalidation:
      '`useSWRMutation` {{why}}, and nothing calls `mutate` after `trigger()`: the data this file reads with `useSWR({{read}})` stays stale.',
    swrWriteWithoutMutate:
      '`{{write}}` changes data this component reads with `useSWR`, but nothing calls `mutate` after it: the component shows the old data until SWR revalidates on its own.',
    actionWithoutRevalidation:
      'Server action `{{name}}` writes data (`{{write}}`) but never calls `revalidatePath`, `revalidateTag`, `updateTag` or `refresh`: cached pages and fetches keep serving the old data.{{sibling}}',
    keyShapeMismatch:
      '`{{key}}` is a {{shape}} key, but the data is cached under the {{otherShape}} key `{{other}}` (line {{line}}): keys of different shapes never match, so this invalidates nothing.',
    invalidateQuery: 'Invalidate `{{key}}` when the mutation succeeds.',
    deleteEntry: 'Delete `{{key}}` from the cache after the write.',
    revalidate: 'Call `{{call}}` after the write.',
    callMutate: 'Call `{{call}}` after the write.',
    matchKeyShape: 'Use `{{key}}`, the shape the data is cached under.',
  },
  // Needles that start with a rare character first: a text scan costs about one `includes` each.
  gate: (text) => mayUseQueryClient(text) || mayUseSwrHooks(text) || text.includes('use server') || (mayHaveStores(text) && mayWriteData(text)),
  detect(file, options, report) {
    const context = new Context(file, options, report);
    const text = file.text;
    if (mayUseQueryClient(text)) checkTanStack(context);
    if (mayUseSwrHooks(text)) checkSwr(context);
    if (text.includes('use server')) checkActions(context);
    if (mayHaveStores(text) && mayWriteData(text)) checkServer(context);
  },
};

/**
 * TanStack Query mutations (`useMutation`, `createMutation`, `injectMutation`, `MutationCache`), or
 * a string key handed to `invalidateQueries`/`setQueryData` & co. (the only shape mismatch this
 * rule reports without a mutation in the file).
 */
function mayUseQueryClient(text: string): boolean {
  if (text.includes('Mutation')) return mayUseTanStackQuery(text);
  return (text.includes('Queries') || text.includes('QueryData')) && STRING_QUERY_KEY.test(text) && mayUseTanStackQuery(text);
}
const STRING_QUERY_KEY = /queryKey:\s*['"`]|QueryData\(\s*['"`]/;

/** `useSWR`, `useSWRMutation`, `useSWRConfig`. */
function mayUseSwrHooks(text: string): boolean {
  return text.includes('SWR') && mayUseSwr(text);
}

// ---------------------------------------------------------------------------------------------
// Shared state and coverage

type Mode = 'query' | 'swr' | 'next' | 'store';

class Context {
  readonly allow: RegExp[];
  readonly reported = new Set<TSESTree.Node>();
  /** For `store` mode: the entity whose cache entries count as invalidated. */
  entity: string | undefined;
  /** For `store` mode: the stores whose uses count. */
  stores: readonly StoreSite[] = [];

  constructor(
    readonly file: FileInput,
    readonly config: Options,
    readonly report: Report<MessageId>,
  ) {
    this.allow = config.allow.map((pattern) => new RegExp(pattern, 'u'));
  }

  allowed(names: readonly (string | undefined)[]): boolean {
    return names.some((name) => name !== undefined && name !== '' && this.allow.some((pattern) => pattern.test(name)));
  }

  text(node: TSESTree.Node): string {
    return this.file.text.slice(node.range[0], node.range[1]);
  }
}

/** TanStack Query calls that refresh or rewrite cached queries. */
const QUERY_INVALIDATORS: ReadonlySet<string> = new Set([
  'invalidateQueries',
  'setQueryData',
  'setQueriesData',
  'refetchQueries',
  'resetQueries',
  'removeQueries',
  'refetch',
  // tRPC's `utils.todo.list.invalidate()` / `setData()` wrap TanStack's.
  'invalidate',
  'setData',
  'setInfiniteData',
]);

/** Names of calls that invalidate in any layer: `invalidateUserCache`, `router.refresh`, `revalidateTag`, `bustCache`. */
const INVALIDATION_NAME = /invalidat|refetch|revalidat|refresh|reload|evict|purge|bust|updateTag|expireTag|expirePath|clearCache|uncache/i;

/** Parent callbacks that close, cancel or report rather than refresh data. */
const NOT_INVALIDATING_CALLBACK = /^(on|handle)?(Close|Cancel|Dismiss|Hide|Toggle|Error|Open)/i;

/** True when something in `region` (a function, or any node) invalidates in `mode`. */
function covers(region: TSESTree.Node, mode: Mode, context: Context, depth = 0, visited = new Set<TSESTree.Node>()): boolean {
  if (mode === 'store' && storeInvalidationWithin(region, context)) return true;
  for (const call of callsWithin(context.file, region)) {
    if (invalidates(call, region, mode, context, depth, visited)) return true;
  }
  return false;
}

function invalidates(call: TSESTree.CallExpression, region: TSESTree.Node, mode: Mode, context: Context, depth: number, visited: Set<TSESTree.Node>): boolean {
  const callee = unwrap(call.callee);
  const name = calleeName(call);
  if (name !== undefined) {
    if ((mode === 'query' || mode === 'swr') && QUERY_INVALIDATORS.has(name)) return true;
    // The response written into a client store: `dispatch(setUser(data))`, `setTodos(saved)`, `store.setState(result)`.
    if ((mode === 'query' || mode === 'swr') && (name === 'dispatch' || /^set[A-Z]/.test(name) || name === 'setState') && storesCallbackResult(call, region, context)) return true;
    if (mode === 'swr' && /^mutate/i.test(name)) return true;
    if (INVALIDATION_NAME.test(name)) return true;
    if (mode === 'store' && /^(emit|emitAsync|publish|dispatchEvent)$/.test(name)) return true;
    // Next.js re-renders the current route when a server action sets or deletes a cookie.
    if (mode === 'next' && (name === 'set' || name === 'delete') && callee.type === AST_NODE_TYPES.MemberExpression) {
      const object = unwrap(callee.object);
      if (object.type === AST_NODE_TYPES.CallExpression && calleeName(object) === 'cookies') return true;
    }
  }
  if (depth < 3) {
    const target = localFunctionOf(callee, context);
    if (target && !visited.has(target)) {
      visited.add(target);
      if (covers(target, mode, context, depth + 1, visited)) return true;
    }
  }
  if ((mode === 'query' || mode === 'swr') && (callbackFromOutside(callee, region, context) || bumpsKeyVersion(callee, mode, context))) return true;
  return false;
}

/** True when a call hands on a parameter of the callback it sits in (the mutation's result): `setUser(data)`, `dispatch(saved(todo))`. */
function storesCallbackResult(call: TSESTree.CallExpression, region: TSESTree.Node, context: Context): boolean {
  if (!isFunction(region) || region.params.length === 0) return false;
  if (calleeName(call) === 'dispatch') return true;
  const first = region.params[0]!;
  const target = first.type === AST_NODE_TYPES.AssignmentPattern ? first.left : first;
  if (target.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(target, context.file.scopeManager);
  return !!variable?.references.some((reference) => reference.identifier !== target && call.arguments.some((argument) => contains(argument, reference.identifier)));
}

/** The function a callee runs when the file defines it: `save()`, `this.invalidate()`, a `useCallback` body. */
function localFunctionOf(callee: TSESTree.Node, context: Context): FunctionNode | undefined {
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(callee, context.file.scopeManager);
    const def = variable?.defs[0];
    if (!def || variable!.defs.length !== 1) return undefined;
    if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
    if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const init = unwrap(def.node.init);
      if (isFunction(init)) return init;
      // const save = useCallback(async () => { ... }, [deps])
      if (init.type === AST_NODE_TYPES.CallExpression && /^use(Callback|Event|EffectEvent|MemoizedFn)$/.test(calleeName(init) ?? '')) {
        const first = init.arguments[0] ? unwrap(init.arguments[0]) : undefined;
        if (first && isFunction(first)) return first;
      }
    }
    return undefined;
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && unwrap(callee.object).type === AST_NODE_TYPES.ThisExpression) {
    const name = memberName(callee);
    let body: TSESTree.Node | undefined = callee.parent;
    while (body && body.type !== AST_NODE_TYPES.ClassBody) body = body.parent;
    if (!body || body.type !== AST_NODE_TYPES.ClassBody || name === undefined) return undefined;
    for (const element of body.body) {
      if (element.type === AST_NODE_TYPES.MethodDefinition && propertyKey(element) === name && element.value.type === AST_NODE_TYPES.FunctionExpression) return element.value;
      if (element.type === AST_NODE_TYPES.PropertyDefinition && propertyKey(element) === name && element.value && isFunction(element.value)) {
        return element.value;
      }
    }
  }
  return undefined;
}

/** The identifier a callee is rooted at (`props.onSaved` → `props`, `onSaved` → `onSaved`). */
function rootIdentifier(node: TSESTree.Node): TSESTree.Identifier | undefined {
  let current = unwrap(node);
  for (let guard = 0; guard < 8; guard++) {
    if (current.type === AST_NODE_TYPES.Identifier) return current;
    if (current.type !== AST_NODE_TYPES.MemberExpression) return undefined;
    current = unwrap(current.object);
  }
  return undefined;
}

/**
 * True for a call of a callback handed in from outside the region: a prop or hook option of an
 * enclosing component (`onSaved()`, `props.onSuccess?.()`, `options.onSettled(data)`), which the
 * parent may use to invalidate. Closing and cancelling callbacks and state setters do not count.
 */
function callbackFromOutside(callee: TSESTree.Node, region: TSESTree.Node, context: Context): boolean {
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (name === undefined || NOT_INVALIDATING_CALLBACK.test(name) || /^set[A-Z]/.test(name)) return false;
  const root = rootIdentifier(callee);
  if (!root) return false;
  return isOutsideParameter(root, region, context, 0);
}

function isOutsideParameter(identifier: TSESTree.Identifier, region: TSESTree.Node, context: Context, depth: number): boolean {
  const variable = resolveVariable(identifier, context.file.scopeManager);
  const def = variable?.defs[0];
  if (!def) return false;
  if (def.type === 'Parameter') {
    const owner = def.node;
    return owner !== region && contains(owner, region);
  }
  // const { onSaved } = props;  const onSuccess = options?.onSuccess;
  if (depth < 2 && def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
    const root = rootIdentifier(def.node.init);
    return !!root && isOutsideParameter(root, region, context, depth + 1);
  }
  return false;
}

/** `setVersion(v => v + 1)` where `const [version, setVersion] = useState(...)` and a query key includes `version`. */
function bumpsKeyVersion(callee: TSESTree.Node, mode: Mode, context: Context): boolean {
  if (callee.type !== AST_NODE_TYPES.Identifier) return false;
  const variable = resolveVariable(callee, context.file.scopeManager);
  const def = variable?.defs[0];
  if (def?.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator || def.node.id.type !== AST_NODE_TYPES.ArrayPattern) return false;
  const [state, setter] = def.node.id.elements;
  if (setter !== def.name || state?.type !== AST_NODE_TYPES.Identifier) return false;
  const stateVariable = resolveVariable(state, context.file.scopeManager);
  if (!stateVariable) return false;
  const keys = mode === 'swr' ? swrKeys(context.file) : queryKeys(context.file);
  return stateVariable.references.some((reference) => keys.some((key) => contains(key.node, reference.identifier)));
}

/** True when an object of callbacks (`{ onSuccess, onSettled, onMutate }`) invalidates in `mode`. */
function callbacksCover(options: TSESTree.ObjectExpression, mode: Mode, context: Context, names: readonly string[]): boolean {
  for (const property of options.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKey(property);
    if (key === undefined || !names.includes(key)) continue;
    const value = unwrap(property.value);
    if (isFunction(value)) {
      if (covers(value, mode, context)) return true;
      continue;
    }
    if (property.method || property.value.type === AST_NODE_TYPES.FunctionExpression) {
      if (covers(property.value, mode, context)) return true;
      continue;
    }
    // `onSuccess: handleSuccess` (a local function), `onSuccess: options.onSuccess` (the caller's).
    const target = localFunctionOf(value, context);
    if (target) {
      if (covers(target, mode, context)) return true;
      continue;
    }
    return true;
  }
  return false;
}

function hasSpread(object: TSESTree.ObjectExpression): boolean {
  return object.properties.some((property) => property.type === AST_NODE_TYPES.SpreadElement);
}

function propertyOf(object: TSESTree.ObjectExpression | undefined, name: string): TSESTree.Property | undefined {
  if (!object) return undefined;
  for (const property of object.properties) {
    if (property.type === AST_NODE_TYPES.Property && propertyKey(property) === name) return property;
  }
  return undefined;
}

/** An object literal a node is, or a `const` bound to one. */
function objectLiteral(node: TSESTree.Node | undefined, context: Context): TSESTree.ObjectExpression | undefined {
  if (!node) return undefined;
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.ObjectExpression) return value;
  if (value.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(value, context.file.scopeManager);
    const def = variable?.defs[0];
    if (variable?.defs.length === 1 && def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
      const init = unwrap(def.node.init);
      if (init.type === AST_NODE_TYPES.ObjectExpression && !variable.references.some((r) => r.isWrite() && r.identifier !== def.name)) return init;
    }
  }
  return undefined;
}

/** True when a node is the dependency array of a hook (`useCallback(fn, [mutate])`). */
function isDependencyList(node: TSESTree.Node): boolean {
  const parent = parentOf(node);
  if (parent?.type !== AST_NODE_TYPES.ArrayExpression) return false;
  const call = parentOf(parent);
  return call?.type === AST_NODE_TYPES.CallExpression && call.arguments[1] === parent && isHookName(calleeName(call) ?? '');
}

/** True for a JSX attribute value on a DOM element (`<button onClick={mutate}>`): nobody there passes callbacks. */
function isIntrinsicJsxValue(node: TSESTree.Node): boolean {
  const container = parentOf(node);
  if (container?.type !== AST_NODE_TYPES.JSXExpressionContainer) return false;
  const attribute = container.parent;
  const element = attribute?.parent;
  if (attribute?.type !== AST_NODE_TYPES.JSXAttribute || element?.type !== AST_NODE_TYPES.JSXOpeningElement) return false;
  return element.name.type === AST_NODE_TYPES.JSXIdentifier && /^[a-z]/.test(element.name.name);
}

/** The statement holding `node` directly in a block of `fn` (not of a nested function). */
function statementIn(node: TSESTree.Node, fn: TSESTree.Node): TSESTree.Statement | undefined {
  for (let current: TSESTree.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if ((parent.type === AST_NODE_TYPES.BlockStatement || parent.type === AST_NODE_TYPES.SwitchCase) && (enclosingFunction(current) ?? undefined) === fn) {
      return current as TSESTree.Statement;
    }
    if (current === fn) return undefined;
  }
  return undefined;
}

/** An edit inserting `statement` on its own line after `after`, indented like it. */
function insertAfter(after: TSESTree.Statement, statement: string, context: Context): TextEdit {
  const text = context.file.text;
  const semi = text.includes(';') ? ';' : '';
  return { range: [after.range[1], after.range[1]], text: `${lineBreak(text)}${indentAt(text, after.range[0])}${statement}${semi}` };
}

/** True when every identifier an expression reads is declared where `at` sits. */
function visibleAt(expression: TSESTree.Node, at: TSESTree.Node, context: Context): boolean {
  const names: string[] = [];
  const collect = (node: TSESTree.Node, depth: number): boolean => {
    if (depth > 6) return false;
    const value = unwrap(node);
    switch (value.type) {
      case AST_NODE_TYPES.Literal:
        return true;
      case AST_NODE_TYPES.Identifier:
        names.push(value.name);
        return true;
      case AST_NODE_TYPES.TemplateLiteral:
        return value.expressions.every((part) => collect(part, depth + 1));
      case AST_NODE_TYPES.BinaryExpression:
        return value.left.type !== AST_NODE_TYPES.PrivateIdentifier && collect(value.left, depth + 1) && collect(value.right, depth + 1);
      case AST_NODE_TYPES.MemberExpression:
        return !value.computed && collect(value.object, depth + 1);
      case AST_NODE_TYPES.ArrayExpression:
        return value.elements.every((element) => !!element && element.type !== AST_NODE_TYPES.SpreadElement && collect(element, depth + 1));
      case AST_NODE_TYPES.ThisExpression:
        return true;
      default:
        return false;
    }
  };
  if (!collect(expression, 0)) return false;
  const manager = context.file.scopeManager;
  if (!manager) return false;
  const scope = scopeOf(at, manager);
  return names.every((name) => {
    for (let current = scope; current; current = current.upper) if (current.set.has(name)) return true;
    return false;
  });
}

// ---------------------------------------------------------------------------------------------
// 2a. TanStack Query

const MUTATION_HOOKS: ReadonlySet<string> = new Set(['useMutation', 'createMutation', 'injectMutation']);
const MUTATION_CALLBACKS = ['onSuccess', 'onSettled', 'onMutate'];

interface MutationInfo {
  readonly call: TSESTree.CallExpression;
  /** The options object literal, `undefined` when there is none, `null` when it cannot be read. */
  readonly options: TSESTree.ObjectExpression | undefined | null;
  readonly mutationFn: TSESTree.Node | undefined;
  readonly mutationKey: TSESTree.Node | undefined;
  /** Names to show: the binding, the custom hook, the mutation function, the mutation key. */
  readonly names: string[];
  /** Names the `allow` option is tested against: `names`, plus the component and the URL the mutation sends to. */
  readonly allowNames: string[];
  readonly words: string[];
  /** The component or hook the mutation lives in. */
  readonly owner: FunctionNode | undefined;
}

function checkTanStack(context: Context): void {
  const { file } = context;
  const mutations: TSESTree.CallExpression[] = [];
  const filterCalls: TSESTree.CallExpression[] = [];
  const { locals } = importedLocals(file, TANSTACK_QUERY_SOURCES, MUTATION_HOOKS);
  for (const call of getFileIndex(file).calls) {
    const name = calleeName(call);
    if (name === undefined) continue;
    const callee = unwrap(call.callee);
    const candidate = callee.type === AST_NODE_TYPES.Identifier ? locals.has(name) : MUTATION_HOOKS.has(name);
    if (candidate && MUTATION_HOOKS.has(tanstackExport(call.callee, file) ?? '')) mutations.push(call);
    else if (name === 'setQueryData' || name === 'invalidateQueries' || name === 'refetchQueries' || name === 'resetQueries' || name === 'removeQueries' || name === 'setQueriesData') {
      filterCalls.push(call);
    }
  }
  for (const call of filterCalls) checkQueryKeyShape(call, context);
  if (mutations.length === 0 || context.config.globalInvalidation || hasGlobalMutationInvalidation(context)) return;
  const uncovered: { call: TSESTree.CallExpression; mutation: MutationInfo }[] = [];
  const covered: string[] = [];
  for (const call of mutations) {
    const mutation = describeMutation(call, context);
    const name = mutation.names[0] ?? calleeName(call) ?? 'useMutation';
    if (context.allowed(mutation.allowNames)) continue;
    if (mutation.options === null) continue;
    const options = mutation.options;
    if (options) {
      if (callbacksCover(options, 'query', context, MUTATION_CALLBACKS) || declaresInvalidation(options, context)) {
        covered.push(name);
        continue;
      }
      // `...options` / `...mutationOptions`: the caller's callbacks may invalidate.
      if (hasSpread(options)) continue;
    }
    const flow = followMutation(call, context);
    if (flow.escaped) {
      // Handed to code this file cannot see. Only a hooks module that also defines a query for
      // the same entity is expected to invalidate it here.
      if (!flow.returned || !queryKeys(file).some((key) => sharesEntity(key.words, mutation.words))) continue;
      if (mutation.owner && acceptsCallbacks(mutation.owner)) continue;
    }
    if (flow.triggers.length > 0 && flow.triggers.every((trigger) => triggerCovered(trigger, mutation.owner, context, 'query', MUTATION_CALLBACKS))) {
      covered.push(name);
      continue;
    }
    uncovered.push({ call, mutation });
  }
  const sibling = siblingNote(covered, context);
  if (sibling === undefined) return;
  for (const { call, mutation } of uncovered) {
    context.report({
      messageId: 'mutationWithoutInvalidation',
      data: { name: mutation.names[0] ?? calleeName(call) ?? 'useMutation', sibling },
      node: call.callee,
      suggestions: invalidateSuggestions(mutation, context),
    });
  }
}

/**
 * The sibling that shows this file's convention (`updateBase` invalidates), as a sentence for the
 * message, or `undefined` when the option asks for one and none exists. Measured on real apps,
 * mutations without a sibling that invalidates were almost all right: reads issued as mutations,
 * data that arrives over a socket, a navigation that reloads the data.
 */
function siblingNote(covered: readonly string[], context: Context): string | undefined {
  if (covered.length > 0) return ` \`${covered[0]}\` in this file does.`;
  return context.config.requireSibling === false ? '' : undefined;
}

/** A hook that takes options or callbacks from its caller (`useCreateTodo(options)`, `({ onSuccess })`). */
function acceptsCallbacks(fn: FunctionNode): boolean {
  return fn.params.some((param) => {
    const target = param.type === AST_NODE_TYPES.AssignmentPattern ? param.left : param;
    if (target.type === AST_NODE_TYPES.Identifier) return /(options|opts|config|callbacks|props|params)$/i.test(target.name) || /^on[A-Z]/.test(target.name);
    if (target.type === AST_NODE_TYPES.ObjectPattern) {
      return target.properties.some((property) => property.type === AST_NODE_TYPES.RestElement || /^on[A-Z]|options|config/i.test(propertyKey(property) ?? ''));
    }
    return target.type === AST_NODE_TYPES.RestElement;
  });
}

/** `meta: { invalidates: [...] }` read by a global `MutationCache` (a common pattern). */
function declaresInvalidation(options: TSESTree.ObjectExpression, context: Context): boolean {
  const meta = objectLiteral(propertyOf(options, 'meta')?.value, context);
  return !!meta?.properties.some((property) => property.type === AST_NODE_TYPES.Property && /invalidat|refetch|revalidat/i.test(propertyKey(property) ?? ''));
}

/**
 * A global invalidation configured in this file: `new MutationCache({ onSuccess })`,
 * `new QueryClient({ defaultOptions: { mutations: { onSuccess } } })`, or
 * `queryClient.setMutationDefaults(key, { onSuccess })`, whose callbacks invalidate.
 */
function hasGlobalMutationInvalidation(context: Context): boolean {
  const { file } = context;
  const index = getFileIndex(file);
  for (const expression of index.news) {
    const name = tanstackExport(expression.callee, file);
    const first = objectLiteral(expression.arguments[0], context);
    if (!first) continue;
    if (name === 'MutationCache' && callbacksCover(first, 'query', context, MUTATION_CALLBACKS)) return true;
    if (name === 'QueryClient') {
      const defaults = objectLiteral(propertyOf(first, 'defaultOptions')?.value, context);
      const mutations = objectLiteral(propertyOf(defaults, 'mutations')?.value, context);
      if (mutations && callbacksCover(mutations, 'query', context, MUTATION_CALLBACKS)) return true;
    }
  }
  for (const call of index.calls) {
    if (calleeName(call) !== 'setMutationDefaults') continue;
    const defaults = objectLiteral(call.arguments[1], context);
    if (defaults && callbacksCover(defaults, 'query', context, MUTATION_CALLBACKS)) return true;
  }
  return false;
}

function describeMutation(call: TSESTree.CallExpression, context: Context): MutationInfo {
  const args = call.arguments;
  let options: TSESTree.ObjectExpression | undefined | null;
  let mutationFn: TSESTree.Node | undefined;
  let mutationKey: TSESTree.Node | undefined;
  const first = args[0] ? unwrap(args[0]) : undefined;
  const firstObject = objectLiteral(first, context);
  if (firstObject) {
    options = firstObject;
  } else if (first && isFunction(first) && first.params.length === 0 && first.body.type !== AST_NODE_TYPES.BlockStatement && !args[1]) {
    // Solid / Angular: createMutation(() => ({ mutationFn, onSuccess }))
    const body = unwrap(first.body);
    if (body.type === AST_NODE_TYPES.ObjectExpression) options = body;
    else mutationFn = first;
  } else if (first && !looksLikeMutationFn(first, context)) {
    // useMutation(todoMutationOptions), useMutation(trpc.todo.add.mutationOptions()): built elsewhere.
    options = null;
  } else if (first) {
    // v3/v4: useMutation(fn, options?) or useMutation(key, fn, options?)
    let rest = 1;
    if (first.type === AST_NODE_TYPES.ArrayExpression || (first.type === AST_NODE_TYPES.Literal && typeof first.value === 'string')) {
      mutationKey = first;
      mutationFn = args[1];
      rest = 2;
    } else {
      mutationFn = first;
    }
    const optionsArg = args[rest];
    options = optionsArg ? (objectLiteral(optionsArg, context) ?? null) : undefined;
  } else {
    options = undefined;
  }
  if (options) {
    mutationFn ??= propertyOf(options, 'mutationFn')?.value;
    mutationKey ??= propertyOf(options, 'mutationKey')?.value;
  }
  const names: string[] = [];
  const holder = parentOf(call);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator) {
    if (holder.id.type === AST_NODE_TYPES.Identifier) names.push(holder.id.name);
    if (holder.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of holder.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (value.type === AST_NODE_TYPES.Identifier && value.name !== 'mutate' && value.name !== 'mutateAsync') names.push(value.name);
      }
    }
  }
  const owner = ownerOf(call);
  const ownerName = owner ? functionName(owner) : undefined;
  if (ownerName && isHookName(ownerName)) names.push(ownerName);
  if (mutationFn) names.push(...functionNames(mutationFn, context));
  if (mutationKey) {
    const value = staticValue(mutationKey, context.file);
    if (typeof value === 'string') names.push(value);
    else if (value) names.push(...value, value.join('/'));
  }
  const words: string[] = [];
  for (const name of names) for (const word of entityWords(name)) if (!words.includes(word)) words.push(word);
  const allowNames = [...names];
  if (ownerName && isComponentName(ownerName)) allowNames.push(ownerName);
  // The URL a mutation function sends to: `fetch('/api/auth/magic-link', ...)`, `axios.post(url)`, `api.request({ url })`.
  for (const inner of mutationFn && isFunction(unwrap(mutationFn)) ? callsWithin(context.file, mutationFn) : []) {
    const name = calleeName(inner);
    let url: TSESTree.Node | undefined;
    if (name === 'fetch' || /^(post|put|patch|delete)$/.test(name ?? '')) url = inner.arguments[0];
    else if (name === 'request' || name === 'axios') url = propertyOf(objectLiteral(inner.arguments[0], context), 'url')?.value;
    if (!url) continue;
    const value = staticValue(url, context.file) ?? (unwrap(url).type === AST_NODE_TYPES.TemplateLiteral ? (unwrap(url) as TSESTree.TemplateLiteral).quasis[0]?.value.cooked : undefined);
    if (typeof value !== 'string') continue;
    allowNames.push(value);
    for (const word of entityWords(value)) if (!words.includes(word)) words.push(word);
  }
  return { call, options, mutationFn, mutationKey, names, allowNames, words, owner };
}

/** True when a first argument is a mutation function (v3/v4) rather than options built elsewhere. */
function looksLikeMutationFn(node: TSESTree.Node, context: Context): boolean {
  if (isFunction(node) || node.type === AST_NODE_TYPES.ArrayExpression || node.type === AST_NODE_TYPES.Literal) return true;
  if (node.type === AST_NODE_TYPES.Identifier) {
    if (localFunctionOf(node, context)) return true;
    return !/(options|opts|config|mutation)$/i.test(node.name);
  }
  if (node.type === AST_NODE_TYPES.MemberExpression) return !/(options|opts|config|mutation)$/i.test(memberName(node) ?? '');
  return false;
}

/** Names a mutation function goes by: `createTodo`, or the calls its arrow makes (`api.todos.create` → `todos`, `create`). */
function functionNames(node: TSESTree.Node, context: Context): string[] {
  const value = unwrap(node);
  if (value.type === AST_NODE_TYPES.Identifier) return [value.name];
  if (value.type === AST_NODE_TYPES.MemberExpression) return [context.text(value).replace(/\s+/g, '')];
  if (!isFunction(value)) return [];
  const out: string[] = [];
  for (const call of callsWithin(context.file, value).slice(0, 3)) {
    const callee = unwrap(call.callee);
    if (callee.type === AST_NODE_TYPES.Identifier) out.push(callee.name);
    else if (callee.type === AST_NODE_TYPES.MemberExpression) out.push(context.text(callee).replace(/\s+/g, ''));
  }
  return out;
}

/** The component or hook a node sits in: the outermost enclosing function that is one, or the outermost function. */
function ownerOf(node: TSESTree.Node): FunctionNode | undefined {
  let outermost: FunctionNode | undefined;
  let named: FunctionNode | undefined;
  for (let current = node.parent; current; current = current.parent) {
    if (!isFunction(current)) continue;
    outermost = current;
    const name = functionName(current);
    if (name && (isComponentName(name) || isHookName(name))) named ??= current;
  }
  return named ?? outermost;
}

interface Trigger {
  /** The `mutate(...)`/`mutateAsync(...)`/`trigger(...)` call, or undefined for a function handed to a DOM event. */
  readonly call: TSESTree.CallExpression | undefined;
}

interface Flow {
  readonly triggers: Trigger[];
  readonly escaped: boolean;
  readonly returned: boolean;
}

/**
 * Where a mutation's result goes: the calls of its trigger functions (`mutation.mutate(...)`,
 * a destructured `mutateAsync`), or an escape (returned, passed whole to a component or call,
 * spread) that hands it to code this file does not show.
 */
function followMutation(call: TSESTree.CallExpression, context: Context, triggerNames: readonly string[] = ['mutate', 'mutateAsync']): Flow {
  const triggers: Trigger[] = [];
  let escaped = false;
  let returned = false;
  const asyncName = triggerNames[1];
  const escape = (node: TSESTree.Node): void => {
    escaped = true;
    const parent = parentOf(node);
    if (parent?.type === AST_NODE_TYPES.ReturnStatement || (parent && isFunction(parent) && parent.body === node)) returned = true;
    // return { create: mutation.mutate }, return [mutate, state]
    if ((parent?.type === AST_NODE_TYPES.Property || parent?.type === AST_NODE_TYPES.ArrayExpression) && parent.parent) {
      const outer = parentOf(parent.type === AST_NODE_TYPES.Property ? parent.parent : parent);
      if (outer?.type === AST_NODE_TYPES.ReturnStatement || (outer && isFunction(outer))) returned = true;
    }
  };
  /** A reference to a trigger function itself (`mutate`, `mutation.mutate`). */
  const followTrigger = (reference: TSESTree.Node, name: string): void => {
    const parent = parentOf(reference);
    if (parent?.type === AST_NODE_TYPES.CallExpression && unwrap(parent.callee) === unwrap(reference)) {
      triggers.push({ call: parent });
      return;
    }
    if (isDependencyList(reference)) return;
    if (isIntrinsicJsxValue(reference)) {
      triggers.push({ call: undefined });
      return;
    }
    // A `mutate` handed on is still called without our callbacks; a `mutateAsync` handed on is awaited elsewhere.
    if (name !== asyncName && (parent?.type === AST_NODE_TYPES.JSXExpressionContainer || parent?.type === AST_NODE_TYPES.CallExpression)) {
      triggers.push({ call: undefined });
      return;
    }
    escape(reference);
  };
  const followObject = (reference: TSESTree.Node): void => {
    const parent = parentOf(reference);
    if (parent?.type === AST_NODE_TYPES.MemberExpression && unwrap(parent.object) === unwrap(reference)) {
      const name = memberName(parent);
      if (name !== undefined && triggerNames.includes(name)) followTrigger(parent, name);
      return;
    }
    if (isDependencyList(reference)) return;
    if (parent?.type === AST_NODE_TYPES.ExpressionStatement) return;
    escape(reference);
  };
  const referencesOf = (id: TSESTree.Identifier): readonly TSESTree.Node[] => {
    const variable = resolveVariable(id, context.file.scopeManager);
    return (variable?.references ?? []).filter((reference) => reference.identifier !== id && !reference.isWrite()).map((reference) => reference.identifier);
  };
  const holder = parentOf(call);
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.init && unwrap(holder.init) === call) {
    if (holder.id.type === AST_NODE_TYPES.Identifier) {
      for (const reference of referencesOf(holder.id)) followObject(reference);
    } else if (holder.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of holder.id.properties) {
        if (property.type === AST_NODE_TYPES.RestElement) {
          escaped = true;
          continue;
        }
        const key = propertyKey(property);
        if (key === undefined || !triggerNames.includes(key)) continue;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (value.type !== AST_NODE_TYPES.Identifier) continue;
        for (const reference of referencesOf(value)) followTrigger(reference, key);
      }
    } else {
      escaped = true;
    }
  } else if (holder?.type === AST_NODE_TYPES.MemberExpression && unwrap(holder.object) === call) {
    const name = memberName(holder);
    if (name !== undefined && triggerNames.includes(name)) followTrigger(holder, name);
  } else if (holder?.type !== AST_NODE_TYPES.ExpressionStatement) {
    escape(call);
  }
  return { triggers, escaped, returned };
}

/** True when a trigger call's own callbacks, its handler, or the handler's callers invalidate. */
function triggerCovered(trigger: Trigger, owner: FunctionNode | undefined, context: Context, mode: Mode, callbackNames: readonly string[]): boolean {
  const call = trigger.call;
  if (!call) return false;
  const callbacks = call.arguments[1];
  if (callbacks) {
    const object = objectLiteral(callbacks, context);
    if (!object || hasSpread(object)) return true;
    if (callbacksCover(object, mode, context, callbackNames)) return true;
    // SWR: trigger(arg, { populateCache }) writes the result into the cache.
    if (mode === 'swr' && propertyOf(object, 'populateCache')) return true;
  }
  return handlerCovered(call, owner, context, mode);
}

/** True when the function a call sits in (a handler), or a caller of that handler, invalidates. */
function handlerCovered(call: TSESTree.Node, owner: FunctionNode | undefined, context: Context, mode: Mode): boolean {
  const handler = enclosingFunction(call);
  if (!handler || handler === owner) return false;
  if (covers(handler, mode, context)) return true;
  // const save = async (values) => { await mutateAsync(values) };  ... await save(v); invalidate();
  const holder = handler.parent;
  if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(holder.id, context.file.scopeManager);
    for (const reference of variable?.references ?? []) {
      const parent = parentOf(reference.identifier);
      if (parent?.type !== AST_NODE_TYPES.CallExpression || unwrap(parent.callee) !== reference.identifier) continue;
      const caller = enclosingFunction(parent);
      if (caller && caller !== owner && covers(caller, mode, context)) return true;
    }
  }
  return false;
}

/** Suggestions adding `onSuccess: () => queryClient.invalidateQueries({ queryKey })` for the file's matching query keys. */
function invalidateSuggestions(mutation: MutationInfo, context: Context): SuggestionPlan<MessageId>[] {
  const client = queryClientName(mutation.call, context);
  if (!client) return [];
  const roots = matchingRoots(queryKeys(context.file), mutation.words);
  const out: SuggestionPlan<MessageId>[] = [];
  for (const root of roots.slice(0, 3)) {
    const invalidation = `${client}.invalidateQueries({ queryKey: ${root} })`;
    const edits = addCallback(mutation, invalidation, context);
    if (edits) out.push({ messageId: 'invalidateQuery', data: { key: root }, edits });
  }
  return out;
}

/** Roots of the keys whose entity matches; when none matches and the file caches under one root only, that root. */
function matchingRoots(keys: readonly DataKey[], words: readonly string[]): string[] {
  const roots: string[] = [];
  const all = new Set<string>();
  for (const key of keys) {
    if (key.root === undefined) continue;
    all.add(key.root);
    if (sharesEntity(key.words, words) && !roots.includes(key.root)) roots.push(key.root);
  }
  if (roots.length === 0 && all.size === 1) roots.push(...all);
  return roots;
}

/** A `queryClient` from `useQueryClient()` in an enclosing function, or a module-level `new QueryClient()`. */
function queryClientName(call: TSESTree.CallExpression, context: Context): string | undefined {
  const { file } = context;
  for (const candidate of getFileIndex(file).calls) {
    const name = calleeName(candidate);
    if (name !== 'useQueryClient' && name !== 'injectQueryClient') continue;
    if (tanstackExport(candidate.callee, file) !== name) continue;
    const holder = parentOf(candidate);
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.Identifier) continue;
    const scope = enclosingFunction(candidate);
    if (!scope || contains(scope, call)) return holder.id.name;
  }
  for (const expression of getFileIndex(file).news) {
    if (tanstackExport(expression.callee, file) !== 'QueryClient') continue;
    const holder = parentOf(expression);
    if (holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier && !enclosingFunction(expression)) return holder.id.name;
  }
  return undefined;
}

/** Edits that make the mutation run `invalidation` on success. */
function addCallback(mutation: MutationInfo, invalidation: string, context: Context): TextEdit[] | undefined {
  const options = mutation.options;
  if (options === null) return undefined;
  if (options) {
    const existing = propertyOf(options, 'onSuccess');
    if (!existing) return [addObjectProperty(options, `onSuccess: () => ${invalidation}`, context.file)];
    const value = unwrap(existing.value);
    if (!isFunction(value) || value.body.type !== AST_NODE_TYPES.BlockStatement) return undefined;
    const body = value.body;
    const last = body.body[body.body.length - 1];
    if (!last) return [{ range: [body.range[0] + 1, body.range[0] + 1], text: ` void ${invalidation}; ` }];
    if (last.type === AST_NODE_TYPES.ReturnStatement) return undefined;
    return [insertAfter(last, `void ${invalidation}`, context)];
  }
  // v3/v4 useMutation(fn) → useMutation(fn, { onSuccess })
  const fnArg = mutation.call.arguments[mutation.mutationKey ? 1 : 0];
  if (!fnArg || mutation.call.arguments.length !== (mutation.mutationKey ? 2 : 1)) return undefined;
  return [{ range: [fnArg.range[1], fnArg.range[1]], text: `, { onSuccess: () => ${invalidation} }` }];
}

/** `invalidateQueries({ queryKey: 'todos' })` while the query is `['todos', ...]` (or the other way round). */
function checkQueryKeyShape(call: TSESTree.CallExpression, context: Context): void {
  const name = calleeName(call);
  let keyNode: TSESTree.Node | undefined;
  if (name === 'setQueryData') keyNode = call.arguments[0];
  else keyNode = propertyOf(objectLiteral(call.arguments[0], context), 'queryKey')?.value;
  if (!keyNode) return;
  reportShapeMismatch(describeKey(keyNode, call, context.file), queryKeys(context.file), context, 'tanstack');
}

function reportShapeMismatch(key: DataKey, reads: readonly DataKey[], context: Context, layer: 'tanstack' | 'swr'): boolean {
  if (key.head === undefined || key.shape === 'other') return false;
  const sameShape = reads.some((read) => read.shape === key.shape && read.head === key.head);
  if (sameShape) return false;
  const other = reads.find((read) => read.shape !== key.shape && read.shape !== 'other' && read.head === key.head);
  if (!other) return false;
  const q = preferredQuote(context.file.text);
  let replacement: string | undefined;
  if (key.shape === 'string') {
    replacement = layer === 'swr' ? `(key) => Array.isArray(key) && key[0] === ${context.text(key.node)}` : `[${context.text(key.node)}]`;
  } else {
    replacement = `${q}${key.head}${q}`;
  }
  if (key.head.includes(q) || key.head.includes('\\')) replacement = undefined;
  if (context.reported.has(key.node)) return true;
  context.reported.add(key.node);
  context.report({
    messageId: 'keyShapeMismatch',
    data: {
      key: context.text(key.node),
      shape: key.shape,
      otherShape: other.shape,
      other: context.text(other.node),
      line: other.node.loc.start.line,
    },
    node: key.node,
    suggestions: replacement ? [{ messageId: 'matchKeyShape', data: { key: replacement }, edits: [{ range: key.node.range, text: replacement }] }] : [],
  });
  return true;
}

// ---------------------------------------------------------------------------------------------
// 2b. SWR

function checkSwr(context: Context): void {
  const { file } = context;
  const reads = swrKeys(file);
  const index = getFileIndex(file);
  for (const call of index.calls) {
    const name = swrExport(call.callee, file);
    if (name === 'useSWRMutation') checkSwrMutation(call, reads, context);
    else if (isGlobalMutate(call, context) && call.arguments[0]) reportShapeMismatch(describeKey(call.arguments[0], call, file), reads, context, 'swr');
  }
  if (reads.length === 0) return;
  // Mutating fetch/axios calls in components that read with useSWR.
  const components = new Set<FunctionNode>();
  for (const read of reads) {
    const owner = read.call ? enclosingFunction(read.call) : undefined;
    if (owner) components.add(owner);
  }
  const writes = getDataWrites(file).filter((write) => write.kind === 'http');
  for (const component of components) {
    for (const write of writes) {
      if (!contains(component, write.node) || context.reported.has(write.node)) continue;
      if (insideSwrMutation(write.node, component, context)) continue;
      const handler = write.fn;
      if (!handler || handler === component) continue;
      if (context.allowed([functionName(handler)])) continue;
      if (handlerCovered(write.node, component, context, 'swr')) continue;
      context.reported.add(write.node);
      context.report({
        messageId: 'swrWriteWithoutMutate',
        data: { write: write.text },
        node: write.node,
        suggestions: mutateSuggestion(write, handler, component, context),
      });
    }
  }
}

/** True when a write runs inside `mutate(...)`'s arguments or a `useSWRMutation` fetcher (SWR then revalidates). */
function insideSwrMutation(node: TSESTree.Node, component: FunctionNode, context: Context): boolean {
  for (let current = node.parent; current && current !== component; current = current.parent) {
    if (current.type !== AST_NODE_TYPES.CallExpression) continue;
    const name = calleeName(current);
    if (name !== undefined && /^mutate/i.test(name)) return true;
    if (swrExport(current.callee, context.file) === 'useSWRMutation') return true;
  }
  return false;
}

/** `mutate(key)` from `import { mutate } from 'swr'` or `useSWRConfig()`: the keyed, global form. */
function isGlobalMutate(call: TSESTree.CallExpression, context: Context): boolean {
  const { file } = context;
  const callee = unwrap(call.callee);
  if (swrExport(callee, file) === 'mutate') return true;
  const fromConfig = (node: TSESTree.Node | null | undefined): boolean => {
    const init = node ? unwrap(node) : undefined;
    return init?.type === AST_NODE_TYPES.CallExpression && swrExport(init.callee, file) === 'useSWRConfig';
  };
  if (callee.type === AST_NODE_TYPES.Identifier) {
    const def = resolveVariable(callee, file.scopeManager)?.defs[0];
    return def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id.type === AST_NODE_TYPES.ObjectPattern && fromConfig(def.node.init);
  }
  if (callee.type === AST_NODE_TYPES.MemberExpression && memberName(callee) === 'mutate') {
    const object = unwrap(callee.object);
    if (fromConfig(object)) return true;
    if (object.type === AST_NODE_TYPES.Identifier) {
      const def = resolveVariable(object, file.scopeManager)?.defs[0];
      return def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && fromConfig(def.node.init);
    }
  }
  return false;
}

function checkSwrMutation(call: TSESTree.CallExpression, reads: readonly DataKey[], context: Context): void {
  const { file } = context;
  const keyNode = call.arguments[0];
  if (!keyNode || reads.length === 0) return;
  const key = describeKey(keyNode, call, file);
  if (reportShapeMismatch(key, reads, context, 'swr')) return;
  const options = call.arguments[2] ? objectLiteral(call.arguments[2], context) : undefined;
  if (call.arguments[2] && !options) return;
  const sameKey = reads.find((read) => sameStaticKey(read, key, file) || normalised(context.text(read.node)) === normalised(context.text(key.node)));
  let why: string;
  let read: DataKey;
  if (sameKey) {
    const revalidate = propertyOf(options, 'revalidate');
    const populate = propertyOf(options, 'populateCache');
    const off = revalidate && unwrap(revalidate.value).type === AST_NODE_TYPES.Literal && (unwrap(revalidate.value) as TSESTree.Literal).value === false;
    const populates = populate && !(unwrap(populate.value).type === AST_NODE_TYPES.Literal && (unwrap(populate.value) as TSESTree.Literal).value === false);
    if (!off || populates) return;
    why = 'does not revalidate (`revalidate: false` without `populateCache`)';
    read = sameKey;
  } else {
    why = `revalidates only its own key \`${context.text(key.node)}\``;
    read = reads[0]!;
  }
  const holder = parentOf(call);
  const names: string[] = holder?.type === AST_NODE_TYPES.VariableDeclarator && holder.id.type === AST_NODE_TYPES.Identifier ? [holder.id.name] : [];
  const fetcher = call.arguments[1];
  if (fetcher) names.push(...functionNames(fetcher, context));
  if (typeof staticValue(keyNode, file) === 'string') names.push(staticValue(keyNode, file) as string);
  if (context.allowed(names)) return;
  if (options) {
    if (callbacksCover(options, 'swr', context, ['onSuccess'])) return;
    if (hasSpread(options)) return;
  }
  const owner = ownerOf(call);
  const flow = followMutation(call, context, ['trigger']);
  if (flow.escaped) return;
  if (flow.triggers.length > 0 && flow.triggers.every((trigger) => triggerCovered(trigger, owner, context, 'swr', ['onSuccess']))) return;
  context.report({
    messageId: 'swrMutationWithoutRevalidation',
    data: { why, read: context.text(read.node) },
    node: call.callee,
  });
}

function normalised(text: string): string {
  return text.replace(/\s+/g, '').replace(/"/g, "'");
}

/** After the write's statement, call the component's bound `mutate` from `useSWR`. */
function mutateSuggestion(write: DataWrite, handler: FunctionNode, component: FunctionNode, context: Context): SuggestionPlan<MessageId>[] {
  let bound: string | undefined;
  for (const read of swrKeys(context.file)) {
    if (!read.call || enclosingFunction(read.call) !== component) continue;
    const holder = parentOf(read.call);
    if (holder?.type !== AST_NODE_TYPES.VariableDeclarator || holder.id.type !== AST_NODE_TYPES.ObjectPattern) continue;
    for (const property of holder.id.properties) {
      if (property.type === AST_NODE_TYPES.Property && propertyKey(property) === 'mutate' && property.value.type === AST_NODE_TYPES.Identifier) {
        bound = property.value.name;
        break;
      }
    }
    if (bound) break;
  }
  if (!bound) return [];
  const statement = statementIn(write.node, handler);
  if (!statement || statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return [];
  const call = `${handler.async ? 'await ' : ''}${bound}()`;
  return [{ messageId: 'callMutate', data: { call: `${bound}()` }, edits: [insertAfter(statement, call, context)] }];
}

// ---------------------------------------------------------------------------------------------
// 3. Next.js server actions

function checkActions(context: Context): void {
  const { file } = context;
  const actions = serverActions(file);
  if (actions.length === 0) return;
  const writes = getDataWrites(file);
  const uncovered: { action: (typeof actions)[number]; direct: DataWrite[]; all: DataWrite[] }[] = [];
  const covered: string[] = [];
  for (const action of actions) {
    if (context.allowed([action.name])) continue;
    const direct = writes.filter((write) => contains(action.fn, write.node));
    const all = direct.length > 0 ? direct : writesThroughHelpers(action.fn, writes, context);
    if (covers(action.fn, 'next', context)) {
      if (all.length > 0) covered.push(action.name);
      continue;
    }
    if (all.length === 0) continue;
    uncovered.push({ action, direct, all });
  }
  const sibling = siblingNote(covered, context);
  if (sibling === undefined) return;
  for (const { action, direct, all } of uncovered) {
    const first = all[0]!;
    for (const write of all) context.reported.add(write.node);
    const at = direct.length > 0 ? first.node : (actionNameNode(action.fn) ?? action.fn);
    context.report({
      messageId: 'actionWithoutRevalidation',
      data: { name: action.name, write: first.text, sibling },
      node: at,
      suggestions: direct.length > 0 ? revalidateSuggestions(action.fn, direct, context) : [],
    });
  }
}

function writesThroughHelpers(fn: FunctionNode, writes: readonly DataWrite[], context: Context, depth = 0, visited = new Set<TSESTree.Node>()): DataWrite[] {
  if (depth > 2) return [];
  for (const call of callsWithin(context.file, fn)) {
    const target = localFunctionOf(unwrap(call.callee), context);
    if (!target || visited.has(target)) continue;
    visited.add(target);
    const inside = writes.filter((write) => contains(target, write.node));
    if (inside.length > 0) return inside;
    const deeper = writesThroughHelpers(target, writes, context, depth + 1, visited);
    if (deeper.length > 0) return deeper;
  }
  return [];
}

function actionNameNode(fn: FunctionNode): TSESTree.Node | undefined {
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration && fn.id) return fn.id;
  const parent = fn.parent;
  if (parent?.type === AST_NODE_TYPES.VariableDeclarator) return parent.id;
  return undefined;
}

/** `updateTag('todos')` / `revalidateTag('todos')` for a tag the file caches under, `revalidatePath('/todos')` for the page. */
function revalidateSuggestions(fn: FunctionNode, writes: readonly DataWrite[], context: Context): SuggestionPlan<MessageId>[] {
  const { file } = context;
  const last = writes[writes.length - 1]!;
  const statement = statementIn(last.node, fn);
  if (!statement || statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return [];
  const major = nextMajor(file.filename, context.config.nextMajor);
  const q = preferredQuote(file.text);
  const calls: { name: string; call: string }[] = [];
  const entity = writes.map((write) => write.entity).filter((e): e is string => !!e);
  const tags = cacheTags(context);
  const matching = tags.filter((tag) => sharesEntity(entityWords(tag), entity));
  const chosen = matching.length > 0 ? matching : tags.length === 1 ? tags : [];
  for (const tag of chosen.slice(0, 2)) {
    if (tag.includes(q) || tag.includes('\\')) continue;
    if (major !== undefined && major >= 16) calls.push({ name: 'updateTag', call: `updateTag(${q}${tag}${q})` });
    else calls.push({ name: 'revalidateTag', call: `revalidateTag(${q}${tag}${q})` });
  }
  const path = redirectPath(fn, context) ?? routePath(file.filename);
  if (path && !path.includes(q) && !path.includes('\\')) calls.push({ name: 'revalidatePath', call: `revalidatePath(${q}${path}${q})` });
  const out: SuggestionPlan<MessageId>[] = [];
  for (const { name, call } of calls) {
    const edits: TextEdit[] = [insertAfter(statement, call, context)];
    const imported = addNamedImport(file, name, 'next/cache');
    if (imported) edits.push(imported);
    out.push({ messageId: 'revalidate', data: { call }, edits });
  }
  return out;
}

/** Static tags the file caches under: `unstable_cache(fn, keys, { tags })`, `fetch(url, { next: { tags } })`, `cacheTag('x')`. */
function cacheTags(context: Context): string[] {
  const { file } = context;
  const out: string[] = [];
  const add = (node: TSESTree.Node | undefined): void => {
    const value = node ? staticValue(node, file) : undefined;
    for (const tag of typeof value === 'string' ? [value] : (value ?? [])) if (!out.includes(tag)) out.push(tag);
  };
  for (const property of getFileIndex(file).properties) {
    if (propertyKey(property) !== 'tags') continue;
    const object = property.parent;
    const owner = object?.parent;
    const isFetchNext = owner?.type === AST_NODE_TYPES.Property && propertyKey(owner) === 'next';
    const isCacheOptions = owner?.type === AST_NODE_TYPES.CallExpression && nextCacheExport(owner.callee, file) === 'unstable_cache';
    if (isFetchNext || isCacheOptions) add(property.value);
  }
  for (const call of getFileIndex(file).calls) {
    const name = nextCacheExport(call.callee, file);
    if (name === 'cacheTag' || name === 'unstable_cacheTag') for (const argument of call.arguments) add(argument);
  }
  return out;
}

/** The page a server action redirects to (`redirect('/todos')`), which is what should be fresh. */
function redirectPath(fn: FunctionNode, context: Context): string | undefined {
  for (const call of callsWithin(context.file, fn)) {
    if (calleeName(call) !== 'redirect' || !call.arguments[0]) continue;
    const value = staticValue(call.arguments[0], context.file);
    if (typeof value === 'string' && value.startsWith('/')) return value.split(/[?#]/)[0];
  }
  return undefined;
}

/** Folders under `app/` that hold code rather than routes (`app/lib/actions.ts` is no page). */
const NOT_ROUTES: ReadonlySet<string> = new Set(['lib', 'libs', 'utils', 'util', 'helpers', 'components', 'hooks', 'server', 'services', 'data', 'db', 'actions', 'api', 'store', 'stores', 'types', 'config', 'shared', 'common']);

/** `app/(shop)/todos/actions.ts` → `/todos`; undefined outside `app/`, under a dynamic segment or in a code folder. */
function routePath(filename: string): string | undefined {
  const parts = filename.replace(/\\/g, '/').split('/');
  const app = parts.lastIndexOf('app');
  if (app < 0) return undefined;
  const segments = parts.slice(app + 1, -1).filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith('@'));
  if (segments.some((segment) => segment.startsWith('[') || segment.startsWith('_') || NOT_ROUTES.has(segment))) return undefined;
  return `/${segments.join('/')}`;
}

// ---------------------------------------------------------------------------------------------
// 1. Server code: module and class caches

interface CachedRead {
  readonly store: StoreSite;
  /** The read (`cache.get(k)`, `cache.wrap(k, fn)`) or the memoizer's creation. */
  readonly node: TSESTree.Node;
  readonly key: TSESTree.Node | undefined;
  readonly keyText: string;
  readonly words: readonly string[];
  /** Keyed by an id (`user:${id}`): creating a record cannot make it stale. */
  readonly perItem: boolean;
  readonly reader: string;
  /** `cls` for stores kept on a class instance: only that class's methods share them. */
  readonly cls: TSESTree.Node | undefined;
  readonly tags: readonly string[];
}

function checkServer(context: Context): void {
  const { file } = context;
  const stores = getStoreAnalysis(file).stores.filter((store) => store.level !== 'function');
  if (stores.length === 0) return;
  const reads = cachedReads(stores, context);
  if (reads.length === 0) return;
  const writes = getDataWrites(file);
  const done = new Set<string>();
  context.stores = stores;
  for (const write of writes) {
    if (write.kind === 'http' || !write.entity || !write.fn || context.reported.has(write.node)) continue;
    const fn = topFunction(write.fn);
    const matches = reads.filter(
      (read) =>
        read.words.includes(write.entity!) &&
        (!read.cls || contains(read.cls, write.node)) &&
        !(write.operation === 'create' && read.perItem) &&
        !contains(fn, read.node),
    );
    if (matches.length === 0) continue;
    const doneKey = `${fn.range[0]}:${write.entity}`;
    if (done.has(doneKey)) continue;
    const fnName = functionName(fn) ?? 'this function';
    if (context.allowed([fnName])) continue;
    context.entity = write.entity;
    const covered = covers(fn, 'store', context);
    context.entity = undefined;
    if (covered) continue;
    done.add(doneKey);
    const read = matches[0]!;
    context.report({
      messageId: 'staleServerWrite',
      data: { write: write.text, entity: write.entity, reader: read.reader, key: displayKey(read.keyText), fn: fnName },
      node: write.node,
      suggestions: deleteSuggestions(write, fn, matches, context),
    });
  }
}

/** The method or function a write belongs to (through nested callbacks such as `$transaction(async (tx) => ...)`). */
function topFunction(fn: FunctionNode): FunctionNode {
  let current = fn;
  for (let outer = enclosingFunction(current); outer; outer = enclosingFunction(current)) {
    const parent = current.parent;
    // A callback passed to a call stays part of the function that makes the call.
    if (parent?.type !== AST_NODE_TYPES.CallExpression) break;
    current = outer;
  }
  return current;
}

function cachedReads(stores: readonly StoreSite[], context: Context): CachedRead[] {
  const out: CachedRead[] = [];
  for (const store of stores) {
    const cls = store.binding.kind === 'member' ? store.binding.cls : undefined;
    const storeWords = storeNameWords(store);
    if (store.kind === 'memoizer') {
      const creation = store.creation;
      if (creation?.type !== AST_NODE_TYPES.CallExpression) continue;
      const fetcher = creation.arguments[0];
      const words = [...storeWords, ...fetcherWords(fetcher, context)];
      let tags: string[] = [];
      let keyText = store.binding.kind === 'variable' ? store.binding.name : context.text(creation.callee);
      if (store.library === 'next-unstable-cache') {
        const parts = creation.arguments[1];
        const value = parts ? staticValue(parts, context.file) : undefined;
        if (value) for (const part of typeof value === 'string' ? [value] : value) words.push(...entityWords(part));
        if (parts) keyText = context.text(parts);
        const options = objectLiteral(creation.arguments[2], context);
        const tagValue = propertyOf(options, 'tags') ? staticValue(propertyOf(options, 'tags')!.value, context.file) : undefined;
        tags = typeof tagValue === 'string' ? [tagValue] : tagValue ? [...tagValue] : [];
        for (const tag of tags) words.push(...entityWords(tag));
      }
      const fetcherFn = fetcher && isFunction(unwrap(fetcher)) ? (unwrap(fetcher) as FunctionNode) : undefined;
      const perItem = !!fetcherFn && fetcherFn.params.length > 0 && idLike(fetcherFn.params[0]!);
      out.push({ store, node: creation, key: undefined, keyText, words: unique(words), perItem, reader: store.binding.kind === 'variable' ? store.binding.name : keyText, cls, tags });
      continue;
    }
    for (const use of store.uses) {
      if (!READ_METHODS.has(use.method) && use.method !== 'wrap' && use.method !== '[]') continue;
      const key = use.args[0];
      if (!key) continue;
      const prefix = keyPrefix(key, context.file);
      const words = [...storeWords];
      if (prefix) words.push(...entityWords(prefix.prefix));
      let readsData = false;
      if (use.fn) {
        const name = functionName(use.fn);
        if (name) words.push(...entityWords(name));
        for (const call of callsWithin(context.file, use.fn)) {
          const entity = dataReadEntity(call, context.file);
          if (entity) {
            words.push(entity);
            readsData = true;
          }
        }
      }
      if (use.method === 'wrap' && use.args[1]) words.push(...fetcherWords(use.args[1], context));
      if (words.length === 0) continue;
      // A Map or plain object is a cache of data only when it says so or holds what the database returned.
      if ((store.library === 'map' || store.library === 'object') && !readsData && !(store.binding.kind !== 'anonymous' && /cache|memo|lru/i.test(store.binding.name))) continue;
      const perItem = !prefix?.complete && idKeyed(key);
      out.push({
        store,
        node: use.node,
        key,
        keyText: context.text(key),
        words: unique(words),
        perItem,
        reader: (use.fn && functionName(use.fn)) ?? (store.binding.kind !== 'anonymous' ? store.binding.name : 'the cache'),
        cls,
        tags: [],
      });
    }
  }
  return out;
}

/** A key as messages show it: a template literal without its own backticks. */
function displayKey(text: string): string {
  return text.length > 1 && text.startsWith('`') && text.endsWith('`') ? text.slice(1, -1) : text;
}

function unique(words: readonly string[]): string[] {
  return [...new Set(words)];
}

/** `userCache`, `productsByIdStore` → `user`, `product`; generic names (`cache`, `redis`) name nothing. */
function storeNameWords(store: StoreSite): string[] {
  if (store.binding.kind === 'anonymous') return [];
  const match = /^(?:#)?_?(\w+?)(Cache|Store|Memo|Map|Lru|LRU)$/.exec(store.binding.name);
  return match ? entityWords(match[1]!) : [];
}

function fetcherWords(fetcher: TSESTree.Node | undefined, context: Context): string[] {
  if (!fetcher) return [];
  const value = unwrap(fetcher);
  if (value.type === AST_NODE_TYPES.Identifier) {
    const target = localFunctionOf(value, context);
    const words = entityWords(value.name);
    if (target) for (const call of callsWithin(context.file, target)) words.push(...(dataReadEntity(call, context.file) ? [dataReadEntity(call, context.file)!] : []));
    return words;
  }
  if (!isFunction(value)) return [];
  const words: string[] = [];
  for (const call of callsWithin(context.file, value)) {
    const entity = dataReadEntity(call, context.file);
    if (entity) words.push(entity);
    else {
      const name = calleeName(call);
      if (name && /^(get|find|fetch|load|list)[A-Z]/.test(name)) words.push(...entityWords(name));
    }
  }
  return words;
}

function idLike(node: TSESTree.Node): boolean {
  const target = node.type === AST_NODE_TYPES.AssignmentPattern ? node.left : node;
  return target.type === AST_NODE_TYPES.Identifier && /(^id$|Id$|ID$|^slug$|Slug$|^key$|^email$|^uuid$|^handle$)/.test(target.name);
}

/** A key whose dynamic part is an id (`` `user:${id}` ``, `'user:' + user.id`). */
function idKeyed(key: TSESTree.Node): boolean {
  const value = unwrap(key);
  const parts: TSESTree.Node[] =
    value.type === AST_NODE_TYPES.TemplateLiteral ? [...value.expressions] : value.type === AST_NODE_TYPES.BinaryExpression ? [value.right] : [value];
  return parts.length > 0 && parts.every((part) => {
    const inner = unwrap(part);
    if (inner.type === AST_NODE_TYPES.Identifier) return idLike(inner);
    if (inner.type === AST_NODE_TYPES.MemberExpression) return /(^id$|Id$|^slug$|^email$|^uuid$)/.test(memberName(inner) ?? '');
    return false;
  });
}

/** A delete, overwrite or tag of a cache entry of `context.entity` inside `region`. */
function storeInvalidationWithin(region: TSESTree.Node, context: Context): boolean {
  const entity = context.entity;
  for (const store of context.stores) {
    const storeWords = storeNameWords(store);
    for (const use of store.uses) {
      if (!contains(region, use.node)) continue;
      if (!invalidatingUse(use, store)) continue;
      const key = use.args[0];
      if (!key || use.method === 'clear' || use.method === 'reset') return true;
      const prefix = keyPrefix(key, context.file);
      // A key with no static part could be any entry.
      if (!prefix) return true;
      const words = [...entityWords(prefix.prefix), ...storeWords];
      if (!entity || words.length === 0 || words.includes(entity)) return true;
    }
  }
  return false;
}

function invalidatingUse(use: StoreUse, store: StoreSite): boolean {
  if (EVICT_METHODS.has(use.method) || use.method === '=') return true;
  if (WRITE_METHODS.has(use.method) || use.method === '[]=') {
    // A write after a read of the same store in the same function fills a miss (cache-aside); it updates nothing.
    return !store.uses.some((other) => other.fn === use.fn && other.node.range[1] <= use.node.range[0] && (READ_METHODS.has(other.method) || other.method === '[]'));
  }
  if (store.kind === 'memoizer' && /(^|\.)(delete|clear|del|reset)$/.test(use.method)) return true;
  return false;
}

const DELETE_METHOD: Partial<Record<StoreSite['library'], string>> = {
  ioredis: 'del',
  'node-redis': 'del',
  'upstash-redis': 'del',
  'vercel-kv': 'del',
  'cache-manager': 'del',
  'node-cache': 'del',
  keyv: 'delete',
  'lru-cache': 'delete',
  'quick-lru': 'delete',
  map: 'delete',
};

function deleteSuggestions(write: DataWrite, fn: FunctionNode, reads: readonly CachedRead[], context: Context): SuggestionPlan<MessageId>[] {
  const statement = statementIn(write.node, fn) ?? statementIn(write.node, write.fn!);
  if (!statement || statement.type === AST_NODE_TYPES.ReturnStatement || statement.type === AST_NODE_TYPES.ThrowStatement) return [];
  const out: SuggestionPlan<MessageId>[] = [];
  const seen = new Set<string>();
  for (const read of reads) {
    const store = read.store;
    let call: string | undefined;
    if (store.library === 'next-unstable-cache') {
      const q = preferredQuote(context.file.text);
      const tag = read.tags[0];
      if (!tag || tag.includes(q)) continue;
      const major = nextMajor(context.file.filename, context.config.nextMajor);
      call = major !== undefined && major >= 16 ? `revalidateTag(${q}${tag}${q}, ${q}max${q})` : `revalidateTag(${q}${tag}${q})`;
      if (seen.has(call)) continue;
      seen.add(call);
      const edits = [insertAfter(statement, call, context)];
      const imported = addNamedImport(context.file, 'revalidateTag', 'next/cache');
      if (imported) edits.push(imported);
      out.push({ messageId: 'revalidate', data: { call }, edits });
      continue;
    } else {
      const method = DELETE_METHOD[store.library];
      const receiver = receiverText(store, fn, statement, context);
      if (!method || !receiver || !read.key || !visibleAt(read.key, statement, context)) continue;
      const awaited = fn.async && (store.kind === 'remote' || store.library === 'cache-manager' || store.library === 'keyv');
      call = `${awaited ? 'await ' : ''}${receiver}.${method}(${read.keyText})`;
    }
    if (seen.has(call)) continue;
    seen.add(call);
    out.push({ messageId: 'deleteEntry', data: { key: displayKey(read.keyText) }, edits: [insertAfter(statement, call, context)] });
    if (out.length >= 2) break;
  }
  return out;
}

/** How the writing function names the store: `this.cacheManager`, `redis`; undefined when it cannot. */
function receiverText(store: StoreSite, fn: FunctionNode, at: TSESTree.Node, context: Context): string | undefined {
  const binding = store.binding;
  if (binding.kind === 'member') {
    // `this` is the instance only in methods (and arrows inside them).
    let owner: FunctionNode | undefined = fn;
    while (owner && owner.type === AST_NODE_TYPES.ArrowFunctionExpression) owner = enclosingFunction(owner);
    if (!owner || owner.parent?.type !== AST_NODE_TYPES.MethodDefinition || binding.isStatic) return undefined;
    return binding.name.startsWith('#') ? `this.${binding.name}` : /^[A-Za-z_$][\w$]*$/.test(binding.name) ? `this.${binding.name}` : undefined;
  }
  if (binding.kind === 'variable') {
    const variable: VariableLike | undefined = resolveVariable(binding.id, context.file.scopeManager);
    const manager = context.file.scopeManager;
    if (!variable || !manager) return undefined;
    for (let scope = scopeOf(at, manager); scope; scope = scope.upper) {
      const found = scope.set.get(binding.name);
      if (found) return found === variable ? binding.name : undefined;
    }
  }
  return undefined;
}
