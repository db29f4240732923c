import rule from '../../rules/exhaustive-cache-key.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

/** `source` with `search` (which must occur exactly once) replaced: the expected text of a suggestion. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

/** `source` with every `search` replaced. */
function editAll(source: string, search: string, replacement: string): string {
  if (!source.includes(search)) throw new Error(`expected ${JSON.stringify(search)}`);
  return source.split(search).join(replacement);
}

// ---------------------------------------------------------------------------------------------
// Reported sources (and, below, their suggested rewrites as clean code)

const productsPage = code(
  "import Redis from 'ioredis';",
  "import { prisma } from '../db';",
  '',
  'const redis = new Redis(process.env.REDIS_URL!);',
  'const PAGE_SIZE = 24;',
  '',
  'export async function listProducts(categoryId: string, page: number) {',
  '  const key = `products:${categoryId}`;',
  '  const cached = await redis.get(key);',
  '  if (cached) return JSON.parse(cached);',
  '',
  '  const skip = (page - 1) * PAGE_SIZE;',
  '  const products = await prisma.product.findMany({ where: { categoryId }, skip, take: PAGE_SIZE });',
  "  await redis.set(key, JSON.stringify(products), 'EX', 300);",
  '  return products;',
  '}',
);
const productsPageFixed = edit(productsPage, '  const key = `products:${categoryId}`;', '  const key = `products:${categoryId}:${page}`;');

const featured = code(
  "import { LRUCache } from 'lru-cache';",
  '',
  'const cache = new LRUCache<string, Product[]>({ max: 100, ttl: 60_000 });',
  '',
  'export async function featuredProducts(locale: string) {',
  "  const hit = cache.get('featured');",
  '  if (hit) return hit;',
  '  const products = await cms.featured({ locale });',
  "  cache.set('featured', products);",
  '  return products;',
  '}',
);
const featuredFixed = editAll(featured, "'featured'", '`featured:${locale}`');

const expressOrders = code(
  "import express from 'express';",
  "import { createClient } from 'redis';",
  '',
  'const redis = createClient();',
  'const router = express.Router();',
  '',
  "router.get('/orders/:status', async (req, res) => {",
  "  const cacheKey = 'orders:' + req.params.status;",
  '  const hit = await redis.get(cacheKey);',
  '  if (hit) return res.json(JSON.parse(hit));',
  '  const orders = await db.order.findMany({ where: { status: req.params.status, customerId: req.user.id } });',
  '  await redis.set(cacheKey, JSON.stringify(orders), { EX: 60 });',
  '  res.json(orders);',
  '});',
  '',
  'export default router;',
);
const expressOrdersFixed = edit(expressOrders, "'orders:' + req.params.status;", "'orders:' + req.params.status + ':' + req.user.id;");

const nestRequestScoped = code(
  "import { Inject, Injectable, Scope } from '@nestjs/common';",
  "import { REQUEST } from '@nestjs/core';",
  "import { CACHE_MANAGER } from '@nestjs/cache-manager';",
  "import type { Cache } from 'cache-manager';",
  "import type { Request } from 'express';",
  '',
  '@Injectable({ scope: Scope.REQUEST })',
  'export class InvoicesService {',
  '  constructor(',
  '    @Inject(CACHE_MANAGER) private readonly cache: Cache,',
  '    @Inject(REQUEST) private readonly request: Request,',
  '    private readonly invoices: InvoiceRepository,',
  '  ) {}',
  '',
  '  async list(page: number) {',
  "    const tenantId = this.request.header('x-tenant-id');",
  '    const key = `invoices:${page}`;',
  '    const cached = await this.cache.get<Invoice[]>(key);',
  '    if (cached) return cached;',
  '    const invoices = await this.invoices.find({ where: { tenantId }, skip: page * 20, take: 20 });',
  '    await this.cache.set(key, invoices, 30_000);',
  '    return invoices;',
  '  }',
  '}',
);
const nestRequestScopedFixed = edit(nestRequestScoped, '    const key = `invoices:${page}`;', '    const key = `invoices:${page}:${tenantId}`;');

const nestWrap = code(
  "import { Inject, Injectable } from '@nestjs/common';",
  "import { CACHE_MANAGER } from '@nestjs/cache-manager';",
  "import type { Cache } from 'cache-manager';",
  '',
  '@Injectable()',
  'export class ReportsService {',
  '  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache, private readonly reports: ReportsRepository) {}',
  '',
  '  summary(year: number, region: string) {',
  '    return this.cache.wrap(`summary:${year}`, () => this.reports.summary({ year, region }), 60_000);',
  '  }',
  '}',
);
const nestWrapFixed = edit(nestWrap, '`summary:${year}`', '`summary:${year}:${region}`');

