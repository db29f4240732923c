import { AST_NODE_TYPES, type TSESTree } from '@typescript-eslint/types';
import {
  calleeMember,
  calleeName,
  constInitializer,
  isFunction,
  memberName,
  parentOf,
  propertyKey,
  resolveVariable,
  staticValue,
  unwrap,
  type StaticValue,
} from '../ast.js';
import { contains, getFileIndex, memoPerFile, type FileIndex, type FunctionNode } from '../analysis/file-index.js';
import { importedSources, isOrigin, originOf, originOfType, requireSource, type Origin } from '../analysis/origins.js';
import type { FileInput } from '../model.js';
import {
  CHAINABLE_RESPONSE_METHODS,
  HANDLER_SHAPES,
  HTTP_MODULES,
  KOA_ROUTER_MODULES,
  NEST_ROUTE_DECORATORS,
  OPENAPI_ROUTE_MODULES,
  NEXT_ROUTE_EXPORTS,
  REQUEST_TYPES,
  RESPONSE_TYPES,
  ROUTE_METHODS,
  ROUTER_SOURCES,
  type Framework,
  type HttpMethod,
} from './frameworks.js';

/** One header written on a response, in any framework's form. */
export interface HeaderWrite {
  /** Lower-cased header name. */
  readonly name: string;
  /** The value when static in this file (a string, or a list for `res.vary([...])`). */
  readonly value: StaticValue | undefined;
  /** The expression holding the value (undefined for `@Header` without one). */
  readonly valueNode: TSESTree.Node | undefined;
  /** The call, property or decorator that writes it. */
  readonly node: TSESTree.Node;
  /** `set` replaces the header; `append` adds to it (`res.append`, `res.vary`, `headers.append`). */
  readonly mode: 'set' | 'append';
  /** The API form, which decides how an edit must look. */
  readonly form: WriteForm;
  readonly framework: Framework | 'web';
  /** The handler whose response this is, when known. */
  handler: Handler | undefined;
}

/**
 * The syntactic form of a header write:
 * `call` is `recv.method(name, value)`, `object` is `recv.method({ name: value })`,
 * `vary` is `res.vary(field)`/`ctx.vary(field)`, `property` is a `{ 'Cache-Control': v }` entry of a
 * headers init object, `assignment` is `headers['Cache-Control'] = v` on a headers object later
 * passed to a response, `decorator` is NestJS `@Header(name, value)`.
 */
export type WriteForm = 'call' | 'object' | 'vary' | 'property' | 'assignment' | 'decorator';

/** A route handler or middleware the analysis recognised, with what it reads and writes. */
export interface Handler {
  readonly framework: Framework;
  /** Methods it answers; empty when unknown (a typed helper, a controller function registered elsewhere). */
  readonly methods: readonly HttpMethod[];
  readonly fn: FunctionNode;
  /** Where a finding about the whole handler is reported. */
  readonly node: TSESTree.Node;
  /** Middleware passed before the handler (`app.post(path, requireAuth, handler)`), and Nest guards. */
  readonly middleware: readonly TSESTree.Node[];
  /** The parameter holding the response (`res`, `reply`, `ctx`, `c`), when there is one. */
  readonly response: TSESTree.Identifier | undefined;
  /** The parameter holding the request (`req`, `request`, `ctx`, `c`), when there is one. */
  readonly request: TSESTree.Identifier | undefined;
  /** The app or router expression it was registered on. */
  readonly app: TSESTree.Node | undefined;
  readonly writes: HeaderWrite[];
  /** Reads of the user's identity: auth headers, cookies, sessions, `req.user`, `auth()`. */
  readonly userReads: TSESTree.Node[];
  /** Responses that set a cookie. */
  readonly cookieWrites: TSESTree.Node[];
  /** Request headers read, lower-cased, with the reading node. */
  readonly headerReads: { readonly name: string; readonly node: TSESTree.Node }[];
  /** For NestJS: the method definition. */
  readonly method?: TSESTree.MethodDefinition;
}

/** Everything the HTTP rules need to know about one file. */
export interface HttpAnalysis {
  readonly handlers: readonly Handler[];
  /** Every header write with proof that it is on a response, in handlers or not. */
  readonly writes: readonly HeaderWrite[];
  /** App-level middleware (`app.use(fn)`) per app variable, for coverage of later routes. */
  readonly appMiddleware: ReadonlyMap<string, readonly Handler[]>;
}

const EMPTY: HttpAnalysis = { handlers: [], writes: [], appMiddleware: new Map() };
const ANALYSIS_KEY = {};

/** True when a file may hold HTTP handlers: a cheap test on imports and the file name. */
export function mayHaveHandlers(file: FileInput, index: FileIndex): boolean {
  if (NEXT_ROUTE_FILE.test(file.filename)) return true;
  for (const source of importedSources(index.imports)) if (HTTP_MODULES.has(source)) return true;
  // CommonJS files: look for require('express') and friends in the text, cheaply.
  return REQUIRE_HTTP.test(file.text);
}

