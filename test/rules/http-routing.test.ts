// Routing shapes the shared HTTP analysis recognises (issue #15, item 3), checked through the rules
// that read it: each shape is proven by its imports, and each has hard negatives that look the same
// but register nothing.
import noPerUserVary from '../../rules/no-per-user-vary.js';
import noPublicCacheOnPrivateData from '../../rules/no-public-cache-on-private-data.js';
import requireNoStoreOnMutation from '../../rules/require-no-store-on-mutation.js';
import requireVary from '../../rules/require-vary.js';
import validCacheControl from '../../rules/valid-cache-control.js';
import { code, jsRuleTester, ruleTester } from '../rule-tester.js';

// ---------------------------------------------------------------------------------------------
// koa-router's low-level router.register(path, methods, middleware[])

const koaRegister = code(
  "import Router from '@koa/router';",
  "import { auth } from './auth';",
  '',
  'const router = new Router();',
  "router.register('/files/:id', ['get', 'post'], [auth(), handleRedirect]);",
  '',
  'async function handleRedirect(ctx) {',
  "  ctx.set('Cache-Control', 'public, max-age=3600');",
  '  ctx.redirect(await signedUrlFor(ctx.state.user, ctx.params.id));',
  '}',
);

const koaRegisterLoneHandler = code(
  "const Router = require('koa-router');",
  '',
  'const router = new Router();',
  "router.register('/upload', ['post'], async (ctx) => {",
  "  ctx.set('Cache-Control', 'public, max-age=60');",
  '  ctx.body = await uploads.save(ctx.request.body);',
  '});',
);

// ---------------------------------------------------------------------------------------------
// OpenAPIHono from @hono/zod-openapi

const openApi = code(
  "import { OpenAPIHono, createRoute } from '@hono/zod-openapi';",
  "import { requireToken } from './middleware';",
  '',
  'const app = new OpenAPIHono();',
  "app.openapi(createRoute({ method: 'get', path: '/f', middleware: [requireToken], responses: {} }), (c) => {",
  '  const headers: Record<string, string> = {};',
  "  headers['Cache-Control'] = 'public, max-age=31536000, immutable';",
  '  return new Response(body, { headers });',
  '});',
);

const openApiRouteConst = code(
  "import { OpenAPIHono, createRoute } from '@hono/zod-openapi';",
  '',
  'const app = new OpenAPIHono();',
  "const createOrder = createRoute({ method: 'post', path: '/orders', responses: {} });",
  'app.openapi(createOrder, async (c) => {',
  "  c.header('Cache-Control', 'public, max-age=300');",
  '  return c.json(await orders.create(await c.req.json()), 201);',
  '});',
);

const openApiGet = code(
  "import { OpenAPIHono } from '@hono/zod-openapi';",
  '',
  'const app = new OpenAPIHono();',
  "app.get('/me', (c) => {",
  "  c.header('Cache-Control', 's-maxage=600');",
  "  return c.json(c.get('user'));",
  '});',
);

const openApiTypedChain = code(
  "import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';",
  '',
  'export function registerOrders(app: OpenAPIHono) {',
  '  app',
  "    .openapi(createRoute({ method: 'get', path: '/orders', responses: {} }), (c) => c.json([]))",
  "    .openapi(createRoute({ method: 'post', path: '/orders', responses: {} }), (c) => {",
  "      c.header('Cache-Control', 'public, max-age=60');",
  '      return c.json({}, 201);',
  '    });',
  '}',
);

// ---------------------------------------------------------------------------------------------
// Headers objects built by assignment

const honoBodyHeaders = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  "app.get('/api/me', (c) => {",
  "  const user = c.get('user');",
  '  const headers: Record<string, string> = {};',
  "  headers['Content-Type'] = 'application/json';",
  "  headers['Cache-Control'] = 'public, max-age=60';",
  '  return c.body(JSON.stringify(user), 200, headers);',
  '});',
);

const webVaryAssigned = code(
  'export function GET() {',
  "  const headers: Record<string, string> = { 'Cache-Control': 'public, max-age=300' };",
  "  headers.Vary = 'Cookie';",
  "  return new Response('ok', { headers });",
  '}',
);

const nextSessionAssigned = code(
  "import { NextResponse } from 'next/server';",
  "import { getServerSession } from 'next-auth';",
  '',
  'export async function GET() {',
  '  const session = await getServerSession();',
  '  const headers: Record<string, string> = {};',
  "  headers['Cache-Control'] = 'public, s-maxage=60';",
  '  return NextResponse.json(await inbox.for(session), { headers });',
  '}',
);

