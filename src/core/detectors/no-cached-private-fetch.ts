import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { constInitializer, indentAt, isFunction, memberName, preferredQuote, propertyKey, resolveVariable, staticValue, unwrap } from '../ast.js';
import { contains, getFileIndex, type FunctionNode } from '../analysis/file-index.js';
import { isOrigin, originOf } from '../analysis/origins.js';
import { USER_HEADERS } from '../http/analysis.js';
import type { Detector, FileInput, Report, SuggestionPlan, TextEdit, VariableLike } from '../model.js';
import {
  exportsNonStaticMethod,
  isClientModule,
  isMiddlewareFile,
  isNextServerFile,
  isPagesRouterFile,
  isRouteHandlerFile,
  isUseCache,
  nextMajor,
  requestCalls,
  requestSource,
  segmentConfig,
  type RequestCall,
  type RequestSource,
  type SegmentConfig,
} from '../react/next.js';

/** Options of `no-cached-private-fetch`. */
export interface NoCachedPrivateFetchOptions {
  /** The project's Next.js major version; `null` reads it from the nearest package.json. */
  readonly nextMajor: number | null;
}

/** Message ids of `no-cached-private-fetch`. */
export type NoCachedPrivateFetchMessageId =
  | 'cachedPrivateFetch'
  | 'requestInCache'
  | 'unkeyedRequestValue'
  | 'useNoStore'
  | 'revalidateZero'
  | 'addToKeyParts';

/**
 * Per-user data in Next.js's shared server caches.
 *
 * - A server `fetch` that sends the user's credentials (an `Authorization`, `Cookie` or API-key
 *   header whose value comes from `cookies()`, `headers()`, a session helper or the route
 *   handler's request, or the incoming request's whole header bag) while the Data Cache stores
 *   its response: `cache: 'force-cache'`, `next.revalidate` above 0 or `false`, a segment
 *   `fetchCache` that opts fetches in, or Next 13/14's default where it really applies (a
 *   `force-dynamic` route handler reading its raw request: Next's own "auto no cache" for
 *   authorised fetches only starts once a request API has marked the route dynamic).
 * - `unstable_cache` and `'use cache'` bodies that read the request (`cookies()`, `headers()`,
 *   a session): the entry is shared by every caller with the same key. Recent Next versions
 *   throw there; older ones served the first user's result to everyone.
 * - `unstable_cache` callbacks that use a request-derived value from their closure without it
 *   being in `keyParts` (arguments are part of the key; closures are not).
 *
 * Suggestions only: `cache: 'no-store'` changes what the page costs, and only a person can tell
 * whether the value was meant to be shared.
 */
export const noCachedPrivateFetch: Detector<NoCachedPrivateFetchOptions, NoCachedPrivateFetchMessageId> = {
  id: 'no-cached-private-fetch',
  messages: {
    cachedPrivateFetch:
      "This `fetch` sends {{credential}}, and {{how}} stores the response in Next's Data Cache, which every request and server instance shares: the user's private data is kept there and served again until it is revalidated, even after logout or revoked access.",
    requestInCache:
      '{{call}} reads the incoming request inside {{scope}}, whose result is shared by every caller with the same key: one user\'s data is served to the others (recent Next.js versions throw here instead). Read it outside and pass the value in as an argument.',
    unkeyedRequestValue:
      "`unstable_cache` keys by `keyParts` and the function's arguments only, but the function uses `{{name}}`, which comes from {{source}}: every user gets the result cached for the first one.",
    useNoStore: "Use `cache: 'no-store'` so the response is never stored.",
    revalidateZero: 'Set `revalidate: 0` so the response is never stored.',
    addToKeyParts: 'Add `{{expression}}` to `keyParts` so each user gets an entry of their own.',
  },
  gate: (text) =>
    (text.includes('fetch') && /force-cache|revalidate|fetchCache|force-dynamic/.test(text)) || (text.includes('_cache') && text.includes('unstable_cache')) || text.includes('use cache'),
  detect(file, options, report) {
    if (isClientModule(file) || isPagesRouterFile(file.filename) || isMiddlewareFile(file.filename)) return;
    if (file.text.includes('fetch')) checkFetches(file, options, report);
    const reported = new Set<TSESTree.Node>();
    if (file.text.includes('unstable_cache')) checkUnstableCaches(file, report, reported);
    if (file.text.includes('use cache')) checkUseCache(file, report, reported);
  },
};