const NEXT_ROUTE_FILE = /(^|[\\/])(route|middleware|proxy)\.[cm]?[jt]sx?$/;
const REQUIRE_HTTP = /require\(\s*['"](?:node:)?(?:express|fastify|fastify-plugin|koa|@koa\/router|koa-router|hono|@hono\/zod-openapi|https?)['"]\s*\)/;

/** The file's HTTP analysis, computed once per AST and shared by every rule. */
export function getHttpAnalysis(file: FileInput): HttpAnalysis {
  return memoPerFile(ANALYSIS_KEY, file.ast, () => {
    const index = getFileIndex(file);
    if (!mayHaveHandlers(file, index)) return webOnly(file, index);
    return analyse(file, index);
  });
}

/** Files without framework imports can still build `new Response(...)`/`new Headers(...)`. */
function webOnly(file: FileInput, index: FileIndex): HttpAnalysis {
  if (!/\b(?:Response|Headers)\b/.test(file.text)) return EMPTY;
  const writes: HeaderWrite[] = [];
  collectWebWrites(file, index, writes);
  return { handlers: [], writes, appMiddleware: new Map() };
}

function analyse(file: FileInput, index: FileIndex): HttpAnalysis {
  const handlers: Handler[] = [];
  const seen = new Set<FunctionNode>();
  const appMiddleware = new Map<string, Handler[]>();
  const add = (handler: Handler | undefined): void => {
    if (!handler || seen.has(handler.fn)) return;
    seen.add(handler.fn);
    handlers.push(handler);
  };

  for (const call of index.calls) {
    // Only `app.use(...)` registers app-level middleware; functions passed before a route's
    // handler (`app.post(path, noStore, handler)`) are middleware of that route alone.
    const isUse = calleeMember(call) !== undefined && memberName(calleeMember(call)!) === 'use';
    for (const handler of handlersOfRegistration(call, file)) {
      add(handler);
      if (isUse && handler.methods.includes('USE') && handler.app?.type === AST_NODE_TYPES.Identifier) {
        const list = appMiddleware.get(handler.app.name) ?? [];
        list.push(handler);
        appMiddleware.set(handler.app.name, list);
      }
    }
  }
  for (const handler of wrappedRouteHandlers(file, index)) add(handler);
  for (const handler of nextRouteHandlers(file, index)) add(handler);
  for (const handler of nestHandlers(file, index)) add(handler);
  // Functions typed as handlers (`(req: Request, res: Response) => ...`) registered elsewhere.
  for (const fn of index.functions) {
    if (seen.has(fn)) continue;
    add(typedHandler(fn, file));
  }

  const writes: HeaderWrite[] = [];
  const byFn = new Map<FunctionNode, Handler>();
  for (const handler of handlers) {
    byFn.set(handler.fn, handler);
    collectParamReads(handler, file);
  }
  // NestJS @Header decorators are collected with their handler; they are response writes too.
  for (const handler of handlers) writes.push(...handler.writes);
  for (const handler of handlers) collectResponseWrites(handler, file, writes);
  collectWebWrites(file, index, writes);
  collectUserCalls(file, index, handlers);
  collectNextHeaderReads(file, index, handlers);
  // Attribute web writes (and any write found outside a param walk) to the innermost handler around it.
  const sorted = [...handlers].sort((a, b) => b.fn.range[0] - a.fn.range[0]);
  for (const write of writes) {
    if (write.handler) continue;
    const owner = sorted.find((handler) => contains(handler.fn, write.node));
    if (owner) {
      write.handler = owner;
      owner.writes.push(write);
    }
  }
  return { handlers, writes, appMiddleware };
}

// ---------------------------------------------------------------------------------------------
// Handlers

function routerFramework(node: TSESTree.Node, file: FileInput, depth = 0): Framework | undefined {
  const expression = unwrap(node);
  // app.route('/x').get(...).post(...): the chain's base decides.
  if (expression.type === AST_NODE_TYPES.CallExpression && depth < 6) {
    const member = calleeMember(expression);
    const name = member ? memberName(member) : undefined;
    if (member && name && (name === 'route' || name === 'openapi' || ROUTE_METHODS.has(name))) {
      const base = routerFramework(member.object, file, depth + 1);
      if (base) return base;
    }
  }
  const origin = originOf(expression, file);
  if (origin) return frameworkOfOrigin(origin);
  // Parameters of a fastify plugin: fp(async (fastify) => ...), or `this` in fastify-plugin callbacks.
  if (expression.type === AST_NODE_TYPES.Identifier) return frameworkOfPluginParam(expression, file);
  return undefined;
}

function frameworkOfOrigin(origin: Origin): Framework | undefined {
  for (const entry of ROUTER_SOURCES) {
    if (isOrigin(origin, entry.source, entry.path, entry.via)) return entry.framework;
  }
  return undefined;
}

function frameworkOfPluginParam(identifier: TSESTree.Identifier, file: FileInput): Framework | undefined {
  const variable = resolveVariable(identifier, file.scopeManager);
  const def = variable?.defs[0];
  if (!def || def.type !== 'Parameter') return undefined;
  const fn = def.node;
  if (!isFunction(fn) || fn.params[0] !== def.name) return undefined;
  const parent = parentOf(fn);
  if (parent?.type === AST_NODE_TYPES.CallExpression && parent.arguments[0] === fn) {
    if (isOrigin(originOf(parent.callee, file), 'fastify-plugin', [], 'ref')) return 'fastify';
  }
  return undefined;
}

/** A function an argument names: inline, or a function/const-arrow declared in this file. */
function functionOf(node: TSESTree.Node, file: FileInput): FunctionNode | undefined {
  const expression = unwrap(node);
  if (isFunction(expression)) return expression;
  if (expression.type !== AST_NODE_TYPES.Identifier) return undefined;
  const variable = resolveVariable(expression, file.scopeManager);
  const def = variable?.defs[0];
  if (!def || variable!.defs.length !== 1) return undefined;
  if (def.type === 'FunctionName' && isFunction(def.node)) return def.node;
  if (def.type === 'Variable') {
    const init = constInitializer(expression, file);
    const value = init ? unwrap(init) : undefined;
    if (value && isFunction(value)) return value;
  }
  return undefined;
}

function makeHandler(
  framework: Framework,
  methods: readonly HttpMethod[],
  fn: FunctionNode,
  node: TSESTree.Node,
  middleware: readonly TSESTree.Node[],
  app: TSESTree.Node | undefined,
): Handler {
  const shape = HANDLER_SHAPES[framework];
  const param = (i: number): TSESTree.Identifier | undefined => {
    if (i < 0) return undefined;
    let p: TSESTree.Node | undefined = fn.params[i];
    if (p?.type === AST_NODE_TYPES.AssignmentPattern) p = p.left;
    return p?.type === AST_NODE_TYPES.Identifier ? p : undefined;
  };
  return {
    framework,
    methods,
    fn,
    node,
    middleware,
    response: param(shape.response),
    request: param(shape.request),
    app,
    writes: [],
    userReads: [],
    cookieWrites: [],
    headerReads: [],
  };
}

function handlersOfRegistration(call: TSESTree.CallExpression, file: FileInput): Handler[] {
  const member = calleeMember(call);
  if (!member) return nodeServerHandlers(call, file);
  const name = memberName(member);
  if (name === undefined) return [];
  const lower = name.toLowerCase();
  let methods: HttpMethod[] | undefined;
  let args = call.arguments as readonly TSESTree.Node[];
  if (ROUTE_METHODS.has(name)) {
    methods = [ROUTE_METHODS.get(name)!];
  } else if (name === 'on' && args.length >= 2) {
    // hono: app.on('POST', path, handler) / app.on(['POST', 'PUT'], ...)
    const value = staticValue(args[0]!, file);
    const list = typeof value === 'string' ? [value] : value;
    if (!list) return [];
    methods = list.map((m) => (ROUTE_METHODS.get(m.toLowerCase()) ?? 'ALL') as HttpMethod);
    args = args.slice(1);
  } else if (name === 'route' && args.length === 1 && args[0]!.type === AST_NODE_TYPES.ObjectExpression) {
    return fastifyRouteObject(call, args[0], file);
  } else if (name === 'register' && args.length >= 3) {
    return koaRegister(call, member, file);
  } else if (name === 'openapi' && args.length >= 2) {
    return openApiRoute(call, member, file);
  } else if (lower === 'createserver') {
    return nodeServerHandlers(call, file);
  } else {
    return [];
  }
  const framework = routerFramework(member.object, file);
  if (!framework) return [];
  // Leading path (string, array, regexp) is not a handler.
  const handlerArgs = args.filter((arg) => {
    const expression = unwrap(arg);
    return !(
      expression.type === AST_NODE_TYPES.Literal ||
      expression.type === AST_NODE_TYPES.TemplateLiteral ||
      expression.type === AST_NODE_TYPES.ArrayExpression
    );
  });
  // fastify: app.post(path, { preHandler, onRequest, handler }) or (path, opts, handler)
  const options = handlerArgs.find((arg) => unwrap(arg).type === AST_NODE_TYPES.ObjectExpression);
  const middleware: TSESTree.Node[] = [];
  let fnArgs = handlerArgs.filter((arg) => arg !== options);
  if (options && framework === 'fastify') {
    const object = unwrap(options) as TSESTree.ObjectExpression;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property) continue;
      const key = propertyKey(property);
      if (key === 'handler') fnArgs = [...fnArgs, property.value];
      else if (key === 'preHandler' || key === 'onRequest' || key === 'preValidation') middleware.push(property.value);
    }
  }
  return stackHandlers(framework, methods, fnArgs, call, member.object, file, middleware);
}

/** HTTP methods named by a static value (`'get'`, `['GET', 'POST']`); undefined when not static. */
function methodsOf(node: TSESTree.Node, file: FileInput): HttpMethod[] | undefined {
  const value = staticValue(node, file);
  if (value === undefined) return undefined;
  const list = typeof value === 'string' ? [value] : value;
  return list.map((m) => (ROUTE_METHODS.get(m.toLowerCase()) ?? 'ALL') as HttpMethod);
}

/**
 * A route's middleware list and handler, the handler last: `[auth(), handle]` or a lone function.
 * Earlier functions declared in the file are handlers of their own too (middleware that may write headers).
 */
function stackHandlers(
  framework: Framework,
  methods: readonly HttpMethod[],
  stack: readonly TSESTree.Node[],
  call: TSESTree.CallExpression,
  app: TSESTree.Node,
  file: FileInput,
  middleware: TSESTree.Node[] = [],
): Handler[] {
  const out: Handler[] = [];
  const last = stack.length - 1;
  stack.forEach((arg, i) => {
    const fn = functionOf(arg, file);
    const isMain = i === last;
    if (fn) out.push(makeHandler(framework, isMain ? methods : ['USE'], fn, isMain ? call : arg, isMain ? [...middleware] : [], app));
    if (!isMain) middleware.push(arg);
  });
  return out;
}

/** The items of a list argument: an array literal's elements (spreads included, holes not), or the one value. */
function listItems(node: TSESTree.Node): TSESTree.Node[] {
  const expression = unwrap(node);
  return expression.type === AST_NODE_TYPES.ArrayExpression ? expression.elements.filter((e): e is TSESTree.Expression | TSESTree.SpreadElement => !!e) : [expression];
}

