import cacheManager from 'cache-manager';
import type { MemoryCache } from 'cache-manager';
import redisStore from 'cache-manager-redis-store';

export const sessions = cacheManager.caching({ store: redisStore, host: 'localhost', ttl: 120 });

export async function keysOf(cache: MemoryCache): Promise<string[]> {
  return cache.store.keys();
}

export async function flush(): Promise<void> {
  await sessions.store.reset();
}
