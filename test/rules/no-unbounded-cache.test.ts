import rule from '../../rules/no-unbounded-cache.js';
import { cjsRuleTester, code, jsRuleTester, ruleTester } from '../rule-tester.js';

/** `source` with `search` (which must occur exactly once) replaced: the expected text of a suggestion. */
function edit(source: string, search: string, replacement: string): string {
  const at = source.indexOf(search);
  if (at === -1 || source.indexOf(search, at + 1) !== -1) throw new Error(`expected exactly one ${JSON.stringify(search)}`);
  return source.slice(0, at) + replacement + source.slice(at + search.length);
}

// ---------------------------------------------------------------------------------------------
// Map and object caches

const moduleMap = code(
  "import { db } from './db';",
  "import type { User } from './types';",
  '',
  'const usersById = new Map<string, User>();',
  '',
  'export async function getUser(id: string): Promise<User | undefined> {',
  '  const cached = usersById.get(id);',
  '  if (cached) return cached;',
  '  const user = await db.user.findUnique({ where: { id } });',
  '  if (user) usersById.set(id, user);',
  '  return user ?? undefined;',
  '}',
);

const hasThenGetJs = code(
  "import { readFile } from 'node:fs/promises';",
  "import { render } from './markdown.js';",
  '',
  'const rendered = new Map();',
  '',
  'export async function renderPage(path, locale) {',
  '  const key = `${locale}:${path}`;',
  '  if (!rendered.has(key)) {',
  "    rendered.set(key, render(await readFile(path, 'utf8'), { locale }));",
  '  }',
  '  return rendered.get(key);',
  '}',
);

const objectCacheCjs = code(
  "const axios = require('axios');",
  '',
  'const rates = {};',
  '',
  'async function getRate(from, to) {',
  '  const pair = from + to;',
  '  if (pair in rates) return rates[pair];',
  '  const { data } = await axios.get(`https://api.example.com/rates/${from}/${to}`);',
  '  rates[pair] = data.rate;',
  '  return data.rate;',
  '}',
  '',
  'module.exports = { getRate };',
);

const memoIdiom = code(
  'const slugs: Record<string, string> = {};',
  '',
  'export function slugify(title: string): string {',
  "  return (slugs[title] = slugs[title] || title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-'));",
  '}',
);

const nestService = code(
  "import { Injectable } from '@nestjs/common';",
  "import { HttpService } from '@nestjs/axios';",
  "import { firstValueFrom } from 'rxjs';",
  '',
  '@Injectable()',
  'export class GeocodingService {',
  '  private readonly cache = new Map<string, Promise<Coordinates>>();',
  '',
  '  constructor(private readonly http: HttpService) {}',
  '',
  '  geocode(address: string): Promise<Coordinates> {',
  '    let pending = this.cache.get(address);',
  '    if (!pending) {',
  '      pending = firstValueFrom(this.http.get(`/geocode?q=${encodeURIComponent(address)}`)).then((r) => r.data);',
  '      this.cache.set(address, pending);',
  '    }',
  '    return pending;',
  '  }',
  '}',
);

const jsClassSingleton = code(
  "const fetch = require('node-fetch');",
  '',
  'class PriceService {',
  '  constructor(baseUrl) {',
  '    this.baseUrl = baseUrl;',
  '    this.cache = new Map();',
  '  }',
  '',
  '  async price(sku) {',
  '    if (this.cache.has(sku)) return this.cache.get(sku);',
  '    const res = await fetch(`${this.baseUrl}/prices/${sku}`);',
  '    const body = await res.json();',
  '    this.cache.set(sku, body.price);',
  '    return body.price;',
  '  }',
  '}',
  '',
  'module.exports = new PriceService(process.env.PRICES_URL);',
);

const jsPrivateField = code(
  "import { parse } from 'yaml';",
  "import { readFileSync } from 'node:fs';",
  '',
  'export class TemplateStore {',
  '  #compiled = new Map();',
  '',
  '  load(name) {',
  '    const hit = this.#compiled.get(name);',
  '    if (hit !== undefined) return hit;',
  '    const template = parse(readFileSync(`templates/${name}.yaml`, "utf8"));',
  '    this.#compiled.set(name, template);',
  '    return template;',
  '  }',
  '}',
  '',
  'export const templates = new TemplateStore();',
);

const ttlOnRead = code(
  'const TTL_MS = 60_000;',
  'const sessions = new Map<string, { value: Session; expires: number }>();',
  '',
  'export async function loadSession(token: string): Promise<Session> {',
  '  const entry = sessions.get(token);',
  '  if (entry && entry.expires > Date.now()) return entry.value;',
  '  const value = await sessionApi.fetch(token);',
  '  // expired entries are overwritten, never deleted: tokens never seen again stay forever',
  '  sessions.set(token, { value, expires: Date.now() + TTL_MS });',
  '  return value;',
  '}',
);

const hasOwnObject = code(
  'const translations = Object.create(null);',
  '',
  'export function translate(locale, key) {',
  '  const id = `${locale}.${key}`;',
  '  if (Object.hasOwn(translations, id)) return translations[id];',
  '  const text = lookup(locale, key);',
  '  translations[id] = text;',
  '  return text;',
  '}',
);

const promiseInThen = code(
  'const thumbnails = new Map<string, Buffer>();',
  '',
  'export function thumbnail(url: string): Promise<Buffer> {',
  '  const hit = thumbnails.get(url);',
  '  if (hit) return Promise.resolve(hit);',
  '  return fetch(url)',
  '    .then((res) => res.arrayBuffer())',
  '    .then((data) => {',
  '      const image = resize(Buffer.from(data), 128);',
  '      thumbnails.set(url, image);',
  '      return image;',
  '    });',
  '}',
);

// ---------------------------------------------------------------------------------------------
// Memoizers

const lodashDefault = code(
  "import memoize from 'lodash/memoize';",
  "import { prisma } from './prisma';",
  '',
  'export const getProductBySlug = memoize(async (slug: string) => {',
  '  return prisma.product.findUnique({ where: { slug } });',
  '});',
);

const lodashRequire = code(
  "const _ = require('lodash');",
  "const geoip = require('geoip-lite');",
  '',
  'const countryOf = _.memoize((ip) => geoip.lookup(ip)?.country ?? null);',
  '',
  'module.exports = function countryMiddleware(req, res, next) {',
  '  req.country = countryOf(req.ip);',
  '  next();',
  '};',
);