/** `new OpenAPIHono()`, a value typed `OpenAPIHono`, or a chain of route registrations on one (`app.openapi(...).openapi(...)`). */
function isOpenApiApp(node: TSESTree.Node, file: FileInput, depth = 0): boolean {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.CallExpression && depth < 6) {
    const member = calleeMember(expression);
    const name = member ? memberName(member) : undefined;
    return !!member && !!name && (name === 'openapi' || name === 'route' || ROUTE_METHODS.has(name)) && isOpenApiApp(member.object, file, depth + 1);
  }
  const origin = originOf(expression, file);
  return isOrigin(origin, '@hono/zod-openapi', ['OpenAPIHono']) && (origin!.via === 'new' || origin!.via === 'type');
}

/** koa-router's low-level `router.register(path, ['get', 'post'], [auth(), handler])` on a proven router. */
function koaRegister(call: TSESTree.CallExpression, member: TSESTree.MemberExpression, file: FileInput): Handler[] {
  const origin = originOf(member.object, file);
  if (!origin || origin.via !== 'new' || !KOA_ROUTER_MODULES.has(origin.source)) return [];
  const [, methodsArg, stackArg] = call.arguments;
  const methods = methodsOf(methodsArg!, file);
  if (!methods) return [];
  return stackHandlers('koa', methods, listItems(stackArg!), call, member.object, file);
}

/**
 * `app.openapi(createRoute({ method, path, middleware }), handler)` on an `OpenAPIHono` app: the
 * method and middleware come from the route object (inline, or a `const` in this file).
 */
function openApiRoute(call: TSESTree.CallExpression, member: TSESTree.MemberExpression, file: FileInput): Handler[] {
  if (!isOpenApiApp(member.object, file)) return [];
  let route = unwrap(call.arguments[0]!);
  if (route.type === AST_NODE_TYPES.Identifier) route = unwrap(constInitializer(route, file) ?? route);
  if (route.type === AST_NODE_TYPES.CallExpression) {
    const origin = originOf(route.callee, file);
    if (!origin || origin.via !== 'ref' || !OPENAPI_ROUTE_MODULES.has(origin.source) || origin.path.join('.') !== 'createRoute' || !route.arguments[0]) return [];
    route = unwrap(route.arguments[0]);
  }
  if (route.type !== AST_NODE_TYPES.ObjectExpression) return [];
  let methods: HttpMethod[] = [];
  const middleware: TSESTree.Node[] = [];
  for (const property of route.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKey(property);
    if (key === 'method') methods = methodsOf(property.value, file) ?? [];
    else if (key === 'middleware') middleware.push(...listItems(property.value));
  }
  return stackHandlers('hono', methods, [call.arguments[1]!], call, member.object, file, middleware);
}

function fastifyRouteObject(call: TSESTree.CallExpression, object: TSESTree.ObjectExpression, file: FileInput): Handler[] {
  const member = calleeMember(call)!;
  if (routerFramework(member.object, file) !== 'fastify') return [];
  let methods: HttpMethod[] = [];
  let fn: FunctionNode | undefined;
  const middleware: TSESTree.Node[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const key = propertyKey(property);
    if (key === 'method') {
      const value = staticValue(property.value, file);
      const list = typeof value === 'string' ? [value] : (value ?? []);
      methods = list.map((m) => (ROUTE_METHODS.get(m.toLowerCase()) ?? 'ALL') as HttpMethod);
    } else if (key === 'handler') {
      fn = functionOf(property.value, file);
    } else if (key === 'preHandler' || key === 'onRequest' || key === 'preValidation') {
      middleware.push(property.value);
    }
  }
  return fn ? [makeHandler('fastify', methods, fn, call, middleware, member.object)] : [];
}

// ---------------------------------------------------------------------------------------------
// Project route wrappers: `this.route({ method, path, handler })`

type ClassNode = TSESTree.ClassDeclaration | TSESTree.ClassExpression;

/**
 * Routes registered through a class's own wrapper method, `this.route({ method: 'post', path, handler: this.ingest })`,
 * when the wrapper's body in this file passes the spec's handler to a route registration on a
 * proven router (`this.router[method](path, ...middleware, handler)` on a `new Router()` field).
 * A wrapper this file does not show, or one that registers on nothing proven, is skipped.
 */
function wrappedRouteHandlers(file: FileInput, index: FileIndex): Handler[] {
  if (index.classes.length === 0 || index.thisMembers.length === 0) return [];
  const out: Handler[] = [];
  const wrappers = new Map<TSESTree.Node, RouteWrapper | undefined>();
  for (const callee of index.thisMembers) {
    const call = parentOf(callee);
    if (call?.type !== AST_NODE_TYPES.CallExpression || unwrap(call.callee) !== callee) continue;
    const spec = call.arguments[0] ? unwrap(call.arguments[0]) : undefined;
    const name = memberName(callee);
    if (spec?.type !== AST_NODE_TYPES.ObjectExpression || name === undefined) continue;
    const cls = enclosingClass(call);
    const member = cls ? classMember(cls, name, file) : undefined;
    if (!member || !isFunction(member.value)) continue;
    if (!wrappers.has(member.value)) wrappers.set(member.value, routeWrapper(member.value, member.cls, file));
    const wrapper = wrappers.get(member.value);
    if (!wrapper) continue;
    const values = new Map<string, TSESTree.Node>();
    for (const property of spec.properties) {
      const key = property.type === AST_NODE_TYPES.Property ? propertyKey(property, file) : undefined;
      if (key !== undefined) values.set(key, (property as TSESTree.Property).value);
    }
    const handlerValue = values.get(wrapper.handlerKey);
    const fn = handlerValue ? specFunction(handlerValue, cls!, file) : undefined;
    if (!fn) continue;
    const methodValue = wrapper.methodKey === undefined ? undefined : values.get(wrapper.methodKey);
    const methods = wrapper.methods ?? (methodValue ? methodsOf(methodValue, file) : undefined) ?? [];
    const middleware = wrapper.middlewareKeys.flatMap((key) => (values.has(key) ? listItems(values.get(key)!) : []));
    out.push(makeHandler(wrapper.framework, methods, fn, call, middleware, undefined));
  }
  return out;
}

/** What a route wrapper's body proves: the router's framework and which spec keys it registers. */
interface RouteWrapper {
  readonly framework: Framework;
  readonly handlerKey: string;
  /** The spec key holding the method, when the registration takes it from the spec. */
  readonly methodKey: string | undefined;
  /** The methods, when the registration names them itself (`this.router.post(path, handler)`). */
  readonly methods: HttpMethod[] | undefined;
  readonly middlewareKeys: readonly string[];
}

function routeWrapper(fn: FunctionNode, cls: ClassNode, file: FileInput): RouteWrapper | undefined {
  const param = fn.params[0];
  if (!param || !file.scopeManager) return undefined;
  // Spec key of each binding: `{ method, path, handler: h }` or `spec` read as `spec.handler`.
  const keyOf = (node: TSESTree.Node): string | undefined => {
    let expression = unwrap(node);
    if (expression.type === AST_NODE_TYPES.SpreadElement) expression = unwrap(expression.argument);
    // method.toLowerCase(), String(method) keep the key they read.
    if (expression.type === AST_NODE_TYPES.CallExpression) {
      const member = calleeMember(expression);
      if (member) expression = unwrap(member.object);
      else if (expression.arguments.length === 1) expression = unwrap(expression.arguments[0]!);
    }
    if (param.type === AST_NODE_TYPES.ObjectPattern && expression.type === AST_NODE_TYPES.Identifier) {
      const variable = resolveVariable(expression, file.scopeManager);
      const def = variable?.defs[0];
      if (def?.type !== 'Parameter' || !contains(param, def.name)) return undefined;
      for (const property of param.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const value = property.value.type === AST_NODE_TYPES.AssignmentPattern ? property.value.left : property.value;
        if (value === def.name) return propertyKey(property);
      }
      return undefined;
    }
    if (param.type === AST_NODE_TYPES.Identifier && expression.type === AST_NODE_TYPES.MemberExpression) {
      const object = unwrap(expression.object);
      return object.type === AST_NODE_TYPES.Identifier && resolveVariable(object, file.scopeManager)?.defs[0]?.name === param ? memberName(expression) : undefined;
    }
    return undefined;
  };
  for (const call of getFileIndex(file).calls) {
    if (!contains(fn, call)) continue;
    const member = calleeMember(call);
    if (!member) continue;
    const framework = routerFramework(member.object, file) ?? thisFieldFramework(member.object, cls, file);
    if (!framework) continue;
    const name = memberName(member);
    let methods: HttpMethod[] | undefined;
    let methodKey: string | undefined;
    let args = call.arguments as readonly TSESTree.Node[];
    if (name !== undefined && ROUTE_METHODS.has(name)) methods = [ROUTE_METHODS.get(name)!];
    else if (name === undefined && member.computed) methodKey = keyOf(member.property);
    else if (name === 'register' && framework === 'koa' && args.length >= 3) {
      // router.register(path, [method], [...middleware, handler])
      const listed = unwrap(args[1]!);
      methodKey = listed.type === AST_NODE_TYPES.ArrayExpression && listed.elements[0] ? keyOf(listed.elements[0]) : keyOf(listed);
      args = listItems(args[2]!);
    } else continue;
    const keys = args.map((arg) => keyOf(arg));
    const last = keys.length - 1;
    const handlerKey = keys[last];
    if (handlerKey === undefined || (methods === undefined && methodKey === undefined)) continue;
    // Between the path (first argument of `router[method](path, ...)`) and the handler: middleware.
    const first = name === 'register' ? 0 : 1;
    const middlewareKeys = keys.slice(first, last).filter((key): key is string => key !== undefined && key !== methodKey && key !== handlerKey);
    return { framework, handlerKey, methodKey, methods, middlewareKeys };
  }
  return undefined;
}

