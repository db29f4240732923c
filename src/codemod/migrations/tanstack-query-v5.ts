import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeMember, constInitializer, indentAt, memberName, propertyKey, resolveVariable, unwrap } from '../../core/ast.js';
import { getFileIndex } from '../../core/analysis/file-index.js';
import { originOf } from '../../core/analysis/origins.js';
import type { FileInput, TextEdit } from '../../core/model.js';
import type { Migration, MigrationResult } from './types.js';

const PACKAGES = new Set(['@tanstack/react-query', '@tanstack/vue-query', '@tanstack/solid-query', '@tanstack/svelte-query', '@tanstack/query-core', '@tanstack/angular-query-experimental']);

/** Hooks and helpers whose first object argument (v5) or last object argument (v4) holds query options. */
const QUERY_FUNCTIONS = new Set(['useQuery', 'useInfiniteQuery', 'useSuspenseQuery', 'useSuspenseInfiniteQuery', 'queryOptions', 'infiniteQueryOptions', 'createQuery', 'createInfiniteQuery', 'injectQuery']);
const MUTATION_FUNCTIONS = new Set(['useMutation', 'createMutation', 'injectMutation', 'mutationOptions']);
/** QueryClient methods taking query options. */
const CLIENT_QUERY_METHODS = new Set(['fetchQuery', 'prefetchQuery', 'fetchInfiniteQuery', 'prefetchInfiniteQuery', 'ensureQueryData', 'ensureInfiniteQueryData', 'setQueryDefaults']);

const RENAMES: ReadonlyMap<string, string> = new Map([
  ['cacheTime', 'gcTime'],
  ['useErrorBoundary', 'throwOnError'],
]);
const REMOVED_QUERY_CALLBACKS = new Set(['onSuccess', 'onError', 'onSettled']);

interface Site {
  readonly object: TSESTree.ObjectExpression;
  readonly kind: 'query' | 'mutation' | 'defaults';
  readonly source: string;
}

/**
 * TanStack Query v4 → v5, on TanStack call sites only (resolved through imports): renames
 * `cacheTime` and `useErrorBoundary`, turns `keepPreviousData: true` into
 * `placeholderData: keepPreviousData` (importing it), renames `isPreviousData` reads, and
 * reports the query callbacks v5 removed. Run it after TanStack's own `remove-overloads`.
 */