type ReportFn = Report<NoCachedPrivateFetchMessageId>;

// ---------------------------------------------------------------------------------------------
// fetch

/** The options of one `fetch`, merged from the init object, `const` objects it spreads, and a `new Request(url, init)` input. */
interface FetchInit {
  /** The init object written at the call, when there is one (edits go there only). */
  inline: TSESTree.ObjectExpression | undefined;
  readonly props: Map<string, TSESTree.Property>;
  /** An init whose content is unknown: nothing can be said. */
  unknown: boolean;
  /** A spread of unknown content before `props`: options not set after it may hide there. */
  unknownBase: boolean;
}

function checkFetches(file: FileInput, options: NoCachedPrivateFetchOptions, report: ReportFn): void {
  const segment = segmentConfig(file);
  // Next refuses to cache any fetch of such a segment (`only-no-store` even throws on `force-cache`).
  if (segment.fetchCache === 'force-no-store' || segment.fetchCache === 'only-no-store') return;
  for (const call of getFileIndex(file).calls) {
    const callee = call.callee;
    if (callee.type !== AST_NODE_TYPES.Identifier || callee.name !== 'fetch' || call.arguments.length === 0) continue;
    const variable = resolveVariable(callee, file.scopeManager);
    if (variable && variable.defs.length > 0) continue; // a local or imported `fetch`, not Next's
    const init = fetchInit(call, file);
    if (init.unknown) continue;
    const credential = credentialOf(init, file);
    if (!credential) continue;
    if (!isNextFetch(file, init, credential.source, options)) continue;
    const decision = cacheDecision(init, segment, credential.source, file, options);
    if (!decision) continue;
    report({
      messageId: 'cachedPrivateFetch',
      data: { credential: credential.text, how: decision.how },
      node: decision.node ?? call.callee,
      suggestions: decision.suggest ? noStoreSuggestions(call, init, decision, file) : [],
    });
  }
}

/**
 * True when the fetch runs on a Next.js server, where the Data Cache exists: a server file (see
 * `isNextServerFile`), a fetch with Next's own `next` option, or, for credentials read through a
 * server-only API (`cookies()`, NextAuth's `auth()`...), any file of a Next.js project. A
 * parameter named `session` or a local `getSession()` proves little in a module that may run in
 * the browser, and a `Request` parameter may belong to any runtime.
 */
function isNextFetch(file: FileInput, init: FetchInit, source: RequestSource, options: NoCachedPrivateFetchOptions): boolean {
  if (init.props.has('next') || isNextServerFile(file)) return true;
  return source.via === 'api' && nextMajor(file.filename, options.nextMajor) !== undefined;
}

function fetchInit(call: TSESTree.CallExpression, file: FileInput): FetchInit {
  const init: FetchInit = { inline: undefined, props: new Map(), unknown: false, unknownBase: false };
  // fetch(new Request(url, { headers })) — Next reads the Request's headers, cache and `next` too.
  const input = unwrap(call.arguments[0]!);
  const request = input.type === AST_NODE_TYPES.Identifier ? constInitializer(input, file) : input;
  if (request?.type === AST_NODE_TYPES.NewExpression && request.callee.type === AST_NODE_TYPES.Identifier && request.callee.name === 'Request' && request.arguments[1]) {
    collectInit(request.arguments[1], file, init, 0);
  }
  const second = call.arguments[1];
  if (!second) return init;
  if (second.type === AST_NODE_TYPES.SpreadElement) {
    init.unknown = true;
    return init;
  }
  const expression = unwrap(second);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) init.inline = expression;
  collectInit(expression, file, init, 0);
  return init;
}