/** `this.router`, where the class (or a superclass in this file) sets the field to a proven router. */
function thisFieldFramework(node: TSESTree.Node, cls: ClassNode, file: FileInput): Framework | undefined {
  const expression = unwrap(node);
  if (expression.type !== AST_NODE_TYPES.MemberExpression || expression.object.type !== AST_NODE_TYPES.ThisExpression) return undefined;
  const name = memberName(expression);
  if (name === undefined) return undefined;
  const field = classMember(cls, name, file);
  if (field?.value && !isFunction(field.value)) return routerFramework(field.value, file);
  // this.router = new Router() in a constructor
  for (let current: ClassNode | undefined = cls, depth = 0; current && depth < 4; current = superClassOf(current, file), depth++) {
    const ctor = current.body.body.find((e): e is TSESTree.MethodDefinition => e.type === AST_NODE_TYPES.MethodDefinition && e.kind === 'constructor');
    for (const statement of ctor?.value.body?.body ?? []) {
      if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.expression.type !== AST_NODE_TYPES.AssignmentExpression) continue;
      const left = statement.expression.left;
      if (left.type === AST_NODE_TYPES.MemberExpression && left.object.type === AST_NODE_TYPES.ThisExpression && memberName(left) === name) {
        return routerFramework(statement.expression.right, file);
      }
    }
  }
  return undefined;
}

function enclosingClass(node: TSESTree.Node): ClassNode | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === AST_NODE_TYPES.ClassDeclaration || current.type === AST_NODE_TYPES.ClassExpression) return current;
  }
  return undefined;
}

/** A superclass declared in this file. */
function superClassOf(cls: ClassNode, file: FileInput): ClassNode | undefined {
  const base = cls.superClass ? unwrap(cls.superClass) : undefined;
  if (base?.type !== AST_NODE_TYPES.Identifier) return undefined;
  const def = resolveVariable(base, file.scopeManager)?.defs[0];
  return def?.type === 'ClassName' && (def.node.type === AST_NODE_TYPES.ClassDeclaration || def.node.type === AST_NODE_TYPES.ClassExpression) ? def.node : undefined;
}

/** A method or field of the class, or of a superclass declared in this file, with the class that holds it. */
function classMember(cls: ClassNode, name: string, file: FileInput): { value: TSESTree.Node | null; cls: ClassNode } | undefined {
  for (let current: ClassNode | undefined = cls, depth = 0; current && depth < 4; current = superClassOf(current, file), depth++) {
    for (const element of current.body.body) {
      if ((element.type !== AST_NODE_TYPES.MethodDefinition && element.type !== AST_NODE_TYPES.PropertyDefinition) || element.static) continue;
      if (element.type === AST_NODE_TYPES.MethodDefinition && element.kind !== 'method') continue;
      if (propertyKey(element) === name) return { value: element.value ? unwrap(element.value) : null, cls: current };
    }
  }
  return undefined;
}

/** The handler a spec names: a function, or `this.ingest` / `this.ingest.bind(this)` on the class. */
function specFunction(node: TSESTree.Node, cls: ClassNode, file: FileInput): FunctionNode | undefined {
  let expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const member = calleeMember(expression);
    if (member && memberName(member) === 'bind') expression = unwrap(member.object);
  }
  if (expression.type === AST_NODE_TYPES.MemberExpression && expression.object.type === AST_NODE_TYPES.ThisExpression) {
    const name = memberName(expression);
    const member = name === undefined ? undefined : classMember(cls, name, file);
    return member && isFunction(member.value) ? member.value : undefined;
  }
  return functionOf(expression, file);
}

function nodeServerHandlers(call: TSESTree.CallExpression, file: FileInput): Handler[] {
  const origin = originOf(call.callee, file);
  if (!origin || origin.path.join('.') !== 'createServer' || (origin.source !== 'http' && origin.source !== 'https')) return [];
  const fn = call.arguments.map((arg) => functionOf(arg, file)).find(Boolean);
  return fn ? [makeHandler('node', ['ALL'], fn, call, [], undefined)] : [];
}

function nextRouteHandlers(file: FileInput, index: FileIndex): Handler[] {
  const sources = importedSources(index.imports);
  if (!/(^|[\\/])route\.[cm]?[jt]sx?$/.test(file.filename) && !sources.has('next/server')) return [];
  // Server actions ('use server' file or function) are not route handlers, whatever their names.
  if (hasUseServer(file.ast.body)) return [];
  const out: Handler[] = [];
  const addExport = (name: string, value: TSESTree.Node, node: TSESTree.Node): void => {
    if (!NEXT_ROUTE_EXPORTS.has(name)) return;
    const expression = unwrap(value);
    let fn = functionOf(expression, file);
    const middleware: TSESTree.Node[] = [];
    // export const POST = withAuth(async (req) => ...)
    if (!fn && expression.type === AST_NODE_TYPES.CallExpression) {
      fn = expression.arguments.map((arg) => functionOf(arg, file)).find(Boolean);
      if (fn) middleware.push(expression.callee);
    }
    if (fn && !(fn.body.type === AST_NODE_TYPES.BlockStatement && hasUseServer(fn.body.body))) {
      out.push(makeHandler('next', [name as HttpMethod], fn, node, middleware, undefined));
    }
  };
  for (const declaration of index.exports) {
    if (declaration.type !== AST_NODE_TYPES.ExportNamedDeclaration) continue;
    const inner = declaration.declaration;
    if (inner?.type === AST_NODE_TYPES.FunctionDeclaration && inner.id) {
      addExport(inner.id.name, inner, inner.id);
    } else if (inner?.type === AST_NODE_TYPES.VariableDeclaration) {
      for (const declarator of inner.declarations) {
        if (declarator.id.type === AST_NODE_TYPES.Identifier && declarator.init) {
          addExport(declarator.id.name, declarator.init, declarator.id);
        }
      }
    } else if (!inner && !declaration.source) {
      // export { handler as GET, handler as POST }
      for (const specifier of declaration.specifiers) {
        if (specifier.exported.type !== AST_NODE_TYPES.Identifier || specifier.local.type !== AST_NODE_TYPES.Identifier) continue;
        addExport(specifier.exported.name, specifier.local, specifier);
      }
    }
  }
  return out;
}

/** True when a body's directive prologue holds `'use server'`. */
function hasUseServer(body: readonly TSESTree.Node[]): boolean {
  for (const statement of body) {
    if (statement.type !== AST_NODE_TYPES.ExpressionStatement || statement.directive === undefined) return false;
    if (statement.directive === 'use server') return true;
  }
  return false;
}

