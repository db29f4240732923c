/**
 * The HTTP frameworks the core recognises, and the module exports that prove each one.
 * Everything here is data: adding a framework means adding entries, not code paths.
 */

/** A framework whose handlers and responses the analysis understands. */
export type Framework = 'express' | 'fastify' | 'koa' | 'hono' | 'next' | 'nest' | 'node';

/** Methods a handler answers; `ALL` for every method, `USE` for middleware. */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS' | 'ALL' | 'USE';

/** Methods that change state: their responses must not be stored. */
export const MUTATION_METHODS: ReadonlySet<HttpMethod> = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Route-registration method names (lower case, as called on an app or router) and the methods they mean. */
export const ROUTE_METHODS: ReadonlyMap<string, HttpMethod> = new Map([
  ['get', 'GET'],
  ['head', 'HEAD'],
  ['post', 'POST'],
  ['put', 'PUT'],
  ['patch', 'PATCH'],
  ['delete', 'DELETE'],
  ['del', 'DELETE'],
  ['options', 'OPTIONS'],
  ['all', 'ALL'],
  ['use', 'USE'],
]);

/** How a framework's handlers are shaped: which parameter is the request and which the response. */
export interface HandlerShape {
  readonly request: number;
  readonly response: number;
}

/** Handler parameter positions per framework (koa and hono pass one context for both). */
export const HANDLER_SHAPES: Readonly<Record<Framework, HandlerShape>> = {
  express: { request: 0, response: 1 },
  node: { request: 0, response: 1 },
  fastify: { request: 0, response: 1 },
  koa: { request: 0, response: 0 },
  hono: { request: 0, response: 0 },
  next: { request: 0, response: -1 },
  nest: { request: -1, response: -1 },
};

/** A module export that, called or constructed, yields an app or router of a framework. */
export interface RouterSource {
  readonly source: string;
  readonly path: readonly string[];
  readonly via: 'call' | 'new' | 'type';
  readonly framework: Framework;
}

/** Apps, routers and the types that declare them, per framework. */
export const ROUTER_SOURCES: readonly RouterSource[] = [
  { source: 'express', path: [], via: 'call', framework: 'express' },
  { source: 'express', path: ['Router'], via: 'call', framework: 'express' },
  { source: 'express', path: ['Express'], via: 'type', framework: 'express' },
  { source: 'express', path: ['Application'], via: 'type', framework: 'express' },
  { source: 'express', path: ['Router'], via: 'type', framework: 'express' },
  { source: 'express', path: ['IRouter'], via: 'type', framework: 'express' },
  { source: 'fastify', path: [], via: 'call', framework: 'fastify' },
  { source: 'fastify', path: ['fastify'], via: 'call', framework: 'fastify' },
  { source: 'fastify', path: ['FastifyInstance'], via: 'type', framework: 'fastify' },
  { source: 'fastify', path: ['FastifyPluginAsync'], via: 'type', framework: 'fastify' },
  { source: '@koa/router', path: [], via: 'new', framework: 'koa' },
  { source: '@koa/router', path: ['Router'], via: 'new', framework: 'koa' },
  { source: 'koa-router', path: [], via: 'new', framework: 'koa' },
  { source: 'koa', path: [], via: 'new', framework: 'koa' },
  { source: 'hono', path: ['Hono'], via: 'new', framework: 'hono' },
  { source: 'hono/tiny', path: ['Hono'], via: 'new', framework: 'hono' },
  { source: 'hono/quick', path: ['Hono'], via: 'new', framework: 'hono' },
  { source: 'hono', path: ['Hono'], via: 'type', framework: 'hono' },
  // @hono/zod-openapi's app is a Hono subclass: the same routes plus `app.openapi(route, handler)`.
  { source: '@hono/zod-openapi', path: ['OpenAPIHono'], via: 'new', framework: 'hono' },
  { source: '@hono/zod-openapi', path: ['OpenAPIHono'], via: 'type', framework: 'hono' },
];

/** Modules whose `new Router()` has koa-router's low-level `router.register(path, methods, middleware)`. */
export const KOA_ROUTER_MODULES: ReadonlySet<string> = new Set(['@koa/router', 'koa-router']);

/** Modules exporting `createRoute`, whose route objects `app.openapi(route, handler)` registers. */
export const OPENAPI_ROUTE_MODULES: ReadonlySet<string> = new Set(['@hono/zod-openapi']);

