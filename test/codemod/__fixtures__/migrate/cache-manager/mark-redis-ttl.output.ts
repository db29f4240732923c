// cache-codemod-todo(cache-manager): cache-manager has no default export since v5: import the names you use (import { createCache } from 'cache-manager')
import cacheManager from 'cache-manager';
// cache-codemod-todo(cache-manager): cache-manager v6+ does not export `MemoryCache`: use `Cache` (the type of createCache()) or the Keyv store types
import type { MemoryCache } from 'cache-manager';
import redisStore from 'cache-manager-redis-store';

// cache-codemod-todo(cache-manager): v4 TTLs are seconds, v5+ milliseconds: multiply this value by 1000 when you port this call; also, a third-party v4 store: v6+ takes Keyv stores (e.g. new Keyv({ store: new KeyvRedis(url) }) from @keyv/redis), v5 its own store packages
export const sessions = cacheManager.caching({ store: redisStore, host: 'localhost', ttl: 120 });

export async function keysOf(cache: MemoryCache): Promise<string[]> {
  return cache.store.keys();
}

export async function flush(): Promise<void> {
  // cache-codemod-todo(cache-manager): `store` is gone since v6: the Keyv stores are `stores`; keys()/mget/mset/reset on a store are not part of the v6 API
  await sessions.store.reset();
}
