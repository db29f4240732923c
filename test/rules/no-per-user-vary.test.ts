import rule from '../../rules/no-per-user-vary.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

/** `source` with `search` (which must occur exactly once) replaced: the expected text of a fix. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

// ---------------------------------------------------------------------------------------------
// Sources shared by several cases

const expressVaryArray = code(
  "import express from 'express';",
  '',
  'const router = express.Router();',
  '',
  "router.get('/catalog/:slug', async (req, res, next) => {",
  '  try {',
  '    const page = await catalog.page(req.params.slug);',
  "    res.set('Cache-Control', 'public, max-age=300, stale-while-revalidate=60');",
  "    res.vary(['Accept', 'Cookie']);",
  "    res.format({ html: () => res.render('catalog', page), json: () => res.json(page) });",
  '  } catch (err) {',
  '    next(err);',
  '  }',
  '});',
  '',
  'export default router;',
);

const expressRouteChain = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  'app',
  "  .route('/articles')",
  '  .get(async (req, res) => {',
  "    res.set({ 'Cache-Control': 'public, max-age=120', Vary: 'Cookie' });",
  '    res.json(await articles.latest());',
  '  })',
  '  .post(requireAuth, async (req, res) => {',
  '    res.status(201).json(await articles.create(req.body));',
  '  });',
);

const cjsExpress = code(
  "const express = require('express');",
  "const { renderProducts } = require('./views');",
  '',
  'const app = express();',
  '',
  "app.get('/products', function (req, res) {",
  "  res.set('Cache-Control', 'public, max-age=600');",
  "  res.vary('Cookie');",
  '  res.send(renderProducts(req.query.page));',
  '});',
  '',
  'module.exports = app;',
);

const destructuredRouter = code(
  "const { Router } = require('express');",
  '',
  'const router = Router();',
  '',
  "router.get('/feed.xml', (req, res) => {",
  "  res.type('application/rss+xml');",
  "  res.setHeader('Cache-Control', 's-maxage=900');",
  "  res.setHeader('Vary', 'Accept-Encoding, Cookie');",
  '  res.send(feed.render());',
  '});',
  '',
  'module.exports = router;',
);

const aliasImport = code(
  "import exp from 'express';",
  '',
  'export const api = exp.Router();',
  '',
  "api.get('/prices', async (req, res) => {",
  "  res.header('Cache-Control', 'public, s-maxage=60');",
  "  res.header('Vary', 'COOKIE');",
  '  res.json(await prices.current());',
  '});',
);

const fastifyReply = code(
  "import Fastify from 'fastify';",
  '',
  'const app = Fastify({ logger: true });',
  '',
  "app.get('/reports/:id', async (request, reply) => {",
  "  reply.header('Cache-Control', 'public, max-age=300');",
  "  reply.header('Vary', 'Authorization');",
  '  return reports.find(request.params.id);',
  '});',
);

const fastifyRouteObject = code(
  "import Fastify from 'fastify';",
  '',
  'const fastify = Fastify();',
  '',
  'fastify.route({',
  "  method: 'GET',",
  "  url: '/docs/:page',",
  '  handler: async (request, reply) => {',
  "    reply.headers({ 'Cache-Control': 's-maxage=600', Vary: 'Cookie' });",
  '    return docs.render(request.params.page);',
  '  },',
  '});',
);

const fastifyPlugin = code(
  "import type { FastifyInstance } from 'fastify';",
  '',
  'export default async function invoices(fastify: FastifyInstance) {',
  "  fastify.get('/invoices/:id/pdf', async (request, reply) => {",
  "    reply.header('Cache-Control', 'max-age=3600, must-revalidate');",
  "    reply.header('Vary', 'Authorization');",
  "    reply.type('application/pdf');",
  '    return pdf.render(await invoices.load(request.params.id));',
  '  });',
  '}',
);

const fastifyFp = code(
  "import fp from 'fastify-plugin';",
  '',
  'export default fp(async (app) => {',
  "  app.get('/menu', async (request, reply) => {",
  "    reply.header('Cache-Control', 'public, max-age=60');",
  "    reply.header('Vary', 'Cookie');",
  '    return menu.forSite(request.hostname);',
  '  });',
  '});',
);

const koaRouter = code(
  "import Koa from 'koa';",
  "import Router from '@koa/router';",
  '',
  'const app = new Koa();',
  'const router = new Router();',
  '',
  "router.get('/banners', async (ctx) => {",
  "  ctx.set('Cache-Control', 'public, max-age=120');",
  "  ctx.vary('Cookie');",
  '  ctx.body = await banners.active();',
  '});',
  '',
  'app.use(router.routes());',
);

const honoApp = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.get('/api/posts', async (c) => {",
  "  c.header('Cache-Control', 'public, max-age=60');",
  "  c.header('Vary', 'Accept-Encoding, Cookie');",
  '  return c.json(await posts.list());',
  '});',
  '',
  'export default app;',
);

const honoOn = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.on(['GET', 'HEAD'], '/assets/manifest.json', (c) => {",
  "  c.header('Cache-Control', 's-maxage=86400');",
  "  c.header('Vary', 'Cookie', { append: true });",
  '  return c.json(manifest);',
  '});',
);

const nextJson = code(
  "import { NextResponse } from 'next/server';",
  "import { db } from '@/lib/db';",
  '',
  'export async function GET() {',
  '  const products = await db.product.findMany({ where: { published: true } });',
  '  return NextResponse.json(products, {',
  '    headers: {',
  "      'Cache-Control': 'public, s-maxage=300, stale-while-revalidate=60',",
  "      Vary: 'Accept-Encoding, Cookie',",
  '    },',
  '  });',
  '}',
);

const nextHeadersSet = code(
  'export async function GET(request: Request) {',
  '  const body = await renderSitemap(new URL(request.url).origin);',
  "  const response = new Response(body, { headers: { 'Content-Type': 'application/xml', 'Cache-Control': 'public, s-maxage=3600' } });",
  "  response.headers.set('Vary', 'Authorization');",
  '  return response;',
  '}',
);

const nestController = code(
  "import { Controller, Get, Header, Param } from '@nestjs/common';",
  "import { CatalogService } from './catalog.service';",
  '',
  "@Controller('catalog')",
  'export class CatalogController {',
  '  constructor(private readonly catalog: CatalogService) {}',
  '',
  "  @Get(':id')",
  "  @Header('Cache-Control', 'public, max-age=600')",
  "  @Header('Vary', 'Cookie')",
  "  findOne(@Param('id') id: string) {",
  '    return this.catalog.findOne(id);',
  '  }',
  '}',
);

const nodeServer = code(
  "const http = require('node:http');",
  '',
  'const server = http.createServer((req, res) => {',
  "  res.writeHead(200, { 'Content-Type': 'text/html', 'Cache-Control': 'public, max-age=120', Vary: 'Cookie' });",
  '  res.end(renderHome());',
  '});',
  '',
  'server.listen(3000);',
);

const bothHeaders = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.get('/api/settings/public', (req, res) => {",
  "  res.set('Cache-Control', 'public, max-age=60');",
  "  res.set('Vary', 'Authorization, Cookie');",
  '  res.json(settings.public());',
  '});',
);

const userHeaderOption = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.get('/recommendations', async (req, res) => {",
  "  res.set('Cache-Control', 'public, max-age=30');",
  "  res.vary('X-User-Id');",
  "  res.json(await recommendations.forUser(req.get('X-User-Id')));",
  '});',
);

const noCacheControl = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.get('/', (req, res) => {",
  "  res.vary('Cookie');",
  "  res.render('home', { banner: banners.today() });",
  '});',
);

const jsEsm = code(
  "import { Hono } from 'hono';",
  '',
  'export const app = new Hono();',
  '',
  "app.get('/news', async (c) => {",
  "  return c.json(await news.latest(), 200, { 'Cache-Control': 'public, max-age=120', Vary: 'Cookie' });",
  '});',
);

const honoInline = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.get('/tags', (c) => { c.header('Cache-Control', 'public, max-age=60'); c.header('Vary', 'Cookie'); return c.json(tags); });",
);

const typedFastify = code(
  "import type { FastifyReply, FastifyRequest } from 'fastify';",
  '',
  'export async function showArticle(request: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) {',
  "  reply.header('Cache-Control', 'public, max-age=900');",
  "  reply.header('Vary', 'Accept-Encoding, Cookie');",
  '  return articles.bySlug(request.params.slug);',
  '}',
);

const expressSixHundredAlias = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.get('/products', async (req, res) => {",
  "  res.set('Cache-Control', 'public, max-age=60');",
  "  res.set('Vary', 'Accept-Encoding, Authorization');",
  '  res.json(await products.list());',
  '});',
);

ruleTester.run('no-per-user-vary', rule as never, {
  valid: [
    {
      name: 'express: Vary Cookie on a private response',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/me', (req, res) => {",
        "  res.set('Cache-Control', 'private, max-age=60');",
        "  res.set('Vary', 'Cookie');",
        '  res.json(req.user);',
        '});',
      ),
    },
    {
      name: 'fastify: Vary Cookie on a no-store response',
      code: code(
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.get('/account', async (request, reply) => {",
        "  reply.header('Cache-Control', 'no-store');",
        "  reply.header('Vary', 'Cookie');",
        '  return accounts.current(request.session.userId);',
        '});',
      ),
    },
    {
      name: 'fastify: private set by reply.headers, Vary by reply.header',
      code: code(
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.get('/cart', async (request, reply) => {",
        "  reply.headers({ 'Cache-Control': 'private, max-age=0', 'Content-Language': 'en' });",
        "  reply.header('Vary', 'Cookie');",
        '  return carts.load(request.cookies.cart);',
        '});',
      ),
    },
    {
      name: 'express: Vary Authorization with max-age alone (RFC 9111 §3.5: shared caches do not store it)',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/api/profile', (req, res) => {",
        "  res.set('Cache-Control', 'max-age=60');",
        "  res.vary('Authorization');",
        '  res.json(req.user);',
        '});',
      ),
    },
    {
      name: 'hono: Vary Authorization without any Cache-Control',
      code: code(
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.get('/api/me', (c) => {",
        "  c.header('Vary', 'Authorization');",
        "  return c.json(c.get('user'));",
        '});',
      ),
    },
    {
      name: 'express: a local Map with a set method is not a response',
      code: code(
        "import express from 'express';",
        'const app = express();',
        'const defaults = new Map();',
        "app.get('/config', (req, res) => {",
        "  defaults.set('Vary', 'Cookie');",
        "  res.set('Cache-Control', 'public, max-age=60');",
        '  res.json(Object.fromEntries(defaults));',
        '});',
      ),
    },
    {
      name: 'express: an inner parameter shadows res',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/mirror', (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60');",
        "  upstreams.forEach((res) => res.set('Vary', 'Cookie'));",
        '  res.json(upstreams.map((u) => u.name));',
        '});',
      ),
    },
    {
      name: 'express: Vary with content negotiation headers only',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/docs', (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=3600');",
        "  res.vary('Accept-Encoding, Accept-Language');",
        "  res.render('docs', { lang: req.acceptsLanguages('en', 'de') });",
        '});',
      ),
    },
    {
      name: 'express: computed Cache-Control cannot be judged',
      code: code(
        "import express from 'express';",
        "import { cacheHeader } from './cache';",
        'const app = express();',
        "app.get('/feed', (req, res) => {",
        "  res.set('Cache-Control', cacheHeader(req));",
        "  res.vary('Cookie');",
        '  res.json(feed.items());',
        '});',
      ),
    },
    {
      name: 'express: computed Vary cannot be judged',
      code: code(
        "import express from 'express';",
        "import { varyHeaders } from './http';",
        'const app = express();',
        "app.get('/feed', (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60');",
        '  res.vary(varyHeaders);',
        '  res.json(feed.items());',
        '});',
      ),
    },
    {
      name: 'express: app-level middleware marks every response private',
      code: code(
        "import express from 'express';",
        'const app = express();',
        'app.use((req, res, next) => {',
        "  res.set('Cache-Control', 'private, no-cache');",
        '  next();',
        '});',
        "app.get('/dashboard', (req, res) => {",
        "  res.vary('Cookie');",
        "  res.render('dashboard', { user: req.user });",
        '});',
      ),
    },
    {
      name: 'express: route middleware passed before two handlers marks them no-store',
      code: code(
        "import express from 'express';",
        'const router = express.Router();',
        'const noStore = (req, res, next) => {',
        "  res.set('Cache-Control', 'no-store');",
        '  next();',
        '};',
        "router.get('/wallet', noStore, (req, res) => {",
        "  res.vary('Cookie');",
        '  res.json(wallets.for(req.user));',
        '});',
        "router.get('/wallet/history', noStore, (req, res) => {",
        "  res.vary('Cookie');",
        '  res.json(wallets.history(req.user));',
        '});',
      ),
    },
    {
      name: 'next: private response with Vary Cookie',
      filename: 'app/api/cart/route.ts',
      code: code(
        "import { NextResponse } from 'next/server';",
        "import { cookies } from 'next/headers';",
        'export async function GET() {',
        "  const cartId = (await cookies()).get('cart')?.value;",
        '  return NextResponse.json(await carts.load(cartId), {',
        "    headers: { 'Cache-Control': 'private, max-age=0', Vary: 'Cookie' },",
        '  });',
        '}',
      ),
    },
    {
      name: 'nest: no-store with Vary Cookie',
      code: code(
        "import { Controller, Get, Header, Req } from '@nestjs/common';",
        "@Controller('orders')",
        'export class OrdersController {',
        '  @Get()',
        "  @Header('Cache-Control', 'private, no-store')",
        "  @Header('Vary', 'Cookie')",
        '  list(@Req() req) {',
        '    return this.orders.forUser(req.user.id);',
        '  }',
        '}',
      ),
    },
    {
      name: 'koa: no-store with ctx.vary',
      code: code(
        "import Router from '@koa/router';",
        'const router = new Router();',
        "router.get('/basket', async (ctx) => {",
        "  ctx.set('Cache-Control', 'no-store');",
        "  ctx.vary('Cookie');",
        '  ctx.body = await baskets.load(ctx.cookies.get("basket"));',
        '});',
      ),
    },
    {
      name: 'node: private writeHead',
      code: code(
        "import http from 'node:http';",
        'http.createServer((req, res) => {',
        "  res.writeHead(200, { 'Cache-Control': 'private, max-age=60', Vary: 'Cookie' });",
        '  res.end(renderAccount(req));',
        '}).listen(8080);',
      ),
    },
    {
      name: 'hono: a GET handler that reads the cookie but writes no Vary',
      code: code(
        "import { Hono } from 'hono';",
        "import { getCookie } from 'hono/cookie';",
        'const app = new Hono();',
        "app.get('/theme.css', (c) => {",
        "  const theme = getCookie(c, 'theme') ?? 'light';",
        "  c.header('Cache-Control', 'private, max-age=86400');",
        '  return c.body(themes[theme]);',
        '});',
      ),
    },
    {
      name: 'a Vary header on something that is not a response (a plain object literal)',
      code: code(
        "const upstream = { headers: { 'Cache-Control': 'public, max-age=60', Vary: 'Cookie' } };",
        'export default upstream;',
      ),
    },
    {
      name: 'fastify: userHeaders option, but the response is private',
      options: [{ userHeaders: ['X-User-Id'] }],
      code: code(
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.get('/inbox', async (request, reply) => {",
        "  reply.header('Cache-Control', 'private, max-age=30');",
        "  reply.header('Vary', 'X-User-Id, Authorization');",
        '  return inbox.list(request.headers.authorization);',
        '});',
      ),
    },
  ],
  invalid: [
    {
      name: 'express: Vary Authorization on a public response',
      code: expressSixHundredAlias,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Authorization' },
          line: 7,
          suggestions: [
            {
              messageId: 'removeFromVary',
              data: { header: 'Authorization' },
              output: edit(expressSixHundredAlias, "'Accept-Encoding, Authorization'", "'Accept-Encoding'"),
            },
            {
              messageId: 'markPrivate',
              output: edit(expressSixHundredAlias, "'public, max-age=60'", "'private, max-age=60'"),
            },
          ],
        },
      ],
    },
    {
      name: 'express Router: res.vary with an array',
      code: expressVaryArray,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 9,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(expressVaryArray, "['Accept', 'Cookie']", "['Accept']") },
            {
              messageId: 'markPrivate',
              output: edit(expressVaryArray, "'public, max-age=300, stale-while-revalidate=60'", "'private, max-age=300, stale-while-revalidate=60'"),
            },
          ],
        },
      ],
    },
    {
      name: 'express app.route().get().post(): object form of res.set',
      code: expressRouteChain,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 8,
          suggestions: [
            {
              messageId: 'removeFromVary',
              data: { header: 'Cookie' },
              output: edit(expressRouteChain, "'public, max-age=120', Vary: 'Cookie' }", "'public, max-age=120' }"),
            },
            { messageId: 'markPrivate', output: edit(expressRouteChain, "'public, max-age=120'", "'private, max-age=120'") },
          ],
        },
      ],
    },
    {
      name: 'express alias import, Router from the default export: upper-case COOKIE',
      code: aliasImport,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'COOKIE' },
          line: 7,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'COOKIE' }, output: edit(aliasImport, "  res.header('Vary', 'COOKIE');\n", '') },
            { messageId: 'markPrivate', output: edit(aliasImport, "'public, s-maxage=60'", "'private'") },
          ],
        },
      ],
    },
    {
      name: 'fastify: Vary Authorization with public',
      code: fastifyReply,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Authorization' },
          line: 7,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Authorization' }, output: edit(fastifyReply, "  reply.header('Vary', 'Authorization');\n", '') },
            { messageId: 'markPrivate', output: edit(fastifyReply, "'public, max-age=300'", "'private, max-age=300'") },
          ],
        },
      ],
    },
    {
      name: 'fastify.route({ handler }): reply.headers object',
      code: fastifyRouteObject,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 9,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(fastifyRouteObject, ", Vary: 'Cookie' }", ' }') },
            { messageId: 'markPrivate', output: edit(fastifyRouteObject, "'s-maxage=600'", "'private'") },
          ],
        },
      ],
    },
    {
      name: 'fastify plugin typed FastifyInstance: must-revalidate lets shared caches store authorised responses',
      code: fastifyPlugin,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Authorization' },
          line: 6,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Authorization' }, output: edit(fastifyPlugin, "    reply.header('Vary', 'Authorization');\n", '') },
            { messageId: 'markPrivate', output: edit(fastifyPlugin, "'max-age=3600, must-revalidate'", "'private, max-age=3600, must-revalidate'") },
          ],
        },
      ],
    },
    {
      name: 'fastify-plugin fp(): Vary Cookie',
      code: fastifyFp,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 6,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(fastifyFp, "    reply.header('Vary', 'Cookie');\n", '') },
            { messageId: 'markPrivate', output: edit(fastifyFp, "'public, max-age=60'", "'private, max-age=60'") },
          ],
        },
      ],
    },
    {
      name: 'koa with @koa/router: ctx.vary',
      code: koaRouter,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 9,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(koaRouter, "  ctx.vary('Cookie');\n", '') },
            { messageId: 'markPrivate', output: edit(koaRouter, "'public, max-age=120'", "'private, max-age=120'") },
          ],
        },
      ],
    },
    {
      name: 'hono: c.header with a list',
      code: honoApp,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 7,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(honoApp, "'Accept-Encoding, Cookie'", "'Accept-Encoding'") },
            { messageId: 'markPrivate', output: edit(honoApp, "'public, max-age=60'", "'private, max-age=60'") },
          ],
        },
      ],
    },
    {
      name: 'hono app.on: appended Vary Cookie',
      code: honoOn,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 7,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(honoOn, "  c.header('Vary', 'Cookie', { append: true });\n", '') },
            { messageId: 'markPrivate', output: edit(honoOn, "'s-maxage=86400'", "'private'") },
          ],
        },
      ],
    },
    {
      name: 'next route handler: NextResponse.json headers init',
      filename: 'app/api/products/route.ts',
      code: nextJson,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 9,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(nextJson, "'Accept-Encoding, Cookie'", "'Accept-Encoding'") },
            {
              messageId: 'markPrivate',
              output: edit(nextJson, "'public, s-maxage=300, stale-while-revalidate=60'", "'private, stale-while-revalidate=60'"),
            },
          ],
        },
      ],
    },
    {
      name: 'next route handler: headers.set on a Response built here',
      filename: 'app/sitemap.xml/route.ts',
      code: nextHeadersSet,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Authorization' },
          line: 4,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Authorization' }, output: edit(nextHeadersSet, "  response.headers.set('Vary', 'Authorization');\n", '') },
            { messageId: 'markPrivate', output: edit(nextHeadersSet, "'public, s-maxage=3600'", "'private'") },
          ],
        },
      ],
    },
    {
      name: 'nest: @Header Vary Cookie',
      code: nestController,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 10,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(nestController, "  @Header('Vary', 'Cookie')\n", '') },
            { messageId: 'markPrivate', output: edit(nestController, "'public, max-age=600'", "'private, max-age=600'") },
          ],
        },
      ],
    },
    {
      name: 'express: Authorization and Cookie both reported',
      code: bothHeaders,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Authorization' },
          line: 7,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Authorization' }, output: edit(bothHeaders, "'Authorization, Cookie'", "'Cookie'") },
            { messageId: 'markPrivate', output: edit(bothHeaders, "'public, max-age=60'", "'private, max-age=60'") },
          ],
        },
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 7,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(bothHeaders, "'Authorization, Cookie'", "'Authorization'") },
            { messageId: 'markPrivate', output: edit(bothHeaders, "'public, max-age=60'", "'private, max-age=60'") },
          ],
        },
      ],
    },
    {
      name: 'userHeaders option: X-User-Id counts as per-user',
      code: userHeaderOption,
      options: [{ userHeaders: ['x-user-id'] }],
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'X-User-Id' },
          line: 7,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'X-User-Id' }, output: edit(userHeaderOption, "  res.vary('X-User-Id');\n", '') },
            { messageId: 'markPrivate', output: edit(userHeaderOption, "'public, max-age=30'", "'private, max-age=30'") },
          ],
        },
      ],
    },
    {
      name: 'fastify: a function typed (request: FastifyRequest, reply: FastifyReply)',
      code: typedFastify,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 5,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(typedFastify, "'Accept-Encoding, Cookie'", "'Accept-Encoding'") },
            { messageId: 'markPrivate', output: edit(typedFastify, "'public, max-age=900'", "'private, max-age=900'") },
          ],
        },
      ],
    },
    {
      name: 'hono: one-line handler, the removed write takes its space with it',
      code: honoInline,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 5,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(honoInline, "c.header('Vary', 'Cookie'); ", '') },
            { messageId: 'markPrivate', output: edit(honoInline, "'public, max-age=60'", "'private, max-age=60'") },
          ],
        },
      ],
    },
    {
      name: 'express: Vary Cookie with no Cache-Control at all (heuristic caching applies)',
      code: noCacheControl,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 6,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(noCacheControl, "  res.vary('Cookie');\n", '') },
            {
              messageId: 'markPrivate',
              output: edit(noCacheControl, "  res.vary('Cookie');\n", "  res.vary('Cookie');\n  res.set('Cache-Control', 'private');\n"),
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('no-per-user-vary (JavaScript)', rule as never, {
  valid: [
    {
      name: 'js: hono private response',
      code: code(
        "import { Hono } from 'hono';",
        'export const app = new Hono();',
        "app.get('/me', (c) => c.json(me(c), 200, { 'Cache-Control': 'private', Vary: 'Cookie' }));",
      ),
    },
  ],
  invalid: [
    {
      name: 'js: hono c.json headers argument',
      code: jsEsm,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 6,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(jsEsm, ", Vary: 'Cookie' }", ' }') },
            { messageId: 'markPrivate', output: edit(jsEsm, "'public, max-age=120'", "'private, max-age=120'") },
          ],
        },
      ],
    },
  ],
});

cjsRuleTester.run('no-per-user-vary (CommonJS)', rule as never, {
  valid: [
    {
      name: 'cjs: express no-store',
      code: code(
        "const express = require('express');",
        'const app = express();',
        "app.get('/orders', (req, res) => {",
        "  res.set('Cache-Control', 'no-store');",
        "  res.vary('Cookie');",
        '  res.json([]);',
        '});',
      ),
    },
  ],
  invalid: [
    {
      name: 'cjs: express require, res.vary Cookie',
      code: cjsExpress,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 8,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(cjsExpress, "  res.vary('Cookie');\n", '') },
            { messageId: 'markPrivate', output: edit(cjsExpress, "'public, max-age=600'", "'private, max-age=600'") },
          ],
        },
      ],
    },
    {
      name: 'cjs: destructured Router, setHeader',
      code: destructuredRouter,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 8,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(destructuredRouter, "'Accept-Encoding, Cookie'", "'Accept-Encoding'") },
            { messageId: 'markPrivate', output: edit(destructuredRouter, "'s-maxage=900'", "'private'") },
          ],
        },
      ],
    },
    {
      name: 'cjs: node http.createServer writeHead object',
      code: nodeServer,
      errors: [
        {
          messageId: 'perUserVary',
          data: { header: 'Cookie' },
          line: 4,
          suggestions: [
            { messageId: 'removeFromVary', data: { header: 'Cookie' }, output: edit(nodeServer, ", Vary: 'Cookie' }", ' }') },
            { messageId: 'markPrivate', output: edit(nodeServer, "'public, max-age=120'", "'private, max-age=120'") },
          ],
        },
      ],
    },
  ],
});