const honoHandler = code(
  "import { Hono } from 'hono';",
  "import NodeCache from 'node-cache';",
  '',
  'const cache = new NodeCache({ stdTTL: 120 });',
  'const app = new Hono();',
  '',
  "app.get('/docs/:slug', async (c) => {",
  "  const key = `doc:${c.req.param('slug')}`;",
  '  const hit = cache.get(key);',
  '  if (hit) return c.json(hit);',
  "  const doc = await docs.render(c.req.param('slug'), c.req.query('lang'));",
  '  cache.set(key, doc);',
  '  return c.json(doc);',
  '});',
  '',
  'export default app;',
);
const honoHandlerFixed = edit(honoHandler, "  const key = `doc:${c.req.param('slug')}`;", "  const key = `doc:${c.req.param('slug')}:${c.req.query('lang')}`;");

const nextRoute = code(
  "import { kv } from '@vercel/kv';",
  "import { NextResponse, type NextRequest } from 'next/server';",
  '',
  'export async function GET(request: NextRequest) {',
  '  const { searchParams } = request.nextUrl;',
  "  const category = searchParams.get('category') ?? 'all';",
  "  const sort = searchParams.get('sort') ?? 'popular';",
  '  const key = `catalog:${category}`;',
  '  const cached = await kv.get(key);',
  '  if (cached) return NextResponse.json(cached);',
  '  const items = await catalog.search({ category, sort });',
  '  await kv.set(key, items, { ex: 300 });',
  '  return NextResponse.json(items);',
  '}',
);
const nextRouteFixed = edit(nextRoute, '  const key = `catalog:${category}`;', '  const key = `catalog:${category}:${sort}`;');

const rememberHelper = code(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis();',
  '',
  'async function remember<T>(key: string, ttl: number, load: () => Promise<T>): Promise<T> {',
  '  const hit = await redis.get(key);',
  '  if (hit !== null) return JSON.parse(hit) as T;',
  '  const value = await load();',
  "  if (value != null) await redis.set(key, JSON.stringify(value), 'EX', ttl);",
  '  return value;',
  '}',
  '',
  'export function customerOrders(customerId: string, status: OrderStatus) {',
  '  return remember(`orders:${customerId}`, 60, () => db.order.findMany({ where: { customerId, status } }));',
  '}',
);
const rememberHelperFixed = edit(rememberHelper, '`orders:${customerId}`, 60', '`orders:${customerId}:${status}`, 60');

const serverComponent = code(
  "import { unstable_cache } from 'next/cache';",
  "import { db } from '@/lib/db';",
  '',
  'export default async function ProductsPage({ searchParams }: { searchParams: { category: string; sort: string } }) {',
  '  const { category, sort } = searchParams;',
  '  const getProducts = unstable_cache(',
  '    async () => db.product.findMany({ where: { category }, orderBy: { [sort]: "asc" } }),',
  "    ['products', category],",
  '    { revalidate: 300 },',
  '  );',
  '  const products = await getProducts();',
  '  return <ProductGrid products={products} />;',
  '}',
);
const serverComponentFixed = edit(serverComponent, "    ['products', category],", "    ['products', category, String(sort)],");

const unstableNoKeyParts = code(
  "import { unstable_cache } from 'next/cache';",
  '',
  'export async function getWorkspace(workspaceId: string) {',
  '  return unstable_cache(async () => db.workspace.findUnique({ where: { id: workspaceId } }))();',
  '}',
);
const unstableNoKeyPartsFixed = edit(
  unstableNoKeyParts,
  '  return unstable_cache(async () => db.workspace.findUnique({ where: { id: workspaceId } }))();',
  '  return unstable_cache(async () => db.workspace.findUnique({ where: { id: workspaceId } }), [workspaceId])();',
);

const lodashTwoArgs = code(
  "import memoize from 'lodash/memoize';",
  '',
  'export const formatPrice = memoize((amount: number, currency: string) =>',
  "  new Intl.NumberFormat('en', { style: 'currency', currency }).format(amount),",
  ');',
);