function nestHandlers(file: FileInput, index: FileIndex): Handler[] {
  if (index.decorators.length === 0) return [];
  const out: Handler[] = [];
  for (const cls of index.classes) {
    const classDecorators = cls.decorators;
    if (!classDecorators.some((d) => isNestDecorator(d, 'Controller', file))) continue;
    const classGuards = classDecorators.filter((d) => isGuardDecorator(d, file));
    for (const element of cls.body.body) {
      if (element.type !== AST_NODE_TYPES.MethodDefinition || element.value.type !== AST_NODE_TYPES.FunctionExpression) continue;
      const methods: HttpMethod[] = [];
      for (const decorator of element.decorators) {
        for (const [name, method] of NEST_ROUTE_DECORATORS) {
          if (isNestDecorator(decorator, name, file)) methods.push(method);
        }
      }
      if (methods.length === 0) continue;
      const guards = [...classGuards, ...element.decorators.filter((d) => isGuardDecorator(d, file))];
      const fn = element.value;
      let response: TSESTree.Identifier | undefined;
      let request: TSESTree.Identifier | undefined;
      for (const param of fn.params) {
        const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
        if (target.type !== AST_NODE_TYPES.Identifier) continue;
        for (const decorator of target.decorators ?? []) {
          if (isNestDecorator(decorator, 'Res', file) || isNestDecorator(decorator, 'Response', file)) response = target;
          if (isNestDecorator(decorator, 'Req', file) || isNestDecorator(decorator, 'Request', file)) request = target;
        }
      }
      const handler: Handler = {
        framework: 'nest',
        methods,
        fn,
        node: element.key,
        middleware: guards,
        response,
        request,
        app: undefined,
        writes: [],
        userReads: [...guards],
        cookieWrites: [],
        headerReads: [],
        method: element,
      };
      for (const decorator of element.decorators) {
        if (!isNestDecorator(decorator, 'Header', file)) continue;
        const call = unwrap(decorator.expression) as TSESTree.CallExpression;
        const [nameArg, valueArg] = call.arguments;
        const headerName = nameArg ? staticValue(nameArg, file) : undefined;
        if (typeof headerName !== 'string') continue;
        handler.writes.push({
          name: headerName.toLowerCase(),
          value: valueArg ? staticValue(valueArg, file) : undefined,
          valueNode: valueArg,
          node: decorator,
          mode: 'set',
          form: 'decorator',
          framework: 'nest',
          handler,
        });
      }
      // Parameter decorators that read identity: @Headers('authorization'), @Session(), custom @CurrentUser().
      for (const param of fn.params) {
        const target = param.type === AST_NODE_TYPES.TSParameterProperty ? param.parameter : param;
        for (const decorator of (target as { decorators?: TSESTree.Decorator[] }).decorators ?? []) {
          const name = decoratorName(decorator);
          if (!name) continue;
          if (name === 'Session' || USER_DECORATOR.test(name)) handler.userReads.push(decorator);
          if (name === 'Headers') {
            const call = unwrap(decorator.expression);
            const arg = call.type === AST_NODE_TYPES.CallExpression ? call.arguments[0] : undefined;
            const headerName = arg ? staticValue(arg, file) : undefined;
            if (typeof headerName === 'string') {
              handler.headerReads.push({ name: headerName.toLowerCase(), node: decorator });
              if (USER_HEADERS.has(headerName.toLowerCase())) handler.userReads.push(decorator);
            }
          }
        }
      }
      out.push(handler);
    }
  }
  return out;
}

const USER_DECORATOR = /^(?:Current)?(?:User|Auth|Session|Account|Principal|Viewer|Me)(?:Id)?$/;

function decoratorName(decorator: TSESTree.Decorator): string | undefined {
  const expression = unwrap(decorator.expression);
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? unwrap(expression.callee) : expression;
  return callee.type === AST_NODE_TYPES.Identifier ? callee.name : undefined;
}

function isNestDecorator(decorator: TSESTree.Decorator, name: string, file: FileInput): boolean {
  const expression = unwrap(decorator.expression);
  const callee = expression.type === AST_NODE_TYPES.CallExpression ? expression.callee : expression;
  return isOrigin(originOf(callee, file), '@nestjs/common', [name], 'ref');
}

function isGuardDecorator(decorator: TSESTree.Decorator, file: FileInput): boolean {
  return isNestDecorator(decorator, 'UseGuards', file);
}

function typedHandler(fn: FunctionNode, file: FileInput): Handler | undefined {
  let response: { framework: Framework; param: TSESTree.Identifier; index: number } | undefined;
  let request: TSESTree.Identifier | undefined;
  fn.params.forEach((param, i) => {
    if (param.type !== AST_NODE_TYPES.Identifier || !param.typeAnnotation) return;
    const origin = originOfType(param.typeAnnotation.typeAnnotation, file);
    if (!origin) return;
    const name = origin.path[origin.path.length - 1];
    const responseType = RESPONSE_TYPES.find((t) => t.source === origin.source && t.name === name && origin.path.length === 1);
    if (responseType && !response) response = { framework: responseType.framework, param, index: i };
    if (REQUEST_TYPES.some((t) => t.source === origin.source && t.name === name && origin.path.length === 1)) request = param;
  });
  if (!response) {
    if (!request) return undefined;
    const requestOrigin = originOfType((request.typeAnnotation as TSESTree.TSTypeAnnotation).typeAnnotation, file);
    const framework = REQUEST_TYPES.find((t) => t.source === requestOrigin?.source)?.framework ?? 'express';
    const handler = makeHandler(framework, [], fn, fn, [], undefined);
    return { ...handler, request };
  }
  const handler = makeHandler(response.framework, [], fn, fn, [], undefined);
  const context = response.framework === 'koa' || response.framework === 'hono';
  return { ...handler, response: response.param, request: request ?? (context ? response.param : handler.request) };
}

// ---------------------------------------------------------------------------------------------
// Reads of the request

/** Request headers that carry the user's identity. */
export const USER_HEADERS: ReadonlySet<string> = new Set(['authorization', 'cookie', 'proxy-authorization', 'x-api-key', 'x-auth-token', 'x-access-token']);

/** Request properties that carry the user's identity (`req.user`, `ctx.session`, `ctx.state.user`). */
const USER_PROPERTIES: ReadonlySet<string> = new Set([
  'user',
  'session',
  'cookies',
  'signedCookies',
  'auth',
  'isAuthenticated',
  'jwtVerify',
  'currentUser',
  'account',
]);

/** Request-side accessors that read a header by name (`req.get('X')`, `c.req.header('X')`). */
const HEADER_GETTERS: ReadonlySet<string> = new Set(['get', 'header', 'getHeader']);

/** Negotiation helpers and the header each one reads. */
const NEGOTIATION: ReadonlyMap<string, string> = new Map([
  ['accepts', 'accept'],
  ['acceptsLanguages', 'accept-language'],
  ['acceptsLanguage', 'accept-language'],
  ['acceptsEncodings', 'accept-encoding'],
  ['acceptsCharsets', 'accept-charset'],
  ['is', 'content-type'],
]);

/** The member chain above a reference: `req.headers['x']` gives ['headers', 'x'] and the outermost node. */
function memberChain(reference: TSESTree.Node): { names: string[]; top: TSESTree.Node } {
  const names: string[] = [];
  let top: TSESTree.Node = reference;
  for (;;) {
    const parent = parentOf(top);
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || parent.object !== unwrapTop(top, parent)) break;
    const name = memberName(parent);
    if (name === undefined) {
      names.push('*');
      top = parent;
      break;
    }
    names.push(name);
    top = parent;
  }
  return { names, top };
}

/** `parent.object` may be the wrapper around `node` (`(req as any).user`); match through wrappers. */
function unwrapTop(node: TSESTree.Node, parent: TSESTree.MemberExpression): TSESTree.Node {
  let object: TSESTree.Node = parent.object;
  while (object !== node && object.range[0] <= node.range[0] && object.range[1] >= node.range[1]) {
    const inner = unwrap(object);
    if (inner === object) break;
    object = inner;
    if (object === node) return parent.object;
  }
  return object === node ? parent.object : object;
}

function callArgsOf(top: TSESTree.Node): readonly TSESTree.CallExpressionArgument[] | undefined {
  const parent = parentOf(top);
  return parent?.type === AST_NODE_TYPES.CallExpression && unwrap(parent.callee) === top ? parent.arguments : undefined;
}

function collectParamReads(handler: Handler, file: FileInput): void {
  if (!file.scopeManager) return;
  const params = new Set<TSESTree.Identifier>();
  if (handler.request) params.add(handler.request);
  if (handler.response && (handler.framework === 'koa' || handler.framework === 'hono')) params.add(handler.response);
  for (const param of params) {
    const variable = file.scopeManager.getDeclaredVariables(param.parent?.type === AST_NODE_TYPES.AssignmentPattern ? param.parent : param)
      .find((v) => v.name === param.name) ?? resolveVariable(param, file.scopeManager);
    if (!variable) continue;
    for (const reference of variable.references) {
      if (reference.identifier === param) continue;
      classifyRequestRead(handler, reference.identifier, file);
    }
  }
}