export const tanstackQueryV5: Migration = {
  name: 'tanstack-query-v5',
  description: 'TanStack Query v4 → v5: positional calls → one object, cacheTime→gcTime, useErrorBoundary→throwOnError, keepPreviousData, isPreviousData; marks suspense and removed query callbacks',
  package: '@tanstack/react-query',
  targetMajor: 5,
  ranges: () => ({ '@tanstack/react-query': '^5.0.0' }),
  gate: (text) => text.includes('@tanstack/'),
  transform(file) {
    const index = getFileIndex(file);
    const sites: Site[] = [];
    const seen = new Set<TSESTree.ObjectExpression>();
    const addObject = (node: TSESTree.Node | undefined, kind: Site['kind'], source: string): void => {
      for (const object of objectsOf(node, file)) {
        if (seen.has(object)) continue;
        seen.add(object);
        sites.push({ object, kind, source });
        // new QueryClient({ defaultOptions: { queries: {...}, mutations: {...} } })
        if (kind === 'defaults') {
          const defaults = property(object, 'defaultOptions');
          if (defaults) {
            for (const inner of objectsOf(defaults.value, file)) {
              addObject(property(inner, 'queries')?.value, 'query', source);
              addObject(property(inner, 'mutations')?.value, 'mutation', source);
            }
          }
        }
      }
    };
    const resultBindings: TSESTree.CallExpression[] = [];
    const edits: TextEdit[] = [];
    const marks: { node: TSESTree.Node; message: string }[] = [];
    for (const call of index.calls) {
      const origin = originOf(call.callee, file);
      if (origin && origin.via === 'ref' && PACKAGES.has(origin.source) && origin.path.length === 1) {
        const name = origin.path[0]!;
        if (POSITIONAL_QUERY.has(name)) positionalQuery(call, file, edits, marks);
        if (name === 'useInfiniteQuery' || name === 'createInfiniteQuery' || name === 'useSuspenseInfiniteQuery') markInitialPageParam(call, file, marks);
        else if (name === 'useMutation') positionalMutation(call, file, edits, marks);
        const objectArgs = call.arguments.filter((arg) => objectsOf(arg, file).length > 0);
        if (QUERY_FUNCTIONS.has(name)) {
          for (const arg of objectArgs) addObject(arg, 'query', origin.source);
          resultBindings.push(call);
        } else if (MUTATION_FUNCTIONS.has(name)) {
          for (const arg of objectArgs) addObject(arg, 'mutation', origin.source);
        } else if (name === 'useQueries') {
          for (const arg of objectArgs) {
            for (const object of objectsOf(arg, file)) {
              const queries = property(object, 'queries')?.value;
              if (queries && unwrap(queries).type === AST_NODE_TYPES.ArrayExpression) {
                for (const element of (unwrap(queries) as TSESTree.ArrayExpression).elements) if (element) addObject(element, 'query', origin.source);
              }
            }
          }
        }
        continue;
      }
      // queryClient.fetchQuery({...}), queryClient.setDefaultOptions({ queries })
      const member = calleeMember(call);
      const method = member ? memberName(member) : undefined;
      if (!member || !method) continue;
      const client = clientSource(member.object, file);
      if (!client) continue;
      if (POSITIONAL_CLIENT.has(method)) positionalQuery(call, file, edits, marks);
      else if (FILTER_METHODS.has(method)) positionalFilters(call, file, edits, marks);
      if (CLIENT_QUERY_METHODS.has(method)) for (const arg of call.arguments) addObject(arg, 'query', client);
      else if (method === 'setMutationDefaults') for (const arg of call.arguments) addObject(arg, 'mutation', client);
      else if (method === 'setDefaultOptions') {
        for (const object of objectsOf(call.arguments[0], file)) {
          addObject(property(object, 'queries')?.value, 'query', client);
          addObject(property(object, 'mutations')?.value, 'mutation', client);
        }
      }
    }
    for (const expression of index.news) {
      const origin = originOf(expression.callee, file);
      if (origin && PACKAGES.has(origin.source) && origin.path.join('.') === 'QueryClient') addObject(expression.arguments[0], 'defaults', origin.source);
    }

    const reports: { node: TSESTree.Node; message: string }[] = [];
    let needsKeepPreviousData: string | undefined;
    const keepEdits: { edit: TextEdit; prop: TSESTree.Property }[] = [];
    for (const site of sites) {
      for (const prop of site.object.properties) {
        if (prop.type !== AST_NODE_TYPES.Property || prop.computed) continue;
        const key = propertyKey(prop);
        if (key === undefined) continue;
        const renamed = RENAMES.get(key);
        if (renamed) {
          edits.push(renameKey(prop, renamed, file));
        } else if (key === 'keepPreviousData' && site.kind !== 'mutation') {
          const value = unwrap(prop.value);
          if (value.type === AST_NODE_TYPES.Literal && value.value === true) {
            keepEdits.push({ edit: { range: prop.range, text: 'placeholderData: keepPreviousData' }, prop });
            needsKeepPreviousData = site.source;
          } else if (value.type === AST_NODE_TYPES.Literal && value.value === false) {
            edits.push({ range: removalRange(prop, site.object), text: '' });
          } else {
            marks.push({ node: prop, message: 'keepPreviousData was removed in v5: use `placeholderData: (previous) => (cond ? previous : undefined)` with `keepPreviousData` from the package' });
          }
        } else if (key === 'suspense' && site.kind !== 'mutation' && !isFalse(prop.value)) {
          marks.push({ node: prop, message: '`suspense` was removed in v5: use useSuspenseQuery (or useSuspenseInfiniteQuery) where the query should suspend; its data is never undefined and it takes no `enabled` or `placeholderData`' });
        } else if (site.kind === 'query' && REMOVED_QUERY_CALLBACKS.has(key)) {
          reports.push({ node: prop, message: `\`${key}\` on a query was removed in v5 and will never be called: move it to a useEffect on the query's data or error, or to a QueryCache callback` });
          marks.push({ node: prop, message: `\`${key}\` on queries was removed in v5 and is never called` });
        }
      }
    }
    // isPreviousData → isPlaceholderData on query results.
    for (const call of resultBindings) edits.push(...renameResultReads(call, file));
    if (needsKeepPreviousData) {
      const imported = importKeepPreviousData(file, needsKeepPreviousData);
      if (imported !== null) {
        edits.push(...keepEdits.map((k) => k.edit));
        if (imported) edits.push(imported);
      } else {
        // No named import to extend (a require, a namespace import): leave it to a human.
        for (const { prop } of keepEdits) marks.push({ node: prop, message: 'keepPreviousData: true becomes `placeholderData: keepPreviousData`, imported from the package' });
      }
    }
    return { edits, marks, reports } satisfies MigrationResult;
  },
};