ruleTester.run('exhaustive-cache-key', rule as never, {
  valid: [
    // --- look-alikes from the precision review: a timer registry, and a key that is its own variable
    {
      name: 'a Map of timers per job type is a registry, not a cached result',
      code: code(
        'export class InMemoryJobs {',
        '  private readonly recurring = new Map<string, ReturnType<typeof setInterval>>();',
        '  schedule(type: string, cron: string, run: () => Promise<void>) {',
        '    if (this.recurring.has(type)) return;',
        '    const timer = setInterval(() => void run(), intervalOf(cron));',
        '    this.recurring.set(type, timer);',
        '  }',
        '}',
      ),
    },
    {
      name: 'a running maximum per environment, computed from the entry\'s own previous value',
      code: code(
        'export class RevisionService {',
        '  private readonly maxRevision = new Map<string, number>();',
        '  constructor(private readonly events: EventStore) {}',
        '  async refresh(environment: string) {',
        '    let current = this.maxRevision.get(environment) ?? 0;',
        '    const latest = await this.events.getMaxRevisionId(current, environment);',
        '    if (current < latest) {',
        '      this.maxRevision.set(environment, latest);',
        '      current = latest;',
        '    }',
        '    return current;',
        '  }',
        '}',
      ),
    },
    {
      name: 'the key is a digest variable, which the fetcher also uses to drop a failed entry',
      code: code(
        "import { createHash } from 'node:crypto';",
        'const keys = new Map<string, Promise<PublicKeyInfo>>();',
        'export function publicKeyInfo(privateKeyPem: string) {',
        "  const digest = createHash('sha256').update(privateKeyPem).digest('hex');",
        '  let info = keys.get(digest);',
        '  if (!info) {',
        '    info = parsePem(privateKeyPem).catch((error) => {',
        '      keys.delete(digest);',
        '      throw error;',
        '    });',
        '    keys.set(digest, info);',
        '  }',
        '  return info;',
        '}',
      ),
    },
    // --- a Map created per call is a dedup table for that call, not a cache shared across callers
    {
      name: 'per-call Map inside the function that fills it',
      code: code(
        'export async function checkAll(items: Item[], context: { user: string; db: Db }) {',
        '  const seen = new Map<string, Promise<boolean>>();',
        '  const check = (collection: string, id: string) => {',
        '    const key = `${collection}:${id}`;',
        '    let pending = seen.get(key);',
        '    if (!pending) {',
        '      pending = verify(context.user, collection, id, context.db);',
        '      seen.set(key, pending);',
        '    }',
        '    return pending;',
        '  };',
        '  return Promise.all(items.map((item) => check(item.collection, item.id)));',
        '}',
        'interface Item { collection: string; id: string }',
        'interface Db { query(sql: string): Promise<unknown> }',
        'declare function verify(user: string, collection: string, id: string, db: Db): Promise<boolean>;',
      ),
    },
    // --- request data in an unstable_cache closure is no-cached-private-fetch's (error) finding, not reported twice
    {
      name: 'unstable_cache closure over the session user: left to no-cached-private-fetch',
      filename: 'app/account/page.tsx',
      code: code(
        "import { unstable_cache } from 'next/cache';",
        "import { auth } from '@/auth';",
        '',
        'export default async function AccountPage() {',
        '  const session = await auth();',
        '  const userId = session?.user?.id;',
        "  const getOrders = unstable_cache(async () => loadOrders(userId), ['orders']);",
        '  const orders = await getOrders();',
        '  return <p>{orders.length}</p>;',
        '}',
        'declare function loadOrders(id: string | undefined): Promise<unknown[]>;',
      ),
    },
    // --- the suggested keys are complete
    { name: 'suggested: template key with the page', code: productsPageFixed },
    { name: 'suggested: constant key turned into a template', code: featuredFixed },
    { name: 'suggested: concatenated key with the user id', code: expressOrdersFixed },
    { name: 'suggested: request-scoped tenant in the key', code: nestRequestScopedFixed },
    { name: 'suggested: wrap key with the region', code: nestWrapFixed },
    { name: 'suggested: hono key with the language', code: honoHandlerFixed },
    { name: 'suggested: Next.js route key with the sort', code: nextRouteFixed, filename: 'app/api/catalog/route.ts' },
    { name: 'suggested: helper key with the status', code: rememberHelperFixed },
    { name: 'suggested: keyParts with the sort', code: serverComponentFixed, filename: 'app/products/page.tsx' },
    { name: 'suggested: keyParts added', code: unstableNoKeyPartsFixed },
    { name: 'suggested: lodash memoize with a resolver', code: edit(lodashTwoArgs, '.format(amount),', '.format(amount), (...args) => JSON.stringify(args),') },

    // --- complete keys
    {
      name: 'a key factory in this file takes every input',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'const cacheKey = {',
        '  products: (category: string, page: number) => `products:${category}:${page}`,',
        '  user: (id: string) => `user:${id}`,',
        '};',
        'export async function products(category: string, page: number) {',
        '  const hit = await redis.get(cacheKey.products(category, page));',
        '  if (hit) return JSON.parse(hit);',
        '  const rows = await db.products.list({ category, offset: (page - 1) * 20 });',
        "  await redis.set(cacheKey.products(category, page), JSON.stringify(rows), 'EX', 60);",
        '  return rows;',
        '}',
      ),
    },
    {
      name: 'an options object spread whole into the key with JSON.stringify',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache<string, SearchResult>({ max: 500 });',
        'export async function search(filters: SearchFilters) {',
        '  const key = `search:${JSON.stringify(filters)}`;',
        '  const hit = cache.get(key);',
        '  if (hit) return hit;',
        '  const result = await engine.query({ ...filters, limit: 50 });',
        '  cache.set(key, result);',
        '  return result;',
        '}',
      ),
    },
    {
      name: 'an input used only for logging is not a key input',
      code: code(
        "import NodeCache from 'node-cache';",
        'const cache = new NodeCache({ stdTTL: 60 });',
        'export async function user(id: string, requestId: string) {',
        '  const hit = cache.get(`user:${id}`);',
        '  if (hit) return hit;',
        "  logger.debug({ requestId, id }, 'user cache miss');",
        '  const user = await users.byId(id);',
        '  if (user) cache.set(`user:${id}`, user);',
        '  return user;',
        '}',
      ),
    },
    {
      name: 'express: req.originalUrl holds the query string the fetch reads',
      code: code(
        "import express from 'express';",
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache<string, unknown>({ max: 1000, ttl: 30_000 });',
        'const app = express();',
        "app.get('/search', async (req, res) => {",
        '  const hit = cache.get(req.originalUrl);',
        '  if (hit) return res.json(hit);',
        '  const results = await engine.search(String(req.query.q), Number(req.query.page ?? 1));',
        '  cache.set(req.originalUrl, results);',
        '  res.json(results);',
        '});',
      ),
    },
    {
      name: 'an AbortSignal and module constants are not key inputs',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const LIMIT = 50;',
        'const cache = new LRUCache<string, Post[]>({ max: 100 });',
        'export async function posts(tag: string, signal?: AbortSignal) {',
        '  const hit = cache.get(tag);',
        '  if (hit) return hit;',
        '  const since = new Date(Date.now() - 86_400_000);',
        '  const posts = await api.posts({ tag, limit: LIMIT, since }, { signal });',
        '  cache.set(tag, posts);',
        '  return posts;',
        '}',
      ),
    },
    {
      name: 'services on `this` are not inputs; the id is in the key',
      code: code(
        "import { Inject, Injectable } from '@nestjs/common';",
        "import { CACHE_MANAGER } from '@nestjs/cache-manager';",
        "import type { Cache } from 'cache-manager';",
        '@Injectable()',
        'export class CatalogService {',
        '  constructor(@Inject(CACHE_MANAGER) private cache: Cache, private readonly db: PrismaService, private readonly config: ConfigService) {}',
        '  async product(id: string) {',
        '    const hit = await this.cache.get(`product:${id}`);',
        '    if (hit) return hit;',
        "    const product = await this.db.product.findUnique({ where: { id }, include: { prices: this.config.get('showPrices') } });",
        '    await this.cache.set(`product:${id}`, product, 60_000);',
        '    return product;',
        '  }',
        '}',
      ),
    },
    {
      name: 'Next.js: unstable_cache at module level is keyed by its arguments',
      code: code(
        "import { unstable_cache } from 'next/cache';",
        'export const getUser = unstable_cache(async (id: string) => db.user.findUnique({ where: { id } }), [\'user\'], { revalidate: 60 });',
      ),
    },
    {
      name: 'Next.js: unstable_cache inside a function, the input passed as an argument',
      code: code(
        "import { unstable_cache } from 'next/cache';",
        'export async function page(slug: string) {',
        "  return unstable_cache(async (s: string) => cms.page(s), ['page'])(slug);",
        '}',
      ),
    },
    {
      name: 'Next.js: unstable_cache closure variable listed in keyParts',
      filename: 'app/teams/[team]/page.tsx',
      code: code(
        "import { unstable_cache } from 'next/cache';",
        'export default async function TeamPage({ params }: { params: { team: string } }) {',
        '  const team = params.team;',
        "  const members = await unstable_cache(async () => db.member.findMany({ where: { team } }), ['members', team])();",
        '  return <Members members={members} />;',
        '}',
      ),
    },
    {
      name: 'URL: path and search in the key cover the search params the fetch reads',
      filename: 'app/api/feed/route.ts',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function GET(request: Request) {',
        '  const url = new URL(request.url);',
        '  const key = `feed:${url.pathname}${url.search}`;',
        '  const hit = await redis.get(key);',
        '  if (hit) return Response.json(JSON.parse(hit));',
        "  const feed = await feeds.page(url.searchParams.get('cursor'), url.searchParams.get('limit'));",
        "  await redis.set(key, JSON.stringify(feed), 'EX', 30);",
        '  return Response.json(feed);',
        '}',
      ),
    },
    {
      name: 'node http.createServer: the whole req.url is the key, so the parsed query is covered',
      code: code(
        "import http from 'node:http';",
        "import QuickLRU from 'quick-lru';",
        'const cache = new QuickLRU<string, string>({ maxSize: 1000 });',
        'http.createServer(async (req, res) => {',
        "  const hit = cache.get(req.url ?? '/');",
        '  if (hit) return res.end(hit);',
        "  const q = new URL(req.url ?? '/', 'http://localhost').searchParams.get('q');",
        '  const html = await render(q);',
        "  cache.set(req.url ?? '/', html);",
        '  res.end(html);',
        '}).listen(3000);',
      ),
    },
    {
      name: 'write-through: the value comes from the caller, not from a fetcher',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function saveProfile(userId: string, profile: Profile, updatedBy: string) {',
        '  const saved = await db.profile.update({ where: { userId }, data: { ...profile, updatedBy } });',
        "  await redis.set(`profile:${userId}`, JSON.stringify(saved), 'EX', 600);",
        '  return saved;',
        '}',
      ),
    },
    {
      name: 'a helper keyed by its `key` parameter: the caller builds the key',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function getOrLoad(cacheKey: string, id: string) {',
        '  const hit = await redis.get(cacheKey);',
        '  if (hit) return JSON.parse(hit);',
        '  const value = await api.load(id);',
        "  await redis.set(cacheKey, JSON.stringify(value), 'EX', 60);",
        '  return value;',
        '}',
      ),
    },
    {
      name: 'the user id from the session is in the key',
      code: code(
        "import { getServerSession } from 'next-auth';",
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function dashboard() {',
        '  const session = await getServerSession();',
        '  const key = `dashboard:${session?.user.id}`;',
        '  const hit = await redis.get(key);',
        '  if (hit) return JSON.parse(hit);',
        '  const stats = await analytics.forUser(session?.user.id);',
        "  await redis.set(key, JSON.stringify(stats), 'EX', 60);",
        '  return stats;',
        '}',
      ),
    },
    {
      name: 'lodash memoize with a resolver',
      code: code("import memoize from 'lodash/memoize';", 'export const distance = memoize((from: string, to: string) => geo.distance(from, to), (from, to) => `${from}->${to}`);'),
    },
    {
      name: 'lodash memoize of a one-argument function',
      code: code("import { memoize } from 'lodash-es';", 'export const parseTemplate = memoize((source: string) => compile(source));'),
    },
    {
      name: 'lodash memoize whose second parameter is unused',
      code: code("import memoize from 'lodash/memoize';", 'export const slug = memoize((title: string, _index: number) => title.toLowerCase().replace(/\\s+/g, "-"));'),
    },
    {
      name: 'memoizee keys by every argument by default',
      code: code("import memoize from 'memoizee';", 'export const price = memoize((sku: string, currency: string) => pricing.quote(sku, currency), { max: 1000 });'),
    },
    {
      name: 'TanStack queryKey is left to @tanstack/eslint-plugin-query',
      filename: 'src/hooks/useTodos.tsx',
      code: code(
        "import { useQuery } from '@tanstack/react-query';",
        'export function useTodos(status: string) {',
        "  return useQuery({ queryKey: ['todos'], queryFn: () => api.todos({ status }) });",
        '}',
      ),
    },
    {
      name: 'look-alike: a Map of handlers read and written by name is not fed by a computation on other inputs',
      code: code(
        'const handlers = new Map<string, Handler>();',
        'export function handlerFor(name: string) {',
        '  const existing = handlers.get(name);',
        '  if (existing) return existing;',
        '  const handler = createHandler(name);',
        '  handlers.set(name, handler);',
        '  return handler;',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'ioredis: the page (read through `skip`) is missing from a template key',
      code: productsPage,
      output: null,
      errors: [
        {
          messageId: 'missingInputs',
          data: { key: '`products:${categoryId}`', inputs: '`page`' },
          line: 14,
          suggestions: [{ messageId: 'addToKey', data: { inputs: '`page`' }, output: productsPageFixed }],
        },
      ],
    },
    {
      name: 'lru-cache: a constant key for a value that depends on the locale (read and write rewritten)',
      code: featured,
      output: null,
      errors: [
        {
          messageId: 'constantKey',
          data: { key: "`'featured'`", inputs: '`locale`' },
          line: 9,
          suggestions: [{ messageId: 'addToKey', data: { inputs: '`locale`' }, output: featuredFixed }],
        },
      ],
    },
    {
      name: 'express Router + node-redis: the user is an input of the query but not of the key',
      code: expressOrders,
      output: null,
      errors: [
        {
          messageId: 'missingInputs',
          data: { key: "`'orders:' + req.params.status`", inputs: '`req.user.id`' },
          line: 12,
          suggestions: [{ messageId: 'addToKey', output: expressOrdersFixed }],
        },
      ],
    },
    {
      name: 'NestJS request-scoped service: the tenant from the request is not in the key',
      code: nestRequestScoped,
      output: null,
      errors: [
        {
          messageId: 'missingInputs',
          data: { key: '`invoices:${page}`', inputs: '`tenantId`' },
          line: 21,
          suggestions: [{ messageId: 'addToKey', output: nestRequestScopedFixed }],
        },
      ],
    },
    {
      name: 'NestJS cache-manager wrap: the region is not in the key',
      code: nestWrap,
      output: null,
      errors: [
        {
          messageId: 'missingInputs',
          data: { key: '`summary:${year}`', inputs: '`region`' },
          line: 10,
          suggestions: [{ messageId: 'addToKey', output: nestWrapFixed }],
        },
      ],
    },
    {
      name: 'hono + node-cache: the language query parameter is not in the key',
      code: honoHandler,
      output: null,
      errors: [
        {
          messageId: 'missingInputs',
          data: { key: "`doc:${c.req.param('slug')}`", inputs: "`c.req.query('lang')`" },
          line: 12,
          suggestions: [{ messageId: 'addToKey', output: honoHandlerFixed }],
        },
      ],
    },
    {
      name: 'Next.js route handler + @vercel/kv: the sort order is not in the key',
      filename: 'app/api/catalog/route.ts',
      code: nextRoute,
      output: null,
      errors: [
        {
          messageId: 'missingInputs',
          data: { key: '`catalog:${category}`', inputs: '`sort`' },
          line: 12,
          suggestions: [{ messageId: 'addToKey', output: nextRouteFixed }],
        },
      ],
    },
    {
      name: 'a cache-aside helper in the same file: the call leaves the status out of the key',
      code: rememberHelper,
      output: null,
      errors: [
        {
          messageId: 'missingInputs',
          data: { key: '`orders:${customerId}`', inputs: '`status`' },
          line: 14,
          suggestions: [{ messageId: 'addToKey', output: rememberHelperFixed }],
        },
      ],
    },
    {
      name: 'Next.js server component: unstable_cache closes over `sort`, which keyParts leaves out',
      filename: 'app/products/page.tsx',
      code: serverComponent,
      output: null,
      errors: [
        {
          messageId: 'closureNotInKeyParts',
          data: { inputs: '`sort`' },
          line: 8,
          suggestions: [{ messageId: 'addToKey', output: serverComponentFixed }],
        },
      ],
    },
    {
      name: 'Next.js: unstable_cache without keyParts closes over a parameter',
      code: unstableNoKeyParts,
      output: null,
      errors: [
        {
          messageId: 'closureNotInKeyParts',
          data: { inputs: '`workspaceId`' },
          line: 4,
          suggestions: [{ messageId: 'addToKey', output: unstableNoKeyPartsFixed }],
        },
      ],
    },
    {
      name: 'lodash memoize of a two-argument function without a resolver',
      code: lodashTwoArgs,
      output: null,
      errors: [
        {
          messageId: 'memoizeArity',
          data: { library: '`memoize`', keyed: 'argument', params: '`amount` and `currency`' },
          line: 3,
          suggestions: [{ messageId: 'addResolver', output: edit(lodashTwoArgs, '.format(amount),', '.format(amount), (...args) => JSON.stringify(args),') }],
        },
      ],
    },
    {
      name: 'memoizee with `length: 1` for a two-argument function',
      code: code("import memoize from 'memoizee';", 'export const quote = memoize((sku: string, currency: string) => pricing.quote(sku, currency), { length: 1, max: 500 });'),
      output: null,
      errors: [{ messageId: 'memoizeArity', data: { library: '`memoizee` with `length`', keyed: 'argument', params: '`sku` and `currency`' }, line: 2 }],
    },
    {
      name: 'a key factory that ignores its second parameter',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache<string, Page>({ max: 200 });',
        'const pageKey = (slug: string, _preview: boolean) => `page:${slug}`;',
        'export async function page(slug: string, preview: boolean) {',
        '  const hit = cache.get(pageKey(slug, preview));',
        '  if (hit) return hit;',
        '  const page = await cms.page(slug, { preview });',
        '  cache.set(pageKey(slug, preview), page);',
        '  return page;',
        '}',
      ),
      output: null,
      errors: [{ messageId: 'missingInputs', data: { key: '`pageKey(slug, preview)`', inputs: '`preview`' }, line: 8, suggestions: [] }],
    },
    {
      name: 'Next.js: the session user read by the fetcher is not in a constant key',
      code: code(
        "import { auth } from '@/auth';",
        "import { Redis } from '@upstash/redis';",
        'const redis = Redis.fromEnv();',
        'export async function notifications() {',
        '  const session = await auth();',
        "  const cached = await redis.get('notifications');",
        '  if (cached) return cached;',
        '  const items = await db.notification.findMany({ where: { userId: session.user.id } });',
        "  await redis.set('notifications', items, { ex: 30 });",
        '  return items;',
        '}',
      ),
      output: null,
      errors: [
        {
          messageId: 'constantKey',
          data: { key: "`'notifications'`", inputs: '`session.user.id`' },
          line: 9,
          suggestions: [
            {
              messageId: 'addToKey',
              output: code(
                "import { auth } from '@/auth';",
                "import { Redis } from '@upstash/redis';",
                'const redis = Redis.fromEnv();',
                'export async function notifications() {',
                '  const session = await auth();',
                '  const cached = await redis.get(`notifications:${session.user.id}`);',
                '  if (cached) return cached;',
                '  const items = await db.notification.findMany({ where: { userId: session.user.id } });',
                '  await redis.set(`notifications:${session.user.id}`, items, { ex: 30 });',
                '  return items;',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'Next.js route handler + RedisJSON: the language parsed from the URL is not in the key',
      filename: 'app/api/pages/[page]/route.ts',
      code: code(
        "import { Redis } from '@upstash/redis';",
        'const redis = Redis.fromEnv();',
        'export async function GET(req: Request, { params }: { params: { page: string } }) {',
        "  const cached = await redis.json.get('page:' + params.page);",
        '  if (cached) return Response.json(cached);',
        "  const page = await cms.page(params.page, new URL(req.url).searchParams.get('lang'));",
        "  await redis.json.set('page:' + params.page, '$', page);",
        '  return Response.json(page);',
        '}',
      ),
      output: null,
      errors: [
        {
          messageId: 'missingInputs',
          data: { key: "`'page:' + params.page`", inputs: "`new URL(req.url).searchParams.get('lang')`" },
          line: 7,
          suggestions: [],
        },
      ],
    },
    {
      name: 'node http.createServer + quick-lru: the read and the write get the same spelling of the missing input',
      code: code(
        "import http from 'node:http';",
        "import QuickLRU from 'quick-lru';",
        'const cache = new QuickLRU<string, string>({ maxSize: 1000 });',
        'http.createServer(async (req, res) => {',
        "  const hit = cache.get('home');",
        '  if (hit) return res.end(hit);',
        "  const q = new URL(req.url ?? '/', 'http://localhost').searchParams.get('q');",
        '  const html = await render(q);',
        "  cache.set('home', html);",
        '  res.end(html);',
        '}).listen(3000);',
      ),
      output: null,
      errors: [
        {
          messageId: 'constantKey',
          data: { key: "`'home'`", inputs: '`q`' },
          line: 9,
          suggestions: [
            {
              messageId: 'addToKey',
              data: { inputs: '`req.url`' },
              output: editAll(code(
        "import http from 'node:http';",
        "import QuickLRU from 'quick-lru';",
        'const cache = new QuickLRU<string, string>({ maxSize: 1000 });',
        'http.createServer(async (req, res) => {',
        "  const hit = cache.get('home');",
        '  if (hit) return res.end(hit);',
        "  const q = new URL(req.url ?? '/', 'http://localhost').searchParams.get('q');",
        '  const html = await render(q);',
        "  cache.set('home', html);",
        '  res.end(html);',
        '}).listen(3000);',
      ), "'home'", '`home:${req.url}`'),
            },
          ],
        },
      ],
    },
    {
      name: 'a `where` object filled after its declaration: the owner is not in the key',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache<string, Ticket[]>({ max: 100, ttl: 10_000 });',
        'export async function tickets(status: string, owner?: string) {',
        '  const where: Record<string, string> = { status };',
        '  if (owner) where.owner = owner;',
        '  const key = `tickets:${status}`;',
        '  const hit = cache.get(key);',
        '  if (hit) return hit;',
        '  const rows = await db.ticket.findMany({ where });',
        '  cache.set(key, rows);',
        '  return rows;',
        '}',
      ),
      output: null,
      errors: [
        {
          messageId: 'missingInputs',
          data: { key: '`tickets:${status}`', inputs: '`owner`' },
          line: 10,
          suggestions: [
            {
              messageId: 'addToKey',
              output: code(
                "import { LRUCache } from 'lru-cache';",
                'const cache = new LRUCache<string, Ticket[]>({ max: 100, ttl: 10_000 });',
                'export async function tickets(status: string, owner?: string) {',
                '  const where: Record<string, string> = { status };',
                '  if (owner) where.owner = owner;',
                '  const key = `tickets:${status}:${owner}`;',
                '  const hit = cache.get(key);',
                '  if (hit) return hit;',
                '  const rows = await db.ticket.findMany({ where });',
                '  cache.set(key, rows);',
                '  return rows;',
                '}',
              ),
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('exhaustive-cache-key (ESM JavaScript)', rule as never, {
  valid: [
    {
      name: 'js: koa + lru-cache, the user is in the key',
      code: code(
        "import Router from '@koa/router';",
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache({ max: 500, ttl: 60_000 });',
        'const router = new Router();',
        "router.get('/feed/:slug', async (ctx) => {",
        '  const key = `feed:${ctx.params.slug}:${ctx.state.user.id}`;',
        '  const hit = cache.get(key);',
        '  if (hit) { ctx.body = hit; return; }',
        '  const feed = await feeds.render(ctx.params.slug, ctx.state.user.id);',
        '  cache.set(key, feed);',
        '  ctx.body = feed;',
        '});',
      ),
    },
  ],
  invalid: [
    {
      name: 'js: koa + lru-cache, the user is missing from the key',
      code: code(
        "import Router from '@koa/router';",
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache({ max: 500, ttl: 60_000 });',
        'const router = new Router();',
        "router.get('/feed/:slug', async (ctx) => {",
        '  const key = `feed:${ctx.params.slug}`;',
        '  const hit = cache.get(key);',
        '  if (hit) { ctx.body = hit; return; }',
        '  const feed = await feeds.render(ctx.params.slug, ctx.state.user.id);',
        '  cache.set(key, feed);',
        '  ctx.body = feed;',
        '});',
      ),
      output: null,
      errors: [
        {
          messageId: 'missingInputs',
          data: { key: '`feed:${ctx.params.slug}`', inputs: '`ctx.state.user.id`' },
          line: 10,
          suggestions: [
            {
              messageId: 'addToKey',
              output: code(
                "import Router from '@koa/router';",
                "import { LRUCache } from 'lru-cache';",
                'const cache = new LRUCache({ max: 500, ttl: 60_000 });',
                'const router = new Router();',
                "router.get('/feed/:slug', async (ctx) => {",
                '  const key = `feed:${ctx.params.slug}:${ctx.state.user.id}`;',
                '  const hit = cache.get(key);',
                '  if (hit) { ctx.body = hit; return; }',
                '  const feed = await feeds.render(ctx.params.slug, ctx.state.user.id);',
                '  cache.set(key, feed);',
                '  ctx.body = feed;',
                '});',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'js: fastify + node-cache, the expand query parameter is missing',
      code: code(
        "import Fastify from 'fastify';",
        "import NodeCache from 'node-cache';",
        'const cache = new NodeCache({ stdTTL: 30 });',
        'const app = Fastify();',
        "app.get('/orders/:id', async (request) => {",
        '  const hit = cache.get(request.params.id);',
        '  if (hit) return hit;',
        '  const order = await orders.byId(request.params.id, { expand: request.query.expand });',
        '  cache.set(request.params.id, order);',
        '  return order;',
        '});',
      ),
      output: null,
      errors: [{ messageId: 'missingInputs', data: { key: '`request.params.id`', inputs: '`request.query.expand`' }, line: 9, suggestions: [] }],
    },
  ],
});

cjsRuleTester.run('exhaustive-cache-key (CommonJS)', rule as never, {
  valid: [
    {
      name: 'cjs: the Map is keyed by both inputs',
      code: code(
        'const translations = new Map();',
        'async function translate(key, locale) {',
        '  const id = `${locale}:${key}`;',
        '  if (translations.has(id)) return translations.get(id);',
        '  const text = await i18n.lookup(key, locale);',
        '  translations.set(id, text);',
        '  return text;',
        '}',
        'module.exports = { translate };',
      ),
    },
  ],
  invalid: [
    {
      name: 'cjs: a Map keyed by the message id only, the locale is missing',
      code: code(
        'const translations = new Map();',
        'async function translate(messageId, locale) {',
        '  if (translations.has(messageId)) return translations.get(messageId);',
        '  const text = await i18n.lookup(messageId, locale);',
        '  translations.set(messageId, text);',
        '  return text;',
        '}',
        'module.exports = { translate };',
      ),
      output: null,
      errors: [{ messageId: 'missingInputs', data: { key: '`messageId`', inputs: '`locale`' }, line: 5, suggestions: [] }],
    },
  ],
});