const languageAssigned = code(
  'export function GET(request: Request) {',
  "  const lang = request.headers.get('accept-language');",
  '  const headers: Record<string, string> = {};',
  "  headers['Cache-Control'] = 'public, max-age=600';",
  '  return new Response(greet(lang), { headers });',
  '}',
);

// ---------------------------------------------------------------------------------------------
// Project route wrappers proven in one file

const wrapperKoa = code(
  "import Router from '@koa/router';",
  '',
  'class BaseController {',
  '  router = new Router();',
  '  route({ method, path, handler, middleware = [] }) {',
  '    this.router[method.toLowerCase()](path, ...middleware, handler);',
  '  }',
  '}',
  '',
  'export class MetricsController extends BaseController {',
  '  constructor() {',
  '    super();',
  "    this.route({ method: 'post', path: '/metrics', handler: this.ingest });",
  '  }',
  '  async ingest(ctx) {',
  "    ctx.set('Cache-Control', 'public, max-age=60');",
  '    ctx.body = await metrics.ingest(ctx.request.body);',
  '  }',
  '}',
);

const wrapperExpressSpec = code(
  "import express from 'express';",
  '',
  'export class FilesController {',
  '  constructor() {',
  '    this.router = express.Router();',
  "    this.route({ method: 'get', path: '/files', middleware: [requireAuth], handler: this.list.bind(this) });",
  '  }',
  '  route(spec) {',
  '    this.router[spec.method](spec.path, spec.middleware, spec.handler);',
  '  }',
  '  list = async (req, res) => {',
  "    res.set('Cache-Control', 'public, max-age=300');",
  '    res.json(await files.list());',
  '  };',
  '}',
);

/** The same lines with one line replaced. */
const withLine = (source: string, line: number, text: string): string => {
  const lines = source.split('\n');
  lines[line - 1] = text;
  return lines.join('\n');
};

/** The one `makePrivate` suggestion of no-public-cache-on-private-data. */
const privateSuggestion = (source: string, line: number, text: string, replacement: string) => [
  { messageId: 'makePrivate' as const, data: { replacement }, output: withLine(source, line, text) },
];

/** A subclass whose route goes through `this.route(...)`, a wrapper its base class must prove. */
const metricsController = [
  'export class MetricsController extends BaseController {',
  "  constructor() { super(); this.route({ method: 'post', path: '/metrics', handler: this.ingest }); }",
  "  async ingest(ctx) { ctx.set('Cache-Control', 'public, max-age=60'); }",
  '}',
];

/** require-no-store-on-mutation reporting only caching values, so each case shows one finding. */
const REPORT_CACHING_ONLY: [{ checkMissing: boolean; noStoreMiddleware: string[] }] = [{ checkMissing: false, noStoreMiddleware: [] }];

const CACHING_POST = (value: string) => ({ messageId: 'cachingMutation' as const, data: { method: 'POST', value } });