function isFalse(node: TSESTree.Node): boolean {
  const value = unwrap(node);
  return value.type === AST_NODE_TYPES.Literal && value.value === false;
}

// ---------------------------------------------------------------------------------------------
// v4 positional overloads (removed in v5): useQuery(key, fn?, options?) → useQuery({ queryKey, queryFn, ...options }).
// v4 decided at run time (Array.isArray(key), typeof fn === 'function'); the migration converts a
// call only when the file proves the same: a key written as an array (or a const holding one), or
// a second argument that is a function (then the first one can only be the key).

const POSITIONAL_QUERY = new Set(['useQuery', 'useInfiniteQuery', 'useSuspenseQuery', 'createQuery', 'createInfiniteQuery']);
const POSITIONAL_CLIENT = new Set(['fetchQuery', 'prefetchQuery', 'fetchInfiniteQuery', 'prefetchInfiniteQuery', 'ensureQueryData']);
/** QueryClient methods whose v4 first argument could be a query key, then filters, then options. */
const FILTER_METHODS = new Set(['invalidateQueries', 'refetchQueries', 'cancelQueries', 'removeQueries', 'resetQueries', 'isFetching']);

type Proof = 'key' | 'object' | 'function' | 'unknown';

function kindOf(node: TSESTree.Node | undefined, file: FileInput, depth = 0): Proof {
  if (!node || depth > 4) return 'unknown';
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.ArrayExpression:
      return 'key';
    case AST_NODE_TYPES.ObjectExpression:
      return 'object';
    case AST_NODE_TYPES.ArrowFunctionExpression:
    case AST_NODE_TYPES.FunctionExpression:
      return 'function';
    case AST_NODE_TYPES.Identifier: {
      const def = resolveVariable(expression, file.scopeManager)?.defs[0];
      if (def?.node.type === AST_NODE_TYPES.FunctionDeclaration) return 'function';
      const init = constInitializer(expression, file);
      return init ? kindOf(init, file, depth + 1) : 'unknown';
    }
    default:
      return 'unknown';
  }
}

/** v5 infinite queries need `initialPageParam` (v4 called the first page with pageParam undefined). */
function markInitialPageParam(call: TSESTree.CallExpression, file: FileInput, marks: { node: TSESTree.Node; message: string }[]): void {
  // At run time a missing initialPageParam starts from undefined, as v4 did; only v5's types require it.
  if (!/\.[cm]?tsx?$/.test(file.filename)) return;
  const objects = call.arguments.flatMap((arg) => (arg.type === AST_NODE_TYPES.SpreadElement ? [] : objectsOf(arg, file)));
  const literal = objects[objects.length - 1];
  if (!literal || objects.some((o) => o.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) || objects.some((o) => property(o, 'initialPageParam'))) return;
  marks.push({ node: call, message: 'v5 infinite queries need `initialPageParam` (v4 fetched the first page with pageParam undefined, so a `pageParam = <default>` parameter held it): add initialPageParam: <first page>' });
}

const POSITIONAL_MESSAGE = 'v5 takes one object: ({ queryKey, queryFn, ...options }); v4 read these arguments by their run-time type, which the file does not show';