function classifyRequestRead(handler: Handler, identifier: TSESTree.Node, file: FileInput): void {
  const { names, top } = memberChain(identifier);
  // ctx.request.x / ctx.req.x (koa), c.req.x (hono) lead to the same request reads.
  let rest = names;
  if ((handler.framework === 'koa' || handler.framework === 'hono') && (rest[0] === 'request' || rest[0] === 'req')) rest = rest.slice(1);
  if (handler.framework === 'koa' && rest[0] === 'state') rest = rest.slice(1);
  if (handler.framework === 'hono' && rest[0] === 'var') rest = rest.slice(1);
  // c.req.raw is the web Request: c.req.raw.headers.get('x') reads a request header.
  if (handler.framework === 'hono' && names[0] === 'req' && rest[0] === 'raw') rest = rest.slice(1);
  const first = rest[0];
  if (first === undefined) {
    // const { user, headers } = req
    const parent = parentOf(top);
    if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.init && unwrap(parent.init) === unwrap(top) && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
      for (const property of parent.id.properties) {
        if (property.type !== AST_NODE_TYPES.Property) continue;
        const key = propertyKey(property);
        if (key && USER_PROPERTIES.has(key)) handler.userReads.push(property);
      }
    }
    return;
  }
  if (USER_PROPERTIES.has(first)) {
    handler.userReads.push(top);
    return;
  }
  if (first === 'headers' || first === 'header' && rest.length > 1) {
    const headerName = rest[1];
    if (headerName === 'get') {
      // request.headers.get('x') (web Request, hono's c.req.raw.headers)
      const args = callArgsOf(top);
      const value = args?.[0] ? staticValue(args[0], file) : undefined;
      if (typeof value === 'string') recordHeaderRead(handler, value, top);
      return;
    }
    if (headerName !== undefined && headerName !== '*') {
      recordHeaderRead(handler, headerName, top);
      return;
    }
    if (headerName === undefined) {
      // const { authorization } = req.headers
      const parent = parentOf(top);
      if (parent?.type === AST_NODE_TYPES.VariableDeclarator && parent.id.type === AST_NODE_TYPES.ObjectPattern) {
        for (const property of parent.id.properties) {
          if (property.type !== AST_NODE_TYPES.Property) continue;
          const key = propertyKey(property, file);
          if (key) recordHeaderRead(handler, key, property);
        }
      }
    }
    return;
  }
  if (HEADER_GETTERS.has(first) && rest.length === 1) {
    const args = callArgsOf(top);
    if (!args) return;
    const value = args[0] ? staticValue(args[0], file) : undefined;
    // hono: on the context itself, c.header(name, value) writes a response header and
    // c.get('user') reads a context variable (set by auth middleware); only c.req.header() reads the request.
    const honoContext = handler.framework === 'hono' && names[0] !== 'req';
    if (typeof value === 'string' && !honoContext) recordHeaderRead(handler, value, top);
    if (honoContext && first === 'get' && typeof value === 'string' && HONO_USER_VARS.test(value)) {
      handler.userReads.push(top);
    }
    return;
  }
  const negotiated = NEGOTIATION.get(first);
  if (negotiated && rest.length === 1 && callArgsOf(top)) {
    recordHeaderRead(handler, negotiated, top);
  }
}

const HONO_USER_VARS = /^(?:user|session|jwtPayload|auth|account|userId|currentUser)$/;

function recordHeaderRead(handler: Handler, name: string, node: TSESTree.Node): void {
  const lower = name.toLowerCase();
  handler.headerReads.push({ name: lower, node });
  if (USER_HEADERS.has(lower)) handler.userReads.push(node);
}

