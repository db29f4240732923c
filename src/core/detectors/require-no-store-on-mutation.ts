import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import { calleeMember, constInitializer, isFunction, memberName, parentOf, preferredQuote, resolveVariable, staticValue, unwrap } from '../ast.js';
import { getFileIndex } from '../analysis/file-index.js';
import { originOf } from '../analysis/origins.js';
import { addNamedImport } from '../edits/imports.js';
import { getHttpAnalysis, middlewareName, type Handler, type HeaderWrite, type HttpAnalysis } from '../http/analysis.js';
import { hasDirective, isCachingValue, isSharedCacheable, parseCacheControl, type ParsedCacheControl } from '../http/cache-control.js';
import { insertAtHandlerStart, quote, replaceValue } from '../http/edits.js';
import { MUTATION_METHODS, mayUseHttp } from '../http/frameworks.js';
import { cachePolicy, middlewareWrites } from '../http/policy.js';
import type { Detector, FileInput, TextEdit } from '../model.js';

/** Options of `require-no-store-on-mutation`. */
export interface RequireNoStoreOnMutationOptions {
  /**
   * Also report every mutation handler that sets no `Cache-Control` at all (a house policy of
   * "every mutation says no-store"). Off by default: without explicit freshness a cache does not
   * store a mutation's response (RFC 9111 §3), so only handlers a cache could store are reported.
   */
  readonly checkMissing: boolean;
  /** Middleware (by name as written at the route or `app.use`) that already sets `no-store`. */
  readonly noStoreMiddleware: readonly string[];
}

/** Message ids of `require-no-store-on-mutation`. */
export type RequireNoStoreOnMutationMessageId = 'cachingMutation' | 'missingNoStore' | 'inheritedCaching' | 'responseCache' | 'cachedRouter';

/** Response-cache middleware that stores responses to every method unless told otherwise (apicache caches POSTs too). */
const RESPONSE_CACHE_PACKAGES: ReadonlySet<string> = new Set(['apicache', 'apicache-plus']);

/** Packages whose middleware sets `Cache-Control: no-store` (or stronger) on every response. */
const NO_STORE_PACKAGES: ReadonlySet<string> = new Set(['nocache', 'no-cache', 'helmet/nocache']);

/**
 * Mutation handlers (`POST`, `PUT`, `PATCH`, `DELETE`) must not be stored by caches: one that
 * sets a caching `Cache-Control` is always reported; one that sets none is reported unless
 * `checkMissing` is off or middleware already sets `no-store`. Next.js server actions are not
 * route handlers and never reach this detector (Next sets `no-cache` on them itself).
 */
