import rule from '../../rules/require-no-store-on-mutation.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

const NAME = 'require-no-store-on-mutation';

// ---------------------------------------------------------------------------------------------
// Express

const expressCreate = code(
  "import express from 'express';",
  "import { orders } from './orders.js';",
  '',
  'const app = express();',
  'app.use(express.json());',
  '',
  "app.post('/api/orders', async (req, res) => {",
  '  const order = await orders.create(req.body);',
  '  res.status(201).json(order);',
  '});',
);
const expressCreateFixed = code(
  "import express from 'express';",
  "import { orders } from './orders.js';",
  '',
  'const app = express();',
  'app.use(express.json());',
  '',
  "app.post('/api/orders', async (req, res) => {",
  "  res.set('Cache-Control', 'no-store');",
  '  const order = await orders.create(req.body);',
  '  res.status(201).json(order);',
  '});',
);

const expressArrow = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.put('/api/orders/:id', (req, res) => res.json(orders.update(req.params.id, req.body)));",
);
const expressArrowFixed = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.put('/api/orders/:id', (req, res) => { res.set('Cache-Control', 'no-store'); return res.json(orders.update(req.params.id, req.body)); });",
);

const expressCachedDelete = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.delete('/api/sessions/:id', async (req, res) => {",
  '  await sessions.revoke(req.params.id);',
  "  res.set('Cache-Control', 'public, max-age=60');",
  '  res.sendStatus(204);',
  '});',
);
const expressCachedDeleteFixed = code(
  "import express from 'express';",
  '',
  'const app = express();',
  '',
  "app.delete('/api/sessions/:id', async (req, res) => {",
  '  await sessions.revoke(req.params.id);',
  "  res.set('Cache-Control', 'no-store');",
  '  res.sendStatus(204);',
  '});',
);

const expressAliasConstant = code(
  "import exp from 'express';",
  "import type { Request, Response } from 'express';",
  '',
  "const PROFILE_CACHE = 'private, max-age=600';",
  'export const api = exp.Router();',
  '',
  "api.patch('/profile', async (req: Request, res: Response) => {",
  "  res.setHeader('Cache-Control', PROFILE_CACHE);",
  '  res.json(await profiles.update(req.body));',
  '});',
);

const expressObjectForm = code(
  "import express from 'express';",
  '',
  'const router = express.Router();',
  '',
  "router.put('/assets/:name', async (req, res) => {",
  '  const asset = await assets.replace(req.params.name, req.body);',
  "  res.set({ 'Cache-Control': 'max-age=31536000, immutable', ETag: asset.etag });",
  '  res.json(asset);',
  '});',
);
const expressObjectFormFixed = code(
  "import express from 'express';",
  '',
  'const router = express.Router();',
  '',
  "router.put('/assets/:name', async (req, res) => {",
  '  const asset = await assets.replace(req.params.name, req.body);',
  "  res.set({ 'Cache-Control': 'no-store', ETag: asset.etag });",
  '  res.json(asset);',
  '});',
);

const expressSharedHeaders = code(
  "import express from 'express';",
  '',
  'const app = express();',
  "const CACHED = { 'Cache-Control': 'public, max-age=300' };",
  '',
  "app.get('/api/plans', (req, res) => {",
  '  res.set(CACHED);',
  '  res.json(plans);',
  '});',
  "app.post('/api/plans', (req, res) => {",
  '  res.set(CACHED);',
  '  res.json(plans.add(req.body));',
  '});',
);

const expressRouteChainCjs = code(
  "const express = require('express');",
  '',
  'const app = express();',
  '',
  "app.route('/api/carts/:id')",
  '  .get(async (req, res) => {',
  '    res.json(await carts.find(req.params.id));',
  '  })',
  '  .post(async (req, res) => {',
  '    res.json(await carts.add(req.params.id, req.body));',
  '  });',
  '',
  'module.exports = app;',
);
const expressRouteChainCjsFixed = code(
  "const express = require('express');",
  '',
  'const app = express();',
  '',
  "app.route('/api/carts/:id')",
  '  .get(async (req, res) => {',
  '    res.json(await carts.find(req.params.id));',
  '  })',
  '  .post(async (req, res) => {',
  "    res.set('Cache-Control', 'no-store');",
  '    res.json(await carts.add(req.params.id, req.body));',
  '  });',
  '',
  'module.exports = app;',
);

const expressDestructuredRouter = code(
  "const { Router } = require('express');",
  '',
  'const router = Router();',
  '',
  "router.post('/checkout', async function checkout(req, res) {",
  '  const payment = await payments.charge(req.body.cartId);',
  '  res.status(202).json(payment);',
  '});',
  '',
  'module.exports = router;',
);
const expressDestructuredRouterFixed = code(
  "const { Router } = require('express');",
  '',
  'const router = Router();',
  '',
  "router.post('/checkout', async function checkout(req, res) {",
  "  res.set('Cache-Control', 'no-store');",
  '  const payment = await payments.charge(req.body.cartId);',
  '  res.status(202).json(payment);',
  '});',
  '',
  'module.exports = router;',
);

const expressUnrelatedMiddleware = code(
  "import express from 'express';",
  '',
  'const app = express();',
  'const audit = (req, res, next) => { log.info(req.method, req.path); next(); };',
  '',
  "app.post('/api/feedback', audit, (req, res) => { res.status(201).json(feedback.add(req.body)); });",
);
const expressUnrelatedMiddlewareFixed = code(
  "import express from 'express';",
  '',
  'const app = express();',
  'const audit = (req, res, next) => { log.info(req.method, req.path); next(); };',
  '',
  "app.post('/api/feedback', audit, (req, res) => { res.set('Cache-Control', 'no-store'); res.status(201).json(feedback.add(req.body)); });",
);

const expressCachingMiddleware = code(
  "import express from 'express';",
  '',
  'const app = express();',
  "app.use((req, res, next) => { res.set('Cache-Control', 'public, max-age=60'); next(); });",
  '',
  "app.post('/api/votes', (req, res) => {",
  '  res.json(votes.cast(req.body));',
  '});',
);
const expressCachingMiddlewareFixed = code(
  "import express from 'express';",
  '',
  'const app = express();',
  "app.use((req, res, next) => { res.set('Cache-Control', 'public, max-age=60'); next(); });",
  '',
  "app.post('/api/votes', (req, res) => {",
  "  res.set('Cache-Control', 'no-store');",
  '  res.json(votes.cast(req.body));',
  '});',
);

const expressNoSemicolons = code(
  "import express from 'express'",
  '',
  'const app = express()',
  '',
  "app.post('/api/import', async (req, res) => {",
  '  const rows = await parse(req.body)',
  '  res.json(await imports.run(rows))',
  '})',
  '',
  "app.delete('/api/import', async (req, res) => {",
  '  [cache, queue].forEach((store) => store.clear())',
  '  res.sendStatus(204)',
  '})',
);
const expressNoSemicolonsFixed = code(
  "import express from 'express'",
  '',
  'const app = express()',
  '',
  "app.post('/api/import', async (req, res) => {",
  "  res.set('Cache-Control', 'no-store')",
  '  const rows = await parse(req.body)',
  '  res.json(await imports.run(rows))',
  '})',
  '',
  "app.delete('/api/import', async (req, res) => {",
  "  res.set('Cache-Control', 'no-store');",
  '  [cache, queue].forEach((store) => store.clear())',
  '  res.sendStatus(204)',
  '})',
);

const expressJs = code(
  "import express from 'express';",
  '',
  'export const app = express();',
  '',
  "app.post('/login', async (req, res) => {",
  '  const user = await auth.verify(req.body.email, req.body.password);',
  "  res.cookie('sid', await sessions.create(user), { httpOnly: true });",
  "  res.redirect(303, '/dashboard');",
  '});',
);
const expressJsFixed = code(
  "import express from 'express';",
  '',
  'export const app = express();',
  '',
  "app.post('/login', async (req, res) => {",
  "  res.set('Cache-Control', 'no-store');",
  '  const user = await auth.verify(req.body.email, req.body.password);',
  "  res.cookie('sid', await sessions.create(user), { httpOnly: true });",
  "  res.redirect(303, '/dashboard');",
  '});',
);

// ---------------------------------------------------------------------------------------------
// Fastify

const fastifyPost = code(
  "import Fastify from 'fastify';",
  '',
  'const server = Fastify({ logger: true });',
  '',
  "server.post('/sessions', async (request, reply) => {",
  '  const session = await sessions.create(request.body);',
  '  return reply.code(201).send(session);',
  '});',
);
const fastifyPostFixed = code(
  "import Fastify from 'fastify';",
  '',
  'const server = Fastify({ logger: true });',
  '',
  "server.post('/sessions', async (request, reply) => {",
  "  reply.header('Cache-Control', 'no-store');",
  '  const session = await sessions.create(request.body);',
  '  return reply.code(201).send(session);',
  '});',
);

const fastifyRouteObject = code(
  "import Fastify from 'fastify';",
  '',
  'const fastify = Fastify();',
  '',
  'fastify.route({',
  "  method: ['PUT', 'PATCH'],",
  "  url: '/users/:id',",
  '  handler: async (request, reply) => {',
  "    reply.header('Cache-Control', 'public, max-age=120');",
  '    return users.update(request.params.id, request.body);',
  '  },',
  '});',
);
const fastifyRouteObjectFixed = code(
  "import Fastify from 'fastify';",
  '',
  'const fastify = Fastify();',
  '',
  'fastify.route({',
  "  method: ['PUT', 'PATCH'],",
  "  url: '/users/:id',",
  '  handler: async (request, reply) => {',
  "    reply.header('Cache-Control', 'no-store');",
  '    return users.update(request.params.id, request.body);',
  '  },',
  '});',
);

const fastifyPlugin = code(
  "import type { FastifyInstance } from 'fastify';",
  '',
  'export default async function webhooks(fastify: FastifyInstance) {',
  "  fastify.post('/webhooks/stripe', { config: { rawBody: true } }, async (request, reply) => {",
  '    await stripeEvents.handle(request.body);',
  '    return { received: true };',
  '  });',
  '}',
);
const fastifyPluginFixed = code(
  "import type { FastifyInstance } from 'fastify';",
  '',
  'export default async function webhooks(fastify: FastifyInstance) {',
  "  fastify.post('/webhooks/stripe', { config: { rawBody: true } }, async (request, reply) => {",
  "    reply.header('Cache-Control', 'no-store');",
  '    await stripeEvents.handle(request.body);',
  '    return { received: true };',
  '  });',
  '}',
);

const fastifyFp = code(
  "import fp from 'fastify-plugin';",
  '',
  'export default fp(async (app) => {',
  "  app.delete('/cache/:key', async (request, reply) => {",
  '    await store.delete(request.params.key);',
  "    reply.headers({ 'cache-control': 'max-age=60' });",
  '    return null;',
  '  });',
  '});',
);
const fastifyFpFixed = code(
  "import fp from 'fastify-plugin';",
  '',
  'export default fp(async (app) => {',
  "  app.delete('/cache/:key', async (request, reply) => {",
  '    await store.delete(request.params.key);',
  "    reply.headers({ 'cache-control': 'no-store' });",
  '    return null;',
  '  });',
  '});',
);

const fastifyNoReply = code(
  "import Fastify from 'fastify';",
  '',
  'const app = Fastify();',
  '',
  "app.post('/api/subscriptions', async (request) => subscriptions.create(request.body));",
);

// ---------------------------------------------------------------------------------------------
// Koa

const koaPost = code(
  "import Koa from 'koa';",
  "import Router from '@koa/router';",
  '',
  'const app = new Koa();',
  "const router = new Router({ prefix: '/api' });",
  '',
  "router.post('/comments', async (ctx) => {",
  '  ctx.status = 201;',
  '  ctx.body = await comments.create(ctx.request.body);',
  '});',
  '',
  'app.use(router.routes());',
);
const koaPostFixed = code(
  "import Koa from 'koa';",
  "import Router from '@koa/router';",
  '',
  'const app = new Koa();',
  "const router = new Router({ prefix: '/api' });",
  '',
  "router.post('/comments', async (ctx) => {",
  "  ctx.set('Cache-Control', 'no-store');",
  '  ctx.status = 201;',
  '  ctx.body = await comments.create(ctx.request.body);',
  '});',
  '',
  'app.use(router.routes());',
);

const koaCachedDelete = code(
  "import Router from '@koa/router';",
  '',
  'export const router = new Router();',
  '',
  "router.del('/comments/:id', async (ctx, next) => {",
  "  ctx.set('Cache-Control', 'public, max-age=30');",
  '  await comments.remove(ctx.params.id);',
  '  ctx.status = 204;',
  '});',
);
const koaCachedDeleteFixed = code(
  "import Router from '@koa/router';",
  '',
  'export const router = new Router();',
  '',
  "router.del('/comments/:id', async (ctx, next) => {",
  "  ctx.set('Cache-Control', 'no-store');",
  '  await comments.remove(ctx.params.id);',
  '  ctx.status = 204;',
  '});',
);

const koaValidator = code(
  "import Router from '@koa/router';",
  "import { validate } from './validation';",
  '',
  'export const router = new Router();',
  '',
  "router.patch('/profile', async (ctx) => {",
  '  const input = await validate(ctx, profileSchema);',
  '  ctx.body = await profiles.update(ctx.state.user.id, input);',
  '});',
);
const koaValidatorFixed = code(
  "import Router from '@koa/router';",
  "import { validate } from './validation';",
  '',
  'export const router = new Router();',
  '',
  "router.patch('/profile', async (ctx) => {",
  "  ctx.set('Cache-Control', 'no-store');",
  '  const input = await validate(ctx, profileSchema);',
  '  ctx.body = await profiles.update(ctx.state.user.id, input);',
  '});',
);

// ---------------------------------------------------------------------------------------------
// Hono

const honoPost = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.post('/todos', async (c) => {",
  '  const input = await c.req.json();',
  '  return c.json(await todos.create(input), 201);',
  '});',
  '',
  'export default app;',
);
const honoPostFixed = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.post('/todos', async (c) => {",
  "  c.header('Cache-Control', 'no-store');",
  '  const input = await c.req.json();',
  '  return c.json(await todos.create(input), 201);',
  '});',
  '',
  'export default app;',
);

const honoOn = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.on(['PUT', 'PATCH'], '/todos/:id', async (c) => c.json(await todos.update(c.req.param('id'), await c.req.json())));",
);
const honoOnFixed = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.on(['PUT', 'PATCH'], '/todos/:id', async (c) => { c.header('Cache-Control', 'no-store'); return c.json(await todos.update(c.req.param('id'), await c.req.json())); });",
);

const honoJsonHeaders = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.delete('/todos/:id', async (c) => {",
  "  await todos.remove(c.req.param('id'));",
  "  return c.json({ ok: true }, 200, { 'Cache-Control': 'public, max-age=60' });",
  '});',
);
const honoJsonHeadersFixed = code(
  "import { Hono } from 'hono';",
  '',
  'const app = new Hono();',
  '',
  "app.delete('/todos/:id', async (c) => {",
  "  await todos.remove(c.req.param('id'));",
  "  return c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' });",
  '});',
);

const honoJsx = code(
  "import { Hono } from 'hono';",
  "import { Comment } from './components/comment';",
  '',
  'const app = new Hono();',
  '',
  "app.post('/comments', async (c) => c.html(<Comment comment={await comments.add(await c.req.parseBody())} />));",
);
const honoJsxFixed = code(
  "import { Hono } from 'hono';",
  "import { Comment } from './components/comment';",
  '',
  'const app = new Hono();',
  '',
  "app.post('/comments', async (c) => { c.header('Cache-Control', 'no-store'); return c.html(<Comment comment={await comments.add(await c.req.parseBody())} />); });",
);

// ---------------------------------------------------------------------------------------------
// Next.js route handlers

const nextPost = code(
  "import { NextResponse, type NextRequest } from 'next/server';",
  "import { db } from '@/lib/db';",
  '',
  'export async function POST(request: NextRequest) {',
  '  const body = await request.json();',
  '  if (!body.email) {',
  "    return NextResponse.json({ error: 'email required' }, { status: 400 });",
  '  }',
  '  const subscriber = await db.subscriber.create({ data: body });',
  '  return NextResponse.json(subscriber);',
  '}',
);
const nextPostFixed = code(
  "import { NextResponse, type NextRequest } from 'next/server';",
  "import { db } from '@/lib/db';",
  '',
  'export async function POST(request: NextRequest) {',
  '  const body = await request.json();',
  '  if (!body.email) {',
  "    return NextResponse.json({ error: 'email required' }, { status: 400, headers: { 'Cache-Control': 'no-store' } });",
  '  }',
  '  const subscriber = await db.subscriber.create({ data: body });',
  "  return NextResponse.json(subscriber, { headers: { 'Cache-Control': 'no-store' } });",
  '}',
);

const nextDelete = code(
  "import { db } from '@/lib/db';",
  '',
  'export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {',
  '  const { id } = await params;',
  '  await db.subscriber.delete({ where: { id } });',
  "  return new Response(null, { status: 204, headers: { 'X-Deleted-Id': id } });",
  '}',
);
const nextDeleteFixed = code(
  "import { db } from '@/lib/db';",
  '',
  'export async function DELETE(request: Request, { params }: { params: Promise<{ id: string }> }) {',
  '  const { id } = await params;',
  '  await db.subscriber.delete({ where: { id } });',
  "  return new Response(null, { status: 204, headers: { 'X-Deleted-Id': id, 'Cache-Control': 'no-store' } });",
  '}',
);

const nextRedirect = code(
  "import { NextResponse } from 'next/server';",
  '',
  'export async function POST(request: Request) {',
  '  await newsletter.subscribe(await request.formData());',
  "  return NextResponse.redirect(new URL('/thanks', request.url), 303);",
  '}',
);

const nextArrowJson = code(
  'export const PATCH = async (request: Request) => Response.json(await settings.save(await request.json()));',
);
const nextArrowJsonFixed = code(
  "export const PATCH = async (request: Request) => Response.json(await settings.save(await request.json()), { headers: { 'Cache-Control': 'no-store' } });",
);

const nextBuiltElsewhere = code(
  "import { NextResponse } from 'next/server';",
  '',
  'export async function POST(request: Request) {',
  '  const result = await uploads.save(await request.formData());',
  '  const response = NextResponse.json(result, { status: 201 });',
  "  response.headers.set('Location', `/uploads/${result.id}`);",
  '  return response;',
  '}',
);

const nextCached = code(
  "import { NextResponse } from 'next/server';",
  '',
  'export async function POST(request: Request) {',
  '  const quote = await pricing.quote(await request.json());',
  "  return NextResponse.json(quote, { headers: { 'Cache-Control': 's-maxage=60, stale-while-revalidate=300' } });",
  '}',
);
const nextCachedFixed = code(
  "import { NextResponse } from 'next/server';",
  '',
  'export async function POST(request: Request) {',
  '  const quote = await pricing.quote(await request.json());',
  "  return NextResponse.json(quote, { headers: { 'Cache-Control': 'no-store' } });",
  '}',
);

// ---------------------------------------------------------------------------------------------
// NestJS

const nestController = code(
  "import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';",
  "import { OrdersService } from './orders.service';",
  '',
  "@Controller('orders')",
  'export class OrdersController {',
  '  constructor(private readonly orders: OrdersService) {}',
  '',
  '  @Get()',
  '  findAll() {',
  '    return this.orders.findAll();',
  '  }',
  '',
  '  @Post()',
  '  @HttpCode(201)',
  '  create(@Body() dto: CreateOrderDto) {',
  '    return this.orders.create(dto);',
  '  }',
  '}',
);
const nestControllerFixed = code(
  "import { Body, Controller, Get, HttpCode, Param, Post, Put, Header } from '@nestjs/common';",
  "import { OrdersService } from './orders.service';",
  '',
  "@Controller('orders')",
  'export class OrdersController {',
  '  constructor(private readonly orders: OrdersService) {}',
  '',
  '  @Get()',
  '  findAll() {',
  '    return this.orders.findAll();',
  '  }',
  '',
  '  @Post()',
  '  @HttpCode(201)',
  "  @Header('Cache-Control', 'no-store')",
  '  create(@Body() dto: CreateOrderDto) {',
  '    return this.orders.create(dto);',
  '  }',
  '}',
);

const nestCachedPut = code(
  "import { Body, Controller, Header, Param, Put } from '@nestjs/common';",
  '',
  "@Controller('carts')",
  'export class CartsController {',
  "  @Put(':id')",
  "  @Header('Cache-Control', 'public, max-age=60')",
  "  replace(@Param('id') id: string, @Body() cart: CartDto) {",
  '    return this.carts.replace(id, cart);',
  '  }',
  '}',
);
const nestCachedPutFixed = code(
  "import { Body, Controller, Header, Param, Put } from '@nestjs/common';",
  '',
  "@Controller('carts')",
  'export class CartsController {',
  "  @Put(':id')",
  "  @Header('Cache-Control', 'no-store')",
  "  replace(@Param('id') id: string, @Body() cart: CartDto) {",
  '    return this.carts.replace(id, cart);',
  '  }',
  '}',
);

const nestHeaderTaken = code(
  "import { Body, Controller, Post } from '@nestjs/common';",
  "import { Header } from './http/header';",
  '',
  "@Controller('payments')",
  'export class PaymentsController {',
  '  @Post()',
  '  async pay(@Body() dto: PayDto) {',
  '    return this.payments.charge(dto, Header.idempotencyKey(dto));',
  '  }',
  '}',
);


// ---------------------------------------------------------------------------------------------
// Real shapes (application corpus): without explicit freshness a cache does not store a
// mutation's response (RFC 9111), so by default only handlers a cache could store are reported.

const rpcPostRead = code(
  "import express from 'express';",
  'const router = express.Router();',
  "router.post('/api/v1/query', requireAuth, async (req, res) => {",
  '  const rows = await runQuery(req.user, req.body);',
  '  res.json({ rows });',
  '});',
  "router.get('/api/v1/me', requireAuth, (req, res) => res.json(req.user));",
);

const nextMethodNotAllowed = code(
  'export async function POST() {',
  "  return new Response('Method Not Allowed', { status: 405, headers: { Allow: 'GET' } });",
  '}',
);

const expressMethodNotAllowed = code(
  "import express from 'express';",
  'const app = express();',
  "app.delete('/api/settings', (req, res) => {",
  "  res.setHeader('Allow', 'GET, PUT');",
  '  res.status(405).end();',
  '});',
);

const nestPrivateGetsPost = code(
  "import { Controller, Get, Header, Post, Body } from '@nestjs/common';",
  "@Controller('notes')",
  'export class NotesController {',
  '  @Get()',
  "  @Header('Cache-Control', 'private, max-age=30')",
  '  list() { return this.notes.list(); }',
  '  @Post()',
  '  create(@Body() dto: NoteDto) { return this.notes.create(dto); }',
  '}',
);

const expressCachedGetsRouter = code(
  "import express from 'express';",
  'const router = express.Router();',
  "router.get('/api/products', async (req, res) => {",
  "  res.set('Cache-Control', 'public, s-maxage=300');",
  '  res.json(await products.list());',
  '});',
  "router.post('/api/products', async (req, res) => {",
  '  res.status(201).json(await products.create(req.body));',
  '});',
  "router.delete('/api/products/:id', async (req, res) => {",
  '  await products.remove(req.params.id);',
  '  res.sendStatus(204);',
  '});',
);
const expressCachedGetsRouterFixed = expressCachedGetsRouter.replace(
  "router.post('/api/products', async (req, res) => {\n",
  "router.post('/api/products', async (req, res) => {\n  res.set('Cache-Control', 'no-store');\n",
);

const nextRouteCachedGet = code(
  "import { NextResponse } from 'next/server';",
  'export async function GET() {',
  "  return NextResponse.json(await listPosts(), { headers: { 'Cache-Control': 'public, s-maxage=60, stale-while-revalidate=600' } });",
  '}',
  'export async function POST(request: Request) {',
  '  const post = await createPost(await request.json());',
  '  return NextResponse.json(post, { status: 201 });',
  '}',
);
const nextRouteCachedGetFixed = nextRouteCachedGet.replace(
  'return NextResponse.json(post, { status: 201 });',
  "return NextResponse.json(post, { status: 201, headers: { 'Cache-Control': 'no-store' } });",
);

const expressApicache = code(
  "import express from 'express';",
  "import apicache from 'apicache';",
  'const cache = apicache.middleware;',
  'const app = express();',
  "app.use(cache('5 minutes'));",
  "app.post('/api/search', async (req, res) => {",
  '  res.json(await search(req.body.q));',
  '});',
);
const expressApicacheFixed = expressApicache.replace(
  "app.post('/api/search', async (req, res) => {\n",
  "app.post('/api/search', async (req, res) => {\n  res.set('Cache-Control', 'no-store');\n",
);

const expressApicacheRoute = code(
  "const apicache = require('apicache');",
  "const router = require('express').Router();",
  "router.put('/pages/:slug', apicache.middleware('1 hour'), async (req, res) => {",
  '  res.send(await pages.save(req.params.slug, req.body));',
  '});',
);

ruleTester.run(NAME, rule as never, {
  valid: [
    // Real shapes: no explicit freshness, nothing caching in front: not stored by any RFC 9111 cache.
    { name: 'real: an RPC-style POST read with no caching anywhere', code: rpcPostRead },
    { name: 'real: a Next.js route that only answers 405', code: nextMethodNotAllowed },
    { name: 'real: an express handler that only answers 405, even in policy mode', code: expressMethodNotAllowed, options: [{ checkMissing: true }] },
    { name: 'real: NestJS controller whose GETs are private: the POST is not exposed', code: nestPrivateGetsPost },
    { name: 'real: the default leaves a plain mutation without Cache-Control alone', code: expressCreate },
    {
      name: 'express: GET with public caching is not a mutation',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.get('/api/products', async (req, res) => {",
        "  res.set('Cache-Control', 'public, max-age=60, s-maxage=300');",
        '  res.json(await products.list());',
        '});',
      ),
    },
    {
      name: 'express: POST that sends no-store',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.post('/api/orders', async (req, res) => {",
        "  res.set('Cache-Control', 'no-store');",
        '  res.status(201).json(await orders.create(req.body));',
        '});',
      ),
    },
    {
      name: 'express: PATCH answered private, no-cache (not cacheable without revalidation)',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.patch('/api/me', async (req, res) => {",
        "  res.setHeader('Cache-Control', 'private, no-cache');",
        '  res.json(await users.update(req.user.id, req.body));',
        '});',
      ),
    },
    {
      name: 'express: app.use(nocache()) before the routes',
      code: code(
        "import express from 'express';",
        "import nocache from 'nocache';",
        'const app = express();',
        'app.use(nocache());',
        "app.post('/api/orders', (req, res) => { res.json(orders.create(req.body)); });",
      ),
    },
    {
      name: 'express: app.use middleware of this file sets no-store, and covers a router mounted after it',
      code: code(
        "import express from 'express';",
        'const app = express();',
        'const api = express.Router();',
        "app.use((req, res, next) => { res.set('Cache-Control', 'no-store'); next(); });",
        "app.use('/api', api);",
        "api.post('/orders', (req, res) => { res.json(orders.create(req.body)); });",
        "app.delete('/sessions/:id', (req, res) => { res.sendStatus(204); });",
      ),
    },
    {
      name: 'express: route middleware of this file sets no-store',
      code: code(
        "import express from 'express';",
        'const app = express();',
        'function noStore(req, res, next) {',
        "  res.set('Cache-Control', 'no-store');",
        '  next();',
        '}',
        "app.post('/api/orders', noStore, async (req, res) => {",
        '  res.status(201).json(await orders.create(req.body));',
        '});',
      ),
    },
    {
      name: 'express: middleware named in noStoreMiddleware (imported, at the route and in app.use)',
      options: [{ noStoreMiddleware: ['noStore', 'apiDefaults'] }],
      code: code(
        "import express from 'express';",
        "import { apiDefaults, noStore } from './middleware';",
        'const app = express();',
        'const admin = express.Router();',
        "app.post('/api/orders', noStore, (req, res) => { res.json(orders.create(req.body)); });",
        'admin.use(apiDefaults());',
        "admin.put('/flags/:id', (req, res) => { res.json(flags.set(req.params.id, req.body)); });",
      ),
    },
    {
      name: 'express: checkMissing off leaves handlers without Cache-Control alone',
      options: [{ checkMissing: false }],
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.post('/api/orders', (req, res) => { res.json(orders.create(req.body)); });",
      ),
    },
    {
      name: 'express: app.all has no known method',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.all('/api/proxy/*', (req, res) => { upstream.forward(req).pipe(res); });",
      ),
    },
    {
      name: 'express: a computed Cache-Control value cannot be judged',
      code: code(
        "import express from 'express';",
        'const app = express();',
        "app.post('/api/search', (req, res) => {",
        "  res.set('Cache-Control', cachePolicyFor(req.body));",
        '  res.json(search(req.body));',
        '});',
      ),
    },
    {
      name: 'express: headers from another module, or a response handed to a helper, may carry Cache-Control',
      code: code(
        "import express from 'express';",
        "import { NO_CACHE_HEADERS, sendCreated } from './http';",
        'const app = express();',
        "app.post('/api/orders', async (req, res) => sendCreated(res, await orders.create(req.body)));",
        "app.put('/api/orders/:id', async (req, res) => {",
        '  res.set(NO_CACHE_HEADERS);',
        '  res.json(await orders.update(req.params.id, req.body));',
        '});',
        "app.patch('/api/orders/:id', async (req, res) => {",
        "  res.set({ ...NO_CACHE_HEADERS, 'X-Request-Id': req.id });",
        '  res.json(await orders.patch(req.params.id, req.body));',
        '});',
      ),
    },
    {
      name: 'express: a Map with a .set method is not the response, and a typed helper is not a route',
      code: code(
        "import express, { type Response } from 'express';",
        'const app = express();',
        "const cacheFor = (res: Response) => res.set('Cache-Control', 'public, max-age=300');",
        "app.post('/api/reports', async (req, res) => {",
        '  const headers = new Map<string, string>();',
        "  headers.set('Cache-Control', 'public, max-age=60');",
        "  res.set('Cache-Control', 'no-store');",
        '  res.json(await reports.build(req.body, headers));',
        '});',
      ),
    },
    {
      name: 'node: http.createServer does not say which method a request uses',
      code: code(
        "import { createServer } from 'node:http';",
        'createServer((req, res) => {',
        "  if (req.method === 'POST') {",
        "    res.writeHead(201, { 'Content-Type': 'application/json' });",
        "    res.end(JSON.stringify({ ok: true }));",
        '  }',
        '}).listen(3000);',
      ),
    },
    {
      name: 'fastify: an onSend hook of this file sets no-store on every reply',
      code: code(
        "import Fastify from 'fastify';",
        'const app = Fastify();',
        "app.addHook('onSend', async (request, reply) => {",
        "  reply.header('Cache-Control', 'no-store');",
        '});',
        "app.post('/api/events', async (request) => events.record(request.body));",
      ),
    },
    {
      name: 'koa: app middleware sets no-store before the router is mounted',
      code: code(
        "import Koa from 'koa';",
        "import Router from '@koa/router';",
        'const app = new Koa();',
        'const router = new Router();',
        'app.use(async (ctx, next) => {',
        "  ctx.set('Cache-Control', 'no-store');",
        '  await next();',
        '});',
        "router.post('/api/comments', async (ctx) => { ctx.body = await comments.create(ctx.request.body); });",
        'app.use(router.routes());',
      ),
    },
    {
      name: 'hono: a handler that returns what a helper builds from the context',
      code: code(
        "import { Hono } from 'hono';",
        "import { renderForm } from './views/form';",
        'const app = new Hono();',
        "app.post('/signup', async (c) => renderForm(c, await c.req.parseBody()));",
        "app.put('/signup/:step', async (c) => {",
        "  const step = Number(c.req.param('step'));",
        '  return renderForm(c, await c.req.parseBody(), step);',
        '});',
      ),
    },
    {
      name: 'hono: GET through app.on is not a mutation; POST with no-store in c.json headers',
      code: code(
        "import { Hono } from 'hono';",
        'const app = new Hono();',
        "app.on('GET', '/todos', (c) => c.json(todos.all()));",
        "app.post('/todos', async (c) => c.json(await todos.create(await c.req.json()), 201, { 'Cache-Control': 'no-store' }));",
      ),
    },
    {
      name: 'next: GET route handler, and a POST that returns a response built elsewhere',
      filename: 'app/api/proxy/route.ts',
      code: code(
        "import { NextResponse } from 'next/server';",
        "import { forward } from '@/lib/upstream';",
        'export async function GET() {',
        "  return NextResponse.json(await catalog.list(), { headers: { 'Cache-Control': 'public, s-maxage=60' } });",
        '}',
        'export async function POST(request: Request) {',
        '  return forward(request);',
        '}',
      ),
    },
    {
      name: 'next: server actions are not route handlers (Next sends no-cache on them itself)',
      filename: 'app/posts/actions.ts',
      code: code(
        "'use server';",
        "import { after } from 'next/server';",
        "import { revalidatePath } from 'next/cache';",
        'export async function DELETE(id: string) {',
        '  await db.post.delete({ where: { id } });',
        "  after(() => audit.log('post.deleted', id));",
        "  revalidatePath('/posts');",
        '}',
      ),
    },
    {
      name: 'next: an inline server action exported from a module that imports next/server',
      filename: 'app/posts/page-actions.ts',
      code: code(
        "import { NextResponse } from 'next/server';",
        'export async function PUT(formData: FormData) {',
        "  'use server';",
        "  await db.post.update({ where: { id: String(formData.get('id')) }, data: { title: String(formData.get('title')) } });",
        '}',
      ),
    },
    {
      name: 'nest: @Post with @Header no-store, and @Get',
      code: code(
        "import { Body, Controller, Get, Header, Post } from '@nestjs/common';",
        "@Controller('orders')",
        'export class OrdersController {',
        '  @Get()',
        "  @Header('Cache-Control', 'public, max-age=60')",
        '  list() {',
        '    return this.orders.list();',
        '  }',
        '  @Post()',
        "  @Header('Cache-Control', 'no-store')",
        '  create(@Body() dto: CreateOrderDto) {',
        '    return this.orders.create(dto);',
        '  }',
        '}',
      ),
    },
    {
      name: 'nest: an interceptor named in noStoreMiddleware covers the controller',
      options: [{ noStoreMiddleware: ['NoStoreInterceptor'] }],
      code: code(
        "import { Body, Controller, Post, UseInterceptors } from '@nestjs/common';",
        "import { NoStoreInterceptor } from '../http/no-store.interceptor';",
        "@Controller('payments')",
        '@UseInterceptors(NoStoreInterceptor)',
        'export class PaymentsController {',
        '  @Post()',
        '  pay(@Body() dto: PayDto) {',
        '    return this.payments.charge(dto);',
        '  }',
        '}',
      ),
    },
    // Second passes: the fixed output is clean.
    { name: 'second pass: express insert', code: expressCreateFixed },
    { name: 'second pass: express expression body', code: expressArrowFixed },
    { name: 'second pass: express replaced value', code: expressCachedDeleteFixed },
    { name: 'second pass: express object form', code: expressObjectFormFixed },
    { name: 'second pass: express after caching middleware', code: expressCachingMiddlewareFixed },
    { name: 'second pass: express one-line body', code: expressUnrelatedMiddlewareFixed },
    { name: 'second pass: express without semicolons', code: expressNoSemicolonsFixed },
    { name: 'second pass: fastify insert', code: fastifyPostFixed },
    { name: 'second pass: fastify route object', code: fastifyRouteObjectFixed },
    { name: 'second pass: fastify plugin', code: fastifyPluginFixed },
    { name: 'second pass: fastify-plugin headers object', code: fastifyFpFixed },
    { name: 'second pass: koa insert', code: koaPostFixed },
    { name: 'second pass: koa replaced value', code: koaCachedDeleteFixed },
    { name: 'second pass: koa after a validator', code: koaValidatorFixed },
    { name: 'second pass: hono insert', code: honoPostFixed },
    { name: 'second pass: hono app.on', code: honoOnFixed },
    { name: 'second pass: hono c.json headers', code: honoJsonHeadersFixed },
    { name: 'second pass: hono JSX', code: honoJsxFixed, filename: 'src/routes/comments.tsx' },
    { name: 'second pass: next returns', code: nextPostFixed, filename: 'app/api/subscribers/route.ts' },
    { name: 'second pass: next new Response', code: nextDeleteFixed, filename: 'app/api/subscribers/[id]/route.ts' },
    { name: 'second pass: next expression body', code: nextArrowJsonFixed, filename: 'app/api/settings/route.ts' },
    { name: 'second pass: next replaced value', code: nextCachedFixed, filename: 'app/api/quotes/route.ts' },
    { name: 'second pass: nest decorator', code: nestControllerFixed },
    { name: 'second pass: nest replaced value', code: nestCachedPutFixed },
  ],
  invalid: [
    {
      name: 'real: GET routes of the same router are shared-cacheable and the POST answers with data',
      code: expressCachedGetsRouter,
      output: expressCachedGetsRouterFixed,
      errors: [{ messageId: 'cachedRouter', data: { method: 'POST', scope: 'router', value: 'public, s-maxage=300' }, line: 7 }],
    },
    {
      name: 'real: a Next.js route file whose GET is CDN-cached and whose POST answers with data',
      code: nextRouteCachedGet,
      filename: 'app/api/posts/route.ts',
      output: nextRouteCachedGetFixed,
      errors: [{ messageId: 'cachedRouter', data: { method: 'POST', scope: 'route file', value: 'public, s-maxage=60, stale-while-revalidate=600' }, line: 5 }],
    },
    {
      name: 'real: apicache on the whole app caches the POST too',
      code: expressApicache,
      output: expressApicacheFixed,
      errors: [{ messageId: 'responseCache', data: { method: 'POST', middleware: 'cache' }, line: 6 }],
    },
    {
      name: 'express: POST without Cache-Control gets res.set as its first statement',
      code: expressCreate,
      output: expressCreateFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 7 }],
    },
    {
      name: 'express: an expression-bodied arrow becomes a block that returns the same value',
      code: expressArrow,
      output: expressArrowFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'PUT' }, line: 5 }],
    },
    {
      name: 'express: DELETE answered public, max-age=60',
      code: expressCachedDelete,
      output: expressCachedDeleteFixed,
      errors: [{ messageId: 'cachingMutation', data: { method: 'DELETE', value: 'public, max-age=60' }, line: 7 }],
    },
    {
      name: 'express: alias import and a value from a constant (reported, not fixed)',
      code: expressAliasConstant,
      output: null,
      errors: [{ messageId: 'cachingMutation', data: { method: 'PATCH', value: 'private, max-age=600' }, line: 8 }],
    },
    {
      name: 'express: res.set({ ... }) with immutable',
      code: expressObjectForm,
      output: expressObjectFormFixed,
      errors: [{ messageId: 'cachingMutation', data: { method: 'PUT', value: 'max-age=31536000, immutable' }, line: 7 }],
    },
    {
      name: 'express: a headers object shared with a GET route is reported but not edited',
      code: expressSharedHeaders,
      output: null,
      errors: [{ messageId: 'cachingMutation', data: { method: 'POST', value: 'public, max-age=300' }, line: 4 }],
    },
    {
      name: 'express: middleware that does not set Cache-Control does not cover; a one-line body stays one line',
      code: expressUnrelatedMiddleware,
      output: expressUnrelatedMiddlewareFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 6 }],
    },
    {
      name: 'express: app middleware that sets a caching value does not cover the mutation; it exposes it',
      code: expressCachingMiddleware,
      output: expressCachingMiddlewareFixed,
      errors: [{ messageId: 'inheritedCaching', data: { method: 'POST', value: 'public, max-age=60' }, line: 6 }],
    },
    {
      name: 'express: a file without semicolons keeps them out, except before a statement starting with [',
      code: expressNoSemicolons,
      output: expressNoSemicolonsFixed,
      options: [{ checkMissing: true }],
      errors: [
        { messageId: 'missingNoStore', data: { method: 'POST' }, line: 5 },
        { messageId: 'missingNoStore', data: { method: 'DELETE' }, line: 10 },
      ],
    },
    {
      name: 'fastify: POST on Fastify() gets reply.header',
      code: fastifyPost,
      output: fastifyPostFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 5 }],
    },
    {
      name: 'fastify: route({ method: [PUT, PATCH] }) with a caching header',
      code: fastifyRouteObject,
      output: fastifyRouteObjectFixed,
      errors: [{ messageId: 'cachingMutation', data: { method: 'PUT', value: 'public, max-age=120' }, line: 9 }],
    },
    {
      name: 'fastify: plugin function typed FastifyInstance, route with options',
      code: fastifyPlugin,
      output: fastifyPluginFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 4 }],
    },
    {
      name: 'fastify: fastify-plugin DELETE with reply.headers({...})',
      code: fastifyFp,
      output: fastifyFpFixed,
      errors: [{ messageId: 'cachingMutation', data: { method: 'DELETE', value: 'max-age=60' }, line: 6 }],
    },
    {
      name: 'fastify: a handler without a reply parameter is reported without a fix',
      code: fastifyNoReply,
      output: null,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 5 }],
    },
    {
      name: 'koa: @koa/router POST gets ctx.set',
      code: koaPost,
      output: koaPostFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 7 }],
    },
    {
      name: 'koa: router.del with a caching ctx.set',
      code: koaCachedDelete,
      output: koaCachedDeleteFixed,
      errors: [{ messageId: 'cachingMutation', data: { method: 'DELETE', value: 'public, max-age=30' }, line: 6 }],
    },
    {
      name: 'koa: passing ctx to a validator does not hide the response (ctx is also the request)',
      code: koaValidator,
      output: koaValidatorFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'PATCH' }, line: 6 }],
    },
    {
      name: 'hono: POST gets c.header',
      code: honoPost,
      output: honoPostFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 5 }],
    },
    {
      name: 'hono: app.on([PUT, PATCH]) with an expression body',
      code: honoOn,
      output: honoOnFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'PUT' }, line: 5 }],
    },
    {
      name: 'hono: c.json(data, status, headers) with a caching value',
      code: honoJsonHeaders,
      output: honoJsonHeadersFixed,
      errors: [{ messageId: 'cachingMutation', data: { method: 'DELETE', value: 'public, max-age=60' }, line: 7 }],
    },
    {
      name: 'hono: TSX handler returning c.html(<Component />)',
      filename: 'src/routes/comments.tsx',
      code: honoJsx,
      output: honoJsxFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 6 }],
    },
    {
      name: 'next: every returned NextResponse.json gets the header in its init',
      filename: 'app/api/subscribers/route.ts',
      code: nextPost,
      output: nextPostFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 4 }],
    },
    {
      name: 'next: new Response with an existing headers object',
      filename: 'app/api/subscribers/[id]/route.ts',
      code: nextDelete,
      output: nextDeleteFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'DELETE' }, line: 3 }],
    },
    {
      name: 'next: an exported arrow returning Response.json',
      filename: 'app/api/settings/route.ts',
      code: nextArrowJson,
      output: nextArrowJsonFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'PATCH' }, line: 1 }],
    },
    {
      name: 'next: a redirect has no init to extend, so it is reported without a fix',
      filename: 'app/api/newsletter/route.ts',
      code: nextRedirect,
      output: null,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 3 }],
    },
    {
      name: 'next: a response built into a variable is reported without a fix',
      filename: 'app/api/uploads/route.ts',
      code: nextBuiltElsewhere,
      output: null,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 3 }],
    },
    {
      name: 'next: POST answered s-maxage',
      filename: 'app/api/quotes/route.ts',
      code: nextCached,
      output: nextCachedFixed,
      errors: [{ messageId: 'cachingMutation', data: { method: 'POST', value: 's-maxage=60, stale-while-revalidate=300' }, line: 5 }],
    },
    {
      name: 'nest: @Post gets @Header and the Header import',
      code: nestController,
      output: nestControllerFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 15 }],
    },
    {
      name: 'nest: @Header with a caching value',
      code: nestCachedPut,
      output: nestCachedPutFixed,
      errors: [{ messageId: 'cachingMutation', data: { method: 'PUT', value: 'public, max-age=60' }, line: 6 }],
    },
    {
      name: 'nest: no fix when the name Header is already taken',
      code: nestHeaderTaken,
      output: null,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 7 }],
    },
  ],
});