function positionalQuery(call: TSESTree.CallExpression, file: FileInput, edits: TextEdit[], marks: { node: TSESTree.Node; message: string }[]): void {
  const args = call.arguments;
  if (args.length === 0 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return;
  const first = kindOf(args[0], file);
  if (first === 'object') return;
  const second = args[1] ? kindOf(args[1], file) : undefined;
  // useQuery(options) with options built elsewhere: v5 code already (or a v4 options object).
  if (args.length === 1 && first !== 'key') return;
  const keyed = first === 'key' || second === 'function';
  if (!keyed || (args.length >= 2 && second !== 'function' && second !== 'object') || args.length > 3) {
    marks.push({ node: call, message: POSITIONAL_MESSAGE });
    return;
  }
  const head = [`queryKey: ${textOf(file, args[0]!)}`];
  let options: TSESTree.Node | undefined;
  if (second === 'function') {
    head.push(`queryFn: ${textOf(file, args[1]!)}`);
    options = args[2];
  } else {
    options = args[1];
  }
  toObject(call, head, options, file, edits, marks);
}

function positionalMutation(call: TSESTree.CallExpression, file: FileInput, edits: TextEdit[], marks: { node: TSESTree.Node; message: string }[]): void {
  const args = call.arguments;
  if (args.length === 0 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return;
  const first = kindOf(args[0], file);
  if (first === 'object' || (args.length === 1 && first === 'unknown')) return;
  const second = args[1] ? kindOf(args[1], file) : undefined;
  // v4: a function first means the second argument, whatever it is, is the options.
  if (first === 'function' && args.length <= 2) {
    toObject(call, [`mutationFn: ${textOf(file, args[0]!)}`], args[1], file, edits, marks);
    return;
  }
  if ((first === 'key' || second === 'function') && args.length <= 3) {
    const head = [`mutationKey: ${textOf(file, args[0]!)}`];
    if (second === 'function') head.push(`mutationFn: ${textOf(file, args[1]!)}`);
    else if (second !== 'object' && second !== undefined) {
      marks.push({ node: call, message: 'v5 takes one object: useMutation({ mutationKey, mutationFn, ...options })' });
      return;
    }
    toObject(call, head, second === 'function' ? args[2] : args[1], file, edits, marks);
    return;
  }
  marks.push({ node: call, message: 'v5 takes one object: useMutation({ mutationFn, ...options }); v4 read these arguments by their run-time type, which the file does not show' });
}

/** queryClient.invalidateQueries(key, filters?, options?) → invalidateQueries({ queryKey: key, ...filters }, options?). */
function positionalFilters(call: TSESTree.CallExpression, file: FileInput, edits: TextEdit[], marks: { node: TSESTree.Node; message: string }[]): void {
  const args = call.arguments;
  if (args.length === 0 || args.some((a) => a.type === AST_NODE_TYPES.SpreadElement)) return;
  const first = kindOf(args[0], file);
  if (first === 'object') return;
  const second = args[1] ? kindOf(args[1], file) : undefined;
  if (first !== 'key' || (second !== undefined && second !== 'object')) {
    marks.push({ node: call, message: 'v5 takes filters only: ({ queryKey, ...filters }); a query key passed here is read as filters and matches every query' });
    return;
  }
  const filters = args[1];
  const head = `queryKey: ${textOf(file, args[0]!)}`;
  const object = filters ? unwrap(filters) : undefined;
  if (!filters) {
    edits.push({ range: args[0]!.range, text: `{ ${head} }` });
  } else if (object?.type === AST_NODE_TYPES.ObjectExpression && object.properties.length > 0 && !property(object, 'queryKey')) {
    edits.push({ range: [args[0]!.range[0], object.range[0] + 1], text: `{ ${head},` });
  } else {
    marks.push({ node: call, message: 'v5 takes filters only: ({ queryKey, ...filters })' });
  }
}

/**
 * Rewrites the arguments into one object: `{ <head>, <options' own properties> }`, editing around
 * an options literal (its properties keep their text, and the other edits of this migration on
 * them still apply), or `{ ...options, <head> }` for options built elsewhere (v4 let the
 * positional arguments win).
 */
function toObject(call: TSESTree.CallExpression, head: readonly string[], options: TSESTree.Node | undefined, file: FileInput, edits: TextEdit[], marks: { node: TSESTree.Node; message: string }[]): void {
  const args = call.arguments;
  const start = args[0]!.range[0];
  const end = args[args.length - 1]!.range[1];
  const object = options ? unwrap(options) : undefined;
  const whole = (parts: readonly string[]): void => {
    const open = file.text.lastIndexOf('(', start - 1);
    const close = call.range[1] - 1;
    if (file.text.slice(open + 1, start).includes('\n') && file.text[close] === ')') {
      // One argument per line: one property per line, at the arguments' indentation, closing where the call closed.
      const indent = indentAt(file.text, start);
      const eol = file.text.includes('\r\n') ? '\r\n' : '\n';
      edits.push({ range: [open + 1, close], text: `{${eol}${parts.map((p) => `${indent}${p},${eol}`).join('')}${indentAt(file.text, close)}}` });
    } else {
      edits.push({ range: [start, end], text: `{ ${parts.join(', ')} }` });
    }
  };
  if (!options || (object?.type === AST_NODE_TYPES.ObjectExpression && object.properties.length === 0)) {
    whole(head);
    return;
  }
  if (object?.type !== AST_NODE_TYPES.ObjectExpression || object !== options) {
    whole([`...${textOf(file, options)}`, ...head]);
    return;
  }
  if (['queryKey', 'queryFn', 'mutationKey', 'mutationFn'].some((name) => property(object, name))) {
    marks.push({ node: call, message: POSITIONAL_MESSAGE });
    return;
  }
  const firstProp = object.properties[0]!;
  const open = object.range[0] + 1;
  const between = file.text.slice(open, firstProp.range[0]);
  if (between.includes('\n')) {
    // Multi-line options: one line per new property, at the options' own indentation.
    const indent = between.slice(between.lastIndexOf('\n') + 1);
    const eol = between.includes('\r\n') ? '\r\n' : '\n';
    edits.push({ range: [start, object.range[0]], text: '' });
    // A moved multi-line argument (an inline mutation function) keeps its shape at the new indentation.
    const from = indentAt(file.text, start);
    const moved = head.map((h) => h.split(/\r?\n/).map((line, i) => (i > 0 && line.startsWith(from) ? indent + line.slice(from.length) : line)).join(eol));
    edits.push({ range: [open, open], text: moved.map((h) => `${eol}${indent}${h},`).join('') });
  } else {
    edits.push({ range: [start, open], text: `{ ${head.join(', ')},` });
  }
}

function textOf(file: FileInput, node: TSESTree.Node): string {
  return file.text.slice(node.range[0], node.range[1]);
}

function property(object: TSESTree.ObjectExpression, name: string): TSESTree.Property | undefined {
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.Property && propertyKey(prop) === name) return prop as TSESTree.Property;
  }
  return undefined;
}