function collectInit(node: TSESTree.Node, file: FileInput, init: FetchInit, depth: number): void {
  let expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) expression = constInitializer(expression, file) ?? expression;
  expression = unwrap(expression);
  if (expression.type !== AST_NODE_TYPES.ObjectExpression || depth > 3) {
    if (depth === 0) init.unknown = true;
    else unknownSpread(init);
    return;
  }
  for (const property of expression.properties) {
    if (property.type === AST_NODE_TYPES.SpreadElement) {
      // `{ ...init, headers: {...}, next: {...} }`: what is set after the spread is still known.
      collectInit(property.argument, file, init, depth + 1);
      continue;
    }
    const key = propertyKey(property, file);
    if (key === undefined) unknownSpread(init);
    else init.props.set(key, property);
  }
}

function unknownSpread(init: FetchInit): void {
  init.props.clear();
  init.unknownBase = true;
}

/** The user's credential a fetch sends, and where it comes from. */
interface Credential {
  readonly text: string;
  readonly source: RequestSource;
}

function credentialOf(init: FetchInit, file: FileInput): Credential | undefined {
  const headers = init.props.get('headers');
  // headers hidden in an unknown spread: nothing is known about them.
  return headers ? credentialIn(headers.value, file, 0) : undefined;
}

const HEADER_NAMES: Readonly<Record<string, string>> = {
  authorization: 'Authorization',
  cookie: 'Cookie',
  'proxy-authorization': 'Proxy-Authorization',
};

function headerCredential(name: string, value: TSESTree.Node, file: FileInput): Credential | undefined {
  const lower = name.toLowerCase();
  if (!USER_HEADERS.has(lower)) return undefined;
  const source = requestSource(value, file);
  if (!source) return undefined;
  const label = HEADER_NAMES[lower] ?? name;
  return { text: `${lower === 'authorization' ? 'an' : 'a'} \`${label}\` header from ${source.text}`, source };
}

/** Looks through a `headers` value: an object, `new Headers(...)`, pairs, a `const`, or the incoming request's own headers. */
function credentialIn(node: TSESTree.Node, file: FileInput, depth: number): Credential | undefined {
  if (depth > 4) return undefined;
  const expression = unwrap(node);
  switch (expression.type) {
    case AST_NODE_TYPES.ObjectExpression:
      for (const property of expression.properties) {
        if (property.type === AST_NODE_TYPES.SpreadElement) {
          const found = credentialIn(property.argument, file, depth + 1);
          if (found) return found;
          continue;
        }
        const key = propertyKey(property, file);
        const found = key === undefined ? undefined : headerCredential(key, property.value, file);
        if (found) return found;
      }
      return undefined;
    case AST_NODE_TYPES.ArrayExpression:
      for (const element of expression.elements) {
        const pair = element ? unwrap(element) : undefined;
        if (pair?.type !== AST_NODE_TYPES.ArrayExpression || pair.elements.length !== 2 || !pair.elements[0] || !pair.elements[1]) continue;
        const name = staticValue(pair.elements[0], file);
        const found = typeof name === 'string' ? headerCredential(name, pair.elements[1], file) : undefined;
        if (found) return found;
      }
      return undefined;
    case AST_NODE_TYPES.ConditionalExpression:
      // `...(token ? { Authorization: `Bearer ${token}` } : {})`
      return credentialIn(expression.consequent, file, depth + 1) ?? credentialIn(expression.alternate, file, depth + 1);
    case AST_NODE_TYPES.LogicalExpression:
      return credentialIn(expression.left, file, depth + 1) ?? credentialIn(expression.right, file, depth + 1);
    case AST_NODE_TYPES.NewExpression:
      if (expression.callee.type === AST_NODE_TYPES.Identifier && expression.callee.name === 'Headers' && expression.arguments[0]) {
        return credentialIn(expression.arguments[0], file, depth + 1);
      }
      return undefined;
    case AST_NODE_TYPES.CallExpression: {
      // headers: await authHeaders(), where `authHeaders` is a function of this file returning the headers.
      const helper = expression.callee.type === AST_NODE_TYPES.Identifier ? callbackOf(expression.callee, file) : undefined;
      if (helper) {
        for (const value of returnedValues(helper)) {
          const found = credentialIn(value, file, depth + 1);
          if (found) return found;
        }
      }
      return forwarded(expression, file);
    }
    case AST_NODE_TYPES.Identifier: {
      const variable = resolveVariable(expression, file.scopeManager);
      const def = variable?.defs.length === 1 ? variable.defs[0] : undefined;
      if (variable && def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init) {
        return credentialIn(def.node.init, file, depth + 1) ?? setOnHeaders(variable, file) ?? forwarded(expression, file);
      }
      return forwarded(expression, file);
    }
    default:
      return forwarded(expression, file);
  }
}