cjsRuleTester.run(`${NAME} (CommonJS)`, rule as never, {
  valid: [
    { name: 'second pass: route chain', code: expressRouteChainCjsFixed },
    { name: 'second pass: destructured Router', code: expressDestructuredRouterFixed },
    {
      name: 'require: router with no-store and a GET',
      code: code(
        "const express = require('express');",
        'const router = express.Router();',
        "router.get('/api/cart', (req, res) => res.json(req.session.cart));",
        "router.post('/api/cart', (req, res) => {",
        "  res.set('Cache-Control', 'no-store');",
        '  res.json(cart.add(req.session, req.body));',
        '});',
        'module.exports = router;',
      ),
    },
  ],
  invalid: [
    {
      name: 'real: apicache on a PUT route',
      code: expressApicacheRoute,
      output: expressApicacheRoute.replace("async (req, res) => {\n", "async (req, res) => {\n  res.set('Cache-Control', 'no-store');\n"),
      errors: [{ messageId: 'responseCache', data: { method: 'PUT', middleware: 'apicache.middleware' }, line: 3 }],
    },
    {
      name: 'require: app.route().get().post() chain',
      code: expressRouteChainCjs,
      output: expressRouteChainCjsFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 9 }],
    },
    {
      name: 'require: destructured Router and a named function expression',
      code: expressDestructuredRouter,
      output: expressDestructuredRouterFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 5 }],
    },
  ],
});

jsRuleTester.run(`${NAME} (JavaScript)`, rule as never, {
  valid: [
    { name: 'second pass: express login', code: expressJsFixed },
    {
      name: 'express: a nested function whose own res parameter shadows the response',
      code: code(
        "import express from 'express';",
        'export const app = express();',
        "app.post('/logout', (req, res) => {",
        "  res.set('Cache-Control', 'no-store');",
        "  const notify = (res) => res.set('Cache-Control', 'public, max-age=60');",
        '  notify(new Map());',
        "  res.clearCookie('sid').sendStatus(204);",
        '});',
      ),
    },
  ],
  invalid: [
    {
      name: 'express: async POST that sets a cookie and redirects',
      code: expressJs,
      output: expressJsFixed,
      options: [{ checkMissing: true }],
      errors: [{ messageId: 'missingNoStore', data: { method: 'POST' }, line: 5 }],
    },
  ],
});
