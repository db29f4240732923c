import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeMember, constInitializer, memberName, propertyKey, resolveVariable, unwrap } from '../../core/ast.js';
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
  description: 'TanStack Query v4 → v5: cacheTime→gcTime, useErrorBoundary→throwOnError, keepPreviousData, isPreviousData; reports removed query callbacks',
  package: '@tanstack/react-query',
  targetMajor: 5,
  ranges: () => ({ '@tanstack/react-query': '^5.0.0' }),
  gate: (text) => text.includes('@tanstack/') && /cacheTime|useErrorBoundary|keepPreviousData|isPreviousData|onSuccess|onError|onSettled/.test(text),
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
    for (const call of index.calls) {
      const origin = originOf(call.callee, file);
      if (origin && origin.via === 'ref' && PACKAGES.has(origin.source) && origin.path.length === 1) {
        const name = origin.path[0]!;
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

    const edits: TextEdit[] = [];
    const marks: { node: TSESTree.Node; message: string }[] = [];
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
  const origin = originOf(node, file);
  if (!origin || !PACKAGES.has(origin.source)) return undefined;
  const path = origin.path.join('.');
  if ((origin.via === 'new' && path === 'QueryClient') || (origin.via === 'call' && path === 'useQueryClient')) return origin.source;
  return undefined;
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