export const requireNoStoreOnMutation: Detector<RequireNoStoreOnMutationOptions, RequireNoStoreOnMutationMessageId> = {
  id: 'require-no-store-on-mutation',
  messages: {
    cachingMutation:
      'This {{method}} handler sends `Cache-Control: {{value}}`, so a cache may store the response to a state-changing request and replay it; send `no-store`.',
    missingNoStore:
      'This {{method}} handler sets no `Cache-Control`, so a cache between client and server may store the response to a state-changing request; send `Cache-Control: no-store`.',
    inheritedCaching:
      'This {{method}} handler sets no `Cache-Control` of its own, and middleware in front of it sends `{{value}}`, so a cache may store the response to a state-changing request; send `Cache-Control: no-store`.',
    responseCache:
      '`{{middleware}}` caches responses in front of this {{method}} handler (apicache stores every method by key of URL), so the next identical request gets this response back without reaching the handler; keep the cache to GET routes or send `Cache-Control: no-store`.',
    cachedRouter:
      'GET routes of this {{scope}} send `{{value}}`, and this {{method}} handler answers with data but sets no `Cache-Control`; a cache rule for the path may store it too. Send `Cache-Control: no-store`.',
  },
  gate: (text, _options, filename) => mayUseHttp(text, filename) && /post|put|patch|delete|\bdel\b|method/i.test(text),
  detect(file, options, report) {
    const analysis = getHttpAnalysis(file);
    for (const handler of analysis.handlers) {
      const method = handler.methods.find((m) => MUTATION_METHODS.has(m));
      if (!method) continue;
      // A handler that only answers 405 (or sets Allow) stores nothing worth keeping.
      if (onlyRejectsMethod(handler, file)) continue;
      const policy = cachePolicy(handler.writes);
      for (const { write, parsed } of policy.values) {
        if (write.mode !== 'set' || !isCachingValue(parsed)) continue;
        const fix = replaceValue(write, 'no-store', file);
        report({
          messageId: 'cachingMutation',
          data: { method, value: String(write.value) },
          node: write.valueNode ?? write.node,
          ...(fix ? { fix } : {}),
        });
      }
      if (!policy.none) continue;
      if (coveredByMiddleware(handler, analysis, file, options)) continue;
      // Headers this file cannot read (a spread, a computed name, a response handed to other code) may hold Cache-Control.
      if (hasUnknownHeaders(handler, file)) continue;
      const exposure = cacheExposure(handler, analysis, file);
      if (!exposure && !options.checkMissing) continue;
      const fix = noStoreFix(handler, file);
      report({
        messageId: exposure?.messageId ?? 'missingNoStore',
        data: { method, ...exposure?.data },
        node: reportNode(handler),
        ...(fix ? { fix } : {}),
      });
    }
  },
};

type Exposure = { messageId: 'inheritedCaching' | 'responseCache' | 'cachedRouter'; data: Record<string, string> };

/**
 * Why a cache could store this mutation's response although the handler sets no
 * `Cache-Control`: middleware in front of it sends a caching value, a response-cache middleware
 * (apicache) covers it, or the GET routes of the same app, router or route file send caching
 * values while this handler answers with data.
 */
function cacheExposure(handler: Handler, analysis: HttpAnalysis, file: FileInput): Exposure | undefined {
  const inherited = cachePolicy(middlewareWrites(handler, analysis)).values.find(({ parsed }) => isCachingValue(parsed));
  if (inherited) return { messageId: 'inheritedCaching', data: { value: String(inherited.write.value) } };
  const responseCache = responseCacheIn(handler, file);
  if (responseCache) return { messageId: 'responseCache', data: { middleware: responseCache } };
  if (!answersWithData(handler, file)) return undefined;
  const scope = handler.framework === 'next' ? 'route file' : handler.framework === 'nest' ? 'controller' : 'router';
  const app = handler.app ? unwrap(handler.app) : undefined;
  const appName = app?.type === AST_NODE_TYPES.Identifier ? app.name : undefined;
  for (const other of analysis.handlers) {
    if (other === handler || !other.methods.includes('GET')) continue;
    const same =
      handler.framework === 'next'
        ? other.framework === 'next'
        : handler.framework === 'nest'
          ? other.method?.parent === handler.method?.parent
          : appName !== undefined && (() => {
              const otherApp = other.app ? unwrap(other.app) : undefined;
              return otherApp?.type === AST_NODE_TYPES.Identifier && otherApp.name === appName;
            })();
    if (!same) continue;
    const cached = cachePolicy(other.writes).values.find(({ parsed }) => isSharedCaching(parsed));
    if (cached) return { messageId: 'cachedRouter', data: { scope, value: String(cached.write.value) } };
  }
  return undefined;
}

/** A value a shared cache may store: `public` or `s-maxage`, not `private`/`no-store`. */
function isSharedCaching(parsed: ParsedCacheControl): boolean {
  return isCachingValue(parsed) && isSharedCacheable(parsed) && (hasDirective(parsed, 'public') || hasDirective(parsed, 's-maxage'));
}

