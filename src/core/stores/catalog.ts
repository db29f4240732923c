/**
 * The cache stores the core recognises, by the module export that creates them. Data only:
 * a new library is a new entry. Semantics that decide what is a bug (default bounds, TTL
 * units) are documented per library in the detectors that use them.
 */

/** A cache library (or the built-in `Map`/object used as a cache). */
export type StoreLibrary =
  | 'map'
  | 'object'
  | 'lru-cache'
  | 'quick-lru'
  | 'node-cache'
  | 'cache-manager'
  | 'keyv'
  | 'ioredis'
  | 'node-redis'
  | 'upstash-redis'
  | 'vercel-kv'
  | 'lodash-memoize'
  | 'memoizee'
  | 'moize'
  | 'next-unstable-cache';

/** How a store holds data: in process, on a remote server, or wrapped around a function. */
export type StoreKind = 'container' | 'remote' | 'memoizer';

/** A module export that yields a store when constructed, called or used as a type. */
export interface StoreSource {
  readonly source: string;
  readonly path: readonly string[];
  /** `new`: constructed; `call`: a factory call; `ref`: the export is the store itself (`kv`); `type`: a declared type. */
  readonly via: 'new' | 'call' | 'ref' | 'type';
  readonly library: StoreLibrary;
}

/** Library → kind. */
export const STORE_KIND: Readonly<Record<StoreLibrary, StoreKind>> = {
  map: 'container',
  object: 'container',
  'lru-cache': 'container',
  'quick-lru': 'container',
  'node-cache': 'container',
  'cache-manager': 'container',
  keyv: 'container',
  ioredis: 'remote',
  'node-redis': 'remote',
  'upstash-redis': 'remote',
  'vercel-kv': 'remote',
  'lodash-memoize': 'memoizer',
  memoizee: 'memoizer',
  moize: 'memoizer',
  'next-unstable-cache': 'memoizer',
};

const entries: [string, string[], StoreSource['via'], StoreLibrary][] = [
  // lru-cache: v6 `new LRU(...)` (default export), v7-v9 default or named, v10+ named `LRUCache`.
  ['lru-cache', [], 'new', 'lru-cache'],
  ['lru-cache', ['LRUCache'], 'new', 'lru-cache'],
  ['lru-cache', ['LRUCache'], 'type', 'lru-cache'],
  ['lru-cache', [], 'type', 'lru-cache'],
  ['quick-lru', [], 'new', 'quick-lru'],
  ['quick-lru', [], 'type', 'quick-lru'],
  ['node-cache', [], 'new', 'node-cache'],
  ['node-cache', [], 'type', 'node-cache'],
  ['@cacheable/node-cache', [], 'new', 'node-cache'],
  // cache-manager: v4/v5 `caching(...)`, v6+ `createCache(...)`; NestJS injects the `Cache` type.
  ['cache-manager', ['caching'], 'call', 'cache-manager'],
  ['cache-manager', ['multiCaching'], 'call', 'cache-manager'],
  ['cache-manager', ['createCache'], 'call', 'cache-manager'],
  ['cache-manager', ['Cache'], 'type', 'cache-manager'],
  ['cache-manager', ['MemoryCache'], 'type', 'cache-manager'],
  ['keyv', [], 'new', 'keyv'],
  ['keyv', ['Keyv'], 'new', 'keyv'],
  ['keyv', [], 'type', 'keyv'],
  ['keyv', ['Keyv'], 'type', 'keyv'],
  // ioredis: default export or named `Redis`; `Cluster` too.
  ['ioredis', [], 'new', 'ioredis'],
  ['ioredis', ['Redis'], 'new', 'ioredis'],
  ['ioredis', ['Cluster'], 'new', 'ioredis'],
  ['ioredis', [], 'type', 'ioredis'],
  ['ioredis', ['Redis'], 'type', 'ioredis'],
  ['ioredis', ['Cluster'], 'type', 'ioredis'],
  // node-redis v3 and v4+: `createClient()`.
  ['redis', ['createClient'], 'call', 'node-redis'],
  ['redis', ['createCluster'], 'call', 'node-redis'],
  ['redis', ['RedisClientType'], 'type', 'node-redis'],
  ['@redis/client', ['createClient'], 'call', 'node-redis'],
  ['@upstash/redis', ['Redis'], 'new', 'upstash-redis'],
  ['@upstash/redis', ['Redis', 'fromEnv'], 'call', 'upstash-redis'],
  ['@upstash/redis', ['Redis'], 'type', 'upstash-redis'],
  ['@upstash/redis/cloudflare', ['Redis'], 'new', 'upstash-redis'],
  ['@vercel/kv', ['kv'], 'ref', 'vercel-kv'],
  ['@vercel/kv', ['createClient'], 'call', 'vercel-kv'],
  // Memoizers: the call wraps a function.
  ['lodash', ['memoize'], 'call', 'lodash-memoize'],
  ['lodash-es', ['memoize'], 'call', 'lodash-memoize'],
  ['lodash/memoize', [], 'call', 'lodash-memoize'],
  ['lodash/memoize.js', [], 'call', 'lodash-memoize'],
  ['lodash.memoize', [], 'call', 'lodash-memoize'],
  ['lodash-es/memoize', [], 'call', 'lodash-memoize'],
  ['underscore', ['memoize'], 'call', 'lodash-memoize'],
  ['memoizee', [], 'call', 'memoizee'],
  ['memoizee/weak', [], 'call', 'memoizee'],
  ['moize', [], 'call', 'moize'],
  ['moize', ['moize'], 'call', 'moize'],
  ['next/cache', ['unstable_cache'], 'call', 'next-unstable-cache'],
];

/** Every store source, as data. */
export const STORE_SOURCES: readonly StoreSource[] = entries.map(([source, path, via, library]) => ({ source, path, via, library }));

/** Module specifiers worth a text check before any AST work: a file naming none of them has no library store. */
export const STORE_MODULES: readonly string[] = [...new Set(entries.map(([source]) => source))];

/** Methods that read a container or remote store. */
export const READ_METHODS: ReadonlySet<string> = new Set(['get', 'has', 'peek', 'mget', 'mGet', 'hget', 'hGet', 'hgetall', 'hGetAll', 'getBuffer', 'exists']);

/** Methods that write an entry. */
export const WRITE_METHODS: ReadonlySet<string> = new Set([
  'set',
  'setex',
  'setEx',
  'psetex',
  'pSetEx',
  'setnx',
  'setNX',
  'mset',
  'mSet',
  'hset',
  'hSet',
  'hmset',
  'hmSet',
  'sadd',
  'sAdd',
  'lpush',
  'lPush',
  'rpush',
  'rPush',
  'zadd',
  'zAdd',
  'getset',
  'getSet',
]);

/** Methods that remove entries or bound a store's size or life. */
export const EVICT_METHODS: ReadonlySet<string> = new Set([
  'delete',
  'del',
  'clear',
  'reset',
  'flushAll',
  'flushall',
  'flushdb',
  'flushDb',
  'unlink',
  'prune',
  'purgeStale',
  'expire',
  'pexpire',
  'pExpire',
  'expireat',
  'expireAt',
  'pexpireat',
  'pExpireAt',
  'take',
  'evict',
]);