const lodashAlias = code(
  "import { memoize as memo } from 'lodash-es';",
  '',
  'export const formatCurrency = memo(',
  '  (amount: number, currency: string) => new Intl.NumberFormat(undefined, { style: "currency", currency }).format(amount),',
  '  (amount, currency) => `${currency}:${amount}`,',
  ');',
);

const lodashInvalidated = code(
  "import memoize from 'lodash.memoize';",
  '',
  'const loadTenant = memoize((tenantId: string) => tenants.findById(tenantId));',
  '',
  'export async function updateTenant(tenantId: string, patch: Partial<Tenant>) {',
  '  await tenants.update(tenantId, patch);',
  '  // invalidation: the entry is refreshed, but every tenant ever read still stays cached',
  '  loadTenant.cache.delete(tenantId);',
  '}',
  '',
  'export { loadTenant };',
);

const memoizeeBare = code(
  "import memoize from 'memoizee';",
  '',
  'export const resolveAvatar = memoize((email: string) => gravatar.url(email, { s: 200 }));',
);

const memoizeeMultiline = code(
  "const memoize = require('memoizee');",
  '',
  'const fetchProfile = memoize(',
  '  async (userId) => {',
  '    const res = await fetch(`https://accounts.example.com/users/${userId}`);',
  '    return res.json();',
  '  },',
  '  {',
  '    promise: true,',
  '    primitive: true,',
  '  },',
  ');',
  '',
  'module.exports = { fetchProfile };',
);

const moizeInfinite = code(
  "import moize from 'moize';",
  '',
  'export const parseQuery = moize.infinite((search: string) => new URLSearchParams(search));',
);

const moizeMaxSizeInfinity = code(
  "import moize from 'moize';",
  '',
  'export const highlight = moize((code: string, language: string) => hljs.highlight(code, { language }).value, {',
  '  maxSize: Infinity,',
  '  isSerialized: true,',
  '});',
);

const moizeCurried = code(
  "import { moize } from 'moize';",
  '',
  'export const distance = moize.maxSize(Infinity)((from: string, to: string) => routes.distance(from, to));',
);

// ---------------------------------------------------------------------------------------------
// Container libraries

const nodeCacheCjs = code(
  "const NodeCache = require('node-cache');",
  '',
  'const cache = new NodeCache();',
  '',
  'async function getWeather(city) {',
  '  const hit = cache.get(city);',
  '  if (hit) return hit;',
  '  const weather = await weatherApi.current(city);',
  '  cache.set(city, weather);',
  '  return weather;',
  '}',
  '',
  'module.exports = { getWeather };',
);

const nodeCacheZeroTtl = code(
  "import NodeCache from 'node-cache';",
  '',
  'const tokenCache = new NodeCache({ stdTTL: 0, checkperiod: 120 });',
  '',
  'export function rememberToken(userId: string, token: string) {',
  '  tokenCache.set(userId, token);',
  '}',
);

const lruTtlOnly = code(
  "import { LRUCache } from 'lru-cache';",
  '',
  'const responses = new LRUCache<string, Response>({ ttl: 60_000 });',
  '',
  'export async function cachedFetch(url: string) {',
  '  const hit = responses.get(url);',
  '  if (hit) return hit.clone();',
  '  const res = await fetch(url);',
  '  responses.set(url, res.clone());',
  '  return res;',
  '}',
);

const lruNoOptions = code(
  "import LRU from 'lru-cache';",
  '',
  'const compiled = new LRU();',
  '',
  'export function compile(source) {',
  '  let fn = compiled.get(source);',
  '  if (!fn) compiled.set(source, (fn = new Function(source)));',
  '  return fn;',
  '}',
);

const lruV6Ttl = code(
  "const LRU = require('lru-cache');",
  '',
  'const pages = new LRU({',
  '  maxAge: 1000 * 60 * 5,',
  '});',
  '',
  'module.exports = pages;',
);

const quickLruBare = code(
  "import QuickLRU from 'quick-lru';",
  '',
  'const lru = new QuickLRU<string, Uint8Array>();',
  '',
  'export const getIcon = (name: string) => lru.get(name);',
);

const quickLruInfinity = code(
  "import QuickLRU from 'quick-lru';",
  '',
  'export const seen = new QuickLRU({ maxSize: Infinity, maxAge: 60_000 });',
);

// ---------------------------------------------------------------------------------------------
// TanStack Query

const queryClientInfinity = code(
  "import { QueryClient, QueryClientProvider } from '@tanstack/react-query';",
  '',
  'const queryClient = new QueryClient({',
  '  defaultOptions: {',
  '    queries: { staleTime: 30_000, gcTime: Infinity },',
  '  },',
  '});',
  '',
  'export function Providers({ children }: { children: React.ReactNode }) {',
  '  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>;',
  '}',
);

const useQueryInfinity = code(
  "import { useQuery } from '@tanstack/vue-query';",
  '',
  'export function useOrder(orderId: Ref<string>) {',
  '  return useQuery({',
  "    queryKey: ['order', orderId],",
  '    queryFn: () => api.orders.get(orderId.value),',
  '    gcTime: Number.POSITIVE_INFINITY,',
  '  });',
  '}',
);

const cacheTimeV4 = code(
  "import { useQuery } from '@tanstack/react-query';",
  '',
  'export function useInvoices(customerId: string) {',
  "  return useQuery(['invoices', customerId], () => api.invoices(customerId), { cacheTime: Infinity });",
  '}',
);

// ---------------------------------------------------------------------------------------------


// Real shapes (application corpus): keys drawn from a fixed set bound the Map by themselves.
const enumKeyedMap = code(
  'export enum Provider { Github = "github", Gitlab = "gitlab", Google = "google" }',
  'const clients = new Map<Provider, OAuthClient>();',
  'export function clientFor(provider: Provider): OAuthClient {',
  '  const hit = clients.get(provider);',
  '  if (hit) return hit;',
  '  const client = createClient(configFor(provider));',
  '  clients.set(provider, client);',
  '  return client;',
  '}',
);

const unionAliasParam = code(
  "type Locale = 'en' | 'de' | 'fr';",
  'const dictionaries = new Map();',
  'export async function dictionary(locale: Locale) {',
  '  if (dictionaries.has(locale)) return dictionaries.get(locale);',
  '  const dict = await import(`./locales/${locale}.json`);',
  '  dictionaries.set(locale, dict);',
  '  return dict;',
  '}',
);