/** `apicache.middleware('5 minutes')` (or an alias of it) on the route or in `app.use` before it. */
function responseCacheIn(handler: Handler, file: FileInput): string | undefined {
  const isResponseCache = (node: TSESTree.Node): boolean => {
    const expression = unwrap(node);
    if (expression.type === AST_NODE_TYPES.ArrayExpression) return expression.elements.some((element) => !!element && isResponseCache(element));
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    const origin = originOf(callee, file);
    return !!origin && RESPONSE_CACHE_PACKAGES.has(origin.source);
  };
  const named = (node: TSESTree.Node): string => middlewareName(node) ?? 'apicache';
  const onRoute = handler.middleware.find(isResponseCache);
  if (onRoute) return named(onRoute);
  const app = handler.app ? unwrap(handler.app) : undefined;
  if (app?.type !== AST_NODE_TYPES.Identifier) return undefined;
  for (const call of getFileIndex(file).calls) {
    if (call.range[0] >= handler.node.range[0]) continue;
    const member = calleeMember(call);
    if (!member || memberName(member) !== 'use') continue;
    const object = unwrap(member.object);
    if (object.type !== AST_NODE_TYPES.Identifier || object.name !== app.name) continue;
    const found = call.arguments.find(isResponseCache);
    if (found) return named(found);
  }
  return undefined;
}