ruleTester.run('http routing: require-no-store-on-mutation', requireNoStoreOnMutation as never, {
  valid: [
    {
      name: 'register on something that is not a koa router registers nothing',
      code: code(
        "import { Registry } from './registry';",
        'const registry = new Registry();',
        "registry.register('/upload', ['post'], [async (ctx) => { ctx.set('Cache-Control', 'public, max-age=60'); }]);",
      ),
      options: REPORT_CACHING_ONLY,
    },
    {
      name: 'fastify.register(plugin) is a plugin, not a route',
      code: code(
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.register(async (instance) => { instance.decorate('cacheHeader', 'public, max-age=60'); }, { prefix: '/post' });",
      ),
      options: REPORT_CACHING_ONLY,
    },
    {
      name: 'openapi() on an app that is not OpenAPIHono registers nothing',
      code: code(
        "import { OpenAPIHono, createRoute } from './openapi';",
        'const app = new OpenAPIHono();',
        "app.openapi(createRoute({ method: 'post', path: '/o' }), (c) => { c.header('Cache-Control', 'public, max-age=60'); return c.json({}); });",
      ),
      options: REPORT_CACHING_ONLY,
    },
    {
      name: 'a route object from another createRoute is not read',
      code: code(
        "import { OpenAPIHono } from '@hono/zod-openapi';",
        "import { createRoute } from './routes';",
        'const app = new OpenAPIHono();',
        "app.openapi(createRoute({ method: 'post', path: '/o' }), (c) => { c.header('Cache-Control', 'public, max-age=60'); return c.json({}); });",
      ),
      options: REPORT_CACHING_ONLY,
    },
    {
      name: 'wrapper whose base class lives in another file: not proven, skipped',
      code: code(
        "import { BaseController } from './base';",
        ...metricsController,
      ),
      options: REPORT_CACHING_ONLY,
    },
    {
      name: 'wrapper registering on a router this file does not prove: skipped',
      code: code(
        "import { createRouter } from './router';",
        'class BaseController {',
        '  router = createRouter();',
        '  route({ method, path, handler }) { this.router[method](path, handler); }',
        '}',
        ...metricsController,
      ),
      options: REPORT_CACHING_ONLY,
    },
    {
      name: 'wrapper that only records the spec (no registration of its handler): skipped',
      code: code(
        "import Router from '@koa/router';",
        'class BaseController {',
        '  router = new Router();',
        '  routes = [];',
        "  route(spec) { this.routes.push(spec); this.router.get('/health', health); }",
        '}',
        ...metricsController,
      ),
      options: REPORT_CACHING_ONLY,
    },
  ],
  invalid: [
    {
      name: 'koa router.register: the POST in its methods list',
      code: koaRegister,
      options: REPORT_CACHING_ONLY,
      output: withLine(koaRegister, 8, "  ctx.set('Cache-Control', 'no-store');"),
      errors: [{ messageId: 'cachingMutation', line: 8 }],
    },
    {
      name: 'koa-router register with a lone handler (CommonJS)',
      code: koaRegisterLoneHandler,
      options: REPORT_CACHING_ONLY,
      output: withLine(koaRegisterLoneHandler, 5, "  ctx.set('Cache-Control', 'no-store');"),
      errors: [{ ...CACHING_POST('public, max-age=60'), line: 5 }],
    },
    {
      name: 'OpenAPIHono: the method comes from a createRoute const',
      code: openApiRouteConst,
      options: REPORT_CACHING_ONLY,
      output: withLine(openApiRouteConst, 6, "  c.header('Cache-Control', 'no-store');"),
      errors: [{ ...CACHING_POST('public, max-age=300'), line: 6 }],
    },
    {
      name: 'OpenAPIHono: a typed app parameter and chained openapi() routes',
      code: openApiTypedChain,
      options: REPORT_CACHING_ONLY,
      output: withLine(openApiTypedChain, 7, "      c.header('Cache-Control', 'no-store');"),
      errors: [{ ...CACHING_POST('public, max-age=60'), line: 7 }],
    },
    {
      name: 'class route wrapper registering on a koa Router field',
      code: wrapperKoa,
      options: REPORT_CACHING_ONLY,
      output: withLine(wrapperKoa, 16, "    ctx.set('Cache-Control', 'no-store');"),
      errors: [{ ...CACHING_POST('public, max-age=60'), line: 16 }],
    },
  ],
});