const recordFieldFinite = code(
  "type Currency = 'USD' | 'EUR' | 'GBP';",
  'export class RatesService {',
  '  private rates: Partial<Record<Currency, { rate: number; at: number }>> = {};',
  '  async rate(currency: string) {',
  '    const hit = this.rates[currency as Currency];',
  '    if (hit && Date.now() - hit.at < 3_600_000) return hit.rate;',
  '    const rate = await fetchRate(currency);',
  '    this.rates[currency as Currency] = { rate, at: Date.now() };',
  '    return rate;',
  '  }',
  '}',
);

const guardedByTable = code(
  "const SUPPORTED = ['USD', 'EUR', 'GBP', 'JPY'];",
  'const formatters = new Map<string, Intl.NumberFormat>();',
  'export function formatter(code: string): Intl.NumberFormat {',
  '  if (!SUPPORTED.includes(code)) throw new Error(`unsupported currency ${code}`);',
  '  let f = formatters.get(code);',
  '  if (!f) {',
  "    f = new Intl.NumberFormat('en', { style: 'currency', currency: code });",
  '    formatters.set(code, f);',
  '  }',
  '  return f;',
  '}',
);

const guardedByUnrelatedTable = code(
  "const BLOCKED = ['admin', 'root'];",
  'const profiles = new Map<string, Profile>();',
  'export async function profile(name: string, id: string) {',
  '  if (BLOCKED.includes(name)) throw new Error("blocked");',
  '  const hit = profiles.get(id);',
  '  if (hit) return hit;',
  '  const p = await api.profile(id);',
  '  profiles.set(id, p);',
  '  return p;',
  '}',
);

const stringAliasParam = code(
  'type UserId = string;',
  'const avatars = new Map();',
  'export async function avatar(id: UserId) {',
  '  if (avatars.has(id)) return avatars.get(id);',
  '  const url = await storage.signedUrl(`avatars/${id}`);',
  '  avatars.set(id, url);',
  '  return url;',
  '}',
);


const importedEnumKey = code(
  "import type { TargetType } from '../types';",
  'const instances = new Map<TargetType, Adapter>();',
  'export function adapterFor(type: TargetType): Adapter {',
  '  const hit = instances.get(type);',
  '  if (hit) return hit;',
  '  const adapter = createAdapter(type);',
  '  instances.set(type, adapter);',
  '  return adapter;',
  '}',
);

const importedIdKey = code(
  "import type { UserId } from '../types';",
  'const emails = new Map<UserId, string>();',
  'export async function emailOf(id: UserId): Promise<string> {',
  '  const hit = emails.get(id);',
  '  if (hit) return hit;',
  '  const email = await users.email(id);',
  '  emails.set(id, email);',
  '  return email;',
  '}',
);

const urlKeyedServerMap = code(
  'const results = new Map<string, Assessment>();',
  'export default async function handler(req: Request) {',
  '  const url = new URL(req.url).searchParams.get("image")!;',
  '  const hit = results.get(url);',
  '  if (hit) return Response.json(hit);',
  '  const assessment = await assess(url);',
  '  results.set(url, assessment);',
  '  return Response.json(assessment);',
  '}',
);

