import rule from '../../rules/require-cache-fallback.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

/** `source` with `search` (which must occur exactly once) replaced: the expected text of a suggestion. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

const REDIS = { store: 'Redis' };

// ---------------------------------------------------------------------------------------------
// Sources shared by reported and clean cases

const expressProduct = code(
  "import express from 'express';",
  "import Redis from 'ioredis';",
  "import { db } from './db';",
  '',
  'const redis = new Redis(process.env.REDIS_URL!);',
  'const app = express();',
  '',
  "app.get('/products/:id', async (req, res) => {",
  '  const key = `product:${req.params.id}`;',
  '  const cached = await redis.get(key);',
  '  if (cached) return res.json(JSON.parse(cached));',
  '  const product = await db.product.findUnique({ where: { id: req.params.id } });',
  "  await redis.set(key, JSON.stringify(product), 'EX', 300).catch(() => {});",
  '  res.json(product);',
  '});',
);

const expressProductTryCatch = edit(
  expressProduct,
  '  const cached = await redis.get(key);',
  code('  let cached;', '  try {', '    cached = await redis.get(key);', '  } catch {', '    cached = null;', '  }'),
);

const expressProductCatch = edit(expressProduct, 'await redis.get(key);', 'await redis.get(key).catch(() => null);');

const cjsNodeRedis = code(
  "const express = require('express');",
  "const { createClient } = require('redis');",
  "const { listArticles } = require('./articles');",
  '',
  'const client = createClient({ url: process.env.REDIS_URL });',
  'const router = express.Router();',
  '',
  "router.get('/articles', async (req, res) => {",
  "  const page = Number(req.query.page ?? '1');",
  '  const key = `articles:page:${page}`;',
  '  let cached = null;',
  '  try {',
  '    cached = await client.get(key);',
  '  } catch (err) {',
  "    req.log.warn({ err }, 'cache read failed');",
  '  }',
  '  if (cached) return res.type("json").send(cached);',
  '  const articles = await listArticles(page);',
  '  client.set(key, JSON.stringify(articles), { EX: 120 });',
  '  res.json(articles);',
  '});',
  '',
  'module.exports = router;',
);

const fastifyUser = code(
  "import Fastify from 'fastify';",
  "import { Redis } from 'ioredis';",
  "import { users } from './repositories/users';",
  '',
  'const fastify = Fastify({ logger: true });',
  'const redis = new Redis({ host: process.env.REDIS_HOST, enableOfflineQueue: false });',
  '',
  "fastify.get<{ Params: { id: string } }>('/users/:id', async (request, reply) => {",
  '  const cacheKey = `user:${request.params.id}`;',
  '  const hit: string | null = await redis.get(cacheKey);',
  '  if (hit !== null) return JSON.parse(hit);',
  '  const user = await users.findById(request.params.id);',
  '  if (!user) return reply.code(404).send({ message: "Not found" });',
  "  redis.set(cacheKey, JSON.stringify(user), 'EX', 600).catch((err) => request.log.warn(err));",
  '  return user;',
  '});',
);

const fastifyAwaitedWrite = edit(
  edit(fastifyUser, "  redis.set(cacheKey, JSON.stringify(user), 'EX', 600).catch((err) => request.log.warn(err));", "  await redis.set(cacheKey, JSON.stringify(user), 'EX', 600);"),
  'await redis.get(cacheKey);',
  'await redis.get(cacheKey).catch(() => null);',
);

const fastifyPlugin = code(
  "import type { FastifyInstance } from 'fastify';",
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis();',
  '',
  'export default async function productRoutes(fastify: FastifyInstance) {',
  '  fastify.route({',
  "    method: 'PUT',",
  "    url: '/products/:id',",
  '    handler: async (request, reply) => {',
  '      const { id } = request.params as { id: string };',
  '      const product = await fastify.db.products.update(id, request.body);',
  '      redis.del(`product:${id}`);',
  '      return reply.send(product);',
  '    },',
  '  });',
  '}',
);

const koaCatalog = code(
  "import Koa from 'koa';",
  "import Router from '@koa/router';",
  "import Redis from 'ioredis';",
  "import { catalogService } from './services/catalog';",
  '',
  'const app = new Koa();',
  'const router = new Router();',
  'const redis = new Redis(process.env.REDIS_URL);',
  '',
  "router.get('/catalog/:slug', async (ctx) => {",
  '  const key = `catalog:${ctx.params.slug}`;',
  '  const cached = await redis.get(key);',
  '  if (cached) {',
  '    ctx.body = JSON.parse(cached);',
  '    return;',
  '  }',
  '  const catalog = await catalogService.bySlug(ctx.params.slug);',
  "  await redis.setex(key, 300, JSON.stringify(catalog)).catch(() => undefined);",
  '  ctx.body = catalog;',
  '});',
  '',
  'app.use(router.routes());',
);

const honoUpstash = code(
  "import { Hono } from 'hono';",
  "import { Redis } from '@upstash/redis';",
  '',
  'const app = new Hono();',
  'const redis = Redis.fromEnv();',
  '',
  "app.get('/weather/:city', async (c) => {",
  "  const city = c.req.param('city');",
  '  const cached = await redis.get<Weather>(`weather:${city}`);',
  '  if (cached) return c.json(cached);',
  '  const weather = await fetch(`https://api.example.com/weather?q=${city}`).then((r) => r.json());',
  '  await redis.set(`weather:${city}`, weather, { ex: 600 }).catch(console.error);',
  '  return c.json(weather);',
  '});',
  '',
  'export default app;',
);

const nextKv = code(
  "import { kv } from '@vercel/kv';",
  "import { NextResponse } from 'next/server';",
  "import { prisma } from '@/lib/prisma';",
  '',
  'export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {',
  '  const { id } = await params;',
  '  const cached = await kv.get<Order>(`order:${id}`);',
  '  if (cached) return NextResponse.json(cached);',
  '  const order = await prisma.order.findUnique({ where: { id } });',
  '  kv.set(`order:${id}`, order, { ex: 60 });',
  '  return NextResponse.json(order);',
  '}',
);

const nestService = code(
  "import { Inject, Injectable } from '@nestjs/common';",
  "import { CACHE_MANAGER } from '@nestjs/cache-manager';",
  "import { Cache } from 'cache-manager';",
  "import { UsersRepository } from './users.repository';",
  '',
  '@Injectable()',
  'export class UsersService {',
  '  constructor(',
  '    @Inject(CACHE_MANAGER) private readonly cacheManager: Cache,',
  '    private readonly users: UsersRepository,',
  '  ) {}',
  '',
  '  async findOne(id: string): Promise<User | null> {',
  '    const cached = await this.cacheManager.get<User>(`user:${id}`);',
  '    if (cached) return cached;',
  '    const user = await this.users.findOne(id);',
  '    await this.cacheManager.set(`user:${id}`, user, 60_000);',
  '    return user;',
  '  }',
  '}',
);

const nestController = code(
  "import { Controller, Get, Param } from '@nestjs/common';",
  "import { InjectRedis } from '@nestjs-modules/ioredis';",
  "import Redis from 'ioredis';",
  "import { ProfilesService } from './profiles.service';",
  '',
  "@Controller('profiles')",
  'export class ProfilesController {',
  '  constructor(',
  '    @InjectRedis() private readonly redis: Redis,',
  '    private readonly profiles: ProfilesService,',
  '  ) {}',
  '',
  "  @Get(':handle')",
  "  async show(@Param('handle') handle: string) {",
  '    const cached = await this.redis.get(`profile:${handle}`);',
  '    if (cached) return JSON.parse(cached);',
  '    const profile = await this.profiles.byHandle(handle);',
  "    this.redis.set(`profile:${handle}`, JSON.stringify(profile), 'EX', 120).catch(() => {});",
  '    return profile;',
  '  }',
  '}',
);

const nodeHttp = code(
  "import http from 'node:http';",
  "import Redis from 'ioredis';",
  "import { renderHome } from './render';",
  '',
  'const redis = new Redis();',
  '',
  'http',
  '  .createServer(async (req, res) => {',
  '    const html = await renderHome();',
  "    void redis.set('page:home', html, 'EX', 30);",
  "    res.writeHead(200, { 'Content-Type': 'text/html' });",
  '    res.end(html);',
  '  })',
  '  .listen(3000);',
);

const plainService = code(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis(process.env.REDIS_URL);',
  '',
  'export class RedisCache {',
  '  constructor(private readonly defaultTtl = 300) {}',
  '',
  '  async getOrSet<T>(key: string, fetcher: () => Promise<T>, ttl?: number): Promise<T> {',
  '    const cached = await redis.get(key);',
  '    if (cached) return JSON.parse(cached) as T;',
  '    const value = await fetcher();',
  "    await redis.set(key, JSON.stringify(value), 'EX', ttl ?? this.defaultTtl);",
  '    return value;',
  '  }',
  '}',
);

const timedWrapper = code(
  "import express from 'express';",
  "import Redis from 'ioredis';",
  "import { metrics } from './metrics';",
  "import { searchIndex } from './search';",
  '',
  'const redis = new Redis();',
  'const app = express();',
  '',
  'async function timed<T>(name: string, work: Promise<T>): Promise<T> {',
  '  const started = performance.now();',
  '  const result = await work;',
  '  metrics.histogram(name, performance.now() - started);',
  '  return result;',
  '}',
  '',
  "app.get('/search', async (req, res) => {",
  '  const key = `search:${req.query.q}`;',
  "  const cached = await timed('cache.get', redis.get(key));",
  '  if (cached) return res.json(JSON.parse(cached));',
  '  const results = await searchIndex(String(req.query.q));',
  "  redis.set(key, JSON.stringify(results), 'EX', 60).catch(() => {});",
  '  res.json(results);',
  '});',
);

const nextOnError = code(
  "import exp from 'express';",
  "import Redis from 'ioredis';",
  "import { loadDashboard } from './dashboard';",
  '',
  'const redis = new Redis();',
  'const app = exp();',
  '',
  "app.get('/dashboard', async (req, res, next) => {",
  '  try {',
  '    const key = `dashboard:${req.user.teamId}`;',
  '    const cached = await redis.get(key);',
  '    if (cached) return res.json(JSON.parse(cached));',
  '    const dashboard = await loadDashboard(req.user.teamId);',
  "    redis.set(key, JSON.stringify(dashboard), 'EX', 30).catch(() => {});",
  '    res.json(dashboard);',
  '  } catch (err) {',
  '    next(err);',
  '  }',
  '});',
);

const status500 = code(
  "import { Router } from 'express';",
  "import Redis from 'ioredis';",
  "import { pricing } from './pricing';",
  '',
  'const redis = new Redis();',
  'export const router = Router();',
  '',
  "router.get('/prices/:sku', async (req, res) => {",
  '  try {',
  '    const cached = await redis.hgetall(`price:${req.params.sku}`);',
  '    if (cached.amount) return res.json(cached);',
  '    const price = await pricing.quote(req.params.sku);',
  "    redis.hset(`price:${req.params.sku}`, price).catch(() => {});",
  '    return res.json(price);',
  '  } catch (error) {',
  "    return res.status(500).json({ error: 'Pricing unavailable' });",
  '  }',
  '});',
);

const promiseAll = code(
  "import { Redis } from '@upstash/redis';",
  "import { getProfile, getSettings } from './db';",
  '',
  'const redis = new Redis({ url: process.env.UPSTASH_URL!, token: process.env.UPSTASH_TOKEN! });',
  '',
  'export async function getAccountCached(userId: string) {',
  '  const [profile, settings] = await Promise.all([redis.get(`profile:${userId}`), redis.get(`settings:${userId}`)]);',
  '  if (profile && settings) return { profile, settings };',
  '  const fresh = { profile: await getProfile(userId), settings: await getSettings(userId) };',
  '  await Promise.allSettled([redis.set(`profile:${userId}`, fresh.profile), redis.set(`settings:${userId}`, fresh.settings)]);',
  '  return fresh;',
  '}',
);

const scheduled = code(
  "import express from 'express';",
  "import Redis from 'ioredis';",
  "import { recordView } from './views';",
  '',
  'const redis = new Redis();',
  'const app = express();',
  '',
  "app.post('/articles/:id/views', async (req, res) => {",
  '  const count = await recordView(req.params.id);',
  '  setImmediate(() => redis.del(`article:${req.params.id}`));',
  '  redis',
  "    .set(`article:${req.params.id}:views`, String(count), 'EX', 3600)",
  "    .then(() => req.log.debug('views cached'));",
  '  res.status(204).end();',
  '});',
);

const keyvRemote = code(
  "import express from 'express';",
  "import Keyv from 'keyv';",
  "import KeyvRedis from '@keyv/redis';",
  '',
  "const settings = new Keyv({ store: new KeyvRedis(process.env.REDIS_URL), namespace: 'settings' });",
  'const app = express();',
  '',
  "app.get('/settings/:tenant', async (req, res) => {",
  '  const tenantSettings = await settings.get(req.params.tenant);',
  '  res.json(tenantSettings ?? {});',
  '});',
);

const cacheManagerHelper = code(
  "import express from 'express';",
  "import { caching } from 'cache-manager';",
  "import { redisStore } from 'cache-manager-ioredis-yet';",
  '',
  'const cache = await caching(redisStore, { ttl: 60_000 });',
  'const app = express();',
  '',
  'async function loadFlags(tenant: string) {',
  '  const flags = await cache.get<Record<string, boolean>>(`flags:${tenant}`);',
  '  return flags ?? {};',
  '}',
  '',
  "app.get('/flags', async (req, res) => {",
  "  res.json(await loadFlags(String(req.headers['x-tenant'])));",
  '});',
);

const pipelineExec = code(
  "import Redis from 'ioredis';",
  "import { Hono } from 'hono';",
  '',
  'const redis = new Redis();',
  'const app = new Hono();',
  '',
  "app.on(['PUT', 'PATCH'], '/teams/:id', async (c) => {",
  "  const team = await c.req.json();",
  "  redis.multi().set(`team:${c.req.param('id')}`, JSON.stringify(team)).expire(`team:${c.req.param('id')}`, 60).exec();",
  '  return c.json(team);',
  '});',
);

const jsExpress = code(
  "import express from 'express';",
  "import Redis from 'ioredis';",
  "import { findBook } from './books.js';",
  '',
  'const redis = new Redis();',
  'const app = express();',
  '',
  "app.get('/books/:isbn', async (req, res) => {",
  '  let book;',
  '  book = await redis.get(`book:${req.params.isbn}`);',
  '  if (!book) {',
  '    book = JSON.stringify(await findBook(req.params.isbn));',
  "    redis.set(`book:${req.params.isbn}`, book, 'EX', 86400).catch(() => {});",
  '  }',
  "  res.type('json').send(book);",
  '});',
);

// ---------------------------------------------------------------------------------------------
// Clean: everything that looks like the bug but is right

const safeWrapper = code(
  "import express from 'express';",
  "import Redis from 'ioredis';",
  "import { db } from './db';",
  '',
  'const redis = new Redis();',
  'const app = express();',
  '',
  'async function safely<T>(pending: Promise<T>): Promise<T | null> {',
  '  try {',
  '    return await pending;',
  '  } catch (err) {',
  "    console.warn('cache unavailable', err);",
  '    return null;',
  '  }',
  '}',
  '',
  "app.get('/orders/:id', async (req, res) => {",
  '  const cached = await safely(redis.get(`order:${req.params.id}`));',
  '  if (cached) return res.json(JSON.parse(cached));',
  '  const order = await db.order.findUnique({ where: { id: req.params.id } });',
  "  await safely(redis.set(`order:${req.params.id}`, JSON.stringify(order), 'EX', 60));",
  '  res.json(order);',
  '});',
);

const arrowWrapper = code(
  "import Fastify from 'fastify';",
  "import Redis from 'ioredis';",
  '',
  'const app = Fastify();',
  'const redis = new Redis();',
  '',
  'function withFallback<T>(read: () => Promise<T>, fallback: T): Promise<T> {',
  '  return read().catch(() => fallback);',
  '}',
  '',
  "app.get('/menu', async () => {",
  "  const cached = await withFallback(() => redis.get('menu'), null);",
  '  if (cached) return JSON.parse(cached);',
  '  const menu = await app.db.menu.all();',
  "  await withFallback(() => redis.set('menu', JSON.stringify(menu), 'EX', 300), null);",
  '  return menu;',
  '});',
);

const importedWrapper = code(
  "import express from 'express';",
  "import Redis from 'ioredis';",
  "import { cacheSafe } from './cache-safe';",
  "import { loadTeam } from './teams';",
  '',
  'const redis = new Redis();',
  'const app = express();',
  '',
  "app.get('/teams/:id', async (req, res) => {",
  '  const cached = await cacheSafe(redis.get(`team:${req.params.id}`));',
  '  if (cached) return res.json(JSON.parse(cached));',
  '  const team = await loadTeam(req.params.id);',
  "  cacheSafe(redis.set(`team:${req.params.id}`, JSON.stringify(team), 'EX', 60));",
  '  res.json(team);',
  '});',
);

const outerTryReturnsSource = code(
  "import { Hono } from 'hono';",
  "import Redis from 'ioredis';",
  "import { loadReport } from './reports';",
  '',
  'const app = new Hono();',
  'const redis = new Redis();',
  '',
  "app.get('/reports/:id', async (c) => {",
  "  const id = c.req.param('id');",
  '  try {',
  '    const cached = await redis.get(`report:${id}`);',
  '    if (cached) return c.json(JSON.parse(cached));',
  '    const report = await loadReport(id);',
  "    await redis.set(`report:${id}`, JSON.stringify(report), 'EX', 60);",
  '    return c.json(report);',
  '  } catch {',
  '    // Cache down: answer from the source.',
  '    return c.json(await loadReport(id));',
  '  }',
  '});',
);

const callerCatches = code(
  "import express from 'express';",
  "import Redis from 'ioredis';",
  "import { fetchRates } from './rates';",
  '',
  'const redis = new Redis();',
  'const app = express();',
  '',
  'async function cachedRates(base: string) {',
  '  const cached = await redis.get(`rates:${base}`);',
  '  if (cached) return JSON.parse(cached);',
  '  const rates = await fetchRates(base);',
  "  await redis.set(`rates:${base}`, JSON.stringify(rates), 'EX', 300);",
  '  return rates;',
  '}',
  '',
  "app.get('/rates/:base', async (req, res) => {",
  '  let rates;',
  '  try {',
  '    rates = await cachedRates(req.params.base);',
  '  } catch (err) {',
  "    req.log.warn(err, 'rates cache failed');",
  '    rates = await fetchRates(req.params.base);',
  '  }',
  '  res.json(rates);',
  '});',
);

const primaryStore = code(
  "import express from 'express';",
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis();',
  'const app = express();',
  '',
  "app.get('/me', async (req, res) => {",
  '  const session = await redis.get(`session:${req.cookies.sid}`);',
  '  if (!session) return res.status(401).end();',
  '  const hits = await redis.incr(`rate:${req.ip}`);',
  '  if (hits > 100) return res.status(429).end();',
  '  res.json(JSON.parse(session));',
  '});',
);

const lookAlike = code(
  "import express from 'express';",
  "import { loadUser } from './users';",
  '',
  'const redis = {',
  '  store: new Map<string, string>(),',
  '  async get(key: string) { return this.store.get(key) ?? null; },',
  '  async set(key: string, value: string) { this.store.set(key, value); },',
  '};',
  'const app = express();',
  '',
  "app.get('/users/:id', async (req, res) => {",
  '  const cached = await redis.get(req.params.id);',
  '  if (cached) return res.json(JSON.parse(cached));',
  '  const user = await loadUser(req.params.id);',
  '  redis.set(req.params.id, JSON.stringify(user));',
  '  res.json(user);',
  '});',
);

const cacheManagerV6 = code(
  "import { Inject, Injectable } from '@nestjs/common';",
  "import { CACHE_MANAGER } from '@nestjs/cache-manager';",
  "import type { Cache } from 'cache-manager';",
  '',
  '@Injectable()',
  'export class CatalogService {',
  '  constructor(@Inject(CACHE_MANAGER) private cache: Cache) {}',
  '',
  '  async categories() {',
  "    const cached = await this.cache.get<Category[]>('categories');",
  '    if (cached) return cached;',
  '    const categories = await this.loadCategories();',
  "    await this.cache.set('categories', categories, 300_000).catch(() => undefined);",
  '    return categories;',
  '  }',
  '',
  '  private async loadCategories(): Promise<Category[]> {',
  "    return fetch('https://catalog.internal/categories').then((r) => r.json());",
  '  }',
  '}',
);

const memoryStores = code(
  "import express from 'express';",
  "import { caching } from 'cache-manager';",
  "import Keyv from 'keyv';",
  "import { render } from './render';",
  '',
  "const pages = await caching('memory', { max: 500, ttl: 10_000 });",
  "const fragments = new Keyv({ namespace: 'fragments' });",
  'const app = express();',
  '',
  "app.get('/pages/:slug', async (req, res) => {",
  '  const cached = await pages.get<string>(req.params.slug);',
  '  if (cached) return res.send(cached);',
  '  const html = await render(req.params.slug);',
  '  pages.set(req.params.slug, html);',
  '  fragments.set(`header:${req.params.slug}`, html.slice(0, 200));',
  '  res.send(html);',
  '});',
);

const handledWrites = code(
  "import express from 'express';",
  "import { createClient } from 'redis';",
  "import { saveProfile } from './profiles';",
  '',
  'const redis = createClient();',
  'const app = express();',
  '',
  "app.put('/profiles/:id', async (req, res) => {",
  '  const profile = await saveProfile(req.params.id, req.body);',
  "  redis.del(`profile:${req.params.id}`).catch((err) => req.log.warn(err, 'invalidation failed'));",
  '  void redis.set(`profile:${req.params.id}`, JSON.stringify(profile), { EX: 60 }).catch(() => {});',
  "  redis.expire('profiles:index', 10).then(() => undefined, () => undefined);",
  '  Promise.allSettled([redis.del(`profiles:${req.params.id}:friends`)]);',
  '  res.json(profile);',
  '});',
);

const callbackStyle = code(
  "const express = require('express');",
  "const redis = require('redis');",
  '',
  'const client = redis.createClient();',
  'const app = express();',
  '',
  "app.post('/visits', (req, res) => {",
  "  client.set('last-visit', String(Date.now()), (err) => {",
  "    if (err) console.error('cache write failed', err);",
  '  });',
  '  res.sendStatus(204);',
  '});',
);

const warmUp = code(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis();',
  '',
  "export const featureFlags = JSON.parse((await redis.get('feature-flags')) ?? '{}');",
  '',
  'export function returnsPromise(key: string) {',
  '  return redis.get(key);',
  '}',
);

const awaitedWriteGuarded = code(
  "import { kv } from '@vercel/kv';",
  "import { db } from '@/lib/db';",
  '',
  'export async function GET(request: Request) {',
  '  const slug = new URL(request.url).searchParams.get("slug")!;',
  '  const cached = await kv.get(`post:${slug}`).catch(() => null);',
  '  if (cached) return Response.json(cached);',
  '  const post = await db.post.findFirst({ where: { slug } });',
  '  try {',
  '    await kv.set(`post:${slug}`, post, { ex: 300 });',
  '  } catch (error) {',
  "    console.error('kv write failed', error);",
  '  }',
  '  return Response.json(post);',
  '}',
);

ruleTester.run('require-cache-fallback', rule as never, {
  valid: [
    { name: 'the try/catch suggestion applied: the read falls through', code: expressProductTryCatch },
    { name: 'the .catch suggestion applied: the read falls through', code: expressProductCatch },
    { name: 'read in a try whose catch logs and carries on; detached write without .catch is reported elsewhere (node-redis)', code: edit(cjsNodeRedis, '{ EX: 120 });', '{ EX: 120 }).catch(() => {});') },
    { name: 'same-file wrapper whose body catches', code: safeWrapper },
    { name: 'same-file arrow wrapper that catches, around an arrow', code: arrowWrapper },
    { name: 'imported wrapper: this file cannot see whether it catches', code: importedWrapper },
    { name: 'outer try whose catch answers from the source (hono)', code: outerTryReturnsSource },
    { name: 'the only caller of a private helper catches and falls through', code: callerCatches },
    { name: 'Redis as the primary store (sessions, rate limits): no source to fall through to', code: primaryStore },
    { name: 'a local object named redis is not a Redis client', code: lookAlike },
    {
      name: 'cache-manager v6: get turns store errors into misses (NestJS)',
      code: cacheManagerV6,
      filename: 'src/catalog/catalog.service.ts',
      options: [{ cacheManagerMajor: 6 }],
    },
    { name: "in-process stores: caching('memory') and a Keyv without a store cannot be down", code: memoryStores },
    { name: 'writes with .catch, void + .catch, then(ok, fail), Promise.allSettled (node-redis)', code: handledWrites },
    { name: 'callback-style command handles its own error', code: callbackStyle, languageOptions: { sourceType: 'commonjs' } },
    { name: 'module warm-up read and a returned promise are not on a request path', code: warmUp },
    { name: 'Next.js: read with .catch, awaited write in try/catch', code: awaitedWriteGuarded, filename: 'app/api/posts/route.ts' },
    {
      name: 'checkAwaitedWrites: false leaves awaited writes alone',
      code: edit(plainService, '    const cached = await redis.get(key);', '    const cached = await redis.get(key).catch(() => null);'),
      options: [{ checkAwaitedWrites: false }],
    },
    {
      name: 'the addCatch suggestion applied to a detached write (Next.js + Vercel KV)',
      code: edit(
        edit(nextKv, '  kv.set(`order:${id}`, order, { ex: 60 });', '  kv.set(`order:${id}`, order, { ex: 60 }).catch(() => {});'),
        'await kv.get<Order>(`order:${id}`);',
        'await kv.get<Order>(`order:${id}`).catch(() => null);',
      ),
      filename: 'app/api/orders/[id]/route.ts',
    },
  ],
  invalid: [
    {
      name: 'express + ioredis: awaited read in the handler',
      code: expressProduct,
      errors: [
        {
          messageId: 'readFailsRequest',
          data: REDIS,
          line: 10,
          suggestions: [
            { messageId: 'fallBackOnError', data: { value: 'null' }, output: expressProductCatch },
            { messageId: 'wrapInTryCatch', data: { value: 'null' }, output: expressProductTryCatch },
          ],
        },
      ],
    },
    {
      name: 'CommonJS express Router + node-redis: detached set',
      code: cjsNodeRedis,
      errors: [
        {
          messageId: 'detachedWrite',
          data: REDIS,
          line: 19,
          suggestions: [
            {
              messageId: 'addCatch',
              data: { handler: '() => {}' },
              output: edit(cjsNodeRedis, '{ EX: 120 });', '{ EX: 120 }).catch(() => {});'),
            },
          ],
        },
      ],
    },
    {
      name: 'fastify plugin route(): detached invalidation after an update',
      code: fastifyPlugin,
      errors: [
        {
          messageId: 'detachedWrite',
          data: REDIS,
          line: 13,
          suggestions: [{ messageId: 'addCatch', output: edit(fastifyPlugin, 'redis.del(`product:${id}`);', 'redis.del(`product:${id}`).catch(() => {});') }],
        },
      ],
    },
    {
      name: 'koa + @koa/router: awaited read',
      code: koaCatalog,
      errors: [
        {
          messageId: 'readFailsRequest',
          line: 12,
          suggestions: [
            { messageId: 'fallBackOnError', output: edit(koaCatalog, 'await redis.get(key);', 'await redis.get(key).catch(() => null);') },
            {
              messageId: 'wrapInTryCatch',
              output: edit(
                koaCatalog,
                '  const cached = await redis.get(key);',
                code('  let cached;', '  try {', '    cached = await redis.get(key);', '  } catch {', '    cached = null;', '  }'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'hono + Upstash: typed read keeps its type argument',
      code: honoUpstash,
      errors: [
        {
          messageId: 'readFailsRequest',
          data: { store: 'Upstash Redis' },
          line: 9,
          suggestions: [
            {
              messageId: 'fallBackOnError',
              output: edit(honoUpstash, 'redis.get<Weather>(`weather:${city}`);', 'redis.get<Weather>(`weather:${city}`).catch(() => null);'),
            },
            {
              messageId: 'wrapInTryCatch',
              output: edit(
                honoUpstash,
                '  const cached = await redis.get<Weather>(`weather:${city}`);',
                code('  let cached;', '  try {', '    cached = await redis.get<Weather>(`weather:${city}`);', '  } catch {', '    cached = null;', '  }'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js route handler + Vercel KV: read and detached write',
      code: nextKv,
      filename: 'app/api/orders/[id]/route.ts',
      errors: [
        {
          messageId: 'readFailsRequest',
          data: { store: 'Vercel KV' },
          line: 7,
          suggestions: [
            { messageId: 'fallBackOnError', output: edit(nextKv, 'kv.get<Order>(`order:${id}`);', 'kv.get<Order>(`order:${id}`).catch(() => null);') },
            {
              messageId: 'wrapInTryCatch',
              output: edit(
                nextKv,
                '  const cached = await kv.get<Order>(`order:${id}`);',
                code('  let cached;', '  try {', '    cached = await kv.get<Order>(`order:${id}`);', '  } catch {', '    cached = null;', '  }'),
              ),
            },
          ],
        },
        {
          messageId: 'detachedWrite',
          data: { store: 'Vercel KV' },
          line: 10,
          suggestions: [{ messageId: 'addCatch', output: edit(nextKv, '{ ex: 60 });', '{ ex: 60 }).catch(() => {});') }],
        },
      ],
    },
    {
      name: 'NestJS service + cache-manager v5: read and awaited write after the source',
      code: nestService,
      filename: 'src/users/users.service.ts',
      options: [{ cacheManagerMajor: 5 }],
      errors: [
        {
          messageId: 'readFailsRequest',
          data: { store: 'the cache-manager store' },
          line: 14,
          suggestions: [
            {
              messageId: 'fallBackOnError',
              data: { value: 'undefined' },
              output: edit(nestService, 'this.cacheManager.get<User>(`user:${id}`);', 'this.cacheManager.get<User>(`user:${id}`).catch(() => undefined);'),
            },
            {
              messageId: 'wrapInTryCatch',
              data: { value: 'undefined' },
              output: edit(
                nestService,
                '    const cached = await this.cacheManager.get<User>(`user:${id}`);',
                code(
                  '    let cached;',
                  '    try {',
                  '      cached = await this.cacheManager.get<User>(`user:${id}`);',
                  '    } catch {',
                  '      cached = undefined;',
                  '    }',
                ),
              ),
            },
          ],
        },
        {
          messageId: 'writeFailsRequest',
          data: { store: 'the cache-manager store' },
          line: 17,
          suggestions: [{ messageId: 'addCatch', output: edit(nestService, 'user, 60_000);', 'user, 60_000).catch(() => {});') }],
        },
      ],
    },
    {
      name: 'NestJS controller with an injected ioredis client',
      code: nestController,
      filename: 'src/profiles/profiles.controller.ts',
      errors: [
        {
          messageId: 'readFailsRequest',
          line: 15,
          suggestions: [
            { messageId: 'fallBackOnError', output: edit(nestController, 'this.redis.get(`profile:${handle}`);', 'this.redis.get(`profile:${handle}`).catch(() => null);') },
            {
              messageId: 'wrapInTryCatch',
              output: edit(
                nestController,
                '    const cached = await this.redis.get(`profile:${handle}`);',
                code('    let cached;', '    try {', '      cached = await this.redis.get(`profile:${handle}`);', '    } catch {', '      cached = null;', '    }'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'node http.createServer: void does not handle a rejection',
      code: nodeHttp,
      errors: [
        {
          messageId: 'detachedWrite',
          line: 10,
          suggestions: [{ messageId: 'addCatch', output: edit(nodeHttp, "'EX', 30);", "'EX', 30).catch(() => {});") }],
        },
      ],
    },
    {
      name: "plain service module: the reference's getOrSet (read and awaited write)",
      code: plainService,
      errors: [
        {
          messageId: 'readFailsRequest',
          line: 9,
          suggestions: [
            { messageId: 'fallBackOnError', output: edit(plainService, 'await redis.get(key);', 'await redis.get(key).catch(() => null);') },
            {
              messageId: 'wrapInTryCatch',
              output: edit(
                plainService,
                '    const cached = await redis.get(key);',
                code('    let cached;', '    try {', '      cached = await redis.get(key);', '    } catch {', '      cached = null;', '    }'),
              ),
            },
          ],
        },
        {
          messageId: 'writeFailsRequest',
          line: 12,
          suggestions: [{ messageId: 'addCatch', output: edit(plainService, 'this.defaultTtl);', 'this.defaultTtl).catch(() => {});') }],
        },
      ],
    },
    {
      name: 'a same-file wrapper that does not catch passes the rejection on',
      code: timedWrapper,
      errors: [
        {
          messageId: 'readFailsRequest',
          line: 18,
          suggestions: [
            { messageId: 'fallBackOnError', output: edit(timedWrapper, 'redis.get(key))', 'redis.get(key).catch(() => null))') },
            {
              messageId: 'wrapInTryCatch',
              output: edit(
                timedWrapper,
                "  const cached = await timed('cache.get', redis.get(key));",
                code('  let cached;', '  try {', "    cached = await timed('cache.get', redis.get(key));", '  } catch {', '    cached = null;', '  }'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a catch that hands the error to next() fails the request (express alias)',
      code: nextOnError,
      errors: [
        {
          messageId: 'readFailsRequest',
          line: 11,
          suggestions: [
            { messageId: 'fallBackOnError', output: edit(nextOnError, 'await redis.get(key);', 'await redis.get(key).catch(() => null);') },
            {
              messageId: 'wrapInTryCatch',
              output: edit(
                nextOnError,
                '    const cached = await redis.get(key);',
                code('    let cached;', '    try {', '      cached = await redis.get(key);', '    } catch {', '      cached = null;', '    }'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a catch that answers 500 fails the request; hgetall falls back to {}',
      code: status500,
      errors: [
        {
          messageId: 'readFailsRequest',
          line: 10,
          suggestions: [
            {
              messageId: 'fallBackOnError',
              data: { value: '({})' },
              output: edit(status500, 'redis.hgetall(`price:${req.params.sku}`);', 'redis.hgetall(`price:${req.params.sku}`).catch(() => ({}));'),
            },
            {
              messageId: 'wrapInTryCatch',
              data: { value: '{}' },
              output: edit(
                status500,
                '    const cached = await redis.hgetall(`price:${req.params.sku}`);',
                code('    let cached;', '    try {', '      cached = await redis.hgetall(`price:${req.params.sku}`);', '    } catch {', '      cached = {};', '    }'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Promise.all rejects with the first failed read; allSettled writes are fine',
      code: promiseAll,
      errors: [
        {
          messageId: 'readFailsRequest',
          line: 7,
          column: 50,
          suggestions: [{ messageId: 'fallBackOnError', output: edit(promiseAll, 'redis.get(`profile:${userId}`)', 'redis.get(`profile:${userId}`).catch(() => null)') }],
        },
        {
          messageId: 'readFailsRequest',
          line: 7,
          column: 82,
          suggestions: [{ messageId: 'fallBackOnError', output: edit(promiseAll, 'redis.get(`settings:${userId}`)', 'redis.get(`settings:${userId}`).catch(() => null)') }],
        },
      ],
    },
    {
      name: 'scheduled and then()-only writes are detached',
      code: scheduled,
      errors: [
        {
          messageId: 'detachedWrite',
          line: 10,
          suggestions: [{ messageId: 'addCatch', output: edit(scheduled, 'redis.del(`article:${req.params.id}`));', 'redis.del(`article:${req.params.id}`).catch(() => {}));') }],
        },
        {
          messageId: 'detachedWrite',
          line: 11,
          suggestions: [
            {
              messageId: 'addCatch',
              output: edit(scheduled, "req.log.debug('views cached'));", "req.log.debug('views cached')).catch(() => {});"),
            },
          ],
        },
      ],
    },
    {
      name: 'Keyv on Redis: a read on the request path',
      code: keyvRemote,
      errors: [
        {
          messageId: 'readFailsRequest',
          data: { store: 'the Keyv store' },
          line: 9,
          suggestions: [
            { messageId: 'fallBackOnError', data: { value: 'undefined' }, output: edit(keyvRemote, 'settings.get(req.params.tenant);', 'settings.get(req.params.tenant).catch(() => undefined);') },
            {
              messageId: 'wrapInTryCatch',
              output: edit(
                keyvRemote,
                '  const tenantSettings = await settings.get(req.params.tenant);',
                code('  let tenantSettings;', '  try {', '    tenantSettings = await settings.get(req.params.tenant);', '  } catch {', '    tenantSettings = undefined;', '  }'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'cache-manager v5 caching(): read in a helper the handler calls',
      code: cacheManagerHelper,
      errors: [
        {
          messageId: 'readFailsRequest',
          line: 9,
          suggestions: [
            {
              messageId: 'fallBackOnError',
              output: edit(cacheManagerHelper, 'cache.get<Record<string, boolean>>(`flags:${tenant}`);', 'cache.get<Record<string, boolean>>(`flags:${tenant}`).catch(() => undefined);'),
            },
            {
              messageId: 'wrapInTryCatch',
              output: edit(
                cacheManagerHelper,
                '  const flags = await cache.get<Record<string, boolean>>(`flags:${tenant}`);',
                code('  let flags;', '  try {', '    flags = await cache.get<Record<string, boolean>>(`flags:${tenant}`);', '  } catch {', '    flags = undefined;', '  }'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'hono app.on: a detached MULTI ... EXEC',
      code: pipelineExec,
      errors: [
        {
          messageId: 'detachedWrite',
          line: 9,
          suggestions: [{ messageId: 'addCatch', output: edit(pipelineExec, '.expire(`team:${c.req.param(\'id\')}`, 60).exec();', '.expire(`team:${c.req.param(\'id\')}`, 60).exec().catch(() => {});') }],
        },
      ],
    },
    {
      name: 'fastify + ioredis (enableOfflineQueue: false still rejects): the type annotation is kept',
      code: fastifyUser,
      errors: [
        {
          messageId: 'readFailsRequest',
          line: 10,
          suggestions: [
            { messageId: 'fallBackOnError', output: edit(fastifyUser, 'await redis.get(cacheKey);', 'await redis.get(cacheKey).catch(() => null);') },
            {
              messageId: 'wrapInTryCatch',
              output: edit(
                fastifyUser,
                '  const hit: string | null = await redis.get(cacheKey);',
                code('  let hit: string | null;', '  try {', '    hit = await redis.get(cacheKey);', '  } catch {', '    hit = null;', '  }'),
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'rejectionHandler option: an awaited write after the source with a guarded read',
      code: fastifyAwaitedWrite,
      options: [{ rejectionHandler: '(err) => request.log.warn(err)' }],
      errors: [
        {
          messageId: 'writeFailsRequest',
          line: 14,
          suggestions: [
            {
              messageId: 'addCatch',
              data: { handler: '(err) => request.log.warn(err)' },
              output: edit(fastifyAwaitedWrite, "'EX', 600);", "'EX', 600).catch((err) => request.log.warn(err));"),
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('require-cache-fallback (JavaScript)', rule as never, {
  valid: [
    {
      name: 'JS: the assignment wrapped in try/catch',
      code: edit(jsExpress, '  book = await redis.get(`book:${req.params.isbn}`);', code('  try {', '    book = await redis.get(`book:${req.params.isbn}`);', '  } catch {', '    book = null;', '  }')),
    },
  ],
  invalid: [
    {
      name: 'JS: an awaited assignment from the cache',
      code: jsExpress,
      errors: [
        {
          messageId: 'readFailsRequest',
          line: 10,
          suggestions: [
            { messageId: 'fallBackOnError', output: edit(jsExpress, 'redis.get(`book:${req.params.isbn}`);', 'redis.get(`book:${req.params.isbn}`).catch(() => null);') },
            {
              messageId: 'wrapInTryCatch',
              output: edit(jsExpress, '  book = await redis.get(`book:${req.params.isbn}`);', code('  try {', '    book = await redis.get(`book:${req.params.isbn}`);', '  } catch {', '    book = null;', '  }')),
            },
          ],
        },
      ],
    },
  ],
});

cjsRuleTester.run('require-cache-fallback (CommonJS)', rule as never, {
  valid: [
    { name: 'CJS: callback-style node-redis', code: callbackStyle },
    {
      name: 'CJS: the addCatch suggestion applied',
      code: edit(cjsNodeRedis, '{ EX: 120 });', '{ EX: 120 }).catch(() => {});'),
    },
  ],
  invalid: [
    {
      name: 'CJS: detached node-redis write',
      code: cjsNodeRedis,
      errors: [{ messageId: 'detachedWrite', line: 19, suggestions: [{ messageId: 'addCatch', output: edit(cjsNodeRedis, '{ EX: 120 });', '{ EX: 120 }).catch(() => {});') }] }],
    },
  ],
});