/** Object literals an argument stands for: the literal, a const bound to one, and the objects it spreads. */
function objectsOf(node: TSESTree.Node | null | undefined, file: FileInput, depth = 0): TSESTree.ObjectExpression[] {
  if (!node || depth > 4) return [];
  const expression = unwrap(node);
  let object: TSESTree.ObjectExpression | undefined;
  if (expression.type === AST_NODE_TYPES.ObjectExpression) object = expression;
  else if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(expression, file);
    if (init && unwrap(init).type === AST_NODE_TYPES.ObjectExpression) object = unwrap(init) as TSESTree.ObjectExpression;
  }
  if (!object) return [];
  const out = [object];
  for (const prop of object.properties) {
    if (prop.type === AST_NODE_TYPES.SpreadElement) out.push(...objectsOf(prop.argument, file, depth + 1));
  }
  return out;
}

/** The package a QueryClient value comes from: `new QueryClient()` or `useQueryClient()`. */
function clientSource(node: TSESTree.Node, file: FileInput): string | undefined {
  const typed = typedClientSource(node, file);
  if (typed) return typed;
  const origin = originOf(node, file);
  if (!origin || !PACKAGES.has(origin.source)) return undefined;
  const path = origin.path.join('.');
  if ((origin.via === 'new' && path === 'QueryClient') || (origin.via === 'call' && path === 'useQueryClient')) return origin.source;
  return undefined;
}