/** Response bodies that carry data: `res.json(x)`, `res.send(x)`, `ctx.body =`, `c.json(x)`, `Response.json(x)`, a returned value. */
const DATA_RESPONSE = /\.(?:json|jsonp|send|render)\(\s*[^)\s]|\.body\s*=[^=]|Response\.json\(|new (?:Next)?Response\(\s*(?!null\b|undefined\b|\))|\breturn\s+(?!;|null\b|undefined\b|res\b|reply\b|next\()[\w{[(`'"]/;

function answersWithData(handler: Handler, file: FileInput): boolean {
  return DATA_RESPONSE.test(file.text.slice(handler.fn.range[0], handler.fn.range[1]));
}

/** The handler's only answer is 405 Method Not Allowed. */
function onlyRejectsMethod(handler: Handler, file: FileInput): boolean {
  const text = file.text.slice(handler.fn.range[0], handler.fn.range[1]);
  if (!/\b405\b|method\s*not\s*allowed|methodNotAllowed/i.test(text)) return false;
  const body = handler.fn.body;
  if (body.type !== AST_NODE_TYPES.BlockStatement) return true;
  // Nothing but the rejection: a few statements, and no other status or data sent.
  return body.body.length <= 4 && !/\b(?:20\d|30\d)\b/.test(text);
}

/** The method name of a registration (`app.post`), the export name, or the Nest decorator key. */
function reportNode(handler: Handler): TSESTree.Node {
  const node = handler.node;
  if (node.type === AST_NODE_TYPES.CallExpression) {
    const member = calleeMember(node);
    if (member) return member.property;
  }
  return node;
}

/**
 * Whether something this file shows already sends a non-caching `Cache-Control` on the
 * handler's response: route middleware, `app.use(...)` middleware registered before the route
 * (also on the app a router is mounted on), a fastify hook, or a NestJS interceptor named in
 * `noStoreMiddleware`. Middleware that sets a caching value does not count: the mutation is
 * then cached by it, and a `no-store` in the handler overrides it.
 */
function coveredByMiddleware(handler: Handler, analysis: HttpAnalysis, file: FileInput, options: RequireNoStoreOnMutationOptions): boolean {
  const named = new Set(options.noStoreMiddleware);
  const matches = (node: TSESTree.Node): boolean => {
    const name = middlewareName(node);
    // `noStore`, `security.noStore` (a member, or a call on one) and lists of them all match `noStore`.
    if (name && name.split(',').some((part) => named.has(part) || named.has(part.slice(part.lastIndexOf('.') + 1)))) return true;
    const expression = unwrap(node);
    if (expression.type === AST_NODE_TYPES.ArrayExpression) return expression.elements.some((element) => !!element && matches(element));
    const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
    const origin = originOf(callee, file);
    return !!origin && NO_STORE_PACKAGES.has(origin.source);
  };
  // A function of this file, passed as middleware, whose own writes send no-store.
  const middlewareSetsNoStore = (node: TSESTree.Node): boolean => {
    const expression = unwrap(node);
    if (expression.type === AST_NODE_TYPES.ArrayExpression) return expression.elements.some((element) => !!element && middlewareSetsNoStore(element));
    const other = analysis.handlers.find((h) => h !== handler && h.methods.includes('USE') && (h.node === node || h.fn === expression || sameName(expression, h)));
    return !!other && sendsNoStore(other.writes);
  };
  if (handler.middleware.some((m) => matches(m) || middlewareSetsNoStore(m))) return true;
  if (handler.framework === 'nest') return nestInterceptorCovers(handler, matches);
  const app = handler.app ? unwrap(handler.app) : undefined;
  if (app?.type !== AST_NODE_TYPES.Identifier) return false;
  return appCovers(app.name, handler.node.range[0], analysis, file, matches, new Set());
}

/** True when `app` (an app or router variable) sends no-store on every route registered at `before`. */
function appCovers(
  app: string,
  before: number,
  analysis: HttpAnalysis,
  file: FileInput,
  matches: (node: TSESTree.Node) => boolean,
  seen: Set<string>,
): boolean {
  if (seen.has(app)) return false;
  seen.add(app);
  // app.use((req, res, next) => { res.set('Cache-Control', 'no-store'); next(); })
  for (const middleware of analysis.appMiddleware.get(app) ?? []) {
    if (middleware.node.range[0] < before && sendsNoStore(middleware.writes)) return true;
  }
  for (const call of getFileIndex(file).calls) {
    const member = calleeMember(call);
    const method = member ? memberName(member) : undefined;
    if (!member || (method !== 'use' && method !== 'addHook')) continue;
    const object = unwrap(member.object);
    if (object.type !== AST_NODE_TYPES.Identifier) continue;
    if (object.name === app) {
      if (method === 'use' && call.range[0] < before && call.arguments.some(matches)) return true;
      // fastify: app.addHook('onRequest' | 'preHandler' | 'onSend', hook) covers the instance's routes.
      if (method === 'addHook' && call.arguments.length >= 2 && hookSendsNoStore(call.arguments[1]!, file, matches)) return true;
      continue;
    }
    // A router mounted on another app after that app's middleware: app.use('/api', router), app.use(router.routes()).
    if (method === 'use' && call.arguments.some((arg) => mounts(arg, app)) && appCovers(object.name, call.range[0], analysis, file, matches, seen)) return true;
  }
  return false;
}

/** `router`, or `router.routes()` (koa), as an argument of `use`. */
function mounts(node: TSESTree.Node, router: string): boolean {
  let expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const member = calleeMember(expression);
    if (!member || memberName(member) !== 'routes') return false;
    expression = unwrap(member.object);
  }
  return expression.type === AST_NODE_TYPES.Identifier && expression.name === router;
}

/** A fastify hook named in the options, or a function of this file that sets a non-caching Cache-Control on its reply. */
function hookSendsNoStore(node: TSESTree.Node, file: FileInput, matches: (node: TSESTree.Node) => boolean): boolean {
  if (matches(node)) return true;
  let fn = unwrap(node);
  if (fn.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(fn, file);
    const variable = init ? undefined : resolveVariable(fn, file.scopeManager);
    const declared = variable?.defs[0]?.node;
    fn = init ? unwrap(init) : declared && isFunction(declared) ? declared : fn;
  }
  if (!isFunction(fn)) return false;
  const reply = fn.params[1];
  if (reply?.type !== AST_NODE_TYPES.Identifier || !file.scopeManager) return false;
  const variable = file.scopeManager.getDeclaredVariables(fn).find((v) => v.name === reply.name);
  return !!variable?.references.some((reference) => {
    const member = parentOf(reference.identifier);
    if (member?.type !== AST_NODE_TYPES.MemberExpression || memberName(member) !== 'header') return false;
    const call = parentOf(member);
    if (call?.type !== AST_NODE_TYPES.CallExpression || call.arguments.length < 2) return false;
    const name = staticValue(call.arguments[0]!, file);
    if (typeof name !== 'string' || name.toLowerCase() !== 'cache-control') return false;
    const value = staticValue(call.arguments[1]!, file);
    return typeof value !== 'string' || !isCachingValue(parseCacheControl(value));
  });
}

/** NestJS: `@UseInterceptors(NoStoreInterceptor)` on the method or its controller, named in the options. */
function nestInterceptorCovers(handler: Handler, matches: (node: TSESTree.Node) => boolean): boolean {
  const method = handler.method;
  if (!method) return false;
  const classNode = method.parent?.parent;
  const decorators = [...method.decorators, ...(classNode && 'decorators' in classNode ? (classNode.decorators ?? []) : [])];
  return decorators.some((decorator) => {
    const expression = unwrap(decorator.expression);
    if (expression.type !== AST_NODE_TYPES.CallExpression) return false;
    const callee = unwrap(expression.callee);
    return callee.type === AST_NODE_TYPES.Identifier && callee.name === 'UseInterceptors' && expression.arguments.some(matches);
  });
}

/** Middleware writes that send `Cache-Control` and never a caching value (a computed value is given the benefit of the doubt). */
function sendsNoStore(writes: readonly HeaderWrite[]): boolean {
  const policy = cachePolicy(writes);
  return !policy.none && policy.values.every(({ parsed }) => !isCachingValue(parsed));
}

function sameName(node: TSESTree.Node, handler: Handler): boolean {
  const expression = unwrap(node);
  if (expression.type !== AST_NODE_TYPES.Identifier) return false;
  const fn = handler.fn;
  if (fn.type === AST_NODE_TYPES.FunctionDeclaration) return fn.id?.name === expression.name;
  const parent = fn.parent;
  return parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.Identifier && parent.id.name === expression.name;
}

/** Response methods that write headers by name or from an object. */
const HEADER_WRITERS: ReadonlySet<string> = new Set(['set', 'header', 'setHeader', 'append', 'headers', 'writeHead']);

/** Hono's response helpers that take a status and headers (`c.json(data, 201, headers)`). */
const HONO_BODY_METHODS: ReadonlySet<string> = new Set(['json', 'text', 'html', 'body', 'newResponse']);

/** Response steps that still lead to the response: `ctx.response`, `reply.raw`, `c.res.headers`. */
const RESPONSE_STEPS: ReadonlySet<string> = new Set(['response', 'res', 'raw', 'headers']);

/**
 * True when the handler may send a `Cache-Control` this file does not show: a header object
 * with a spread or from elsewhere, a header name computed at run time, the response handed
 * to another function (`sendCreated(res, order)`, `stream.pipe(res)`), or (Next.js) a
 * returned response that is not built here.
 */
function hasUnknownHeaders(handler: Handler, file: FileInput): boolean {
  if (handler.framework === 'next') return nextResponsesUnknown(handler, file);
  const param = handler.response;
  if (!param || !file.scopeManager) return false;
  const variable = file.scopeManager.getDeclaredVariables(param.parent?.type === AST_NODE_TYPES.AssignmentPattern ? param.parent : param).find((v) => v.name === param.name) ?? resolveVariable(param, file.scopeManager);
  if (!variable) return false;
  for (const reference of variable.references) {
    if (reference.identifier === param) continue;
    let node: TSESTree.Node = reference.identifier;
    for (let step = 0; step < 12; step++) {
      const parent = parentOf(node);
      if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments.some((arg) => unwrap(arg) === node)) {
        if (handedOver(handler, parent, file)) return true;
        break;
      }
      if (parent?.type !== AST_NODE_TYPES.MemberExpression || unwrap(parent.object) !== node) break;
      const name = memberName(parent);
      if (name === undefined) return true; // res[method](...)
      const call = parentOf(parent);
      if (call?.type !== AST_NODE_TYPES.CallExpression || unwrap(call.callee) !== parent) {
        if (!RESPONSE_STEPS.has(name)) break;
        node = parent;
        continue;
      }
      if (HEADER_WRITERS.has(name) && unknownHeaderArgs(name, call.arguments, file)) return true;
      if (handler.framework === 'hono' && HONO_BODY_METHODS.has(name)) {
        const init = call.arguments[2] ?? call.arguments[1];
        if (init && unknownInit(init, file, call.arguments[2] !== undefined)) return true;
      }
      node = call;
    }
  }
  return false;
}

/**
 * Whether passing the response to `call` hands the response over to code this file does not
 * show. express, fastify and node responses are only ever passed to code that writes them.
 * A koa or hono context is also the request, so passing it proves nothing, except that a hono
 * handler returning the helper's result (`return renderPage(c, data)`) lets the helper build the
 * response. Hono's own helpers (`setCookie(c, ...)`) write no Cache-Control.
 */
function handedOver(handler: Handler, call: TSESTree.CallExpression, file: FileInput): boolean {
  if (handler.framework === 'koa') return false;
  const origin = originOf(call.callee, file);
  if (origin && /^(?:hono|@hono)\//.test(origin.source)) return false;
  if (handler.framework !== 'hono') return true;
  const parent = parentOf(call);
  return parent?.type === AST_NODE_TYPES.ReturnStatement || parent === handler.fn;
}

/** Arguments of a header write whose names or values this file cannot see. */
function unknownHeaderArgs(method: string, args: readonly TSESTree.CallExpressionArgument[], file: FileInput): boolean {
  if (method === 'writeHead') {
    const headers = args.slice(1).find((arg) => {
      const expression = unwrap(arg);
      return !(expression.type === AST_NODE_TYPES.Literal || expression.type === AST_NODE_TYPES.TemplateLiteral);
    });
    return headers !== undefined && unknownObject(headers, file);
  }
  if (args.length >= 2 && method !== 'headers') return typeof staticValue(args[0]!, file) !== 'string';
  return args.length === 1 && unknownObject(args[0]!, file);
}

/** A headers object that is not a literal of this file, or holds a spread or computed key. */
function unknownObject(node: TSESTree.Node, file: FileInput): boolean {
  let expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(expression, file);
    if (!init) return true;
    expression = unwrap(init);
  }
  if (expression.type === AST_NODE_TYPES.NewExpression && unwrap(expression.callee).type === AST_NODE_TYPES.Identifier && (unwrap(expression.callee) as TSESTree.Identifier).name === 'Headers') {
    return expression.arguments[0] !== undefined && unknownObject(expression.arguments[0], file);
  }
  if (expression.type !== AST_NODE_TYPES.ObjectExpression) return true;
  return expression.properties.some((property) => property.type !== AST_NODE_TYPES.Property || (property.computed && typeof staticValue(property.key, file) !== 'string'));
}

/** A response init (`{ status, headers }`), or with `headersOnly` a headers argument, that may carry unseen headers. */
function unknownInit(node: TSESTree.Node, file: FileInput, headersOnly = false): boolean {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Literal) return false; // a status code
  if (headersOnly) return unknownObject(expression, file);
  let object: TSESTree.Node = expression;
  if (object.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(object, file);
    if (!init) return true;
    object = unwrap(init);
  }
  if (object.type !== AST_NODE_TYPES.ObjectExpression) return true;
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) return true;
    if (propertyKeyName(property) === 'headers' && unknownObject(property.value, file)) return true;
  }
  return false;
}

function propertyKeyName(property: TSESTree.Property): string | undefined {
  if (property.computed) return undefined;
  if (property.key.type === AST_NODE_TYPES.Identifier) return property.key.name;
  return property.key.type === AST_NODE_TYPES.Literal ? String(property.key.value) : undefined;
}

/** Next.js: a returned response not built in the handler, or built with headers this file cannot see. */
function nextResponsesUnknown(handler: Handler, file: FileInput): boolean {
  const body = handler.fn.body;
  const returns: TSESTree.Node[] = [];
  if (body.type !== AST_NODE_TYPES.BlockStatement) returns.push(body);
  else collectReturns(body, returns);
  return returns.some((value) => {
    let expression = unwrap(value);
    if (expression.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(expression, file.scopeManager);
      const def = variable?.defs[0];
      if (def?.node.type !== AST_NODE_TYPES.VariableDeclarator || !def.node.init || variable!.defs.length !== 1) return true;
      expression = unwrap(def.node.init);
    }
    const built = webResponse(expression);
    if (!built) return true;
    const init = built.args[built.initIndex];
    return init !== undefined && unknownInit(init, file);
  });
}

/** `new Response(body, init)`, `Response.json(data, init)`, `NextResponse.json/redirect/rewrite(x, init)`, `NextResponse.next(init)`. */
function webResponse(expression: TSESTree.Node): { args: readonly TSESTree.CallExpressionArgument[]; initIndex: number } | undefined {
  if (expression.type === AST_NODE_TYPES.NewExpression) {
    const callee = unwrap(expression.callee);
    if (callee.type === AST_NODE_TYPES.Identifier && (callee.name === 'Response' || callee.name === 'NextResponse')) return { args: expression.arguments, initIndex: 1 };
    return undefined;
  }
  if (expression.type !== AST_NODE_TYPES.CallExpression) return undefined;
  const member = calleeMember(expression);
  const object = member ? unwrap(member.object) : undefined;
  if (!member || object?.type !== AST_NODE_TYPES.Identifier || (object.name !== 'Response' && object.name !== 'NextResponse')) return undefined;
  const name = memberName(member);
  if (name === 'json' || name === 'redirect' || name === 'rewrite') return { args: expression.arguments, initIndex: 1 };
  if (name === 'next' && object.name === 'NextResponse') return { args: expression.arguments, initIndex: 0 };
  if (name === 'error') return { args: expression.arguments, initIndex: 0 };
  return undefined;
}

/** The framework's own way of sending `no-store`, inserted where it cannot change anything else. */
function noStoreFix(handler: Handler, file: FileInput): TextEdit[] | undefined {
  if (handler.framework === 'nest') {
    if (headerNameTaken(file)) return undefined;
    const edits = insertAtHandlerStart(handler, 'Cache-Control', 'no-store', file);
    if (!edits) return undefined;
    const importEdit = addNamedImport(file, 'Header', '@nestjs/common');
    return importEdit ? [...edits, importEdit] : edits;
  }
  if (handler.framework === 'next') return nextResponseFix(handler, file);
  return insertAtHandlerStart(handler, 'Cache-Control', 'no-store', file);
}

/** True when the module binds `Header` to something other than NestJS's decorator, so importing it would clash. */
function headerNameTaken(file: FileInput): boolean {
  for (const statement of file.ast.body) {
    if (statement.type === AST_NODE_TYPES.ImportDeclaration) {
      if (statement.source.value === '@nestjs/common' && statement.importKind !== 'type') continue;
      if (statement.specifiers.some((specifier) => specifier.local.name === 'Header')) return true;
      continue;
    }
    const declaration = statement.type === AST_NODE_TYPES.ExportNamedDeclaration || statement.type === AST_NODE_TYPES.ExportDefaultDeclaration ? statement.declaration : statement;
    if (!declaration) continue;
    if ((declaration.type === AST_NODE_TYPES.ClassDeclaration || declaration.type === AST_NODE_TYPES.FunctionDeclaration) && declaration.id?.name === 'Header') return true;
    if (declaration.type === AST_NODE_TYPES.VariableDeclaration && declaration.declarations.some((d) => d.id.type === AST_NODE_TYPES.Identifier && d.id.name === 'Header')) return true;
  }
  return false;
}

/**
 * Next.js route handlers return their response: add the header to the init of every
 * `NextResponse.json(...)`/`Response.json(...)`/`new Response(...)` the handler returns
 * directly, or give up when any return is built another way.
 */
function nextResponseFix(handler: Handler, file: FileInput): TextEdit[] | undefined {
  const body = handler.fn.body;
  if (!body) return undefined;
  const returns: TSESTree.Node[] = [];
  if (body.type !== AST_NODE_TYPES.BlockStatement) returns.push(body);
  else collectReturns(body, returns);
  if (returns.length === 0) return undefined;
  const q = preferredQuote(file.text);
  const header = `${quote('Cache-Control', q)}: ${quote('no-store', q)}`;
  const edits: TextEdit[] = [];
  for (const value of returns) {
    const expression = unwrap(value);
    let args: readonly TSESTree.CallExpressionArgument[];
    let initIndex: number;
    if (expression.type === AST_NODE_TYPES.NewExpression) {
      const callee = unwrap(expression.callee);
      if (callee.type !== AST_NODE_TYPES.Identifier || (callee.name !== 'Response' && callee.name !== 'NextResponse')) return undefined;
      args = expression.arguments;
      initIndex = 1;
    } else if (expression.type === AST_NODE_TYPES.CallExpression) {
      const member = calleeMember(expression);
      const object = member ? unwrap(member.object) : undefined;
      if (!member || memberName(member) !== 'json' || object?.type !== AST_NODE_TYPES.Identifier || (object.name !== 'Response' && object.name !== 'NextResponse')) {
        return undefined;
      }
      args = expression.arguments;
      initIndex = 1;
    } else {
      return undefined;
    }
    const closeAt = expression.range[1] - 1;
    const init = args[initIndex];
    if (!init) {
      if (args.length === 0) {
        if (initIndex === 1) edits.push({ range: [closeAt, closeAt], text: `null, { headers: { ${header} } }` });
        continue;
      }
      const last = args[args.length - 1]!;
      edits.push({ range: [last.range[1], last.range[1]], text: `, { headers: { ${header} } }` });
      continue;
    }
    const object = unwrap(init);
    if (object.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const headers = object.properties.find(
      (p): p is TSESTree.ObjectLiteralElement & TSESTree.Property => p.type === AST_NODE_TYPES.Property && !p.computed && p.key.type === AST_NODE_TYPES.Identifier && p.key.name === 'headers',
    );
    if (!headers) {
      const last = object.properties[object.properties.length - 1];
      edits.push(
        last
          ? { range: [last.range[1], last.range[1]], text: `, headers: { ${header} }` }
          : { range: [object.range[0] + 1, object.range[1] - 1], text: ` headers: { ${header} } ` },
      );
      continue;
    }
    const headersObject = unwrap(headers.value);
    if (headersObject.type !== AST_NODE_TYPES.ObjectExpression) return undefined;
    const last = headersObject.properties[headersObject.properties.length - 1];
    edits.push(
      last
        ? { range: [last.range[1], last.range[1]], text: `, ${header}` }
        : { range: [headersObject.range[0] + 1, headersObject.range[1] - 1], text: ` ${header} ` },
    );
  }
  return edits.length > 0 ? edits : undefined;
}

/** Return arguments in a function body, not descending into nested functions. */
function collectReturns(node: TSESTree.Node, out: TSESTree.Node[]): void {
  const stack: TSESTree.Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop()!;
    if (current.type === AST_NODE_TYPES.ReturnStatement) {
      if (current.argument) out.push(current.argument);
      continue;
    }
    if (isFunction(current) || current.type === AST_NODE_TYPES.ClassBody) continue;
    for (const value of Object.values(current)) {
      if (value && typeof value === 'object' && value !== current.parent) {
        if (Array.isArray(value)) {
          for (const child of value) if (child && typeof child.type === 'string') stack.push(child);
        } else if (typeof (value as TSESTree.Node).type === 'string' && (value as TSESTree.Node) !== current.parent) {
          stack.push(value as TSESTree.Node);
        }
      }
    }
  }
}
