import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { contains, getFileIndex, type FunctionNode } from '../analysis/file-index.js';
import { originOf } from '../analysis/origins.js';
import { indentAt, isFunction, lineBreak, memberName, propertyKey, resolveVariable, unwrap } from '../ast.js';
import type { FileInput, TextEdit, VariableLike } from '../model.js';
import { importedLocals, mayUseSwr, mayUseTanStackQuery, SWR_SOURCES, swrExport, TANSTACK_QUERY_SOURCES } from '../react/sources.js';

/*
 * Failed responses cached as data on the client: a TanStack Query `queryFn` or an SWR fetcher
 * that returns the body of a `fetch` without looking at `ok` or `status`. `fetch` resolves on a
 * 404 or a 500, so the library stores the error body as the query's data, shows it as if it were
 * real, and does not retry. Part of `no-cache-nullish`; kept in its own file.
 *
 * Quiet when the fetcher (or the helper it calls) reads `ok`/`status`, hands the response to a
 * function (a checker such as `assertOk(res)`), throws or rejects anywhere, or uses a client that
 * throws on error statuses itself (ky, axios, ofetch/`$fetch`, got): only a proven `fetch` counts.
 */

/** Cheap text test: could the file hand a `fetch` body to TanStack Query or SWR? */
export function mayHaveClientFetchers(text: string): boolean {
  // `refetch`, `prefetchQuery` and `fetchQuery` are everywhere in TanStack files: look for a body read and a bare `fetch(` call.
  return (text.includes('.json()') || text.includes('.text()')) && (mayUseTanStackQuery(text) || mayUseSwr(text)) && BARE_FETCH_CALL.test(text);
}

