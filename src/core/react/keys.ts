import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeName, staticValue, unwrap } from '../ast.js';
import { getFileIndex, memoPerFile } from '../analysis/file-index.js';
import type { FileInput } from '../model.js';
import { entityWords } from '../data/entities.js';
import { swrExport, tanstackExport } from './sources.js';

/*
 * Cache keys of the client data layers, as written in one file: TanStack Query keys (`queryKey`
 * properties of queries, positional v3/v4 keys) and SWR keys (`useSWR(key, ...)`). Each key comes
 * with its shape (string or array), its static leading part and the entity words it names, so
 * rules can match an invalidation to a read without running anything.
 */

/** One cache key as written. */
export interface DataKey {
  /** The key expression. */
  readonly node: TSESTree.Node;
  /** `array` for `['todos', id]`, `string` for `'todos'`, `other` for factories and variables. */
  readonly shape: 'array' | 'string' | 'other';
  /** The first element of an array key, or the string itself, when static. */
  readonly head: string | undefined;
  /** Source text that invalidates every key this one belongs to: `['todos']` for `['todos', id]`, `todoKeys.all`. */
  readonly root: string | undefined;
  /** Entity words the key names (`['todo-items', id]` → `todo`, `item`). */
  readonly words: readonly string[];
  /** The read call that uses the key (`useQuery(...)`, `useSWR(...)`), when known. */
  readonly call: TSESTree.CallExpression | undefined;
}

/** TanStack Query methods that take query filters (`{ queryKey }`) rather than define a query. */
export const QUERY_FILTER_METHODS: ReadonlySet<string> = new Set([
  'invalidateQueries',
  'refetchQueries',
  'resetQueries',
  'removeQueries',
  'cancelQueries',
  'setQueriesData',
  'getQueriesData',
  'isFetching',
  'findAll',
  'find',
]);

/** Hooks and functions that define a query by its options (v5) or by a positional key (v3/v4). */
const QUERY_DEFINERS: ReadonlySet<string> = new Set([
  'useQuery',
  'useSuspenseQuery',
  'useInfiniteQuery',
  'useSuspenseInfiniteQuery',
  'createQuery',
  'createInfiniteQuery',
  'injectQuery',
  'injectInfiniteQuery',
  'queryOptions',
  'infiniteQueryOptions',
  'usePrefetchQuery',
  'usePrefetchInfiniteQuery',
]);

/** queryClient methods that define or fill a query under a key. */
const CLIENT_DEFINERS: ReadonlySet<string> = new Set(['prefetchQuery', 'fetchQuery', 'ensureQueryData', 'prefetchInfiniteQuery', 'fetchInfiniteQuery', 'ensureInfiniteQueryData']);

const TANSTACK_KEY = {};
const SWR_KEY = {};

/** The TanStack Query keys the file caches data under. */
export function queryKeys(file: FileInput): readonly DataKey[] {
  return memoPerFile(TANSTACK_KEY, file.ast, () => {
    const index = getFileIndex(file);
    const out: DataKey[] = [];
    const seen = new Set<TSESTree.Node>();
    const add = (node: TSESTree.Node | undefined, call: TSESTree.CallExpression | undefined): void => {
      if (!node || node.type === AST_NODE_TYPES.SpreadElement || seen.has(node)) return;
      seen.add(node);
      out.push(describeKey(node, call, file));
    };
    for (const property of index.properties) {
      if (property.key.type !== AST_NODE_TYPES.Identifier || property.key.name !== 'queryKey' || property.computed) continue;
      const object = property.parent;
      if (object?.type !== AST_NODE_TYPES.ObjectExpression) continue;
      const call = enclosingCallOf(object);
      // `{ queryKey }` given to invalidateQueries & co. filters queries; it defines none.
      if (call && call.arguments[0] === object && QUERY_FILTER_METHODS.has(calleeName(call) ?? '')) continue;
      if (property.value.type === AST_NODE_TYPES.AssignmentPattern || property.value.type === AST_NODE_TYPES.ObjectPattern || property.value.type === AST_NODE_TYPES.ArrayPattern) continue;
      add(property.value, call);
    }
    for (const call of index.calls) {
      const name = calleeName(call);
      if (!name) continue;
      const first = call.arguments[0];
      if (!first) continue;
      const firstValue = unwrap(first);
      if (firstValue.type === AST_NODE_TYPES.ObjectExpression || firstValue.type === AST_NODE_TYPES.ArrowFunctionExpression) continue;
      // v3/v4: useQuery(['todos'], fetchTodos), queryClient.prefetchQuery(['todos'], fn)
      if (QUERY_DEFINERS.has(name) && tanstackExport(call.callee, file) !== undefined) add(first, call);
      else if (CLIENT_DEFINERS.has(name) && call.callee.type === AST_NODE_TYPES.MemberExpression) add(first, call);
    }
    return out;
  });
}

