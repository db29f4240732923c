import { join } from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { RuleTester } from 'eslint';
import rule from '../../rules/no-cache-nullish.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

/** `source` with `search` (which must occur exactly once) replaced: the expected text of a fix. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

// ---------------------------------------------------------------------------------------------
// Sources shared by reported cases and by the second pass over their fixes

const ioredisAside = code(
  "import Redis from 'ioredis';",
  "import { prisma } from '../db';",
  '',
  'const redis = new Redis(process.env.REDIS_URL!);',
  '',
  'export async function getUser(id: string) {',
  '  const key = `user:${id}`;',
  '  const cached = await redis.get(key);',
  '  if (cached) return JSON.parse(cached);',
  '',
  '  const user = await prisma.user.findUnique({ where: { id } });',
  '  // keep the profile warm for a minute',
  "  await redis.set(key, JSON.stringify(user), 'EX', 60);",
  '  return user;',
  '}',
);
const ioredisAsideFixed = edit(ioredisAside, "  await redis.set(key, JSON.stringify(user), 'EX', 60);", "  if (user != null) await redis.set(key, JSON.stringify(user), 'EX', 60);");

const nodeRedisExpress = code(
  "import express from 'express';",
  "import { createClient } from 'redis';",
  "import { catalog } from './catalog';",
  '',
  'const client = createClient({ url: process.env.REDIS_URL });',
  'await client.connect();',
  '',
  'const app = express();',
  '',
  "app.get('/products/:sku', async (req, res) => {",
  '  const key = `product:${req.params.sku}`;',
  '  const hit = await client.get(key);',
  '  if (hit) return res.json(JSON.parse(hit));',
  '  const product = await catalog.lookup(req.params.sku);',
  '  await client.set(key, JSON.stringify(product), { EX: 300 });',
  '  res.json(product);',
  '});',
);
const nodeRedisExpressFixed = edit(
  nodeRedisExpress,
  '  await client.set(key, JSON.stringify(product), { EX: 300 });',
  '  if (product != null) await client.set(key, JSON.stringify(product), { EX: 300 });',
);

const nestCacheManager = code(
  "import { Inject, Injectable } from '@nestjs/common';",
  "import { CACHE_MANAGER } from '@nestjs/cache-manager';",
  "import type { Cache } from 'cache-manager';",
  "import { InjectRepository } from '@nestjs/typeorm';",
  "import { Repository } from 'typeorm';",
  "import { Profile } from './profile.entity';",
  '',
  '@Injectable()',
  'export class ProfileService {',
  '  constructor(',
  '    @Inject(CACHE_MANAGER) private readonly cacheManager: Cache,',
  '    @InjectRepository(Profile) private readonly profiles: Repository<Profile>,',
  '  ) {}',
  '',
  '  async findOne(id: string) {',
  '    const key = `profile:${id}`;',
  '    const cached = await this.cacheManager.get<Profile>(key);',
  '    if (cached) return cached;',
  '    const profile = await this.profiles.findOne({ where: { id } });',
  '    await this.cacheManager.set(key, profile, 60_000);',
  '    return profile;',
  '  }',
  '}',
);
const nestCacheManagerFixed = edit(nestCacheManager, '    await this.cacheManager.set(key, profile, 60_000);', '    if (profile != null) await this.cacheManager.set(key, profile, 60_000);');

const cjsMapCache = code(
  "const { fetchRate } = require('./fx');",
  '',
  'const rates = new Map();',
  '',
  'async function getRate(currency) {',
  '  if (rates.has(currency)) return rates.get(currency);',
  '  const rate = await fetchRate(currency);',
  '  rates.set(currency, rate);',
  '  return rate;',
  '}',
  '',
  'module.exports = { getRate };',
);

const nextRouteKv = code(
  "import { kv } from '@vercel/kv';",
  "import { NextResponse } from 'next/server';",
  '',
  'export async function GET(request: Request) {',
  "  const city = new URL(request.url).searchParams.get('city') ?? 'london';",
  '  const key = `weather:${city}`;',
  '  const cached = await kv.get(key);',
  '  if (cached) return NextResponse.json(cached);',
  '  const res = await fetch(`https://api.weather.example/v1/${city}`);',
  '  const forecast = await res.json();',
  '  await kv.set(key, forecast, { ex: 600 });',
  '  return NextResponse.json(forecast);',
  '}',
);
const nextRouteKvFixed = edit(nextRouteKv, '  await kv.set(key, forecast, { ex: 600 });', '  if (res.ok) await kv.set(key, forecast, { ex: 600 });');

const supabaseNodeCache = code(
  "import NodeCache from 'node-cache';",
  "import { supabase } from './supabase';",
  '',
  'const cache = new NodeCache({ stdTTL: 120 });',
  '',
  'export async function getTeam(slug: string) {',
  '  const hit = cache.get(slug);',
  '  if (hit !== undefined) return hit;',
  "  const { data, error } = await supabase.from('teams').select('*').eq('slug', slug).maybeSingle();",
  '  cache.set(slug, data);',
  '  return data;',
  '}',
);
const supabaseNodeCacheFixed = edit(supabaseNodeCache, '  cache.set(slug, data);', '  if (data != null) cache.set(slug, data);');

const rememberHelper = code(
  "import { Redis } from 'ioredis';",
  '',
  'const redis = new Redis();',
  '',
  'export async function remember<T>(key: string, ttl: number, fn: () => Promise<T>): Promise<T> {',
  '  const hit = await redis.get(key);',
  '  if (hit !== null) return JSON.parse(hit) as T;',
  '  const value = await fn();',
  "  await redis.set(key, JSON.stringify(value), 'EX', ttl);",
  '  return value;',
  '}',
);
const rememberHelperFixed = edit(rememberHelper, "  await redis.set(key, JSON.stringify(value), 'EX', ttl);", "  if (value != null) await redis.set(key, JSON.stringify(value), 'EX', ttl);");

const objectCache = code(
  "import { loadTenantConfig } from './settings';",
  '',
  'const byTenant: Record<string, Settings> = {};',
  '',
  'export async function settingsFor(tenantId: string) {',
  '  if (tenantId in byTenant) return byTenant[tenantId];',
  '  const settings = await loadTenantConfig(tenantId);',
  '  byTenant[tenantId] = settings;',
  '  return settings;',
  '}',
);
const objectCacheFixed = edit(objectCache, '  byTenant[tenantId] = settings;', '  if (settings != null) byTenant[tenantId] = settings;');

const keyvSession = code(
  "import Keyv from 'keyv';",
  "import type { Request, Response, NextFunction } from 'express';",
  "import { sessions } from './store';",
  '',
  "const keyv = new Keyv('redis://localhost:6379', { namespace: 'sessions' });",
  '',
  'export async function loadSession(req: Request, res: Response, next: NextFunction) {',
  '  const token = req.cookies.sid;',
  '  let session = await keyv.get(token);',
  '  if (!session) {',
  '    session = await sessions.lookup(token);',
  '    await keyv.set(token, session, 15 * 60 * 1000);',
  '  }',
  '  res.locals.session = session;',
  '  next();',
  '}',
);
const keyvSessionFixed = edit(keyvSession, '    await keyv.set(token, session, 15 * 60 * 1000);', '    if (session != null) await keyv.set(token, session, 15 * 60 * 1000);');

const upstashText = code(
  "import { Redis } from '@upstash/redis';",
  "import { Hono } from 'hono';",
  '',
  'const redis = Redis.fromEnv();',
  'const app = new Hono();',
  '',
  "app.get('/readme/:repo', async (c) => {",
  "  const repo = c.req.param('repo');",
  '  const cached = await redis.get<string>(`readme:${repo}`);',
  '  if (cached) return c.text(cached);',
  '  const res = await fetch(`https://raw.githubusercontent.com/${repo}/main/README.md`);',
  '  await redis.set(`readme:${repo}`, await res.text(), { ex: 3600 });',
  '  return c.text(await res.text());',
  '});',
);
const upstashTextFixed = edit(
  upstashText,
  '  await redis.set(`readme:${repo}`, await res.text(), { ex: 3600 });',
  '  if (res.ok) await redis.set(`readme:${repo}`, await res.text(), { ex: 3600 });',
);

const lodashAsync = code(
  "import memoize from 'lodash/memoize';",
  "import { db } from './db';",
  '',
  'export const getPlan = memoize(async (accountId: string) => {',
  '  const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });',
  '  return db.plan.findUniqueOrThrow({ where: { id: account.planId } });',
  '});',
);

const inflightMap = code(
  "import { fetchUser } from './api';",
  '',
  'const inflight = new Map<string, Promise<User>>();',
  '',
  'export function loadUser(id: string): Promise<User> {',
  '  let pending = inflight.get(id);',
  '  if (!pending) {',
  '    pending = fetchUser(id);',
  '    inflight.set(id, pending);',
  '  }',
  '  return pending;',
  '}',
);

const classPromiseCache = code(
  "import { Injectable } from '@nestjs/common';",
  "import { HttpService } from '@nestjs/axios';",
  '',
  '@Injectable()',
  'export class ExchangeRates {',
  '  private readonly pending = new Map<string, Promise<number>>();',
  '',
  '  constructor(private readonly http: HttpService) {}',
  '',
  '  rate(currency: string): Promise<number> {',
  '    const cached = this.pending.get(currency);',
  '    if (cached) return cached;',
  '    const request = this.download(currency);',
  '    this.pending.set(currency, request);',
  '    return request;',
  '  }',
  '',
  '  private async download(currency: string): Promise<number> {',
  '    const { data } = await this.http.axiosRef.get(`https://fx.example/${currency}`);',
  '    return data.rate;',
  '  }',
  '}',
);


// Real shapes (application corpus): a producer that cannot reject leaves no rejection to cache.
const memoizeeNeverRejects = code(
  "import memoize from 'memoizee';",
  'async function loadFlags(env: string) {',
  '  try {',
  '    return await flagsApi.list(env);',
  '  } catch (error) {',
  "    logger.warn('flags unavailable', error);",
  '    return [];',
  '  }',
  '}',
  'export const flags = memoize(loadFlags, { maxAge: 30_000 });',
);

const mapPromiseNeverRejects = code(
  'const pending = new Map<string, Promise<Preview | null>>();',
  'async function fetchPreview(url: string): Promise<Preview | null> {',
  '  try {',
  '    const res = await fetch(url);',
  '    return res.ok ? parsePreview(await res.text()) : null;',
  '  } catch {',
  '    return null;',
  '  }',
  '}',
  'export function preview(url: string) {',
  '  let p = pending.get(url);',
  '  if (!p) {',
  '    p = fetchPreview(url);',
  '    pending.set(url, p);',
  '  }',
  '  return p;',
  '}',
);

const memoizeeRethrows = code(
  "import memoize from 'memoizee';",
  'async function loadFlags(env: string) {',
  '  try {',
  '    return await flagsApi.list(env);',
  '  } catch (error) {',
  "    logger.warn('flags unavailable', error);",
  '    throw error;',
  '  }',
  '}',
  'export const flags = memoize(loadFlags, { maxAge: 30_000 });',
);

ruleTester.run('no-cache-nullish', rule as never, {
  valid: [
    { name: 'real: memoizee over an async function whose catch returns a fallback', code: memoizeeNeverRejects },
    { name: 'real: a promise Map filled by a producer that cannot reject', code: mapPromiseNeverRejects },
    // --- second pass over fixed code changes nothing
    { name: 'fixed: ioredis write guarded by the autofix', code: ioredisAsideFixed },
    { name: 'fixed: node-redis write guarded by the autofix', code: nodeRedisExpressFixed },
    { name: 'fixed: cache-manager write guarded by the autofix', code: nestCacheManagerFixed },
    { name: 'fixed: @vercel/kv write guarded by res.ok', code: nextRouteKvFixed, filename: 'app/api/weather/route.ts' },
    { name: 'fixed: supabase data guarded', code: supabaseNodeCacheFixed },
    { name: 'fixed: helper write guarded', code: rememberHelperFixed },
    { name: 'fixed: object cache write guarded', code: objectCacheFixed },
    { name: 'fixed: keyv write guarded', code: keyvSessionFixed },
    { name: 'fixed: upstash text guarded by res.ok', code: upstashTextFixed },

    // --- checked values
    {
      name: 'ioredis: a miss throws before the write',
      code: code(
        "import Redis from 'ioredis';",
        "import { NotFoundException } from '@nestjs/common';",
        'const redis = new Redis();',
        'export async function getOrder(id: string) {',
        '  const hit = await redis.get(`order:${id}`);',
        '  if (hit) return JSON.parse(hit);',
        '  const order = await orders.findById(id);',
        '  if (!order) throw new NotFoundException(`order ${id}`);',
        "  await redis.set(`order:${id}`, JSON.stringify(order), 'EX', 120);",
        '  return order;',
        '}',
      ),
    },
    {
      name: 'lru-cache: the write sits inside `if (page)`',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const pages = new LRUCache<string, Page>({ max: 500, ttl: 60_000 });',
        'export async function page(slug: string) {',
        '  const hit = pages.get(slug);',
        '  if (hit) return hit;',
        '  const page = await cms.getPage(slug);',
        '  if (page) pages.set(slug, page);',
        '  return page;',
        '}',
      ),
    },
    {
      name: 'ioredis: negative caching on purpose, with a TTL that depends on the value',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function lookupDomain(domain: string) {',
        '  const hit = await redis.get(`domain:${domain}`);',
        '  if (hit !== null) return JSON.parse(hit);',
        '  const tenant = await tenants.byDomain(domain);',
        "  await redis.set(`domain:${domain}`, JSON.stringify(tenant), 'EX', tenant ? 3600 : 30);",
        '  return tenant;',
        '}',
      ),
    },
    {
      name: 'node-cache: the value is dereferenced before the write (a null would have thrown)',
      code: code(
        "import NodeCache from 'node-cache';",
        'const cache = new NodeCache({ stdTTL: 300 });',
        'export async function account(id: string) {',
        '  const hit = cache.get(id);',
        '  if (hit) return hit;',
        '  const account = await billing.getAccount(id);',
        '  account.fetchedAt = Date.now();',
        '  cache.set(id, account);',
        '  return account;',
        '}',
      ),
    },
    {
      name: 'node:assert proves the value is there',
      code: code(
        "import assert from 'node:assert';",
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache<string, Config>({ max: 50 });',
        'export async function config(app: string) {',
        '  const hit = cache.get(app);',
        '  if (hit) return hit;',
        '  const config = await loadConfig(app);',
        '  assert(config, `no config for ${app}`);',
        '  cache.set(app, config);',
        '  return config;',
        '}',
      ),
    },
    {
      name: 'prisma findMany resolves to an array, never null',
      code: code(
        "import Redis from 'ioredis';",
        "import { prisma } from './db';",
        'const redis = new Redis();',
        'export async function latestPosts() {',
        "  const hit = await redis.get('posts:latest');",
        '  if (hit) return JSON.parse(hit);',
        "  const posts = await prisma.post.findMany({ orderBy: { createdAt: 'desc' }, take: 20 });",
        "  await redis.set('posts:latest', JSON.stringify(posts), 'EX', 60);",
        '  return posts;',
        '}',
      ),
    },
    {
      name: 'a collection-returning name (`getOrders`): empty, not null, when nothing matches',
      code: code(
        "import { createClient } from 'redis';",
        "import { orderService } from './orders';",
        'const client = createClient();',
        'export async function recentOrders(customerId: string) {',
        '  const key = `orders:${customerId}`;',
        '  const hit = await client.get(key);',
        '  if (hit) return JSON.parse(hit);',
        '  const orders = await orderService.getOrders(customerId, { limit: 10 });',
        '  await client.set(key, JSON.stringify(orders), { EX: 60 });',
        '  return orders;',
        '}',
      ),
    },
    {
      name: 'Promise.all resolves to an array',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache<string, unknown[]>({ max: 100 });',
        'export async function dashboard(userId: string) {',
        '  const hit = cache.get(userId);',
        '  if (hit) return hit;',
        '  const widgets = await Promise.all([stats.daily(userId), stats.weekly(userId)]);',
        '  cache.set(userId, widgets);',
        '  return widgets;',
        '}',
      ),
    },
    {
      name: 'the fetcher is declared in this file with a non-nullable return type',
      code: code(
        "import NodeCache from 'node-cache';",
        'const cache = new NodeCache({ stdTTL: 60 });',
        'async function loadFlags(env: string): Promise<Record<string, boolean>> {',
        '  const res = await api.get(`/flags/${env}`);',
        '  return res.data.flags ?? {};',
        '}',
        'export async function flags(env: string) {',
        '  const hit = cache.get<Record<string, boolean>>(env);',
        '  if (hit) return hit;',
        '  const flags = await loadFlags(env);',
        '  cache.set(env, flags);',
        '  return flags;',
        '}',
      ),
    },
    {
      name: 'the variable is annotated with a non-nullable type',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function invoice(id: string) {',
        '  const hit = await redis.get(`invoice:${id}`);',
        '  if (hit) return JSON.parse(hit);',
        '  const invoice: Invoice = await stripe.invoices.retrieve(id);',
        "  await redis.set(`invoice:${id}`, JSON.stringify(invoice), 'EX', 300);",
        '  return invoice;',
        '}',
      ),
    },
    {
      name: 'option nonNullableCalls: a repository method that throws when nothing is found',
      options: [{ nonNullableCalls: ['findOneOrFail'] }],
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function getProject(id: string) {',
        '  const hit = await redis.get(`project:${id}`);',
        '  if (hit) return JSON.parse(hit);',
        '  const project = await projects.findOneOrFail(id);',
        "  await redis.set(`project:${id}`, JSON.stringify(project), 'EX', 300);",
        '  return project;',
        '}',
      ),
    },
    {
      name: 'axios throws on error statuses: its response is never a failure',
      code: code(
        "import axios from 'axios';",
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache<string, unknown>({ max: 100, ttl: 60_000 });',
        'export async function repo(name: string) {',
        '  const hit = cache.get(name);',
        '  if (hit) return hit;',
        '  const response = await axios.get(`https://api.github.com/repos/${name}`);',
        '  cache.set(name, response);',
        '  return response;',
        '}',
      ),
    },

    // --- fetch responses checked
    {
      name: 'fetch: `if (!res.ok) throw` before caching the body',
      filename: 'app/api/rates/route.ts',
      code: code(
        "import { kv } from '@vercel/kv';",
        'export async function GET() {',
        "  const cached = await kv.get('rates');",
        '  if (cached) return Response.json(cached);',
        "  const res = await fetch('https://fx.example/latest');",
        '  if (!res.ok) return new Response(null, { status: 502 });',
        '  const rates = await res.json();',
        "  await kv.set('rates', rates, { ex: 300 });",
        '  return Response.json(rates);',
        '}',
      ),
    },
    {
      name: 'fetch: the response goes through a checker before the body is cached',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache<string, string>({ max: 200 });',
        'export async function markdown(url: string) {',
        '  const hit = cache.get(url);',
        '  if (hit) return hit;',
        '  const res = await fetch(url);',
        '  assertOk(res);',
        '  const body = await res.text();',
        '  cache.set(url, body);',
        '  return body;',
        '}',
      ),
    },

    // --- catch blocks that cache failures on purpose
    {
      name: 'catch: negative caching with a shorter TTL than the success path',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function avatar(email: string) {',
        '  const hit = await redis.get(`avatar:${email}`);',
        '  if (hit !== null) return hit;',
        '  try {',
        '    const url = await gravatar.lookup(email);',
        '    if (url) await redis.set(`avatar:${email}`, url, "EX", 86400);',
        '    return url;',
        '  } catch (err) {',
        "    await redis.set(`avatar:${email}`, '', 'EX', 60);",
        "    return '';",
        '  }',
        '}',
      ),
    },
    {
      name: 'catch: a retry from the same source caches a real value',
      code: code(
        "import NodeCache from 'node-cache';",
        'const cache = new NodeCache({ stdTTL: 300 });',
        'export async function shipping(zip: string) {',
        '  const hit = cache.get<Quote>(zip);',
        '  if (hit) return hit;',
        '  try {',
        '    const quote = await carrier.quote(zip);',
        '    if (quote) cache.set(zip, quote);',
        '    return quote;',
        '  } catch {',
        '    await sleep(200);',
        '    const quote = await carrier.quote(zip);',
        '    if (quote) cache.set(zip, quote);',
        '    return quote;',
        '  }',
        '}',
      ),
    },
    {
      name: 'catch: the failure goes to a separate negative cache',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const profiles = new LRUCache<string, Profile>({ max: 1000 });',
        'const misses = new LRUCache<string, number>({ max: 1000, ttl: 30_000 });',
        'export async function profile(handle: string) {',
        '  const hit = profiles.get(handle);',
        '  if (hit) return hit;',
        '  try {',
        '    const profile = await social.profile(handle);',
        '    if (profile) profiles.set(handle, profile);',
        '    return profile;',
        '  } catch {',
        '    misses.set(handle, Date.now());',
        '    return null;',
        '  }',
        '}',
      ),
    },

    // --- promises
    {
      name: 'memoizee with promise: true drops rejected promises',
      code: code(
        "import memoize from 'memoizee';",
        'export const getRates = memoize(async (base: string) => fx.latest(base), { promise: true, maxAge: 60_000 });',
      ),
    },
    {
      name: 'moize.promise drops rejected promises',
      code: code("import moize from 'moize';", 'export const getUser = moize.promise(async (id: string) => api.users.get(id));'),
    },
    {
      name: 'lodash memoize of a synchronous function',
      code: code("import memoize from 'lodash/memoize';", 'export const slugify = memoize((title: string) => title.toLowerCase().replace(/\\W+/g, "-"));'),
    },
    {
      name: 'lodash memoize whose failures delete their own entry',
      code: code(
        "import memoize from 'lodash/memoize';",
        'export const getTenant = memoize(async (id: string) => {',
        '  try {',
        '    return await api.tenants.get(id);',
        '  } catch (error) {',
        '    getTenant.cache.delete(id);',
        '    throw error;',
        '  }',
        '});',
      ),
    },
    {
      name: 'single-flight map: the entry is deleted when the promise settles',
      code: code(
        'const inflight = new Map<string, Promise<Report>>();',
        'export function report(id: string) {',
        '  const pending = inflight.get(id);',
        '  if (pending) return pending;',
        '  const request = buildReport(id).finally(() => inflight.delete(id));',
        '  inflight.set(id, request);',
        '  return request;',
        '}',
      ),
    },
    {
      name: 'promise map: a rejection deletes the entry in a catch block',
      code: code(
        'const cache = new Map<string, Promise<Manifest>>();',
        'export async function manifest(pkg: string) {',
        '  let pending = cache.get(pkg);',
        '  if (!pending) {',
        '    pending = registry.manifest(pkg);',
        '    cache.set(pkg, pending);',
        '  }',
        '  try {',
        '    return await pending;',
        '  } catch (error) {',
        '    cache.delete(pkg);',
        '    throw error;',
        '  }',
        '}',
      ),
    },

    // --- not caches
    {
      name: 'lru-cache: `if (hit) return hit` reads a cached null as a miss, so it is fetched again',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const pages = new LRUCache<string, Page>({ max: 500 });',
        'export async function page(slug: string) {',
        '  const hit = pages.get(slug);',
        '  if (hit) return hit;',
        '  pages.set(slug, await cms.getPage(slug));',
        '  return pages.get(slug);',
        '}',
      ),
    },
    {
      name: 'Map in a class: the miss branch of `typeof cached !== \'boolean\'` refetches a nullish entry',
      code: code(
        'export class EntitlementManager {',
        '  private readonly cache = new Map<string, boolean>();',
        '  constructor(private readonly validators: Map<string, () => Promise<boolean | undefined>>) {}',
        '  async isValid(key: string): Promise<boolean | undefined> {',
        '    let cached = this.cache.get(key);',
        "    if (typeof cached !== 'boolean') {",
        '      cached = await this.validators.get(key)!();',
        '      this.cache.set(key, cached!);',
        '    }',
        '    return cached;',
        '  }',
        '}',
      ),
    },
    {
      name: 'node-cache: the write sits in the `== null` miss branch',
      code: code(
        "import NodeCache from 'node-cache';",
        'const rates = new NodeCache({ stdTTL: 60 });',
        'export async function rate(currency: string) {',
        '  let value = rates.get<number>(currency);',
        '  if (value == null) {',
        '    value = await lookupRate(currency);',
        '    rates.set(currency, value);',
        '  }',
        '  return value;',
        '}',
      ),
    },
    {
      name: 'stale-if-error: the rejection handler puts back the last good entry it was handed',
      code: code(
        'type Entry<T> = { value: Promise<T>; expiresAt: number };',
        'export class SingleFlight<T> {',
        '  private readonly found = new Map<string, Entry<T>>();',
        '  get(key: string, load: (key: string) => Promise<T>) {',
        '    const hit = this.found.get(key);',
        '    if (hit && hit.expiresAt > Date.now()) return hit.value;',
        '    return this.load(key, load, hit);',
        '  }',
        '  private load(key: string, load: (key: string) => Promise<T>, stale: Entry<T> | undefined) {',
        '    const entry: Entry<T> = {',
        '      expiresAt: Date.now() + 60_000,',
        '      value: load(key).catch((error) => {',
        '        this.found.delete(key);',
        '        if (stale) {',
        '          stale.expiresAt = Date.now() + 5_000;',
        '          this.found.set(key, stale);',
        '          return stale.value;',
        '        }',
        '        throw error;',
        '      }),',
        '    };',
        '    this.found.set(key, entry);',
        '    return entry.value;',
        '  }',
        '}',
      ),
    },
    {
      name: 'stale-if-error: the catch block restores the entry read before the refresh',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const rates = new LRUCache<string, number>({ max: 100, ttl: 60_000 });',
        'export async function rate(currency: string) {',
        '  const last = rates.get(currency);',
        '  try {',
        '    const fresh = await fetchRate(currency);',
        '    rates.set(currency, fresh);',
        '    return fresh;',
        '  } catch (error) {',
        '    if (last === undefined) throw error;',
        '    rates.set(currency, last);',
        '    return last;',
        '  }',
        '}',
        'async function fetchRate(currency: string): Promise<number> {',
        '  const res = await fetch(`https://rates.example.com/${currency}`);',
        '  if (!res.ok) throw new Error(`rates: ${res.status}`);',
        '  return (await res.json()).rate;',
        '}',
      ),
    },
    {
      name: 'a Map filled once and never read is a registry, not a cache',
      code: code(
        'const plugins = new Map<string, Plugin>();',
        'export async function register(name: string) {',
        '  const plugin = await loadPlugin(name);',
        '  plugins.set(name, plugin);',
        '}',
      ),
    },
    {
      name: 'look-alike: URLSearchParams.set with an awaited value',
      code: code(
        'export async function buildQuery(userId: string) {',
        '  const params = new URLSearchParams();',
        '  const cursor = await cursors.latest(userId);',
        "  params.set('cursor', cursor);",
        '  return params.toString();',
        '}',
      ),
    },
    {
      name: 'axios data destructured: axios throws on failure',
      code: code(
        "import axios from 'axios';",
        "import NodeCache from 'node-cache';",
        'const cache = new NodeCache({ stdTTL: 600 });',
        'export async function contributors(repo: string) {',
        '  const hit = cache.get(repo);',
        '  if (hit) return hit;',
        '  const { data } = await axios.get(`https://api.github.com/repos/${repo}/contributors`);',
        '  cache.set(repo, data);',
        '  return data;',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'real: memoizee over an async function whose catch rethrows',
      code: memoizeeRethrows,
      errors: [{ messageId: 'memoizedRejection', suggestions: [{ messageId: 'addPromiseOption', data: { option: 'promise: true' }, output: memoizeeRethrows.replace('{ maxAge: 30_000 }', '{ maxAge: 30_000, promise: true }') }] }],
    },
    {
      name: 'ioredis: the reference shape (caches None on failure)',
      code: ioredisAside,
      output: ioredisAsideFixed,
      errors: [{ messageId: 'nullishWrite', data: { value: 'user', fetcher: 'prisma.user.findUnique()' }, line: 13 }],
    },
    {
      name: 'node-redis v4 in an express handler',
      code: nodeRedisExpress,
      output: nodeRedisExpressFixed,
      errors: [{ messageId: 'nullishWrite', data: { value: 'product', fetcher: 'catalog.lookup()' }, line: 15 }],
    },
    {
      name: 'NestJS: cache-manager injected with CACHE_MANAGER, TypeORM findOne',
      code: nestCacheManager,
      output: nestCacheManagerFixed,
      errors: [{ messageId: 'nullishWrite', data: { value: 'profile', fetcher: 'this.profiles.findOne()' }, line: 20 }],
    },
    {
      name: 'lru-cache: an awaited fetch written inline (no fix: nothing to guard on)',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const pages = new LRUCache<string, Page | null>({ max: 500 });',
        'export async function page(slug: string) {',
        '  if (pages.has(slug)) return pages.get(slug);',
        '  // a cached null passes has(): the missing page is served until it is evicted',
        '  pages.set(slug, await cms.getPage(slug));',
        '  return pages.get(slug);',
        '}',
      ),
      output: null,
      errors: [{ messageId: 'nullishWrite', data: { value: 'await cms.getPage(slug)', fetcher: 'cms.getPage()' }, line: 6 }],
    },
    {
      name: 'Map: `=== undefined` is the miss test, so a cached null is served as a hit',
      code: code(
        'const profiles = new Map<string, Profile | null>();',
        'export async function loadProfile(id: string) {',
        '  let profile = profiles.get(id);',
        '  if (profile === undefined) {',
        '    profile = await db.profile.findUnique({ where: { id } });',
        '    profiles.set(id, profile);',
        '  }',
        '  return profile;',
        '}',
      ),
      output: code(
        'const profiles = new Map<string, Profile | null>();',
        'export async function loadProfile(id: string) {',
        '  let profile = profiles.get(id);',
        '  if (profile === undefined) {',
        '    profile = await db.profile.findUnique({ where: { id } });',
        '    if (profile != null) profiles.set(id, profile);',
        '  }',
        '  return profile;',
        '}',
      ),
      errors: [{ messageId: 'nullishWrite', data: { value: 'profile', fetcher: 'db.profile.findUnique()' }, line: 6 }],
    },
    {
      name: 'supabase: `data` is null when the row is missing or the query failed',
      code: supabaseNodeCache,
      output: supabaseNodeCacheFixed,
      errors: [{ messageId: 'nullishWrite', data: { value: 'data', fetcher: 'supabase….maybeSingle()' }, line: 10 }],
    },
    {
      name: 'a cache-aside helper caches whatever its fetcher returns',
      code: rememberHelper,
      output: rememberHelperFixed,
      errors: [{ messageId: 'nullishWrite', data: { value: 'value', fetcher: 'fn()' }, line: 9 }],
    },
    {
      name: 'object cache with `in` and an index write',
      code: objectCache,
      output: objectCacheFixed,
      errors: [{ messageId: 'nullishWrite', data: { value: 'settings', fetcher: 'loadTenantConfig()' }, line: 8 }],
    },
    {
      name: 'keyv in express middleware: the session lookup may miss',
      code: keyvSession,
      output: keyvSessionFixed,
      errors: [{ messageId: 'nullishWrite', data: { value: 'session', fetcher: 'sessions.lookup()' }, line: 12 }],
    },
    {
      name: 'a fetcher declared to return null is cached unchecked',
      code: code(
        "import NodeCache from 'node-cache';",
        'const cache = new NodeCache({ stdTTL: 60 });',
        'async function findCoupon(code: string): Promise<Coupon | null> {',
        '  return db.coupon.findFirst({ where: { code, active: true } });',
        '}',
        'export async function coupon(code: string) {',
        '  const hit = cache.get<Coupon>(code);',
        '  if (hit !== undefined) return hit;',
        '  const coupon = await findCoupon(code);',
        '  cache.set(code, coupon);',
        '  return coupon;',
        '}',
      ),
      output: code(
        "import NodeCache from 'node-cache';",
        'const cache = new NodeCache({ stdTTL: 60 });',
        'async function findCoupon(code: string): Promise<Coupon | null> {',
        '  return db.coupon.findFirst({ where: { code, active: true } });',
        '}',
        'export async function coupon(code: string) {',
        '  const hit = cache.get<Coupon>(code);',
        '  if (hit !== undefined) return hit;',
        '  const coupon = await findCoupon(code);',
        '  if (coupon != null) cache.set(code, coupon);',
        '  return coupon;',
        '}',
      ),
      errors: [{ messageId: 'nullishWrite', data: { value: 'coupon', fetcher: 'findCoupon()' }, line: 10 }],
    },

    // --- catch
    {
      name: 'catch: a fallback cached with the same TTL as a success (ioredis)',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function exchangeRate(pair: string) {',
        '  const hit = await redis.get(`fx:${pair}`);',
        '  if (hit) return Number(hit);',
        '  try {',
        '    const rate = await provider.rate(pair);',
        "    if (rate) await redis.set(`fx:${pair}`, String(rate), 'EX', 3600);",
        '    return rate;',
        '  } catch (err) {',
        '    logger.warn({ err, pair }, "fx provider failed");',
        "    await redis.set(`fx:${pair}`, '1', 'EX', 3600);",
        '    return 1;',
        '  }',
        '}',
      ),
      output: null,
      errors: [
        {
          messageId: 'catchWrite',
          data: { where: 'catch' },
          line: 12,
          suggestions: [
            {
              messageId: 'removeWrite',
              output: code(
                "import Redis from 'ioredis';",
                'const redis = new Redis();',
                'export async function exchangeRate(pair: string) {',
                '  const hit = await redis.get(`fx:${pair}`);',
                '  if (hit) return Number(hit);',
                '  try {',
                '    const rate = await provider.rate(pair);',
                "    if (rate) await redis.set(`fx:${pair}`, String(rate), 'EX', 3600);",
                '    return rate;',
                '  } catch (err) {',
                '    logger.warn({ err, pair }, "fx provider failed");',
                '    return 1;',
                '  }',
                '}',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'promise .catch: a default cached forever in node-cache',
      code: code(
        "import NodeCache from 'node-cache';",
        'const cache = new NodeCache();',
        'export function warmFlags(env: string) {',
        '  if (cache.has(env)) return;',
        '  loadFlags(env)',
        '    .then((flags) => cache.set(env, flags))',
        '    .catch(() => cache.set(env, DEFAULT_FLAGS));',
        '}',
      ),
      output: null,
      errors: [{ messageId: 'catchWrite', data: { where: '.catch()' }, line: 7 }],
    },

    // --- fetch responses
    {
      name: 'Next.js route handler: fetch body cached in @vercel/kv without res.ok',
      filename: 'app/api/weather/route.ts',
      code: nextRouteKv,
      output: nextRouteKvFixed,
      errors: [{ messageId: 'responseWrite', data: { response: 'res' }, line: 11 }],
    },
    {
      name: 'hono + upstash: the response text cached inline without res.ok',
      code: upstashText,
      output: upstashTextFixed,
      errors: [{ messageId: 'responseWrite', data: { response: 'res' }, line: 12 }],
    },
    {
      name: 'fetch inline: `(await fetch(url)).json()` cached in an lru-cache (no fix: no response variable)',
      code: code(
        "import { LRUCache } from 'lru-cache';",
        'const cache = new LRUCache<string, unknown>({ max: 100, ttl: 300_000 });',
        'export async function schema(url: string) {',
        '  const hit = cache.get(url);',
        '  if (hit) return hit;',
        '  const schema = await (await fetch(url)).json();',
        '  cache.set(url, schema);',
        '  return schema;',
        '}',
      ),
      output: null,
      errors: [{ messageId: 'responseWrite', data: { response: 'response' }, line: 7 }],
    },

    // --- memoized async functions
    {
      name: 'lodash memoize of an async function',
      code: lodashAsync,
      output: null,
      errors: [
        {
          messageId: 'memoizedRejection',
          data: { library: '`memoize`' },
          line: 4,
          suggestions: [
            {
              messageId: 'deleteOnRejection',
              output: code(
                "import memoize from 'lodash/memoize';",
                "import { db } from './db';",
                '',
                'export const getPlan = memoize((accountId: string) => (async (accountId: string) => {',
                '  const account = await db.account.findUniqueOrThrow({ where: { id: accountId } });',
                '  return db.plan.findUniqueOrThrow({ where: { id: account.planId } });',
                '})(accountId).catch((error) => { getPlan.cache.delete(accountId); throw error; }));',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'memoizee of an async function without promise mode',
      code: code("import memoize from 'memoizee';", 'export const getQuote = memoize(async (symbol: string) => market.quote(symbol), { maxAge: 30_000 });'),
      output: null,
      errors: [
        {
          messageId: 'memoizedRejection',
          data: { library: '`memoizee` without `promise: true`' },
          line: 2,
          suggestions: [
            {
              messageId: 'addPromiseOption',
              data: { option: 'promise: true' },
              output: code(
                "import memoize from 'memoizee';",
                'export const getQuote = memoize(async (symbol: string) => market.quote(symbol), { maxAge: 30_000, promise: true });',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'moize of an async function declared in the file',
      code: code(
        "import moize from 'moize';",
        'async function fetchOrg(slug: string) {',
        '  return (await api.get(`/orgs/${slug}`)).data;',
        '}',
        'export const getOrg = moize(fetchOrg);',
      ),
      output: null,
      errors: [
        {
          messageId: 'memoizedRejection',
          data: { library: '`moize` without `isPromise: true`' },
          line: 5,
          suggestions: [
            {
              messageId: 'addPromiseOption',
              data: { option: 'isPromise: true' },
              output: code(
                "import moize from 'moize';",
                'async function fetchOrg(slug: string) {',
                '  return (await api.get(`/orgs/${slug}`)).data;',
                '}',
                'export const getOrg = moize(fetchOrg, { isPromise: true });',
              ),
            },
          ],
        },
      ],
    },
    {
      name: 'a Map of in-flight promises never cleared on rejection',
      code: inflightMap,
      output: null,
      errors: [
        {
          messageId: 'cachedRejection',
          data: { key: 'id' },
          line: 9,
          suggestions: [
            {
              messageId: 'deleteOnRejection',
              output: edit(inflightMap, '    pending = fetchUser(id);', '    pending = fetchUser(id).catch((error) => { inflight.delete(id); throw error; });'),
            },
          ],
        },
      ],
    },
    {
      name: 'NestJS service: a class-level Map of promises',
      code: classPromiseCache,
      output: null,
      errors: [
        {
          messageId: 'cachedRejection',
          data: { key: 'currency' },
          line: 14,
          suggestions: [
            {
              messageId: 'deleteOnRejection',
              output: edit(
                classPromiseCache,
                '    const request = this.download(currency);',
                '    const request = this.download(currency).catch((error) => { this.pending.delete(currency); throw error; });',
              ),
            },
          ],
        },
      ],
    },
  ],
});

jsRuleTester.run('no-cache-nullish (ESM JavaScript)', rule as never, {
  valid: [
    {
      name: 'js: the write is guarded',
      code: code(
        "import Redis from 'ioredis';",
        'const redis = new Redis();',
        'export async function getArticle(slug) {',
        '  const hit = await redis.get(`article:${slug}`);',
        '  if (hit) return JSON.parse(hit);',
        '  const article = await cms.article(slug);',
        "  if (article) await redis.set(`article:${slug}`, JSON.stringify(article), 'EX', 300);",
        '  return article;',
        '}',
      ),
    },
  ],
  invalid: [
    {
      name: 'js: memoizee without options',
      code: code("import memoize from 'memoizee';", 'export const getUser = memoize(async function (id) {', '  return api.users.get(id);', '});'),
      output: null,
      errors: [
        {
          messageId: 'memoizedRejection',
          line: 2,
          suggestions: [
            {
              messageId: 'addPromiseOption',
              data: { option: 'promise: true' },
              output: code("import memoize from 'memoizee';", 'export const getUser = memoize(async function (id) {', '  return api.users.get(id);', '}, { promise: true });'),
            },
          ],
        },
      ],
    },
    {
      name: 'js: a catch caches null forever in a Map',
      code: code(
        'const users = new Map();',
        'export async function user(id) {',
        '  if (users.has(id)) return users.get(id);',
        '  try {',
        '    const user = await api.user(id);',
        '    users.set(id, user ?? null);',
        '    return user;',
        '  } catch {',
        '    users.set(id, null);',
        '    return null;',
        '  }',
        '}',
      ),
      output: null,
      errors: [
        {
          messageId: 'catchWrite',
          line: 9,
          suggestions: [
            {
              messageId: 'removeWrite',
              output: code(
                'const users = new Map();',
                'export async function user(id) {',
                '  if (users.has(id)) return users.get(id);',
                '  try {',
                '    const user = await api.user(id);',
                '    users.set(id, user ?? null);',
                '    return user;',
                '  } catch {',
                '    return null;',
                '  }',
                '}',
              ),
            },
          ],
        },
      ],
    },
  ],
});

cjsRuleTester.run('no-cache-nullish (CommonJS)', rule as never, {
  valid: [{ name: 'cjs: fixed Map cache', code: edit(cjsMapCache, '  rates.set(currency, rate);', '  if (rate != null) rates.set(currency, rate);') }],
  invalid: [
    {
      name: 'cjs: a Map cache of exchange rates',
      code: cjsMapCache,
      output: edit(cjsMapCache, '  rates.set(currency, rate);', '  if (rate != null) rates.set(currency, rate);'),
      errors: [{ messageId: 'nullishWrite', data: { value: 'rate', fetcher: 'fetchRate()' }, line: 8 }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// With type information: a value whose type excludes null/undefined is not reported.

const typedDir = join(import.meta.dirname, '..', 'fixtures', 'typed');
const looseDir = join(import.meta.dirname, '..', 'fixtures', 'typed-loose');
const typedTester = (dir: string) =>
  // disallowAutomaticSingleRunInference: under CI=true typescript-eslint would read the files on disk, not the test's code.
  new RuleTester({ languageOptions: { parser: tsParser, parserOptions: { projectService: true, tsconfigRootDir: dir, disallowAutomaticSingleRunInference: true } } });

const typedSource = (valueType: string) =>
  code(
    'interface User { id: string; name: string }',
    `declare const users: { byId(id: string): Promise<${valueType}> };`,
    `const cache = new Map<string, ${valueType}>();`,
    '',
    'export async function user(id: string) {',
    '  const hit = cache.get(id);',
    '  if (hit !== undefined) return hit;',
    '  const user = await users.byId(id);',
    '  cache.set(id, user);',
    '  return user;',
    '}',
  );
const guarded = (source: string) => edit(source, '  cache.set(id, user);', '  if (user != null) cache.set(id, user);');

typedTester(typedDir).run('no-cache-nullish (type-aware, strictNullChecks)', rule as never, {
  valid: [{ name: 'typed: the fetcher resolves to a non-nullable User', code: typedSource('User'), filename: join(typedDir, 'cache.ts') }],
  invalid: [
    {
      name: 'typed: the fetcher resolves to User | undefined',
      code: typedSource('User | undefined'),
      filename: join(typedDir, 'cache.ts'),
      output: guarded(typedSource('User | undefined')),
      errors: [{ messageId: 'nullishWrite', data: { value: 'user', fetcher: 'users.byId()' }, line: 9 }],
    },
  ],
});

typedTester(looseDir).run('no-cache-nullish (type-aware, no strictNullChecks)', rule as never, {
  valid: [],
  invalid: [
    {
      name: 'typed without strictNullChecks: the type cannot say, so the write is reported',
      code: typedSource('User'),
      filename: join(looseDir, 'cache.ts'),
      output: guarded(typedSource('User')),
      errors: [{ messageId: 'nullishWrite', line: 9 }],
    },
  ],
});