const BARE_FETCH_CALL = /(?<![\w$.])fetch\s*\(/;

/** One unchecked body read in a client fetcher. */
export interface ClientFetcherFinding {
  /** The body read (`res.json()`). */
  readonly node: TSESTree.CallExpression;
  /** The response's name in the code, or `response` when it has none. */
  readonly response: string;
  /** The API that caches the result: `useQuery`, `useSWR`, `queryClient.fetchQuery`... */
  readonly api: string;
  /** Inserts `if (!res.ok) throw new Error(...)`, when the shape allows it. */
  readonly edits?: readonly TextEdit[];
}

/** TanStack exports whose options object carries a cached `queryFn`. */
const QUERY_FUNCTIONS = new Set([
  'useQuery',
  'useSuspenseQuery',
  'useInfiniteQuery',
  'useSuspenseInfiniteQuery',
  'queryOptions',
  'infiniteQueryOptions',
]);
/** `QueryClient` methods that run a `queryFn` and cache its result. */
const QUERY_CLIENT_METHODS = new Set(['fetchQuery', 'ensureQueryData', 'prefetchQuery', 'fetchInfiniteQuery', 'prefetchInfiniteQuery', 'ensureInfiniteQueryData']);
/** Where a `QueryClient` comes from. */
const QUERY_CLIENT_SOURCES = new Set(['useQueryClient', 'QueryClient']);
const SWR_HOOKS = new Set(['useSWR', 'useSWRInfinite']);
const BODY_READERS = new Set(['json', 'text']);

type IsFetchCall = (call: TSESTree.CallExpression, file: FileInput) => boolean;

/** Every unchecked `fetch` body read in a `queryFn` or SWR fetcher of this file (and in the same-file helper it calls). */
export function clientFetcherFindings(file: FileInput, isFetchCall: IsFetchCall): ClientFetcherFinding[] {
  const index = getFileIndex(file);
  const readers = index.calls.filter((call) => isBodyRead(call, file, isFetchCall));
  if (readers.length === 0) return [];
  const out: ClientFetcherFinding[] = [];
  const seen = new Set<TSESTree.Node>();
  const imports = { tanstack: importedLocals(file, TANSTACK_QUERY_SOURCES, QUERY_FUNCTIONS), swr: importedLocals(file, SWR_SOURCES, SWR_HOOKS) };
  for (const call of index.calls) {
    const site = fetcherOf(call, file, imports);
    if (!site) continue;
    for (const fetcher of withHelper(site.fetcher, file)) {
      if (fetcherChecks(fetcher, file)) continue;
      for (const reader of readers) {
        if (seen.has(reader) || !contains(fetcher, reader)) continue;
        const finding = checkReader(reader, fetcher, site.api, file, isFetchCall);
        if (finding) {
          seen.add(reader);
          out.push(finding);
        }
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Where the fetchers are

/** The function a TanStack or SWR call caches the result of, with the API's name for the message. */
type Imports = Record<'tanstack' | 'swr', ReturnType<typeof importedLocals>>;

/** Whether a callee names one of `names` through the file's imports: a local name, or a member of a namespace or default import. */
function importedCallee(callee: TSESTree.Node, name: string, names: ReadonlySet<string>, imported: ReturnType<typeof importedLocals>): boolean {
  if (callee.type === AST_NODE_TYPES.Identifier) return imported.locals.has(name) || imported.namespaces.has(name);
  return (
    names.has(name) &&
    callee.type === AST_NODE_TYPES.MemberExpression &&
    callee.object.type === AST_NODE_TYPES.Identifier &&
    imported.namespaces.has(callee.object.name)
  );
}

function fetcherOf(call: TSESTree.CallExpression, file: FileInput, imports: Imports): { fetcher: FunctionNode; api: string } | undefined {
  const callee = unwrap(call.callee);
  const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
  if (name === undefined) return undefined;
  if (QUERY_CLIENT_METHODS.has(name) && callee.type === AST_NODE_TYPES.MemberExpression) {
    const origin = originOf(callee.object, file);
    if (!origin || origin.via === 'ref' || !TANSTACK_QUERY_SOURCES.includes(origin.source) || !QUERY_CLIENT_SOURCES.has(origin.path[0] ?? '')) return undefined;
    const fetcher = queryFnOf(call, file);
    return fetcher && { fetcher, api: `queryClient.${name}` };
  }
  // Local names and namespaces of the imports are a cheap filter before the origin is proven.
  if (importedCallee(callee, name, QUERY_FUNCTIONS, imports.tanstack)) {
    const origin = originOf(callee, file);
    if (origin?.via !== 'ref' || !TANSTACK_QUERY_SOURCES.includes(origin.source) || !QUERY_FUNCTIONS.has(origin.path[0] ?? '')) return undefined;
    const fetcher = queryFnOf(call, file);
    return fetcher && { fetcher, api: origin.path[0]! };
  }
  if (call.arguments.length < 2 || !importedCallee(callee, name, SWR_HOOKS, imports.swr)) return undefined;
  const hook = swrExport(callee, file);
  if (!hook || !SWR_HOOKS.has(hook)) return undefined;
  const fetcher = functionOf(call.arguments[1]!, file);
  return fetcher && { fetcher, api: hook };
}

/** `{ queryFn }` in the options object, or the positional form `useQuery(key, fn)` of v3/v4. */
function queryFnOf(call: TSESTree.CallExpression, file: FileInput): FunctionNode | undefined {
  const first = call.arguments[0];
  if (!first) return undefined;
  const options = unwrap(first);
  if (options.type === AST_NODE_TYPES.ObjectExpression) {
    for (const property of options.properties) {
      if (property.type === AST_NODE_TYPES.Property && propertyKey(property) === 'queryFn') return functionOf(property.value, file);
    }
    return undefined;
  }
  const second = call.arguments[1];
  return second ? functionOf(second, file) : undefined;
}

/** A function literal, or a binding of this file to one (`const fetcher = (url) => ...`, `function fetcher(url) {...}`). */
function functionOf(node: TSESTree.Node, file: FileInput): FunctionNode | undefined {
  const value = unwrap(node);
  if (isFunction(value)) return value;
  if (value.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(value, file.scopeManager);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!def) return undefined;
  if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
  if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
    const init = unwrap(def.node.init);
    return isFunction(init) ? init : undefined;
  }
  return undefined;
}

/** The fetcher, and the same-file helper it returns the result of (`queryFn: () => getJson(url)`). */
function withHelper(fetcher: FunctionNode, file: FileInput): FunctionNode[] {
  const body = fetcher.body;
  let returned: TSESTree.Node | undefined;
  if (body?.type === AST_NODE_TYPES.BlockStatement) {
    const last = body.body[body.body.length - 1];
    returned = last?.type === AST_NODE_TYPES.ReturnStatement ? (last.argument ?? undefined) : undefined;
  } else returned = body ?? undefined;
  const call = returned ? unwrap(returned) : undefined;
  const helper = call?.type === AST_NODE_TYPES.CallExpression ? functionOf(call.callee, file) : undefined;
  return helper && helper !== fetcher ? [fetcher, helper] : [fetcher];
}

// ---------------------------------------------------------------------------------------------
// The body read and its checks

/** `res.json()`, `(await fetch(url)).json()`, `r.text()` in `fetch(url).then((r) => r.text())`. */
function isBodyRead(call: TSESTree.CallExpression, file: FileInput, isFetchCall: IsFetchCall): boolean {
  const callee = unwrap(call.callee);
  if (callee.type !== AST_NODE_TYPES.MemberExpression || !BODY_READERS.has(memberName(callee) ?? '')) return false;
  return responseOf(callee.object, file, isFetchCall) !== undefined;
}

interface Response {
  readonly fetchCall: TSESTree.CallExpression;
  /** The binding that holds the response, when there is one. */
  readonly variable?: VariableLike;
  /** `const res = await fetch(...)`: the declaration to insert the check after. */
  readonly declaration?: TSESTree.VariableDeclaration;
  /** `.then((r) => ...)`: the callback that receives the response. */
  readonly callback?: FunctionNode;
}

function responseOf(node: TSESTree.Node, file: FileInput, isFetchCall: IsFetchCall): Response | undefined {
  const receiver = unwrap(node); // also strips `await`
  if (receiver.type === AST_NODE_TYPES.CallExpression) return isFetchCall(receiver, file) ? { fetchCall: receiver } : undefined;
  if (receiver.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(receiver, file.scopeManager);
  const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (!variable || !def) return undefined;
  if (def.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.id === def.name && def.node.init) {
    const init = unwrap(def.node.init);
    if (init.type !== AST_NODE_TYPES.CallExpression || !isFetchCall(init, file)) return undefined;
    const declaration = def.node.parent;
    return { fetchCall: init, variable, ...(declaration?.type === AST_NODE_TYPES.VariableDeclaration ? { declaration } : {}) };
  }
  // fetch(url).then((res) => res.json())
  if (def.type === 'Parameter' && isFunction(def.node) && def.node.params[0] === def.name) {
    const then = def.node.parent;
    if (then?.type !== AST_NODE_TYPES.CallExpression || then.arguments[0] !== def.node) return undefined;
    const member = unwrap(then.callee);
    if (member.type !== AST_NODE_TYPES.MemberExpression || memberName(member) !== 'then') return undefined;
    const fetchCall = unwrap(member.object);
    return fetchCall.type === AST_NODE_TYPES.CallExpression && isFetchCall(fetchCall, file) ? { fetchCall, variable, callback: def.node } : undefined;
  }
  return undefined;
}

/** The fetcher throws or rejects somewhere, or looks at a status: it handles failure its own way. */
function fetcherChecks(fetcher: FunctionNode, file: FileInput): boolean {
  return /\bthrow\b|\.reject\(|\.ok\b|\.status(Code|Text)?\b/.test(file.text.slice(fetcher.range[0], fetcher.range[1]));
}

/** The response is handed to a function (`assertOk(res)`, `handle(res)`), which may check it. */
function handedOn(variable: VariableLike): boolean {
  return variable.references.some((reference) => {
    const parent = reference.identifier.parent;
    return parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.includes(reference.identifier as TSESTree.Expression);
  });
}

function checkReader(reader: TSESTree.CallExpression, fetcher: FunctionNode, api: string, file: FileInput, isFetchCall: IsFetchCall): ClientFetcherFinding | undefined {
  const callee = unwrap(reader.callee) as TSESTree.MemberExpression;
  const response = responseOf(callee.object, file, isFetchCall);
  if (!response || !contains(fetcher, response.fetchCall)) return undefined;
  if (response.variable && handedOn(response.variable)) return undefined;
  const name = response.variable?.name ?? 'response';
  const edits = throwEdits(reader, response, file);
  return { node: reader, response: name, api, ...(edits ? { edits } : {}) };
}

// ---------------------------------------------------------------------------------------------
// The suggestion: throw when the response failed

function guard(name: string): string {
  return `if (!${name}.ok) throw new Error(\`Request failed: \${${name}.status}\`);`;
}

function throwEdits(reader: TSESTree.CallExpression, response: Response, file: FileInput): TextEdit[] | undefined {
  const text = file.text;
  const eol = lineBreak(text);
  const name = response.variable?.name;
  // const res = await fetch(url);  ->  + if (!res.ok) throw ...
  if (name && response.declaration) {
    const declaration = response.declaration;
    const parent = declaration.parent;
    if (parent?.type !== AST_NODE_TYPES.BlockStatement && parent?.type !== AST_NODE_TYPES.Program) return undefined;
    const sameLine = !/[\r\n]/.test(text.slice(declaration.range[1], skipSpaces(text, declaration.range[1])));
    const separator = sameLine ? ' ' : `${eol}${indentAt(text, declaration.range[0])}`;
    return [{ range: [declaration.range[1], declaration.range[1]], text: `${separator}${guard(name)}` }];
  }
  // fetch(url).then((res) => res.json())  ->  (res) => { if (!res.ok) throw ...; return res.json(); }
  const callback = response.callback;
  if (name && callback) {
    const body = callback.body;
    if (!body) return undefined;
    if (body.type !== AST_NODE_TYPES.BlockStatement) return replaceArrowBody(callback, body, `{ ${guard(name)} return ${text.slice(body.range[0], body.range[1])}; }`, text);
    const first = body.body[0];
    if (!first) return undefined;
    const sameLine = !/[\r\n]/.test(text.slice(body.range[0], first.range[0]));
    return [{ range: [first.range[0], first.range[0]], text: `${guard(name)}${sameLine ? ' ' : `${eol}${indentAt(text, first.range[0])}`}` }];
  }
  // async () => (await fetch(url)).json()  ->  async () => { const response = await fetch(url); if ...; return response.json(); }
  if (/\bresponse\b/.test(text.slice(reader.range[0], reader.range[1]))) return undefined;
  const method = memberName(unwrap(reader.callee) as TSESTree.MemberExpression);
  const fetchText = text.slice(response.fetchCall.range[0], response.fetchCall.range[1]);
  const statements = `const response = await ${fetchText}; ${guard('response')} return response.${method}();`;
  const parent = reader.parent;
  if (isFunction(parent) && parent.body === reader && parent.async) return replaceArrowBody(parent, reader, `{ ${statements} }`, text);
  if (parent?.type === AST_NODE_TYPES.ReturnStatement && enclosingAsync(parent)) return [{ range: parent.range, text: statements }];
  return undefined;
}

/** Replaces an arrow's expression body, with any parentheses around it, from just after `=>` to the arrow's end. */
function replaceArrowBody(arrow: FunctionNode, body: TSESTree.Node, replacement: string, text: string): TextEdit[] | undefined {
  const arrowEnd = text.lastIndexOf('=>', body.range[0]);
  if (arrowEnd < arrow.range[0]) return undefined;
  return [{ range: [arrowEnd + 2, arrow.range[1]], text: ` ${replacement}` }];
}

function skipSpaces(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  return i;
}

function enclosingAsync(node: TSESTree.Node): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (isFunction(current)) return current.async;
  }
  return false;
}
