import rule from '../../rules/require-cache-ttl.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

const NAME = 'require-cache-ttl';

/** `source` with `search` (which must occur exactly once) replaced: the expected text of a suggestion. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

// ---------------------------------------------------------------------------------------------
// Sources shared by several cases

const ioredisCacheAside = code(
  "import Redis from 'ioredis';",
  "import { db } from './db';",
  '',
  'const redis = new Redis(process.env.REDIS_URL!);',
  '',
  'export async function getProduct(id: string) {',
  '  const key = `product:${id}`;',
  '  const cached = await redis.get(key);',
  '  if (cached) return JSON.parse(cached);',
  '  const product = await db.product.findUnique({ where: { id } });',
  '  await redis.set(key, JSON.stringify(product));',
  '  return product;',
  '}',
);

const nodeRedisV4 = code(
  "import { createClient } from 'redis';",
  '',
  'const client = await createClient({ url: process.env.REDIS_URL })',
  "  .on('error', (err) => console.error('Redis Client Error', err))",
  '  .connect();',
  '',
  'export async function cacheUserSettings(userId: string, settings: object) {',
  '  await client.set(`settings:${userId}`, JSON.stringify(settings));',
  '}',
);

const nodeRedisHash = code(
  "import { createClient, type RedisClientType } from 'redis';",
  '',
  'export class ProfileCache {',
  '  constructor(private readonly client: RedisClientType) {}',
  '',
  '  async profile(userId: string, load: (id: string) => Promise<Record<string, string>>) {',
  '    const key = `profile:${userId}`;',
  '    const hit = await this.client.hGetAll(key);',
  '    if (Object.keys(hit).length > 0) return hit;',
  '    const fresh = await load(userId);',
  '    await this.client.hSet(key, fresh);',
  '    return fresh;',
  '  }',
  '}',
);

const upstashFromEnv = code(
  "import { Redis } from '@upstash/redis';",
  '',
  'const redis = Redis.fromEnv();',
  '',
  'export async function getWeather(city: string) {',
  '  const cacheKey = `weather:${city.toLowerCase()}`;',
  '  const cached = await redis.get<Weather>(cacheKey);',
  '  if (cached) return cached;',
  '  const weather = await fetchWeather(city);',
  '  await redis.set(cacheKey, weather);',
  '  return weather;',
  '}',
);

const vercelKvRoute = code(
  "import { kv } from '@vercel/kv';",
  "import { NextResponse } from 'next/server';",
  '',
  'export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {',
  '  const { slug } = await params;',
  '  const views = await kv.get<number>(`views:${slug}`);',
  '  const post = await kv.get(`post:${slug}`) ?? (await loadPost(slug));',
  '  await kv.set(`post:${slug}`, post);',
  '  return NextResponse.json({ post, views });',
  '}',
);

const nestInjected = code(
  "import { Injectable } from '@nestjs/common';",
  "import { InjectRedis } from '@nestjs-modules/ioredis';",
  "import Redis from 'ioredis';",
  "import { CatalogRepository } from './catalog.repository';",
  '',
  '@Injectable()',
  'export class CatalogService {',
  '  constructor(',
  '    @InjectRedis() private readonly redis: Redis,',
  '    private readonly catalog: CatalogRepository,',
  '  ) {}',
  '',
  '  async categories(): Promise<Category[]> {',
  "    const cached = await this.redis.get('catalog:categories');",
  '    if (cached) return JSON.parse(cached);',
  '    const categories = await this.catalog.categories();',
  "    await this.redis.set('catalog:categories', JSON.stringify(categories));",
  '    return categories;',
  '  }',
  '}',
);

const ioredisLock = code(
  "import { Redis } from 'ioredis';",
  "import { randomUUID } from 'node:crypto';",
  '',
  'const redis = new Redis();',
  '',
  'export async function withLock<T>(name: string, work: () => Promise<T>): Promise<T | undefined> {',
  '  const lockKey = `lock:${name}`;',
  '  const token = randomUUID();',
  "  const acquired = await redis.set(lockKey, token, 'NX');",
  '  if (!acquired) return undefined;',
  '  try {',
  '    return await work();',
  '  } finally {',
  '    if ((await redis.get(lockKey)) === token) await redis.del(lockKey);',
  '  }',
  '}',
);

const nodeRedisLock = code(
  "import { createClient } from 'redis';",
  '',
  'const client = createClient();',
  '',
  'export async function runNightlyReport() {',
  "  const locked = await client.set('jobs:nightly-report:lock', process.pid.toString(), { NX: true });",
  '  if (locked === null) return;',
  '  await buildReport();',
  "  await client.del('jobs:nightly-report:lock');",
  '}',
);

const setnxLock = code(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis();',
  '',
  'export async function claim(orderId: string, worker: string) {',
  '  const claimed = await redis.setnx(`claim:${orderId}`, worker);',
  '  return claimed === 1;',
  '}',
);

const dropsTtl = code(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis();',
  'const ONE_HOUR = 3600;',
  '',
  'export async function cacheCart(cartId: string, cart: Cart) {',
  "  await redis.set(`cart:${cartId}`, JSON.stringify(cart), 'EX', ONE_HOUR);",
  '}',
  '',
  'export async function updateCartItem(cartId: string, cart: Cart) {',
  '  await redis.set(`cart:${cartId}`, JSON.stringify(cart));',
  '}',
);

const pipelineVariable = code(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis();',
  '',
  'export async function warmProducts(products: Product[]) {',
  '  const pipeline = redis.pipeline();',
  '  for (const product of products) {',
  '    pipeline.set(`product:${product.id}`, JSON.stringify(product));',
  '  }',
  '  await pipeline.exec();',
  '}',
);

const pipelineSadd = code(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis();',
  '',
  'export async function tagCachedPage(path: string, tags: string[]) {',
  '  await redis',
  '    .multi()',
  "    .set(`page:${path}`, 'rendered', 'EX', 600)",
  '    .sadd(`cache:tags:${path}`, ...tags)',
  '    .exec();',
  '}',
);

const cacheManagerV5 = code(
  "import { caching } from 'cache-manager';",
  '',
  "const memoryCache = await caching('memory', { max: 500 });",
  '',
  'export async function getRates(currency: string) {',
  '  const key = `rates:${currency}`;',
  '  const cached = await memoryCache.get(key);',
  '  if (cached) return cached;',
  '  const rates = await fetchRates(currency);',
  '  await memoryCache.set(key, rates);',
  '  return rates;',
  '}',
);

const cacheManagerV4 = code(
  "const cacheManager = require('cache-manager');",
  '',
  "const memoryCache = cacheManager.caching({ store: 'memory', max: 100 });",
  '',
  'function cacheUser(user, done) {',
  '  memoryCache.set(`user:${user.id}`, user, function (err) {',
  '    done(err, user);',
  '  });',
  '}',
  '',
  'module.exports = { cacheUser };',
);

const cacheManagerV6Wrap = code(
  "import { createCache } from 'cache-manager';",
  '',
  'const cache = createCache();',
  '',
  'export function getCatalog(locale: string) {',
  '  return cache.wrap(`catalog:${locale}`, () => loadCatalog(locale));',
  '}',
);

const keyvRedis = code(
  "import Keyv from 'keyv';",
  '',
  'const keyv = new Keyv(process.env.REDIS_URL);',
  '',
  'export async function rememberToken(userId: string, token: string) {',
  '  await keyv.set(`token:${userId}`, token);',
  '}',
);

const nestZeroTtl = code(
  "import { Inject, Injectable } from '@nestjs/common';",
  "import { CACHE_MANAGER } from '@nestjs/cache-manager';",
  "import { Cache } from 'cache-manager';",
  '',
  '@Injectable()',
  'export class PricingService {',
  '  constructor(@Inject(CACHE_MANAGER) private readonly cacheManager: Cache) {}',
  '',
  '  async price(sku: string) {',
  '    const cached = await this.cacheManager.get<number>(`price:${sku}`);',
  '    if (cached !== undefined) return cached;',
  '    const price = await this.lookup(sku);',
  '    await this.cacheManager.set(`price:${sku}`, price, 0);',
  '    return price;',
  '  }',
  '',
  '  private async lookup(sku: string): Promise<number> {',
  '    return 42;',
  '  }',
  '}',
);

const cjsIoredis = code(
  "const Redis = require('ioredis');",
  '',
  'const redis = new Redis(process.env.REDIS_URL);',
  '',
  'async function getUser(id) {',
  '  const cached = await redis.get(`user:${id}`);',
  '  if (cached) return JSON.parse(cached);',
  '  const user = await db.users.findById(id);',
  '  await redis.set(`user:${id}`, JSON.stringify(user));',
  '  return user;',
  '}',
  '',
  'module.exports = { getUser };',
);

const cjsNodeRedisV3 = code(
  "const redis = require('redis');",
  '',
  'const client = redis.createClient();',
  '',
  'function cacheSession(id, data, cb) {',
  '  client.set(`page:${id}`, JSON.stringify(data), function (err) {',
  '    cb(err);',
  '  });',
  '}',
  '',
  'module.exports = cacheSession;',
);

const esmNamedIoredis = code(
  "import { Redis } from 'ioredis';",
  '',
  'export const redis = new Redis({ host: process.env.REDIS_HOST });',
  '',
  'export async function cacheFeed(userId) {',
  '  const feed = await buildFeed(userId);',
  '  await redis.set(`feed:${userId}`, JSON.stringify(feed));',
  '  return feed;',
  '}',
);

const msetCache = code(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis();',
  '',
  'export async function cacheTranslations(locale: string, en: string, fr: string) {',
  '  await redis.mset(`cache:i18n:${locale}:en`, en, `cache:i18n:${locale}:fr`, fr);',
  '}',
);

const genericCall = code(
  "import Redis from 'ioredis';",
  '',
  'const redis = new Redis();',
  '',
  'export async function cacheRaw(id: string, html: string) {',
  "  await redis.call('SET', `html:${id}`, html);",
  '}',
);

const wrapperMethods = code(
  "import type { Redis } from 'ioredis';",
  '',
  'export class JsonCache {',
  '  constructor(private readonly redis: Redis) {}',
  '',
  '  async put(key: string, value: unknown, ttlSeconds: number) {',
  "    await this.redis.set(key, JSON.stringify(value), 'EX', ttlSeconds);",
  '  }',
  '  async putWithoutExpiry(key: string, value: unknown) {',
  '    await this.redis.set(key, JSON.stringify(value));',
  '  }',
  '}',
);

// Suggested outputs that are clean on a second look.
const ioredisCacheAsideFixed = edit(ioredisCacheAside, 'await redis.set(key, JSON.stringify(product));', "await redis.set(key, JSON.stringify(product), 'EX', 300);");
const nodeRedisV4Fixed = edit(nodeRedisV4, 'JSON.stringify(settings));', 'JSON.stringify(settings), { EX: 300 });');
const pipelineSaddFixed = edit(pipelineSadd, '.sadd(`cache:tags:${path}`, ...tags)', '.sadd(`cache:tags:${path}`, ...tags).expire(`cache:tags:${path}`, 300)');

ruleTester.run(NAME, rule as never, {
  valid: [
    { name: 'suggested output: ioredis SET with EX', code: ioredisCacheAsideFixed },
    { name: 'suggested output: node-redis v4 SET with { EX }', code: nodeRedisV4Fixed },
    { name: 'suggested output: pipeline SADD followed by EXPIRE', code: pipelineSaddFixed },
    {
      name: 'ioredis: SETEX, PX, EXAT, KEEPTTL and lower-case tokens all expire or keep a TTL',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function save(id: string, body: string, until: number) {',
        '  await redis.setex(`a:${id}`, 60, body);',
        "  await redis.set(`b:${id}`, body, 'PX', 60_000);",
        "  await redis.set(`c:${id}`, body, 'EXAT', until);",
        "  await redis.set(`d:${id}`, body, 'KEEPTTL');",
        "  await redis.set(`e:${id}`, body, 'ex', 30, 'nx');",
        "  await redis.psetex(`f:${id}`, 500, body);",
        '}',
      ),
    },
    {
      name: 'ioredis: EXPIRE of the same key later in the same function (const key and template text)',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function remember(userId: string, profile: object) {',
        '  const key = `profile:${userId}`;',
        '  await redis.set(key, JSON.stringify(profile));',
        '  await redis.expire(`profile:${userId}`, 3600);',
        '  await redis.hset(`prefs:${userId}`, { theme: "dark" });',
        '  await redis.pexpire(`prefs:${userId}`, 60_000);',
        '}',
      ),
    },
    {
      name: 'ioredis: pipeline and multi with SET then EXPIRE',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function save(id: string, data: string) {',
        '  await redis.pipeline().set(`doc:${id}`, data).expire(`doc:${id}`, 120).exec();',
        '  const tx = redis.multi();',
        '  tx.hset(`cache:doc:${id}`, { data });',
        '  tx.expire(`cache:doc:${id}`, 120);',
        '  await tx.exec();',
        '}',
      ),
    },
    {
      name: 'node-redis v4: { EX }, { PX }, { KEEPTTL }, setEx and the v5 expiration object',
      code: code(
        "import { createClient } from 'redis';",
        'const client = createClient();',
        'export async function save(id: string, value: string) {',
        '  await client.set(`a:${id}`, value, { EX: 60 });',
        '  await client.set(`b:${id}`, value, { PX: 1500, NX: true });',
        '  await client.set(`c:${id}`, value, { KEEPTTL: true });',
        '  await client.setEx(`d:${id}`, 60, value);',
        "  await client.set(`e:${id}`, value, { expiration: { type: 'EX', value: 60 } });",
        '  await client.SET(`f:${id}`, value, { EX: 5 });',
        '}',
      ),
    },
    {
      name: '@upstash/redis and @vercel/kv: { ex }, { px }, { exat }, { keepTtl }, setex',
      filename: 'app/api/cache/route.ts',
      code: code(
        "import { Redis } from '@upstash/redis';",
        "import { kv } from '@vercel/kv';",
        'const redis = Redis.fromEnv();',
        'export async function POST(request: Request) {',
        '  const body = await request.json();',
        '  await redis.set(`a:${body.id}`, body, { ex: 60 });',
        '  await redis.set(`b:${body.id}`, body, { px: 60_000 });',
        '  await kv.set(`c:${body.id}`, body, { exat: Math.floor(Date.now() / 1000) + 60 });',
        '  await kv.set(`d:${body.id}`, body, { keepTtl: true });',
        '  await kv.setex(`e:${body.id}`, 60, body);',
        '  return Response.json({ ok: true });',
        '}',
      ),
    },
    {
      name: 'counters: a key INCRed in the file is a counter, not a cache entry',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function resetViews(postId: string) {',
        '  await redis.set(`views:${postId}`, 0);',
        '}',
        'export async function countView(postId: string) {',
        '  return redis.incr(`views:${postId}`);',
        '}',
      ),
    },
    {
      name: 'foreverKeys: configuration keys meant to live forever (static key and template prefix)',
      options: [{ foreverKeys: ['^config:', '^feature-flags$'] }],
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function publishConfig(service: string, config: object, flags: object) {',
        '  await redis.set(`config:${service}`, JSON.stringify(config));',
        "  await redis.set('feature-flags', JSON.stringify(flags));",
        '}',
      ),
    },
    {
      name: 'serverEvicts: an allkeys-lru server bounds plain SETs by itself',
      options: [{ serverEvicts: true }],
      code: ioredisCacheAside,
    },
    {
      name: 'options the rule cannot read: a variable options object, spread arguments, a computed token',
      code: code(
        "import { createClient } from 'redis';",
        "import Redis from 'ioredis';",
        'const client = createClient();',
        'const redis = new Redis();',
        'export async function save(key: string, value: string, options: { EX?: number }, args: string[], mode: string, ttl: number) {',
        '  await client.set(key, value, options);',
        '  await redis.set(key, value, ...args);',
        '  await redis.set(`x:${key}`, value, mode, ttl);',
        '  await client.set(`y:${key}`, value, { ...options });',
        '  await redis.set(`z:${key}`, ...([value, \'EX\', ttl] as const));',
        '}',
      ),
    },
    {
      name: 'a wrapper whose other branch writes the same key with a TTL',
      code: code(
        "import Redis from 'ioredis';",
        '',
        'export class RedisCache {',
        '  constructor(private readonly redis: Redis) {}',
        '',
        '  async put(key: string, value: unknown, ttlSeconds?: number) {',
        '    const payload = JSON.stringify(value);',
        "    if (ttlSeconds) await this.redis.set(key, payload, 'EX', ttlSeconds);",
        '    else await this.redis.set(key, payload);',
        '  }',
        '}',
      ),
    },
    {
      name: 'structure writes with no sign of a cache: a queue, a leaderboard, a set of members',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function enqueue(job: Job) {',
        "  await redis.lpush('jobs:pending', JSON.stringify(job));",
        '}',
        'export async function score(userId: string, points: number) {',
        "  await redis.zadd('leaderboard', points, userId);",
        '  await redis.sadd(`team:${userId}:members`, userId);',
        '}',
      ),
    },
    {
      name: 'look-alikes: a local object with set, a Map named redis, an untyped parameter',
      code: code(
        'const store = { set(key: string, value: string) { return value; } };',
        'const redis = new Map<string, string>();',
        'export function save(client: any, key: string, value: string) {',
        '  store.set(key, value);',
        '  redis.set(key, value);',
        '  return client.set(key, value);',
        '}',
      ),
    },
    {
      name: 'cache-manager v5 store with a default ttl',
      code: code(
        "import { caching } from 'cache-manager';",
        "const cache = await caching('memory', { max: 100, ttl: 60 * 1000 });",
        'export async function put(id: string, value: unknown) {',
        '  await cache.set(`item:${id}`, value);',
        '}',
      ),
    },
    {
      name: 'cache-manager v6 with a keyv store that has a ttl, and a store built elsewhere',
      code: code(
        "import { createCache } from 'cache-manager';",
        "import { Keyv } from 'keyv';",
        "import { CacheableMemory } from 'cacheable';",
        "import { redisStore } from './stores';",
        'const memory = createCache({ stores: [new Keyv({ store: new CacheableMemory({ ttl: 60_000, lruSize: 5000 }) })] });',
        'const layered = createCache({ stores: [redisStore] });',
        'export async function put(id: string, value: unknown) {',
        '  await memory.set(`item:${id}`, value);',
        '  await layered.set(`item:${id}`, value);',
        '}',
      ),
    },
    {
      name: 'keyv with a default ttl, and with options from a variable',
      code: code(
        "import Keyv from 'keyv';",
        'const sessions = new Keyv({ namespace: "sessions", ttl: 24 * 60 * 60 * 1000 });',
        'export function makeStore(options: Keyv.Options<string>) {',
        '  const store = new Keyv(options);',
        '  return { remember: (id: string, token: string) => store.set(id, token), sessions };',
        '}',
        'export async function remember(id: string, token: string) {',
        '  await sessions.set(id, token);',
        '}',
      ),
    },
    {
      name: 'NestJS: an injected cache-manager Cache gets its default ttl from CacheModule elsewhere',
      code: code(
        "import { Inject, Injectable } from '@nestjs/common';",
        "import { CACHE_MANAGER } from '@nestjs/cache-manager';",
        "import type { Cache } from 'cache-manager';",
        '@Injectable()',
        'export class UsersService {',
        '  constructor(@Inject(CACHE_MANAGER) private readonly cache: Cache) {}',
        '  async remember(id: string, user: User) {',
        '    await this.cache.set(`user:${id}`, user);',
        '    await this.cache.set(`user:${id}:v`, user, 30_000);',
        '  }',
        '}',
      ),
    },
    {
      name: 'connect-redis owns its session writes; lru-cache is not this rule',
      code: code(
        "import RedisStore from 'connect-redis';",
        "import session from 'express-session';",
        "import { createClient } from 'redis';",
        "import { LRUCache } from 'lru-cache';",
        'const redisClient = createClient();',
        'const local = new LRUCache<string, string>({ max: 100 });',
        "export const sessions = session({ store: new RedisStore({ client: redisClient, prefix: 'sess:' }), secret: 's' });",
        "local.set('a', 'b');",
      ),
    },
  ],
  invalid: [
    {
      name: 'ioredis (ESM default import): cache-aside SET without EX',
      code: ioredisCacheAside,
      errors: [
        {
          messageId: 'missingTtl',
          data: { command: 'SET', key: 'key' },
          line: 11,
          suggestions: [{ messageId: 'addTtl', data: { form: "'EX', 300" }, output: ioredisCacheAsideFixed }],
        },
      ],
      output: null,
    },
    {
      name: 'node-redis v4: createClient().on().connect() chain, SET without { EX }',
      code: nodeRedisV4,
      errors: [
        {
          messageId: 'missingTtl',
          data: { command: 'SET', key: '`settings:${userId}`' },
          line: 8,
          suggestions: [{ messageId: 'addTtl', data: { form: '{ EX: 300 }' }, output: nodeRedisV4Fixed }],
        },
      ],
      output: null,
    },
    {
      name: 'node-redis v4 typed injection: hGetAll miss then hSet with no expiry',
      code: nodeRedisHash,
      errors: [
        {
          messageId: 'missingTtl',
          data: { command: 'HSET', key: 'key' },
          line: 11,
          suggestions: [
            {
              messageId: 'addExpire',
              data: { form: 'await this.client.expire(key, 300);' },
              output: edit(nodeRedisHash, '    await this.client.hSet(key, fresh);\n', '    await this.client.hSet(key, fresh);\n    await this.client.expire(key, 300);\n'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: '@upstash/redis Redis.fromEnv(): SET without { ex }',
      code: upstashFromEnv,
      errors: [
        {
          messageId: 'missingTtl',
          line: 10,
          suggestions: [{ messageId: 'addTtl', data: { form: '{ ex: 300 }' }, output: edit(upstashFromEnv, 'redis.set(cacheKey, weather)', 'redis.set(cacheKey, weather, { ex: 300 })') }],
        },
      ],
      output: null,
    },
    {
      name: '@vercel/kv in a Next.js route handler: kv.set without { ex }',
      filename: 'app/api/posts/[slug]/route.ts',
      code: vercelKvRoute,
      errors: [
        {
          messageId: 'missingTtl',
          line: 8,
          suggestions: [{ messageId: 'addTtl', data: { form: '{ ex: 300 }' }, output: edit(vercelKvRoute, 'kv.set(`post:${slug}`, post)', 'kv.set(`post:${slug}`, post, { ex: 300 })') }],
        },
      ],
      output: null,
    },
    {
      name: 'NestJS service with an injected ioredis client (@InjectRedis)',
      code: nestInjected,
      errors: [
        {
          messageId: 'missingTtl',
          data: { command: 'SET', key: "'catalog:categories'" },
          line: 17,
          suggestions: [
            {
              messageId: 'addTtl',
              output: edit(nestInjected, 'JSON.stringify(categories));', "JSON.stringify(categories), 'EX', 300);"),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'ioredis lock: SET NX without expiry sticks when the holder dies',
      code: ioredisLock,
      errors: [
        {
          messageId: 'lockWithoutTtl',
          data: { command: 'SET ... NX', key: 'lockKey' },
          line: 9,
          suggestions: [{ messageId: 'addTtl', output: edit(ioredisLock, "redis.set(lockKey, token, 'NX')", "redis.set(lockKey, token, 'EX', 300, 'NX')") }],
        },
      ],
      output: null,
    },
    {
      name: 'node-redis lock: { NX: true } without EX, reported even with serverEvicts',
      code: nodeRedisLock,
      options: [{ serverEvicts: true, defaultTtlSeconds: 60 }],
      errors: [
        {
          messageId: 'lockWithoutTtl',
          line: 6,
          suggestions: [{ messageId: 'addTtl', data: { form: '{ EX: 60 }' }, output: edit(nodeRedisLock, '{ NX: true }', '{ EX: 60, NX: true }') }],
        },
      ],
      output: null,
    },
    {
      name: 'SETNX without EXPIRE: a lock with no suggestion (SET NX returns a different value)',
      code: setnxLock,
      errors: [{ messageId: 'lockWithoutTtl', data: { command: 'SETNX', key: '`claim:${orderId}`' }, line: 6, suggestions: [] }],
      output: null,
    },
    {
      name: 'a plain SET drops the TTL another function gives the same key',
      code: dropsTtl,
      errors: [
        {
          messageId: 'dropsTtl',
          line: 11,
          suggestions: [
            { messageId: 'addKeepTtl', data: { form: "'KEEPTTL'" }, output: edit(dropsTtl, 'JSON.stringify(cart));', "JSON.stringify(cart), 'KEEPTTL');") },
            { messageId: 'addTtl', output: edit(dropsTtl, 'JSON.stringify(cart));', "JSON.stringify(cart), 'EX', 300);") },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'a parameter named key in two methods is two keys: missingTtl, not dropsTtl',
      code: wrapperMethods,
      errors: [
        {
          messageId: 'missingTtl',
          data: { command: 'SET', key: 'key' },
          line: 10,
          suggestions: [{ messageId: 'addTtl', output: edit(wrapperMethods, 'this.redis.set(key, JSON.stringify(value));', "this.redis.set(key, JSON.stringify(value), 'EX', 300);") }],
        },
      ],
      output: null,
    },
    {
      name: 'pipeline held in a variable: SETs queued in a loop with no expiry',
      code: pipelineVariable,
      options: [{ defaultTtlSeconds: 900 }],
      errors: [
        {
          messageId: 'missingTtl',
          line: 8,
          suggestions: [{ messageId: 'addTtl', data: { form: "'EX', 900" }, output: edit(pipelineVariable, 'JSON.stringify(product));', "JSON.stringify(product), 'EX', 900);") }],
        },
      ],
      output: null,
    },
    {
      name: 'multi chain: SADD of a cache tag set with no EXPIRE',
      code: pipelineSadd,
      errors: [
        {
          messageId: 'missingTtl',
          data: { command: 'SADD', key: '`cache:tags:${path}`' },
          line: 9,
          suggestions: [{ messageId: 'addExpire', data: { form: '.expire(`cache:tags:${path}`, 300)' }, output: pipelineSaddFixed }],
        },
      ],
      output: null,
    },
    {
      name: 'an EXPIRE before the SET does not count: the SET drops it',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function save(id: string, html: string) {',
        '  await redis.multi().expire(`html:${id}`, 60).set(`html:${id}`, html).exec();',
        '}',
      ),
      errors: [{ messageId: 'missingTtl', line: 4, column: 48, suggestions: [{ messageId: 'addTtl', output: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function save(id: string, html: string) {',
        "  await redis.multi().expire(`html:${id}`, 60).set(`html:${id}`, html, 'EX', 300).exec();",
        '}',
      ) }] }],
      output: null,
    },
    {
      name: 'cache-manager v5: caching("memory") with no ttl, set without one (milliseconds)',
      code: cacheManagerV5,
      options: [{ cacheManagerMajor: 5 }],
      errors: [
        {
          messageId: 'noDefaultTtl',
          data: { method: 'set', key: 'key', library: 'cache-manager' },
          line: 10,
          suggestions: [{ messageId: 'addLibraryTtl', data: { ttl: '300000', unit: 'milliseconds' }, output: edit(cacheManagerV5, 'memoryCache.set(key, rates)', 'memoryCache.set(key, rates, 300000)') }],
        },
      ],
      output: null,
    },
    {
      name: 'cache-manager v6: createCache() and wrap without a ttl',
      code: cacheManagerV6Wrap,
      options: [{ cacheManagerMajor: 6 }],
      errors: [
        {
          messageId: 'noDefaultTtl',
          data: { method: 'wrap', key: '`catalog:${locale}`', library: 'cache-manager' },
          line: 6,
          suggestions: [{ messageId: 'addLibraryTtl', output: edit(cacheManagerV6Wrap, '() => loadCatalog(locale))', '() => loadCatalog(locale), 300000)') }],
        },
      ],
      output: null,
    },
    {
      name: 'keyv: new Keyv(url) has no default ttl',
      code: keyvRedis,
      errors: [
        {
          messageId: 'noDefaultTtl',
          data: { method: 'set', key: '`token:${userId}`', library: 'keyv' },
          line: 6,
          suggestions: [{ messageId: 'addLibraryTtl', data: { ttl: '300000', unit: 'milliseconds' }, output: edit(keyvRedis, 'token);', 'token, 300000);') }],
        },
      ],
      output: null,
    },
    {
      name: 'NestJS: an explicit TTL of 0 means never expire (cache-manager v5)',
      code: nestZeroTtl,
      options: [{ cacheManagerMajor: 5 }],
      errors: [
        {
          messageId: 'zeroTtl',
          data: { library: 'cache-manager', key: '`price:${sku}`' },
          line: 13,
          suggestions: [{ messageId: 'addLibraryTtl', output: edit(nestZeroTtl, 'price, 0);', 'price, 300000);') }],
        },
      ],
      output: null,
    },
    {
      name: 'MSET of cache keys: no TTL is possible, no suggestion',
      code: msetCache,
      errors: [{ messageId: 'missingTtl', data: { command: 'MSET', key: '`cache:i18n:${locale}:en`' }, line: 6, suggestions: [] }],
      output: null,
    },
    {
      name: "ioredis redis.call('SET', ...): reported, no suggestion for the generic form",
      code: genericCall,
      errors: [{ messageId: 'missingTtl', line: 6, suggestions: [] }],
      output: null,
    },
    {
      name: 'foreverKeys that do not match the key still report',
      code: ioredisCacheAside,
      options: [{ foreverKeys: ['^config:'] }],
      errors: [{ messageId: 'missingTtl', line: 11, suggestions: [{ messageId: 'addTtl', output: ioredisCacheAsideFixed }] }],
      output: null,
    },
  ],
});

cjsRuleTester.run(`${NAME} (CommonJS)`, rule as never, {
  valid: [
    {
      name: 'require: SET with EX and a callback (node-redis v3)',
      code: code(
        "const redis = require('redis');",
        'const client = redis.createClient();',
        'function cache(id, html, cb) {',
        "  client.set(`page:${id}`, html, 'EX', 600, cb);",
        '}',
        'module.exports = cache;',
      ),
    },
    {
      name: 'require: cache-manager v4 with ttl in its options',
      code: code(
        "const cacheManager = require('cache-manager');",
        "const memoryCache = cacheManager.caching({ store: 'memory', max: 100, ttl: 10 });",
        'function put(id, value, cb) {',
        '  memoryCache.set(`item:${id}`, value, cb);',
        '}',
        'module.exports = put;',
      ),
    },
  ],
  invalid: [
    {
      name: 'require: ioredis cache-aside without EX',
      code: cjsIoredis,
      errors: [{ messageId: 'missingTtl', line: 9, suggestions: [{ messageId: 'addTtl', output: edit(cjsIoredis, 'JSON.stringify(user));', "JSON.stringify(user), 'EX', 300);") }] }],
      output: null,
    },
    {
      name: 'require: node-redis v3 SET with a callback gets the positional form before the callback',
      code: cjsNodeRedisV3,
      errors: [
        {
          messageId: 'missingTtl',
          line: 6,
          suggestions: [{ messageId: 'addTtl', data: { form: "'EX', 300" }, output: edit(cjsNodeRedisV3, 'JSON.stringify(data), function', "JSON.stringify(data), 'EX', 300, function") }],
        },
      ],
      output: null,
    },
    {
      name: 'require: cache-manager v4 set with a callback gets { ttl } in seconds',
      code: cacheManagerV4,
      options: [{ cacheManagerMajor: 4 }],
      errors: [
        {
          messageId: 'noDefaultTtl',
          line: 6,
          suggestions: [{ messageId: 'addLibraryTtl', data: { ttl: '300', unit: 'seconds' }, output: edit(cacheManagerV4, 'user, function (err)', 'user, { ttl: 300 }, function (err)') }],
        },
      ],
      output: null,
    },
  ],
});

jsRuleTester.run(`${NAME} (ESM JavaScript)`, rule as never, {
  valid: [
    {
      name: 'named import: SET with EX',
      code: code("import { Redis } from 'ioredis';", 'const redis = new Redis();', "export const save = (k, v) => redis.set(k, v, 'EX', 30);"),
    },
  ],
  invalid: [
    {
      name: 'named ioredis import (exported client): SET without EX',
      code: esmNamedIoredis,
      errors: [{ messageId: 'missingTtl', line: 7, suggestions: [{ messageId: 'addTtl', output: edit(esmNamedIoredis, 'JSON.stringify(feed));', "JSON.stringify(feed), 'EX', 300);") }] }],
      output: null,
    },
  ],
});