/** What a function returns from its body's own statements (an arrow's expression, or top-level `return`s). */
function returnedValues(fn: FunctionNode): TSESTree.Node[] {
  if (fn.body.type !== AST_NODE_TYPES.BlockStatement) return [fn.body];
  const out: TSESTree.Node[] = [];
  for (const statement of fn.body.body) {
    if (statement.type === AST_NODE_TYPES.ReturnStatement && statement.argument) out.push(statement.argument);
  }
  return out;
}

/** `const h = new Headers(); h.set('Authorization', token)`. */
function setOnHeaders(variable: VariableLike, file: FileInput): Credential | undefined {
  for (const reference of variable.references) {
    const member = reference.identifier.parent;
    if (member?.type !== AST_NODE_TYPES.MemberExpression || member.object !== reference.identifier) continue;
    const method = memberName(member);
    const call = member.parent;
    if ((method !== 'set' && method !== 'append') || call?.type !== AST_NODE_TYPES.CallExpression || call.callee !== member) continue;
    const [name, value] = call.arguments;
    const header = name ? staticValue(name, file) : undefined;
    const found = typeof header === 'string' && value ? headerCredential(header, value, file) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** The incoming request's header bag passed on whole: `headers()`, `request.headers`, `Object.fromEntries(await headers())`. */
function forwarded(node: TSESTree.Node, file: FileInput): Credential | undefined {
  const source = requestSource(node, file);
  if (source?.kind !== 'headers') return undefined;
  return { text: `the incoming request's headers (${source.text}), cookies and \`Authorization\` included`, source };
}

// ---------------------------------------------------------------------------------------------
// Does the Data Cache store it?

interface Decision {
  /** How the response gets cached, for the message. */
  readonly how: string;
  /** Where to report: the option that caches, or the callee. */
  readonly node: TSESTree.Node | undefined;
  /** Whether `cache: 'no-store'` (or `revalidate: 0`) on the fetch would stop it. */
  readonly suggest: boolean;
  readonly mode: Mode;
}

type Mode =
  | { readonly kind: 'revalidate'; readonly value: number | false; readonly property: TSESTree.Property; readonly next: TSESTree.Property }
  | { readonly kind: 'cache'; readonly value: string; readonly property: TSESTree.Property }
  | { readonly kind: 'default' }
  | { readonly kind: 'unknown' };

/** What the fetch asks for itself. When both are given Next warns and `next.revalidate` wins. */
function modeOf(init: FetchInit, file: FileInput): Mode {
  if (init.unknownBase && !init.props.has('next') && !init.props.has('cache')) return { kind: 'unknown' };
  const next = init.props.get('next');
  if (next) {
    let object = unwrap(next.value);
    if (object.type === AST_NODE_TYPES.Identifier) object = constInitializer(object, file) ?? object;
    object = unwrap(object);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return { kind: 'unknown' };
    let revalidate: TSESTree.Property | undefined;
    for (const p of object.properties) if (p.type === AST_NODE_TYPES.Property && propertyKey(p, file) === 'revalidate') revalidate = p;
    if (object.properties.some((p) => p.type === AST_NODE_TYPES.SpreadElement)) return { kind: 'unknown' };
    if (revalidate) {
      const value = unwrap(revalidate.value);
      if (value.type === AST_NODE_TYPES.Literal && value.value === false) return { kind: 'revalidate', value: false, property: revalidate, next };
      const seconds = staticValue(value, file);
      if (typeof seconds !== 'string' || seconds === '' || Number.isNaN(Number(seconds))) return { kind: 'unknown' };
      return { kind: 'revalidate', value: Number(seconds), property: revalidate, next };
    }
  }
  const cache = init.props.get('cache');
  if (cache) {
    const value = staticValue(cache.value, file);
    return typeof value === 'string' ? { kind: 'cache', value, property: cache } : { kind: 'unknown' };
  }
  return { kind: 'default' };
}

function cacheDecision(
  init: FetchInit,
  segment: SegmentConfig,
  source: RequestSource,
  file: FileInput,
  options: NoCachedPrivateFetchOptions,
): Decision | undefined {
  const mode = modeOf(init, file);
  if (mode.kind === 'unknown') return undefined;
  const fetchCache = segment.fetchCache;
  const forceDynamic = segment.dynamic === 'force-dynamic';
  if (mode.kind === 'revalidate') {
    if (mode.value === 0) {
      // `fetchCache = 'force-cache'` caches even `revalidate: 0`.
      return fetchCache === 'force-cache' ? segmentDecision(fetchCache, mode) : undefined;
    }
    // From Next 15, `force-dynamic` without a `fetchCache` turns `next.revalidate` into 0.
    if (forceDynamic && fetchCache === undefined && !cachesByDefault(file, options)) return undefined;
    const how = `\`next: { revalidate: ${mode.value} }\`${mode.value === false ? ' (cache indefinitely)' : ''}`;
    return { how, node: mode.property, suggest: true, mode };
  }
  if (mode.kind === 'cache') {
    if (mode.value === 'force-cache') return { how: "`cache: 'force-cache'`", node: mode.property, suggest: true, mode };
    if (mode.value === 'no-store' || mode.value === 'no-cache') {
      return fetchCache === 'force-cache' ? segmentDecision(fetchCache, mode) : undefined;
    }
  }
  // No cache option of its own (or `cache: 'default'`).
  if (fetchCache === 'force-cache' || fetchCache === 'only-cache' || fetchCache === 'default-cache') return segmentDecision(fetchCache, mode);
  if (fetchCache !== undefined) return undefined;
  // Next 13 and 14 cache by default, but skip fetches that send `Authorization` or `Cookie` once
  // the route is dynamic: a request API (`cookies()`, `headers()`, a session helper, the proxied
  // route request), a POST/DELETE/PATCH/OPTIONS export or `revalidate = 0` has marked it so. A
  // `force-dynamic` route handler gets its raw request, whose reads mark nothing.
  if (
    forceDynamic &&
    source.via === 'request' &&
    isRouteHandlerFile(file.filename) &&
    cachesByDefault(file, options) &&
    segment.revalidate !== 0 &&
    !exportsNonStaticMethod(file) &&
    requestCalls(file).size === 0
  ) {
    const major = nextMajor(file.filename, options.nextMajor);
    return { how: `Next ${major}'s default fetch cache (which \`force-dynamic\` does not turn off in a route handler)`, node: undefined, suggest: true, mode };
  }
  return undefined;
}

function segmentDecision(fetchCache: string, mode: Mode): Decision {
  // `force-cache` overrides `no-store` on the fetch, and `only-cache` throws on it: only `default-cache` yields to it.
  return { how: `\`export const fetchCache = '${fetchCache}'\``, node: undefined, suggest: fetchCache === 'default-cache', mode };
}

/** Next 13 and 14 cache fetches by default; 15 and later do not. An unknown version counts as current. */
function cachesByDefault(file: FileInput, options: NoCachedPrivateFetchOptions): boolean {
  const major = nextMajor(file.filename, options.nextMajor);
  return major !== undefined && major >= 13 && major <= 14;
}

// ---------------------------------------------------------------------------------------------
// Suggestions for fetch

function noStoreSuggestions(
  call: TSESTree.CallExpression,
  init: FetchInit,
  decision: Decision,
  file: FileInput,
): SuggestionPlan<NoCachedPrivateFetchMessageId>[] {
  const object = init.inline;
  const quote = preferredQuote(file.text);
  const noStore = `${quote}no-store${quote}`;
  const mode = decision.mode;
  const own = (property: TSESTree.Property | undefined): boolean => !!property && !!object && property.parent === object;
  if (mode.kind === 'cache') {
    if (!own(mode.property)) return [];
    return [{ messageId: 'useNoStore', edits: [{ range: mode.property.value.range, text: noStore }] }];
  }
  if (mode.kind === 'revalidate') {
    const nextObject = unwrap(mode.next.value);
    if (!own(mode.next) || nextObject.type !== AST_NODE_TYPES.ObjectExpression || mode.property.parent !== nextObject) return [];
    if (nextObject.properties.length > 1) {
      return [{ messageId: 'revalidateZero', edits: [{ range: mode.property.value.range, text: '0' }] }];
    }
    const cache = init.props.get('cache');
    if (cache && own(cache)) {
      return [{ messageId: 'useNoStore', edits: [{ range: cache.value.range, text: noStore }, removeProperty(object!, mode.next)] }];
    }
    if (cache) return [];
    return [{ messageId: 'useNoStore', edits: [{ range: mode.next.range, text: `cache: ${noStore}` }] }];
  }
  // No option: add one.
  if (object) return [{ messageId: 'useNoStore', edits: [addProperty(object, `cache: ${noStore}`, file)] }];
  if (call.arguments.length === 1) {
    return [{ messageId: 'useNoStore', edits: [{ range: [call.arguments[0]!.range[1], call.arguments[0]!.range[1]], text: `, { cache: ${noStore} }` }] }];
  }
  return [];
}

function addProperty(object: TSESTree.ObjectExpression, text: string, file: FileInput): TextEdit {
  const last = object.properties[object.properties.length - 1];
  if (!last) return { range: object.range, text: `{ ${text} }` };
  if (last.loc.start.line !== object.loc.start.line) {
    return { range: [last.range[1], last.range[1]], text: `,\n${indentAt(file.text, last.range[0])}${text}` };
  }
  return { range: [last.range[1], last.range[1]], text: `, ${text}` };
}

function removeProperty(object: TSESTree.ObjectExpression, property: TSESTree.Property): TextEdit {
  const index = (object.properties as readonly TSESTree.Node[]).indexOf(property);
  const following = object.properties[index + 1];
  if (following) return { range: [property.range[0], following.range[0]], text: '' };
  const previous = object.properties[index - 1];
  if (previous) return { range: [previous.range[1], property.range[1]], text: '' };
  // The only property: keep the braces.
  return { range: property.range, text: '' };
}

// ---------------------------------------------------------------------------------------------
// unstable_cache and 'use cache'

function checkUnstableCaches(file: FileInput, report: ReportFn, reported: Set<TSESTree.Node>): void {
  const index = getFileIndex(file);
  // Resolve only calls named like an import of `unstable_cache` (aliases included).
  const names = new Set<string>(['unstable_cache']);
  for (const declaration of index.imports) {
    if (declaration.source.value !== 'next/cache') continue;
    for (const specifier of declaration.specifiers) names.add(specifier.local.name);
  }
  for (const call of index.calls) {
    const callee = unwrap(call.callee);
    const name = callee.type === AST_NODE_TYPES.Identifier ? callee.name : callee.type === AST_NODE_TYPES.MemberExpression ? memberName(callee) : undefined;
    if (name === undefined || !names.has(name)) continue;
    if (!isOrigin(originOf(callee, file), 'next/cache', ['unstable_cache'], 'ref')) continue;
    const fn = callbackOf(call.arguments[0], file);
    if (!fn) continue;
    reportReads(fn, '`unstable_cache`', file, report, reported);
    checkClosure(call, fn, file, report, reported);
  }
}

function callbackOf(node: TSESTree.Node | undefined, file: FileInput): FunctionNode | undefined {
  if (!node || node.type === AST_NODE_TYPES.SpreadElement) return undefined;
  const expression = unwrap(node);
  if (isFunction(expression)) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = resolveVariable(expression, file.scopeManager)?.defs[0];
  if (def?.type === 'FunctionName' && isFunction(def.node)) return def.node;
  if (def?.type === 'Variable' && def.node.type === AST_NODE_TYPES.VariableDeclarator && def.node.init && isFunction(unwrap(def.node.init))) {
    return unwrap(def.node.init) as FunctionNode;
  }
  return undefined;
}

function checkUseCache(file: FileInput, report: ReportFn, reported: Set<TSESTree.Node>): void {
  for (const statement of getFileIndex(file).directives) {
    const directive = statement.directive!;
    // 'use cache: private' is the variant meant for per-user data: it may read cookies and headers.
    if (!isUseCache(directive) || directive === 'use cache: private') continue;
    const parent = statement.parent;
    const scope = `\`'${directive}'\``;
    if (parent?.type === AST_NODE_TYPES.Program) reportReads(parent, scope, file, report, reported);
    else if (parent?.type === AST_NODE_TYPES.BlockStatement && isFunction(parent.parent)) reportReads(parent.parent, scope, file, report, reported);
  }
}

/** Reports request reads inside a cached scope, directly or through a helper function of this file. */
function reportReads(scope: TSESTree.Node, scopeText: string, file: FileInput, report: ReportFn, reported: Set<TSESTree.Node>): void {
  const reads = requestCalls(file);
  if (reads.size === 0) return;
  for (const [call, read] of reads) {
    if (!contains(scope, call) || reported.has(call)) continue;
    reported.add(call);
    report({ messageId: 'requestInCache', data: { call: read.text, scope: scopeText }, node: call });
  }
  // One level of helpers: `const user = await getUser()` where `getUser` calls `auth()`.
  const helpers = readingFunctions(reads);
  for (const call of getFileIndex(file).calls) {
    if (!contains(scope, call) || reported.has(call) || reads.has(call) || call.callee.type !== AST_NODE_TYPES.Identifier) continue;
    const helper = callbackOf(call.callee, file);
    const read = helper ? helpers.get(helper) : undefined;
    if (!helper || !read || contains(scope, helper)) continue;
    reported.add(call);
    report({ messageId: 'requestInCache', data: { call: `\`${call.callee.name}()\` (which calls ${read.text})`, scope: scopeText }, node: call });
  }
}

/** Each function that reads the request itself, with its first read. */
function readingFunctions(reads: ReadonlyMap<TSESTree.CallExpression, RequestCall>): Map<FunctionNode, RequestCall> {
  const out = new Map<FunctionNode, RequestCall>();
  for (const [call, read] of reads) {
    for (let current: TSESTree.Node | undefined = call.parent; current; current = current.parent) {
      if (isFunction(current)) {
        if (!out.has(current)) out.set(current, read);
        break;
      }
    }
  }
  return out;
}

/** Request-derived values an `unstable_cache` callback takes from its closure without keying by them. */
function checkClosure(call: TSESTree.CallExpression, fn: FunctionNode, file: FileInput, report: ReportFn, reported: Set<TSESTree.Node>): void {
  const manager = file.scopeManager;
  if (!manager) return;
  const keyParts = call.arguments[1] ? unwrap(call.arguments[1]) : undefined;
  // keyParts that already name the user (`[session.user.id]`, `[userId]`) key every use of the request.
  if (keyParts?.type === AST_NODE_TYPES.ArrayExpression && keyParts.elements.some((element) => element && isUserValue(requestSource(element, file)))) return;
  for (let outer: TSESTree.Node | undefined = call.parent; outer; outer = outer.parent) {
    if (!isFunction(outer) || outer === fn) continue;
    const scope = manager.acquire(outer);
    if (!scope) continue;
    for (const variable of scope.set.values()) {
      const inside = variable.references.filter((reference) => contains(fn, reference.identifier));
      if (inside.length === 0 || variable.name === 'arguments') continue;
      if (keyParts && variable.references.some((reference) => contains(keyParts, reference.identifier))) continue;
      const first = inside[0]!.identifier as TSESTree.Identifier;
      if (reported.has(first)) continue;
      const source = requestSource(useOf(first), file);
      if (!isUserValue(source)) continue;
      reported.add(first);
      const expression = keyExpression(first, file);
      const edits = keyPartsEdits(call, keyParts, `String(${expression})`);
      report({
        messageId: 'unkeyedRequestValue',
        data: { name: variable.name, source: source!.text },
        node: first,
        suggestions: edits ? [{ messageId: 'addToKeyParts', data: { expression: `String(${expression})` }, edits }] : [],
      });
    }
  }
}

/** Cookies, an identifying header or a session: the request object itself (its URL, its body) identifies no one. */
function isUserValue(source: RequestSource | undefined): boolean {
  return !!source && source.kind !== 'request';
}

/** The whole read at a use: `request.headers.get('authorization')`, `session.user.id`. */
function useOf(identifier: TSESTree.Identifier): TSESTree.Node {
  let node: TSESTree.Node = identifier;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type === AST_NODE_TYPES.MemberExpression && parent.object === node) node = parent;
    else if (parent?.type === AST_NODE_TYPES.CallExpression && parent.callee === node && node !== identifier) node = parent;
    else if (parent?.type === AST_NODE_TYPES.ChainExpression || parent?.type === AST_NODE_TYPES.TSNonNullExpression) node = parent;
    else return node;
  }
}