ruleTester.run('http routing: no-public-cache-on-private-data', noPublicCacheOnPrivateData as never, {
  valid: [
    {
      name: 'OpenAPIHono route without middleware or user reads',
      code: code(
        "import { OpenAPIHono, createRoute } from '@hono/zod-openapi';",
        'const app = new OpenAPIHono();',
        "app.openapi(createRoute({ method: 'get', path: '/catalog', responses: {} }), (c) => {",
        '  const headers: Record<string, string> = {};',
        "  headers['Cache-Control'] = 'public, max-age=600';",
        '  return new Response(catalog, { headers });',
        '});',
      ),
    },
    {
      name: 'a headers object sent as request headers to fetch is not a response',
      code: code(
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.get('/proxy', async (c) => {",
        "  const user = c.get('user');",
        '  const headers: Record<string, string> = {};',
        "  headers['Cache-Control'] = 'public, max-age=60';",
        '  const upstream = await fetch(origin(user), { headers });',
        '  return c.body(upstream.body);',
        '});',
      ),
    },
    {
      name: 'assignments after the response was built do not reach it',
      code: code(
        "import { NextResponse } from 'next/server';",
        "import { getServerSession } from 'next-auth';",
        'export async function GET() {',
        '  const session = await getServerSession();',
        '  const headers: Record<string, string> = {};',
        '  const response = NextResponse.json(await inbox.for(session), { headers });',
        "  headers['Cache-Control'] = 'public, s-maxage=60';",
        '  return response;',
        '}',
      ),
    },
    {
      name: 'wrapper route without user evidence',
      code: wrapperExpressSpec.replace('middleware: [requireAuth], ', ''),
    },
  ],
  invalid: [
    {
      name: 'koa router.register: auth middleware and ctx.state.user',
      code: koaRegister,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=3600', evidence: '`ctx.state.user`' },
          line: 8,
          suggestions: privateSuggestion(koaRegister, 8, "  ctx.set('Cache-Control', 'private, max-age=3600');", 'private, max-age=3600'),
        },
      ],
    },
    {
      name: 'OpenAPIHono: createRoute middleware and a headers object built by assignment',
      code: openApi,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=31536000, immutable', evidence: 'the authentication middleware `requireToken`' },
          line: 7,
          suggestions: privateSuggestion(openApi, 7, "  headers['Cache-Control'] = 'private, max-age=31536000, immutable';", 'private, max-age=31536000, immutable'),
        },
      ],
    },
    {
      name: 'OpenAPIHono: its plain get() routes are Hono routes',
      code: openApiGet,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 's-maxage=600', evidence: "`c.get('user')`" },
          line: 5,
          suggestions: privateSuggestion(openApiGet, 5, "  c.header('Cache-Control', 'private');", 'private'),
        },
      ],
    },
    {
      name: "hono c.body(body, 200, headers) with headers['Cache-Control'] assigned",
      code: honoBodyHeaders,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=60', evidence: "`c.get('user')`" },
          line: 8,
          suggestions: privateSuggestion(honoBodyHeaders, 8, "  headers['Cache-Control'] = 'private, max-age=60';", 'private, max-age=60'),
        },
      ],
    },
    {
      name: 'NextResponse.json(data, { headers }) with the header assigned',
      code: nextSessionAssigned,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, s-maxage=60', evidence: '`getServerSession()`' },
          line: 7,
          suggestions: privateSuggestion(nextSessionAssigned, 7, "  headers['Cache-Control'] = 'private';", 'private'),
        },
      ],
    },
    {
      name: 'express wrapper with a spec object and its middleware list',
      code: wrapperExpressSpec,
      errors: [
        {
          messageId: 'publicPrivateData',
          data: { value: 'public, max-age=300', evidence: 'the authentication middleware `requireAuth`' },
          line: 12,
          suggestions: privateSuggestion(wrapperExpressSpec, 12, "    res.set('Cache-Control', 'private, max-age=300');", 'private, max-age=300'),
        },
      ],
    },
  ],
});

ruleTester.run('http routing: no-per-user-vary', noPerUserVary as never, {
  valid: [
    {
      name: 'Vary assigned on headers sent upstream',
      code: code(
        'export async function GET() {',
        '  const headers: Record<string, string> = {};',
        "  headers.Vary = 'Cookie';",
        '  return fetch(upstream, { headers });',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'headers.Vary assigned on a shared-cacheable web Response',
      code: webVaryAssigned,
      errors: [{ messageId: 'perUserVary', line: 3 }],
    },
  ],
});

ruleTester.run('http routing: require-vary', requireVary as never, {
  valid: [],
  invalid: [
    {
      name: 'assigned Vary is added beside the assigned Cache-Control',
      code: languageAssigned,
      filename: 'app/api/greet/route.ts',
      output: code(
        'export function GET(request: Request) {',
        "  const lang = request.headers.get('accept-language');",
        '  const headers: Record<string, string> = {};',
        "  headers['Cache-Control'] = 'public, max-age=600';",
        "  headers['Vary'] = 'Accept-Language';",
        '  return new Response(greet(lang), { headers });',
        '}',
      ),
      errors: [{ messageId: 'missingVary', line: 4 }],
    },
  ],
});

ruleTester.run('http routing: valid-cache-control', validCacheControl as never, {
  valid: [],
  invalid: [
    {
      name: 'a misspelled directive in an assigned Cache-Control',
      code: code('const headers: Record<string, string> = {};', "headers['Cache-Control'] = 'public, s-max-age=60';"),
      output: code('const headers: Record<string, string> = {};', "headers['Cache-Control'] = 'public, s-maxage=60';"),
      errors: [{ messageId: 'misspelled' }],
    },
  ],
});

jsRuleTester.run('http routing (JavaScript): no-public-cache-on-private-data', noPublicCacheOnPrivateData as never, {
  valid: [],
  invalid: [
    {
      name: 'koa router.register in plain JavaScript',
      code: koaRegister,
      errors: [
        {
          messageId: 'publicPrivateData',
          line: 8,
          suggestions: privateSuggestion(koaRegister, 8, "  ctx.set('Cache-Control', 'private, max-age=3600');", 'private, max-age=3600'),
        },
      ],
    },
  ],
});