/** Types that prove a parameter is a response (or a context that writes one). */
export const RESPONSE_TYPES: readonly { source: string; name: string; framework: Framework }[] = [
  { source: 'express', name: 'Response', framework: 'express' },
  { source: 'http', name: 'ServerResponse', framework: 'node' },
  { source: 'fastify', name: 'FastifyReply', framework: 'fastify' },
  { source: 'koa', name: 'Context', framework: 'koa' },
  { source: 'koa', name: 'ParameterizedContext', framework: 'koa' },
  { source: 'koa', name: 'DefaultContext', framework: 'koa' },
  { source: '@koa/router', name: 'RouterContext', framework: 'koa' },
  { source: 'koa-router', name: 'RouterContext', framework: 'koa' },
  { source: 'hono', name: 'Context', framework: 'hono' },
  { source: 'next', name: 'NextApiResponse', framework: 'node' },
];

/** Types that prove a parameter is a request. */
export const REQUEST_TYPES: readonly { source: string; name: string; framework: Framework }[] = [
  { source: 'express', name: 'Request', framework: 'express' },
  { source: 'http', name: 'IncomingMessage', framework: 'node' },
  { source: 'fastify', name: 'FastifyRequest', framework: 'fastify' },
  { source: 'next', name: 'NextApiRequest', framework: 'node' },
  { source: 'next/server', name: 'NextRequest', framework: 'next' },
];

/** NestJS route decorators from `@nestjs/common`. */
export const NEST_ROUTE_DECORATORS: ReadonlyMap<string, HttpMethod> = new Map([
  ['Get', 'GET'],
  ['Head', 'HEAD'],
  ['Post', 'POST'],
  ['Put', 'PUT'],
  ['Patch', 'PATCH'],
  ['Delete', 'DELETE'],
  ['Options', 'OPTIONS'],
  ['All', 'ALL'],
]);

/** Next.js route-handler export names. */
export const NEXT_ROUTE_EXPORTS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Modules whose import says the file may hold HTTP handlers; files importing none of them skip the analysis. */
export const HTTP_MODULES: ReadonlySet<string> = new Set([
  'express',
  'fastify',
  'fastify-plugin',
  'koa',
  '@koa/router',
  'koa-router',
  'hono',
  'hono/tiny',
  'hono/quick',
  'hono/factory',
  '@hono/zod-openapi',
  'next/server',
  'next/headers',
  'next',
  '@nestjs/common',
  'http',
  'https',
]);

/** Methods on a response that return the response, so `res.status(201).set(...)` still writes on `res`. */
export const CHAINABLE_RESPONSE_METHODS: ReadonlySet<string> = new Set([
  'status',
  'code',
  'type',
  'set',
  'header',
  'headers',
  'append',
  'vary',
  'cookie',
  'clearCookie',
  'setCookie',
  'location',
  'links',
  'attachment',
  'contentType',
]);

/** Module specifiers (in `from '...'` or `require('...')`) that can bring HTTP handlers into a file. */
const HTTP_SPECIFIER =
  /['"](?:node:)?(?:express|fastify|fastify-plugin|koa|@koa\/router|koa-router|hono(?:\/[\w-]+)?|@hono\/zod-openapi|next\/server|next\/headers|next|@nestjs\/common|https?)['"]/;

/** Web-standard response construction, which any file (middleware, workers, route files) may do. */
const WEB_RESPONSE = /\bnew\s+(?:Response|Headers|NextResponse)\b|\b(?:Response|NextResponse)\.json\b/;

/** Next.js route, middleware and proxy files, whose exports are handlers. */
const NEXT_HANDLER_FILE = /(^|[\\/])(?:route|middleware|proxy)\.[cm]?[jt]sx?$/;

/**
 * A text-only test, run before any AST work: can this file hold HTTP handlers or build
 * responses at all? False for the great majority of files (components, utilities), which then
 * cost the HTTP rules one regular-expression scan.
 */
export function mayUseHttp(text: string, filename: string): boolean {
  // Every HTTP rule asks this of the same file in a row: remember the last answer.
  if (text === lastText && filename === lastFilename) return lastAnswer;
  lastText = text;
  lastFilename = filename;
  lastAnswer =
    NEXT_HANDLER_FILE.test(filename) ||
    HTTP_SPECIFIER.test(text) ||
    // Capitalised needles are found several times faster than the `\b` alternation alone.
    ((text.includes('Response') || text.includes('Headers')) && WEB_RESPONSE.test(text));
  return lastAnswer;
}
let lastText: string | undefined;
let lastFilename: string | undefined;
let lastAnswer = false;