/** The member chain read at a use (`session.user.id`), which is what the key needs. */
function keyExpression(identifier: TSESTree.Identifier, file: FileInput): string {
  let node: TSESTree.Node = identifier;
  let end: TSESTree.Node = identifier;
  for (;;) {
    const parent: TSESTree.Node | undefined = node.parent;
    if (parent?.type === AST_NODE_TYPES.TSNonNullExpression || parent?.type === AST_NODE_TYPES.ChainExpression) {
      node = parent;
      continue;
    }
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== node || parent.computed) break;
    // Stop before a method call (`cookieStore.get(...)`): the key takes the value, not the method.
    if (parent.parent?.type === AST_NODE_TYPES.CallExpression && parent.parent.callee === parent) break;
    node = parent;
    end = parent;
  }
  return file.text.slice(identifier.range[0], end.range[1]);
}

function keyPartsEdits(call: TSESTree.CallExpression, keyParts: TSESTree.Node | undefined, text: string): TextEdit[] | undefined {
  if (!keyParts) {
    const callback = call.arguments[0]!;
    return call.arguments.length === 1 ? [{ range: [callback.range[1], callback.range[1]], text: `, [${text}]` }] : undefined;
  }
  if (keyParts.type !== AST_NODE_TYPES.ArrayExpression) return undefined;
  const last = keyParts.elements[keyParts.elements.length - 1];
  if (!last) return [{ range: [keyParts.range[0] + 1, keyParts.range[0] + 1], text }];
  return [{ range: [last.range[1], last.range[1]], text: `, ${text}` }];
}