/** The SWR keys the file reads with `useSWR`, `useSWRImmutable` and `useSWRInfinite` (its key getter is not static). */
export function swrKeys(file: FileInput): readonly DataKey[] {
  return memoPerFile(SWR_KEY, file.ast, () => {
    const out: DataKey[] = [];
    for (const call of getFileIndex(file).calls) {
      const name = swrExport(call.callee, file);
      if (name !== 'useSWR' || !call.arguments[0]) continue;
      out.push(describeKey(call.arguments[0], call, file));
    }
    return out;
  });
}

function enclosingCallOf(object: TSESTree.Node): TSESTree.CallExpression | undefined {
  let current: TSESTree.Node = object;
  // through `as const`, `satisfies`, and an options-returning arrow (`createQuery(() => ({ ... }))`)
  for (let guard = 0; guard < 4; guard++) {
    const parent = current.parent;
    if (!parent) return undefined;
    if (parent.type === AST_NODE_TYPES.CallExpression) return parent.arguments.includes(current as TSESTree.CallExpressionArgument) ? parent : undefined;
    if (
      parent.type === AST_NODE_TYPES.TSAsExpression ||
      parent.type === AST_NODE_TYPES.TSSatisfiesExpression ||
      (parent.type === AST_NODE_TYPES.ArrowFunctionExpression && parent.body === current)
    ) {
      current = parent;
      continue;
    }
    return undefined;
  }
  return undefined;
}

/** Shape, head, root text and entity words of one key expression. */
export function describeKey(node: TSESTree.Node, call: TSESTree.CallExpression | undefined, file: FileInput): DataKey {
  const expression = unwrap(node);
  const text = (n: TSESTree.Node): string => file.text.slice(n.range[0], n.range[1]);
  if (expression.type === AST_NODE_TYPES.ArrayExpression) {
    const statics: TSESTree.Node[] = [];
    const words: string[] = [];
    let spreadRoot: string | undefined;
    for (const element of expression.elements) {
      if (!element) break;
      if (element.type === AST_NODE_TYPES.SpreadElement) {
        if (statics.length === 0 && spreadRoot === undefined) spreadRoot = text(element.argument);
        words.push(...wordsOf(element.argument, file));
        break;
      }
      const value = staticValue(element, file);
      if (typeof value !== 'string') break;
      statics.push(element);
      words.push(...entityWords(value));
    }
    const first = expression.elements[0];
    const head = first && first.type !== AST_NODE_TYPES.SpreadElement ? staticValue(first, file) : undefined;
    const root = statics.length > 0 ? `[${statics.map(text).join(', ')}]` : spreadRoot;
    return { node, shape: 'array', head: typeof head === 'string' ? head : undefined, root, words: [...new Set(words)], call };
  }
  const value = staticValue(expression, file);
  if (typeof value === 'string') return { node, shape: 'string', head: value, root: text(expression), words: entityWords(value), call };
  // todoKeys.all, todoKeys.list(filters), keys.todos: a key factory; its object names the entity.
  let root: string | undefined;
  if (expression.type === AST_NODE_TYPES.MemberExpression && !expression.computed) root = text(expression);
  return { node, shape: 'other', head: undefined, root, words: wordsOf(expression, file), call };
}

function wordsOf(node: TSESTree.Node, file: FileInput): string[] {
  const expression = unwrap(node);
  const value = staticValue(expression, file);
  if (typeof value === 'string') return entityWords(value);
  if (expression.type === AST_NODE_TYPES.CallExpression) return wordsOf(expression.callee, file);
  if (expression.type === AST_NODE_TYPES.MemberExpression) {
    const name = expression.computed ? '' : propertyKeyOf(expression);
    return [...wordsOf(expression.object, file), ...entityWords(name)];
  }
  if (expression.type === AST_NODE_TYPES.Identifier) return entityWords(expression.name);
  return [];
}

function propertyKeyOf(member: TSESTree.MemberExpression): string {
  return member.property.type === AST_NODE_TYPES.Identifier ? member.property.name : '';
}

/** True when two keys are written as the same static value (so SWR and TanStack hash them alike). */
export function sameStaticKey(a: DataKey, b: DataKey, file: FileInput): boolean {
  const left = staticValue(a.node, file);
  const right = staticValue(b.node, file);
  if (left === undefined || right === undefined) return false;
  if (typeof left === 'string' || typeof right === 'string') return left === right;
  return left.length === right.length && left.every((part, i) => part === right[i]);
}