/** A variable or parameter declared `QueryClient` or `ReturnType<typeof useQueryClient>` from the package. */
function typedClientSource(node: TSESTree.Node, file: FileInput): string | undefined {
  const expression = unwrap(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const id = resolveVariable(expression, file.scopeManager)?.defs[0]?.name;
  const type = id?.type === AST_NODE_TYPES.Identifier ? id.typeAnnotation?.typeAnnotation : undefined;
  if (type?.type !== AST_NODE_TYPES.TSTypeReference || type.typeName.type !== AST_NODE_TYPES.Identifier) return undefined;
  const importedFrom = (name: TSESTree.Identifier, wanted: string): string | undefined => {
    const def = resolveVariable(name, file.scopeManager)?.defs[0];
    const declaration = def?.node.parent;
    if (def?.type !== 'ImportBinding' || def.node.type !== AST_NODE_TYPES.ImportSpecifier || declaration?.type !== AST_NODE_TYPES.ImportDeclaration) return undefined;
    const imported = def.node.imported.type === AST_NODE_TYPES.Identifier ? def.node.imported.name : def.node.imported.value;
    return imported === wanted && PACKAGES.has(declaration.source.value) ? declaration.source.value : undefined;
  };
  if (type.typeName.name === 'ReturnType') {
    const query = type.typeArguments?.params[0];
    return query?.type === AST_NODE_TYPES.TSTypeQuery && query.exprName.type === AST_NODE_TYPES.Identifier ? importedFrom(query.exprName, 'useQueryClient') : undefined;
  }
  return importedFrom(type.typeName, 'QueryClient');
}

function renameKey(prop: TSESTree.Property, name: string, file: FileInput): TextEdit {
  if (prop.shorthand) return { range: prop.range, text: `${name}: ${file.text.slice(prop.value.range[0], prop.value.range[1])}` };
  return { range: prop.key.range, text: name };
}

/** The range that removes a property with its separating comma. */
function removalRange(prop: TSESTree.Property, object: TSESTree.ObjectExpression): [number, number] {
  const items = object.properties as readonly TSESTree.Node[];
  const i = items.indexOf(prop);
  const next = items[i + 1];
  if (next) return [prop.range[0], next.range[0]];
  const previous = items[i - 1];
  if (previous) return [previous.range[1], prop.range[1]];
  return prop.range as [number, number];
}

/** `const { isPreviousData } = useQuery(...)` and `query.isPreviousData` where `query = useQuery(...)`. */
function renameResultReads(call: TSESTree.CallExpression, file: FileInput): TextEdit[] {
  const parent = call.parent;
  if (parent?.type !== AST_NODE_TYPES.VariableDeclarator) return [];
  const id = parent.id;
  const edits: TextEdit[] = [];
  if (id.type === AST_NODE_TYPES.ObjectPattern) {
    for (const prop of id.properties) {
      if (prop.type !== AST_NODE_TYPES.Property || prop.computed || propertyKey(prop) !== 'isPreviousData') continue;
      edits.push(prop.shorthand ? { range: prop.key.range, text: 'isPlaceholderData: isPreviousData' } : { range: prop.key.range, text: 'isPlaceholderData' });
      if (prop.shorthand && prop.value.type === AST_NODE_TYPES.AssignmentPattern) return [];
    }
  } else if (id.type === AST_NODE_TYPES.Identifier) {
    const variable = resolveVariable(id, file.scopeManager);
    for (const reference of variable?.references ?? []) {
      const member = reference.identifier.parent;
      if (member?.type === AST_NODE_TYPES.MemberExpression && member.object === reference.identifier && !member.computed && memberName(member) === 'isPreviousData') {
        edits.push({ range: member.property.range, text: 'isPlaceholderData' });
      }
    }
  }
  return edits;
}

/** The edit importing `keepPreviousData`; undefined when already imported; null when there is no named import to extend. */
function importKeepPreviousData(file: FileInput, source: string): TextEdit | undefined | null {
  for (const node of file.ast.body) {
    if (node.type !== AST_NODE_TYPES.ImportDeclaration || node.source.value !== source || node.importKind === 'type') continue;
    const named = node.specifiers.filter((s): s is TSESTree.ImportSpecifier => s.type === AST_NODE_TYPES.ImportSpecifier);
    if (named.some((s) => s.local.name === 'keepPreviousData')) return undefined;
    const last = named[named.length - 1];
    if (last) return { range: [last.range[1], last.range[1]], text: ', keepPreviousData' };
  }
  return null;
}