/** Calls that read the user wherever they appear: `cookies()`, `auth()`, `getServerSession()`, hono's `getCookie(c)`. */
export const USER_CALLS: readonly { source: string | RegExp; name: string }[] = [
  { source: 'next/headers', name: 'cookies' },
  { source: 'next-auth', name: 'getServerSession' },
  { source: 'next-auth/next', name: 'getServerSession' },
  { source: 'next-auth/react', name: 'getSession' },
  { source: 'next-auth/jwt', name: 'getToken' },
  { source: /^@clerk\//, name: 'auth' },
  { source: /^@clerk\//, name: 'currentUser' },
  { source: /^@clerk\//, name: 'getAuth' },
  { source: 'hono/cookie', name: 'getCookie' },
  { source: 'hono/cookie', name: 'getSignedCookie' },
  { source: /^@auth\//, name: 'auth' },
  { source: /^@supabase\//, name: 'createServerClient' },
  { source: 'better-auth', name: 'getSession' },
  { source: /^@auth0\/nextjs-auth0(?:\/edge)?$/, name: 'getSession' },
  { source: /^@auth0\/nextjs-auth0(?:\/edge)?$/, name: 'getAccessToken' },
  // NextAuth v5: `import { auth } from '@/auth'` — a local module exporting `auth`.
  { source: /^(?:[.@~]|#)/, name: 'auth' },
  { source: /^(?:[.@~]|#)/, name: 'getServerSession' },
  { source: /^(?:[.@~]|#)/, name: 'getSession' },
  { source: /^(?:[.@~]|#)/, name: 'getCurrentUser' },
  { source: /^(?:[.@~]|#)/, name: 'currentUser' },
];

/**
 * Next.js `headers()` from next/headers: `(await headers()).get('accept-language')`, or
 * `const h = await headers(); h.get('x-tenant-id')`, read inside a handler.
 */
function collectNextHeaderReads(file: FileInput, index: FileIndex, handlers: readonly Handler[]): void {
  if (handlers.length === 0 || !/next\/headers/.test(file.text)) return;
  const isHeadersCall = (node: TSESTree.Node): boolean => {
    const expression = unwrap(node);
    return expression.type === AST_NODE_TYPES.CallExpression && isOrigin(originOf(expression.callee, file), 'next/headers', ['headers'], 'ref');
  };
  const sorted = [...handlers].sort((a, b) => b.fn.range[0] - a.fn.range[0]);
  for (const call of index.calls) {
    const member = calleeMember(call);
    if (!member || memberName(member) !== 'get' || !call.arguments[0]) continue;
    const object = unwrap(member.object);
    const init = object.type === AST_NODE_TYPES.Identifier ? constInitializer(object, file) : undefined;
    if (!isHeadersCall(object) && !(init && isHeadersCall(init))) continue;
    const name = staticValue(call.arguments[0], file);
    const owner = sorted.find((handler) => contains(handler.fn, call));
    if (typeof name === 'string' && owner) recordHeaderRead(owner, name, call);
  }
}

/** Calls that set a cookie: `cookies().set`, hono's `setCookie(c, ...)`. */
const COOKIE_CALLS: readonly { source: string; name: string }[] = [
  { source: 'hono/cookie', name: 'setCookie' },
  { source: 'hono/cookie', name: 'setSignedCookie' },
];

function collectUserCalls(file: FileInput, index: FileIndex, handlers: readonly Handler[]): void {
  if (handlers.length === 0) return;
  const sorted = [...handlers].sort((a, b) => b.fn.range[0] - a.fn.range[0]);
  for (const call of index.calls) {
    const callee = unwrap(call.callee);
    let userRead = false;
    let cookieWrite = false;
    if (callee.type === AST_NODE_TYPES.Identifier) {
      const origin = originOf(callee, file);
      if (origin && origin.via === 'ref' && origin.path.length === 1) {
        const name = origin.path[0]!;
        userRead = USER_CALLS.some((entry) => entry.name === name && (typeof entry.source === 'string' ? entry.source === origin.source : entry.source.test(origin.source)));
        cookieWrite = COOKIE_CALLS.some((entry) => entry.name === name && entry.source === origin.source);
      }
    } else if (callee.type === AST_NODE_TYPES.MemberExpression) {
      // cookies().set(...) / response.cookies.set(...) / (await cookies()).set(...)
      const name = memberName(callee);
      const object = unwrap(callee.object);
      if ((name === 'set' || name === 'delete') && object.type === AST_NODE_TYPES.CallExpression) {
        const inner = unwrap(object.callee);
        if (inner.type === AST_NODE_TYPES.Identifier && isOrigin(originOf(inner, file), 'next/headers', ['cookies'], 'ref')) cookieWrite = true;
      }
    }
    if (!userRead && !cookieWrite) continue;
    const owner = sorted.find((handler) => contains(handler.fn, call));
    if (!owner) continue;
    if (userRead) owner.userReads.push(call);
    if (cookieWrite) owner.cookieWrites.push(call);
  }
}

// ---------------------------------------------------------------------------------------------
// Writes on the response

/** Response methods that write a header by name and value, per framework family. */
const NAME_VALUE_WRITERS: ReadonlyMap<string, 'set' | 'append'> = new Map([
  ['set', 'set'],
  ['header', 'set'],
  ['setHeader', 'set'],
  ['append', 'append'],
]);

function collectResponseWrites(handler: Handler, file: FileInput, writes: HeaderWrite[]): void {
  const param = handler.response;
  if (!param || !file.scopeManager) return;
  const variable = resolveVariable(param, file.scopeManager);
  if (!variable) return;
  for (const reference of variable.references) {
    if (reference.identifier === param) continue;
    const write = responseWrite(handler, reference.identifier, file);
    if (!write) continue;
    for (const item of write) {
      writes.push(item);
      handler.writes.push(item);
    }
  }
}

function responseWrite(handler: Handler, identifier: TSESTree.Node, file: FileInput): HeaderWrite[] | undefined {
  // Climb the chain: res.status(201).set(...), ctx.response.set(...), reply.raw.setHeader(...), c.res.headers.set(...)
  let receiver: TSESTree.Node = identifier;
  let guard = 0;
  for (;;) {
    if (guard++ > 12) return undefined;
    const parent = parentOf(receiver);
    if (parent?.type !== AST_NODE_TYPES.MemberExpression || unwrap(parent.object) !== unwrap(receiver)) return undefined;
    const name = memberName(parent);
    if (name === undefined) return undefined;
    const call = parentOf(parent);
    const isCall = call?.type === AST_NODE_TYPES.CallExpression && unwrap(call.callee) === parent;
    if (!isCall) {
      // Property steps that still lead to the response or its headers.
      if (name === 'response' || name === 'res' || name === 'raw' || name === 'headers' || name === 'cookies') {
        receiver = parent;
        continue;
      }
      // res.cookie is a property only when called; other property reads end the chain.
      return undefined;
    }
    const args = (call as TSESTree.CallExpression).arguments;
    if (name === 'cookie' || name === 'setCookie' || (name === 'set' && memberChainHas(receiver, 'cookies'))) {
      handler.cookieWrites.push(call!);
    }
    // koa's cookie jar (`ctx.cookies.set(name, value)`) writes Set-Cookie, not a header named `name`.
    if (memberChainHas(receiver, 'cookies')) return undefined;
    const out = writesOfCall(handler, call as TSESTree.CallExpression, name, args, file);
    if (out) return out;
    if (CHAINABLE_RESPONSE_METHODS.has(name)) {
      receiver = call!;
      continue;
    }
    return undefined;
  }
}

function memberChainHas(node: TSESTree.Node, name: string): boolean {
  const expression = unwrap(node);
  return expression.type === AST_NODE_TYPES.MemberExpression && memberName(expression) === name;
}

function writesOfCall(
  handler: Handler,
  call: TSESTree.CallExpression,
  method: string,
  args: readonly TSESTree.CallExpressionArgument[],
  file: FileInput,
): HeaderWrite[] | undefined {
  const framework = handler.framework;
  const make = (name: string, valueNode: TSESTree.Node | undefined, mode: 'set' | 'append', form: WriteForm, node: TSESTree.Node = call): HeaderWrite => ({
    name: name.toLowerCase(),
    value: valueNode ? staticValue(valueNode, file) : undefined,
    valueNode,
    node,
    mode,
    form,
    framework,
    handler,
  });
  if (method === 'vary' && args[0]) return [make('vary', args[0], 'append', 'vary')];
  if (method === 'writeHead') {
    // res.writeHead(status, [statusMessage], headers)
    const last = args.length >= 2 ? args[args.length - 1] : undefined;
    return (last && headerObjectWrites(last, file, framework, handler)?.writes) ?? [];
  }
  if (framework === 'hono' && (method === 'json' || method === 'text' || method === 'html' || method === 'body' || method === 'newResponse')) {
    // c.json(data, status, headers) or c.json(data, { headers })
    const init = args[2] ?? args[1];
    if (!init) return [];
    if (args[2]) return headerObjectWrites(init, file, framework, handler)?.writes ?? [];
    const object = objectOf(init, file);
    const headers = object?.properties.find((p) => p.type === AST_NODE_TYPES.Property && propertyKey(p) === 'headers') as TSESTree.Property | undefined;
    return (headers && headerObjectWrites(headers.value, file, framework, handler)?.writes) ?? [];
  }
  const mode = NAME_VALUE_WRITERS.get(method) ?? (method === 'headers' ? 'set' : undefined);
  if (!mode) return undefined;
  if (args.length >= 2 && method !== 'headers') {
    const name = staticValue(args[0]!, file);
    if (typeof name !== 'string') return [];
    // hono: c.header(name, value, { append: true })
    const appendOption = framework === 'hono' && args[2] ? objectOf(args[2], file)?.properties.some((p) => p.type === AST_NODE_TYPES.Property && propertyKey(p) === 'append') : false;
    return [make(name, args[1], appendOption ? 'append' : mode, 'call')];
  }
  if (args.length === 1) return headerObjectWrites(args[0]!, file, framework, handler)?.writes ?? [];
  return [];
}

function objectOf(node: TSESTree.Node, file: FileInput): TSESTree.ObjectExpression | undefined {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.ObjectExpression) return expression;
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(expression, file);
    const value = init ? unwrap(init) : undefined;
    if (value?.type === AST_NODE_TYPES.ObjectExpression) return value;
  }
  return undefined;
}

/**
 * The header writes a headers object carries into the response it is passed to (`use`): the
 * properties of its literal and, when it is a variable (`const headers: Record<string, string> = {}`),
 * the `headers['Cache-Control'] = v` / `headers.Vary = v` assignments made before that use (a
 * response copies its headers when it is built). Undefined when `use` shows no such object.
 */
function headerObjectWrites(
  use: TSESTree.Node,
  file: FileInput,
  framework: Framework | 'web',
  handler: Handler | undefined,
): { object: TSESTree.ObjectExpression; writes: HeaderWrite[] } | undefined {
  const expression = unwrap(use);
  let object = objectOf(expression, file);
  if (!object && expression.type === AST_NODE_TYPES.Identifier) {
    const init = letInitializer(expression, file);
    if (init && unwrap(init).type === AST_NODE_TYPES.ObjectExpression) object = unwrap(init) as TSESTree.ObjectExpression;
  }
  if (!object) return undefined;
  const writes = objectWrites(object, file, framework, handler);
  if (expression.type === AST_NODE_TYPES.Identifier) writes.push(...assignedHeaderWrites(expression, file, framework, handler));
  return { object, writes };
}

/** `headers['X'] = v` and `headers.X = v` on the variable `use` names, made before `use`. */
function assignedHeaderWrites(use: TSESTree.Identifier, file: FileInput, framework: Framework | 'web', handler: Handler | undefined): HeaderWrite[] {
  const variable = resolveVariable(use, file.scopeManager);
  if (!variable) return [];
  const out: HeaderWrite[] = [];
  for (const reference of variable.references) {
    const member = parentOf(reference.identifier);
    if (member?.type !== AST_NODE_TYPES.MemberExpression || unwrap(member.object) !== reference.identifier) continue;
    const assignment = parentOf(member);
    if (assignment?.type !== AST_NODE_TYPES.AssignmentExpression || assignment.operator !== '=' || assignment.left !== member) continue;
    if (assignment.range[1] > use.range[0]) continue;
    const name = memberName(member) ?? (member.computed ? staticValue(member.property, file) : undefined);
    if (typeof name !== 'string') continue;
    out.push({
      name: name.toLowerCase(),
      value: staticValue(assignment.right, file),
      valueNode: assignment.right,
      node: assignment,
      mode: 'set',
      form: 'assignment',
      framework,
      handler,
    });
  }
  return out;
}

function objectWrites(object: TSESTree.ObjectExpression, file: FileInput, framework: Framework | 'web', handler: Handler | undefined): HeaderWrite[] {
  const out: HeaderWrite[] = [];
  for (const property of object.properties) {
    if (property.type !== AST_NODE_TYPES.Property) continue;
    const name = propertyKey(property, file);
    if (name === undefined) continue;
    out.push({
      name: name.toLowerCase(),
      value: staticValue(property.value, file),
      valueNode: property.value,
      node: property,
      mode: 'set',
      form: 'property',
      framework,
      handler,
    });
  }
  return out;
}

/**
 * Web-standard responses: `new Response(body, { headers })`, `Response.json(data, init)`,
 * `NextResponse.json/next/redirect/rewrite(..., init)`, `new Headers({...})` and
 * `headers.set(...)` on a `Headers` or a response's `headers` built in this file.
 */
function collectWebWrites(file: FileInput, index: FileIndex, writes: HeaderWrite[]): void {
  const headerObjects = new Set<TSESTree.Node>();
  const addHeaders = (use: TSESTree.Node): void => {
    const headers = headerObjectWrites(use, file, 'web', undefined);
    if (!headers || headerObjects.has(headers.object)) return;
    headerObjects.add(headers.object);
    writes.push(...headers.writes);
  };
  const addInit = (init: TSESTree.Node | undefined): void => {
    if (!init) return;
    const object = objectOf(init, file);
    if (!object) return;
    for (const property of object.properties) {
      if (property.type !== AST_NODE_TYPES.Property || propertyKey(property) !== 'headers') continue;
      const value = unwrap(property.value);
      if (value.type === AST_NODE_TYPES.NewExpression && isWebHeaders(value, file)) continue; // collected below
      addHeaders(value);
    }
  };
  for (const expression of index.news) {
    if (isWebResponseConstructor(expression, file)) addInit(expression.arguments[1]);
    else if (isWebHeaders(expression, file) && expression.arguments[0]) {
      addHeaders(expression.arguments[0]);
    }
  }
  for (const call of index.calls) {
    const member = calleeMember(call);
    if (!member) continue;
    const name = memberName(member);
    if (name === undefined) continue;
    if (isWebResponseFactory(member, file)) {
      const initIndex = name === 'next' ? 0 : name === 'redirect' || name === 'rewrite' ? 1 : 1;
      addInit(call.arguments[initIndex]);
      continue;
    }
    if ((name === 'set' || name === 'append') && call.arguments.length >= 2 && isWebHeadersValue(member.object, file)) {
      const headerName = staticValue(call.arguments[0]!, file);
      if (typeof headerName !== 'string') continue;
      writes.push({
        name: headerName.toLowerCase(),
        value: staticValue(call.arguments[1]!, file),
        valueNode: call.arguments[1],
        node: call,
        mode: name === 'append' ? 'append' : 'set',
        form: 'call',
        framework: 'web',
        handler: undefined,
      });
    }
  }
}

function isGlobal(identifier: TSESTree.Node, name: string, file: FileInput): boolean {
  if (identifier.type !== AST_NODE_TYPES.Identifier || identifier.name !== name) return false;
  const variable = resolveVariable(identifier, file.scopeManager);
  // A global never declared in the file (lib typings or runtime), not a local shadow.
  return !variable || variable.defs.length === 0;
}

function isNextResponse(node: TSESTree.Node, file: FileInput): boolean {
  return isOrigin(originOf(node, file), 'next/server', ['NextResponse'], 'ref');
}

function isWebResponseConstructor(expression: TSESTree.NewExpression, file: FileInput): boolean {
  const callee = unwrap(expression.callee);
  return isGlobal(callee, 'Response', file) || isNextResponse(callee, file);
}

function isWebResponseFactory(member: TSESTree.MemberExpression, file: FileInput): boolean {
  const name = memberName(member);
  const object = unwrap(member.object);
  if (name === 'json' && isGlobal(object, 'Response', file)) return true;
  return (name === 'json' || name === 'next' || name === 'redirect' || name === 'rewrite') && isNextResponse(object, file);
}

function isWebHeaders(expression: TSESTree.NewExpression, file: FileInput): boolean {
  return isGlobal(unwrap(expression.callee), 'Headers', file);
}

/** `headers` built by `new Headers()`, or `x.headers` where `x` is a response built in this file. */
function isWebHeadersValue(node: TSESTree.Node, file: FileInput, depth = 0): boolean {
  if (depth > 4) return false;
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.NewExpression) return isWebHeaders(expression, file) || isWebResponseConstructor(expression, file);
  if (expression.type === AST_NODE_TYPES.MemberExpression && memberName(expression) === 'headers') {
    return isWebResponseValue(expression.object, file, depth + 1);
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(expression, file) ?? letInitializer(expression, file);
    return init ? isWebHeadersValue(init, file, depth + 1) : false;
  }
  return false;
}

function isWebResponseValue(node: TSESTree.Node, file: FileInput, depth: number): boolean {
  if (depth > 4) return false;
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.NewExpression) return isWebResponseConstructor(expression, file);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const member = calleeMember(expression);
    return !!member && isWebResponseFactory(member, file);
  }
  if (expression.type === AST_NODE_TYPES.Identifier) {
    const init = constInitializer(expression, file) ?? letInitializer(expression, file);
    return init ? isWebResponseValue(init, file, depth + 1) : false;
  }
  return false;
}

/** The initializer of a `let` that is never reassigned. */
function letInitializer(identifier: TSESTree.Identifier, file: FileInput): TSESTree.Expression | undefined {
  const variable = resolveVariable(identifier, file.scopeManager);
  const def = variable?.defs[0];
  if (!variable || !def || def.type !== 'Variable' || def.node.type !== AST_NODE_TYPES.VariableDeclarator) return undefined;
  if (def.node.id.type !== AST_NODE_TYPES.Identifier) return undefined;
  const declarator = def.node;
  if (variable.references.some((r) => r.isWrite() && r.identifier !== declarator.id)) return undefined;
  return declarator.init ?? undefined;
}

// ---------------------------------------------------------------------------------------------
// Queries the rules share

/** The `Cache-Control` writes of a handler (all of them, in source order). */
export function cacheControlWrites(handler: Handler): HeaderWrite[] {
  return handler.writes.filter((write) => write.name === 'cache-control').sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/** The handler's `Vary` values, split into lower-cased field names. */
export function varyFields(handler: Handler): Set<string> {
  const out = new Set<string>();
  for (const write of handler.writes) {
    if (write.name !== 'vary') continue;
    for (const field of splitList(write.value)) out.add(field.toLowerCase());
  }
  return out;
}

/** Splits a header list value (`'Accept, Origin'` or `['Accept', 'Origin']`) into trimmed fields. */
export function splitList(value: StaticValue | undefined): string[] {
  if (value === undefined) return [];
  const parts = typeof value === 'string' ? value.split(',') : value.flatMap((v) => v.split(','));
  return parts.map((part) => part.trim()).filter((part) => part.length > 0);
}

/** The call name of a middleware argument: `requireAuth`, `passport.authenticate(...)` gives `authenticate`. */
export function middlewareName(node: TSESTree.Node): string | undefined {
  const expression = unwrap(node);
  if (expression.type === AST_NODE_TYPES.Identifier) return expression.name;
  if (expression.type === AST_NODE_TYPES.MemberExpression) return memberName(expression);
  if (expression.type === AST_NODE_TYPES.CallExpression) {
    const name = calleeName(expression);
    // passport.authenticate('jwt'): the object's name says more than the method's.
    const member = calleeMember(expression);
    if (member && member.object.type === AST_NODE_TYPES.Identifier) return `${member.object.name}.${name ?? ''}`;
    return name;
  }
  if (expression.type === AST_NODE_TYPES.ArrayExpression) {
    return expression.elements.map((element) => (element ? middlewareName(element) : '')).join(',');
  }
  if (expression.type === AST_NODE_TYPES.Decorator) return middlewareName(expression.expression);
  return undefined;
}

/** For tests and codemod: true when `source` is required or imported in the file. */
export function fileRequires(file: FileInput, source: string): boolean {
  const index = getFileIndex(file);
  if (importedSources(index.imports).has(source)) return true;
  return index.calls.some((call) => requireSource(call) === source);
}