ruleTester.run('no-unbounded-cache', rule as never, {
  valid: [
    { name: 'real: a Map keyed by a type imported from another module (an enum or a union)', code: importedEnumKey },
    { name: 'real: a browser module (.tsx) holds a Map for the life of the tab', code: moduleMap, filename: 'src/components/Waveform.tsx' },
    { name: "real: a 'use client' module", code: `'use client';\n${moduleMap}`, filename: 'src/lib/peaks.ts' },
    { name: 'real: a front-end folder', code: moduleMap, filename: 'packages/front-end/services/autocomplete.ts' },
    { name: 'real: a one-off importer', code: moduleMap, filename: 'packages/core/src/data-import/importer.ts' },
    { name: 'real: a Map keyed by a local enum', code: enumKeyedMap },
    { name: 'real: a Map keyed by a parameter of a literal-union alias', code: unionAliasParam },
    { name: 'real: an object cache typed Partial<Record<finite, T>>', code: recordFieldFinite },
    { name: 'real: the miss path first checks the key against a constant table', code: guardedByTable },
    // -- Map and object caches with eviction ---------------------------------------------------
    {
      name: 'Map cache with delete in another method of the class',
      code: code(
        "import { Injectable } from '@nestjs/common';",
        '',
        '@Injectable()',
        'export class CartService {',
        '  private readonly carts = new Map<string, Cart>();',
        '',
        '  async get(id: string) {',
        '    const hit = this.carts.get(id);',
        '    if (hit) return hit;',
        '    const cart = await this.repo.load(id);',
        '    this.carts.set(id, cart);',
        '    return cart;',
        '  }',
        '',
        '  checkout(id: string) {',
        '    this.carts.delete(id);',
        '  }',
        '}',
      ),
    },
    {
      name: 'Map cache that refuses new entries past a size check',
      code: code(
        'const MAX_ENTRIES = 500;',
        'const avatars = new Map<string, string>();',
        '',
        'export async function avatarUrl(userId: string) {',
        '  const hit = avatars.get(userId);',
        '  if (hit) return hit;',
        '  const url = await storage.signedUrl(`avatars/${userId}`);',
        '  if (avatars.size < MAX_ENTRIES) avatars.set(userId, url);',
        '  return url;',
        '}',
      ),
    },
    {
      name: 'Map cache cleared on an interval',
      code: code(
        'const flags = new Map<string, boolean>();',
        'setInterval(() => flags.clear(), 60_000).unref();',
        '',
        'export async function isEnabled(flag: string, userId: string) {',
        '  const key = `${flag}:${userId}`;',
        '  if (flags.has(key)) return flags.get(key)!;',
        '  const enabled = await flagService.evaluate(flag, userId);',
        '  flags.set(key, enabled);',
        '  return enabled;',
        '}',
      ),
    },
    {
      name: 'Map cache with a TTL sweep deleting expired entries',
      code: code(
        'const entries = new Map<string, { value: unknown; expires: number }>();',
        '',
        'setInterval(() => {',
        '  const now = Date.now();',
        '  for (const [key, entry] of entries.entries()) if (entry.expires < now) entries.delete(key);',
        '}, 30_000);',
        '',
        'export async function cached<T>(key: string, load: () => Promise<T>): Promise<T> {',
        '  const entry = entries.get(key);',
        '  if (entry && entry.expires > Date.now()) return entry.value as T;',
        '  const value = await load();',
        '  entries.set(key, { value, expires: Date.now() + 60_000 });',
        '  return value;',
        '}',
      ),
    },
    {
      name: 'module Map reset by reassignment',
      code: code(
        'let pages = new Map<string, string>();',
        '',
        'export function resetPages() {',
        '  pages = new Map();',
        '}',
        '',
        'export function page(path: string) {',
        '  if (!pages.has(path)) pages.set(path, renderToString(path));',
        '  return pages.get(path);',
        '}',
      ),
    },
    {
      name: 'class field reset by a new Map in another method',
      code: code(
        'class SchemaRegistry {',
        '  private schemas = new Map<string, Schema>();',
        '',
        '  resolve(id: string) {',
        '    let schema = this.schemas.get(id);',
        '    if (!schema) {',
        '      schema = compileSchema(id);',
        '      this.schemas.set(id, schema);',
        '    }',
        '    return schema;',
        '  }',
        '',
        '  reload() {',
        '    this.schemas = new Map();',
        '  }',
        '}',
        '',
        'export const registry = new SchemaRegistry();',
      ),
    },
    {
      name: 'WeakMap cache: entries go with their keys',
      code: code(
        'const layouts = new WeakMap<Element, DOMRect>();',
        '',
        'export function measure(element: Element) {',
        '  let rect = layouts.get(element);',
        '  if (!rect) {',
        '    rect = element.getBoundingClientRect();',
        '    layouts.set(element, rect);',
        '  }',
        '  return rect;',
        '}',
      ),
    },
    // -- Not caches --------------------------------------------------------------------------
    {
      name: 'registry filled once at module load from a constant list',
      code: code(
        "import { csvExporter, jsonExporter, xlsxExporter } from './exporters';",
        '',
        'const exporters = new Map<string, Exporter>();',
        'for (const exporter of [csvExporter, jsonExporter, xlsxExporter]) exporters.set(exporter.format, exporter);',
        '',
        'export function exporterFor(format: string) {',
        '  const exporter = exporters.get(format);',
        '  if (!exporter) throw new Error(`unknown format ${format}`);',
        '  return exporter;',
        '}',
      ),
    },
    {
      name: 'registry with a duplicate check: has then throw, never served from the map',
      code: code(
        'const handlers = new Map();',
        '',
        'export function register(event, handler) {',
        '  if (handlers.has(event)) throw new Error(`${event} already has a handler`);',
        '  handlers.set(event, handler);',
        '}',
        '',
        'export function dispatch(event, payload) {',
        '  return handlers.get(event)?.(payload);',
        '}',
      ),
    },
    {
      name: 'registry filled lazily from a constant list inside an init function',
      code: code(
        "const PROVIDERS = ['github', 'google', 'gitlab'];",
        'const clients = new Map<string, OAuthClient>();',
        '',
        'export function initClients() {',
        '  for (const provider of PROVIDERS) {',
        '    const existing = clients.get(provider);',
        '    if (!existing) clients.set(provider, createClient(provider));',
        '  }',
        '}',
      ),
    },
    {
      name: 'per-name loggers: the function is only called with constants',
      code: code(
        "import pino from 'pino';",
        '',
        'const loggers = new Map<string, pino.Logger>();',
        '',
        'function getLogger(name: string) {',
        '  let logger = loggers.get(name);',
        '  if (!logger) {',
        '    logger = pino({ name });',
        '    loggers.set(name, logger);',
        '  }',
        '  return logger;',
        '}',
        '',
        "export const httpLog = getLogger('http');",
        "export const dbLog = getLogger('db');",
      ),
    },
    {
      name: 'Map created per call inside a request handler',
      code: code(
        "import express from 'express';",
        '',
        'const app = express();',
        '',
        "app.get('/orders', async (req, res) => {",
        '  const customers = new Map<string, Customer>();',
        '  const orders = await db.orders.list();',
        '  for (const order of orders) {',
        '    let customer = customers.get(order.customerId);',
        '    if (!customer) {',
        '      customer = await db.customers.find(order.customerId);',
        '      customers.set(order.customerId, customer);',
        '    }',
        '    order.customer = customer;',
        '  }',
        '  res.json(orders);',
        '});',
      ),
    },
    {
      name: 'index filled from the items it is given, not computed from the key',
      code: code(
        'const productsById: Record<string, Product> = {};',
        '',
        'export function indexProducts(products: Product[]) {',
        '  for (const product of products) if (!productsById[product.id]) productsById[product.id] = product;',
        '}',
        '',
        'export const productById = (id: string) => productsById[id];',
      ),
    },
    {
      name: 'registry that keeps the first handler given for a name',
      code: code(
        'const routes = new Map<string, Handler>();',
        '',
        'export function route(path: string, handler: Handler) {',
        '  const existing = routes.get(path);',
        '  if (existing) return existing;',
        '  routes.set(path, handler);',
        '  return handler;',
        '}',
      ),
    },
    {
      name: 'counter keyed by input: an accumulator, not a cache',
      code: code(
        'const attempts = new Map<string, number>();',
        '',
        'export function recordFailure(ip: string) {',
        '  attempts.set(ip, (attempts.get(ip) ?? 0) + 1);',
        '}',
      ),
    },
    {
      name: 'private Map of a class instantiated per call',
      code: code(
        'class FragmentCounter {',
        '  private readonly counts = new Map<string, number>();',
        '',
        '  count(name: string): number {',
        '    const cached = this.counts.get(name);',
        '    if (cached !== undefined) return cached;',
        '    const total = this.fragments(name).reduce((sum, f) => sum + this.count(f), 1);',
        '    this.counts.set(name, total);',
        '    return total;',
        '  }',
        '}',
        '',
        'export function validateDocument(document: DocumentNode) {',
        '  const counter = new FragmentCounter();',
        '  return document.definitions.every((d) => counter.count(d.name.value) < 1000);',
        '}',
      ),
    },
    {
      name: 'request-scoped NestJS provider',
      code: code(
        "import { Injectable, Scope } from '@nestjs/common';",
        '',
        '@Injectable({ scope: Scope.REQUEST })',
        'export class PermissionsLoader {',
        '  private readonly byResource = new Map<string, Promise<Permission[]>>();',
        '',
        '  load(resourceId: string) {',
        '    let pending = this.byResource.get(resourceId);',
        '    if (!pending) {',
        '      pending = this.acl.permissions(resourceId);',
        '      this.byResource.set(resourceId, pending);',
        '    }',
        '    return pending;',
        '  }',
        '}',
      ),
    },
    {
      name: 'private Map of an exported class never instantiated here: lifetime unknown',
      code: code(
        'export class ParserState {',
        '  private memo = new Map<number, Node>();',
        '',
        '  parseAt(position: number) {',
        '    const hit = this.memo.get(position);',
        '    if (hit) return hit;',
        '    const node = this.parseRule(position);',
        '    this.memo.set(position, node);',
        '    return node;',
        '  }',
        '}',
      ),
    },
    // -- Escaped caches ----------------------------------------------------------------------
    {
      name: 'exported Map: other modules may evict it',
      code: code(
        'export const sessionCache = new Map<string, Session>();',
        '',
        'export async function session(id: string) {',
        '  const hit = sessionCache.get(id);',
        '  if (hit) return hit;',
        '  const loaded = await sessions.load(id);',
        '  sessionCache.set(id, loaded);',
        '  return loaded;',
        '}',
      ),
    },
    {
      name: 'Map handed to another function',
      code: code(
        "import { registerCacheMetrics } from './metrics';",
        '',
        'const quotes = new Map<string, Quote>();',
        "registerCacheMetrics('quotes', quotes);",
        '',
        'export async function quote(symbol: string) {',
        '  if (!quotes.has(symbol)) quotes.set(symbol, await market.quote(symbol));',
        '  return quotes.get(symbol)!;',
        '}',
      ),
    },
    {
      name: 'public field of an exported TS class',
      code: code(
        'export class CountryService {',
        '  cache = new Map<string, Country>();',
        '',
        '  async byCode(code: string) {',
        '    if (this.cache.has(code)) return this.cache.get(code);',
        '    const country = await this.api.country(code);',
        '    this.cache.set(code, country);',
        '    return country;',
        '  }',
        '}',
      ),
    },
    {
      name: 'allowNames skips a cache by name',
      options: [{ allowNames: ['^static'] }],
      code: code(
        'const staticAssets = new Map<string, Buffer>();',
        '',
        'export async function asset(path: string) {',
        '  const hit = staticAssets.get(path);',
        '  if (hit) return hit;',
        '  const data = await readFile(path);',
        '  staticAssets.set(path, data);',
        '  return data;',
        '}',
      ),
    },
    // -- Bounded memoizers -------------------------------------------------------------------
    {
      name: 'lodash memoize of a function without parameters',
      code: code(
        "import memoize from 'lodash/memoize';",
        '',
        'export const loadConfig = memoize(async () => JSON.parse(await readFile("config.json", "utf8")));',
      ),
    },
    {
      name: 'lodash memoize keyed by a boolean',
      code: code(
        "import { memoize } from 'lodash';",
        '',
        'export const featureList = memoize((beta: boolean) => features.filter((f) => beta || !f.beta));',
      ),
    },
    {
      name: 'lodash memoize with a bounded cache swapped in',
      code: code(
        "import memoize from 'lodash/memoize';",
        "import { LRUCache } from 'lru-cache';",
        '',
        'export const shortUrl = memoize((url: string) => shortener.shorten(url));',
        'shortUrl.cache = new LRUCache({ max: 1000 });',
      ),
    },
    {
      name: 'lodash memoize inside a function: lives as long as the call',
      code: code(
        "import _ from 'lodash';",
        '',
        'export function buildReport(rows: Row[]) {',
        '  const label = _.memoize((id: string) => lookupLabel(id));',
        '  return rows.map((row) => ({ ...row, label: label(row.labelId) }));',
        '}',
      ),
    },
    {
      name: 'memoizee with max',
      code: code(
        "import memoize from 'memoizee';",
        '',
        'export const resolveAvatar = memoize((email: string) => gravatar.url(email), { max: 1000 });',
      ),
    },
    {
      name: 'memoizee with maxAge and promise mode',
      code: code(
        "const memoize = require('memoizee');",
        '',
        'module.exports.fetchRates = memoize(async (base) => (await fetch(`/rates/${base}`)).json(), {',
        '  promise: true,',
        '  maxAge: 60_000,',
        '});',
      ),
    },
    {
      name: 'memoizee/weak is keyed weakly',
      code: code(
        "import memoizeWeak from 'memoizee/weak';",
        '',
        'export const derived = memoizeWeak((state: State) => computeTotals(state));',
      ),
    },
    {
      name: 'memoizee options from a variable are not judged',
      code: code(
        "import memoize from 'memoizee';",
        "import { memoOptions } from './config';",
        '',
        'export const lookup = memoize((sku: string) => catalog.find(sku), memoOptions);',
      ),
    },
    {
      name: 'moize with its default maxSize of 1, promise mode and a finite maxSize',
      code: code(
        "import moize from 'moize';",
        '',
        'export const selectVisible = moize((items: Item[], filter: string) => items.filter((i) => i.tags.includes(filter)));',
        'export const fetchUser = moize.promise((id: string) => api.user(id));',
        'export const toSlug = moize((title: string) => slugify(title), { maxSize: 200 });',
      ),
    },
    {
      name: 'moize.infinite with a maxAge',
      code: code(
        "import moize from 'moize';",
        '',
        'export const geocode = moize.infinite((address: string) => geo.lookup(address), { maxAge: 5 * 60_000 });',
      ),
    },
    // -- Bounded container libraries ---------------------------------------------------------
    {
      name: 'node-cache with stdTTL, and one with maxKeys',
      code: code(
        "import NodeCache from 'node-cache';",
        '',
        'const short = new NodeCache({ stdTTL: 120, checkperiod: 60 });',
        'const capped = new NodeCache({ maxKeys: 10_000 });',
        '',
        'export function remember(key: string, value: unknown) {',
        '  short.set(key, value);',
        '  capped.set(key, value);',
        '}',
      ),
    },
    {
      name: 'node-cache whose entries are all set with a TTL',
      code: code(
        "const NodeCache = require('node-cache');",
        'const otpCache = new NodeCache();',
        '',
        'exports.issue = (phone, code) => otpCache.set(phone, code, 300);',
        'exports.check = (phone, code) => otpCache.get(phone) === code;',
      ),
    },
    {
      name: 'node-cache options from configuration are not judged',
      code: code(
        "import NodeCache from 'node-cache';",
        "import { cacheOptions } from './config';",
        '',
        'const cache = new NodeCache(cacheOptions);',
        'export const put = (key: string, value: unknown) => cache.set(key, value);',
      ),
    },
    {
      name: 'lru-cache with max, maxSize, ttl with max, and ttlAutopurge',
      options: [{ lruCacheMajor: 10 }],
      code: code(
        "import { LRUCache } from 'lru-cache';",
        '',
        'export const users = new LRUCache<string, User>({ max: 5000 });',
        'export const blobs = new LRUCache<string, Buffer>({ maxSize: 50_000_000, sizeCalculation: (b) => b.length });',
        'export const pages = new LRUCache<string, string>({ max: 500, ttl: 60_000 });',
        'export const tokens = new LRUCache<string, string>({ ttl: 60_000, ttlAutopurge: true });',
      ),
    },
    {
      name: 'lru-cache v6 with a positional max and with max plus maxAge',
      options: [{ lruCacheMajor: 6 }],
      code: code(
        "const LRU = require('lru-cache');",
        '',
        'const small = new LRU(500);',
        'const pages = new LRU({ max: 200, maxAge: 1000 * 60 });',
        '',
        'module.exports = { small, pages };',
      ),
    },
    {
      name: 'lru-cache with ttl alone but a purgeStale sweep',
      options: [{ lruCacheMajor: 11 }],
      code: code(
        "import { LRUCache } from 'lru-cache';",
        '',
        'const challenges = new LRUCache<string, string>({ ttl: 5 * 60_000 });',
        'setInterval(() => challenges.purgeStale(), 60_000);',
        '',
        'export const saveChallenge = (id: string, value: string) => challenges.set(id, value);',
      ),
    },
    {
      name: 'lru-cache with spread options',
      options: [{ lruCacheMajor: 10 }],
      code: code(
        "import { LRUCache } from 'lru-cache';",
        "import { defaults } from './cache-defaults';",
        '',
        'export const cache = new LRUCache({ ...defaults, ttl: 30_000 });',
      ),
    },
    {
      name: 'quick-lru with maxSize',
      code: code(
        "import QuickLRU from 'quick-lru';",
        '',
        'export const lru = new QuickLRU<string, number>({ maxSize: 1000, maxAge: 60_000 });',
      ),
    },
    // -- TanStack Query ----------------------------------------------------------------------
    {
      name: 'TanStack: finite gcTime and staleTime Infinity',
      code: code(
        "import { QueryClient, useQuery } from '@tanstack/react-query';",
        '',
        'export const queryClient = new QueryClient({',
        '  defaultOptions: { queries: { staleTime: Infinity, gcTime: 10 * 60 * 1000 } },',
        '});',
        '',
        'export const useCountries = () =>',
        "  useQuery({ queryKey: ['countries'], queryFn: api.countries, staleTime: Infinity });",
      ),
    },
    {
      name: 'gcTime: Infinity in an object that is not a TanStack call',
      code: code(
        "import { QueryClient } from '@tanstack/react-query';",
        '',
        '// a settings object for another library',
        'export const poolOptions = { gcTime: Infinity, idleTimeout: 30_000 };',
        'export const queryClient = new QueryClient();',
      ),
    },
    {
      name: 'TanStack options from a variable are not judged',
      code: code(
        "import { useQuery } from '@tanstack/react-query';",
        "import { foreverOptions } from './query-options';",
        '',
        "export const useMe = () => useQuery({ queryKey: ['me'], queryFn: api.me, ...foreverOptions });",
      ),
    },
    // -- Second pass: suggestion outputs are clean ---------------------------------------------
    {
      name: 'second pass: memoizee with the suggested max',
      code: edit(memoizeeBare, 'gravatar.url(email, { s: 200 }))', 'gravatar.url(email, { s: 200 }), { max: 1000 })'),
    },
    {
      name: 'second pass: lru-cache with the suggested max',
      options: [{ lruCacheMajor: 10 }],
      code: edit(lruTtlOnly, '{ ttl: 60_000 }', '{ ttl: 60_000, max: 1000 }'),
    },
    {
      name: 'second pass: node-cache with the suggested stdTTL',
      code: edit(nodeCacheZeroTtl, 'stdTTL: 0', 'stdTTL: 300'),
    },
    {
      name: 'second pass: moize with the suggested maxSize',
      code: edit(moizeInfinite, 'moize.infinite(', 'moize.maxSize(1000)('),
    },
    {
      name: 'second pass: TanStack gcTime with the suggested value',
      filename: 'providers.tsx',
      code: edit(queryClientInfinity, 'gcTime: Infinity', 'gcTime: 5 * 60 * 1000'),
    },
  ],
  invalid: [
    {
      name: 'real: an imported id type is no fixed set',
      code: importedIdKey,
      errors: [{ messageId: 'unboundedMap' }],
    },
    {
      name: 'real: a Next.js API route (server) caching by URL',
      code: urlKeyedServerMap,
      filename: 'src/pages/api/internal/assess-image.ts',
      errors: [{ messageId: 'unboundedMap' }],
    },
    {
      name: 'real: a constant-table check on another input does not bound the key',
      code: guardedByUnrelatedTable,
      errors: [{ messageId: 'unboundedMap' }],
    },
    {
      name: 'real: a type alias of string is not a fixed set',
      code: stringAliasParam,
      errors: [{ messageId: 'unboundedMap' }],
    },
    // -- Map and object caches ---------------------------------------------------------------
    {
      name: 'module Map: get, miss, set, nothing evicts',
      code: moduleMap,
      errors: [{ messageId: 'unboundedMap', data: { name: 'usersById', line: 10 }, line: 4, suggestions: [] }],
      output: null,
    },
    {
      name: 'class field Map in a NestJS service',
      code: nestService,
      errors: [{ messageId: 'unboundedMap', data: { name: 'cache', line: 15 }, line: 7, suggestions: [] }],
      output: null,
    },
    {
      name: 'object cache with the memo idiom cache[k] = cache[k] || compute(k)',
      code: memoIdiom,
      errors: [{ messageId: 'unboundedMap', data: { name: 'slugs', line: 4 }, line: 1, suggestions: [] }],
      output: null,
    },
    {
      name: 'Map whose TTL is only checked on read',
      code: ttlOnRead,
      errors: [{ messageId: 'unboundedMap', data: { name: 'sessions', line: 9 }, line: 2, suggestions: [] }],
      output: null,
    },
    {
      name: 'Map filled in a promise callback',
      code: promiseInThen,
      errors: [{ messageId: 'unboundedMap', data: { name: 'thumbnails', line: 10 }, line: 1, suggestions: [] }],
      output: null,
    },
    {
      name: 'public field of a class that is not exported',
      code: code(
        'class RouteTable {',
        '  matches: Record<string, Route | null> = {};',
        '',
        '  match(path: string) {',
        '    if (path in this.matches) return this.matches[path];',
        '    const route = this.routes.find((r) => r.pattern.test(path)) ?? null;',
        '    this.matches[path] = route;',
        '    return route;',
        '  }',
        '}',
        '',
        'export const table = new RouteTable();',
      ),
      errors: [{ messageId: 'unboundedMap', data: { name: 'matches', line: 7 }, line: 2, suggestions: [] }],
      output: null,
    },
    // -- Memoizers ---------------------------------------------------------------------------
    {
      name: 'lodash/memoize default import',
      code: lodashDefault,
      errors: [{ messageId: 'lodashMemoize', data: { callee: 'memoize' }, line: 4, suggestions: [] }],
      output: null,
    },
    {
      name: 'lodash memoize with a resolver, imported under an alias from lodash-es',
      code: lodashAlias,
      errors: [{ messageId: 'lodashMemoize', data: { callee: 'memo' }, line: 3, suggestions: [] }],
      output: null,
    },
    {
      name: 'lodash.memoize with per-key invalidation is still unbounded',
      code: lodashInvalidated,
      errors: [{ messageId: 'lodashMemoize', data: { callee: 'memoize' }, line: 3, suggestions: [] }],
      output: null,
    },
    {
      name: 'memoizee without options',
      code: memoizeeBare,
      errors: [
        {
          messageId: 'memoizeeNoMax',
          line: 3,
          suggestions: [
            {
              messageId: 'addMax',
              data: { max: 1000 },
              output: edit(memoizeeBare, 'gravatar.url(email, { s: 200 }))', 'gravatar.url(email, { s: 200 }), { max: 1000 })'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'memoizee with a custom defaultMax',
      code: memoizeeBare,
      options: [{ defaultMax: 250 }],
      errors: [
        {
          messageId: 'memoizeeNoMax',
          line: 3,
          suggestions: [
            {
              messageId: 'addMax',
              data: { max: 250 },
              output: edit(memoizeeBare, 'gravatar.url(email, { s: 200 }))', 'gravatar.url(email, { s: 200 }), { max: 250 })'),
            },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'moize.infinite',
      code: moizeInfinite,
      errors: [
        {
          messageId: 'moizeInfinite',
          data: { shape: 'moize.infinite' },
          line: 3,
          suggestions: [
            { messageId: 'useMaxSize', data: { replacement: 'moize.maxSize(1000)' }, output: edit(moizeInfinite, 'moize.infinite(', 'moize.maxSize(1000)(') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'moize with maxSize: Infinity',
      code: moizeMaxSizeInfinity,
      errors: [
        {
          messageId: 'moizeInfinite',
          data: { shape: 'maxSize: Infinity' },
          line: 4,
          suggestions: [{ messageId: 'finiteValue', data: { value: 1000 }, output: edit(moizeMaxSizeInfinity, 'maxSize: Infinity', 'maxSize: 1000') }],
        },
      ],
      output: null,
    },
    {
      name: 'moize.maxSize(Infinity) curried, named import',
      code: moizeCurried,
      errors: [
        {
          messageId: 'moizeInfinite',
          data: { shape: 'moize.maxSize(Infinity)' },
          line: 3,
          suggestions: [{ messageId: 'finiteValue', data: { value: 1000 }, output: edit(moizeCurried, 'maxSize(Infinity)', 'maxSize(1000)') }],
        },
      ],
      output: null,
    },
    // -- Container libraries -----------------------------------------------------------------
    {
      name: 'node-cache with stdTTL: 0',
      code: nodeCacheZeroTtl,
      errors: [
        {
          messageId: 'nodeCacheNoTtl',
          data: { line: 6 },
          line: 3,
          suggestions: [{ messageId: 'addStdTtl', data: { ttl: 300 }, output: edit(nodeCacheZeroTtl, 'stdTTL: 0', 'stdTTL: 300') }],
        },
      ],
      output: null,
    },
    {
      name: 'lru-cache v10 with ttl alone',
      code: lruTtlOnly,
      options: [{ lruCacheMajor: 10 }],
      errors: [
        {
          messageId: 'lruTtlOnly',
          data: { option: 'ttl' },
          line: 3,
          suggestions: [{ messageId: 'addMax', data: { max: 1000 }, output: edit(lruTtlOnly, '{ ttl: 60_000 }', '{ ttl: 60_000, max: 1000 }') }],
        },
      ],
      output: null,
    },
    {
      name: 'lru-cache without any bound throws from v7 (version unknown)',
      code: lruNoOptions,
      errors: [
        {
          messageId: 'lruThrows',
          line: 3,
          suggestions: [{ messageId: 'addMax', data: { max: 1000 }, output: edit(lruNoOptions, 'new LRU()', 'new LRU({ max: 1000 })') }],
        },
      ],
      output: null,
    },
    {
      name: 'lru-cache v6 without max never evicts',
      code: lruNoOptions,
      options: [{ lruCacheMajor: 6 }],
      errors: [
        {
          messageId: 'lruUnbounded',
          data: { major: 6 },
          line: 3,
          suggestions: [{ messageId: 'addMax', data: { max: 1000 }, output: edit(lruNoOptions, 'new LRU()', 'new LRU({ max: 1000 })') }],
        },
      ],
      output: null,
    },
    {
      name: 'quick-lru without maxSize',
      code: quickLruBare,
      errors: [
        {
          messageId: 'quickLruNoMaxSize',
          line: 3,
          suggestions: [
            { messageId: 'addMaxSize', data: { max: 1000 }, output: edit(quickLruBare, 'new QuickLRU<string, Uint8Array>()', 'new QuickLRU<string, Uint8Array>({ maxSize: 1000 })') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'quick-lru with maxSize: Infinity',
      code: quickLruInfinity,
      errors: [
        {
          messageId: 'infiniteOption',
          data: { option: 'maxSize', library: 'quick-lru' },
          line: 3,
          suggestions: [{ messageId: 'finiteValue', data: { value: 1000 }, output: edit(quickLruInfinity, 'maxSize: Infinity', 'maxSize: 1000') }],
        },
      ],
      output: null,
    },
    // -- TanStack Query ----------------------------------------------------------------------
    {
      name: 'TanStack QueryClient defaultOptions gcTime: Infinity (TSX)',
      code: queryClientInfinity,
      filename: 'providers.tsx',
      errors: [
        {
          messageId: 'infiniteGcTime',
          data: { option: 'gcTime' },
          line: 5,
          suggestions: [
            { messageId: 'finiteValue', data: { value: '5 * 60 * 1000' }, output: edit(queryClientInfinity, 'gcTime: Infinity', 'gcTime: 5 * 60 * 1000') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'TanStack useQuery gcTime: Number.POSITIVE_INFINITY (vue-query) with a custom TTL',
      code: useQueryInfinity,
      options: [{ defaultTtlSeconds: 90 }],
      errors: [
        {
          messageId: 'infiniteGcTime',
          data: { option: 'gcTime' },
          line: 7,
          suggestions: [
            { messageId: 'finiteValue', data: { value: '90 * 1000' }, output: edit(useQueryInfinity, 'Number.POSITIVE_INFINITY', '90 * 1000') },
          ],
        },
      ],
      output: null,
    },
    {
      name: 'TanStack v4 cacheTime: Infinity in the positional options',
      code: cacheTimeV4,
      errors: [
        {
          messageId: 'infiniteGcTime',
          data: { option: 'cacheTime' },
          line: 4,
          suggestions: [
            { messageId: 'finiteValue', data: { value: '5 * 60 * 1000' }, output: edit(cacheTimeV4, 'cacheTime: Infinity', 'cacheTime: 5 * 60 * 1000') },
          ],
        },
      ],
      output: null,
    },
  ],
});

jsRuleTester.run('no-unbounded-cache (JavaScript modules)', rule as never, {
  valid: [
    {
      name: 'public this.cache of an exported JS class',
      code: code(
        'export default class GeoService {',
        '  constructor() {',
        '    this.cache = new Map();',
        '  }',
        '',
        '  async locate(ip) {',
        '    if (this.cache.has(ip)) return this.cache.get(ip);',
        '    const location = await lookup(ip);',
        '    this.cache.set(ip, location);',
        '    return location;',
        '  }',
        '}',
      ),
    },
    {
      name: 'static Map reached through the class name',
      code: code(
        'class Icons {',
        '  static cache = new Map();',
        '',
        '  static load(name) {',
        '    if (!this.cache.has(name)) this.cache.set(name, fetchIcon(name));',
        '    return this.cache.get(name);',
        '  }',
        '}',
        '',
        'export function resetIcons() {',
        '  Icons.cache.clear();',
        '}',
        '',
        'export const icon = (name) => Icons.load(name);',
      ),
    },
  ],
  invalid: [
    {
      name: 'JS module Map: has, set, get',
      code: hasThenGetJs,
      errors: [{ messageId: 'unboundedMap', data: { name: 'rendered', line: 9 }, line: 4, suggestions: [] }],
      output: null,
    },
    {
      name: 'JS #private field in an exported class',
      code: jsPrivateField,
      errors: [{ messageId: 'unboundedMap', data: { name: '#compiled', line: 11 }, line: 5, suggestions: [] }],
      output: null,
    },
    {
      name: 'Object.create(null) cache checked with Object.hasOwn',
      code: hasOwnObject,
      errors: [{ messageId: 'unboundedMap', data: { name: 'translations', line: 7 }, line: 1, suggestions: [] }],
      output: null,
    },
  ],
});

cjsRuleTester.run('no-unbounded-cache (CommonJS)', rule as never, {
  valid: [
    {
      name: 'node-cache cleared on a schedule',
      code: code(
        "const NodeCache = require('node-cache');",
        'const cache = new NodeCache();',
        'setInterval(() => cache.flushAll(), 10 * 60_000);',
        '',
        'module.exports.remember = (key, value) => cache.set(key, value);',
      ),
    },
  ],
  invalid: [
    {
      name: 'CommonJS object cache with `in`',
      code: objectCacheCjs,
      errors: [{ messageId: 'unboundedMap', data: { name: 'rates', line: 9 }, line: 3, suggestions: [] }],
      output: null,
    },
    {
      name: 'JS class with this.cache, exported as an instance',
      code: jsClassSingleton,
      errors: [{ messageId: 'unboundedMap', data: { name: 'cache', line: 13 }, line: 6, suggestions: [] }],
      output: null,
    },
    {
      name: 'lodash via require, _.memoize',
      code: lodashRequire,
      errors: [{ messageId: 'lodashMemoize', data: { callee: '_.memoize' }, line: 4, suggestions: [] }],
      output: null,
    },
    {
      name: 'memoizee via require with a multi-line options object',
      code: memoizeeMultiline,
      errors: [
        {
          messageId: 'memoizeeNoMax',
          line: 3,
          suggestions: [{ messageId: 'addMax', data: { max: 1000 }, output: edit(memoizeeMultiline, '    primitive: true,\n', '    primitive: true,\n    max: 1000,\n') }],
        },
      ],
      output: null,
    },
    {
      name: 'node-cache via require, set without a TTL',
      code: nodeCacheCjs,
      errors: [
        {
          messageId: 'nodeCacheNoTtl',
          data: { line: 9 },
          line: 3,
          suggestions: [{ messageId: 'addStdTtl', data: { ttl: 300 }, output: edit(nodeCacheCjs, 'new NodeCache()', 'new NodeCache({ stdTTL: 300 })') }],
        },
      ],
      output: null,
    },
    {
      name: 'lru-cache v6 with maxAge alone, via require',
      code: lruV6Ttl,
      options: [{ lruCacheMajor: 6 }],
      errors: [
        {
          messageId: 'lruTtlOnly',
          data: { option: 'maxAge' },
          line: 3,
          suggestions: [{ messageId: 'addMax', data: { max: 1000 }, output: edit(lruV6Ttl, '  maxAge: 1000 * 60 * 5,\n', '  maxAge: 1000 * 60 * 5,\n  max: 1000,\n') }],
        },
      ],
      output: null,
    },
  ],
});
