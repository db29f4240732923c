import { cacheManager } from './cache-manager.js';
import { lodashMemoizeBounded } from './lodash-memoize-bounded.js';
import { lruCache } from './lru-cache.js';
import { nextRevalidateTag } from './next-revalidate-tag.js';
import { nodeCacheToLruCache } from './node-cache-to-lru-cache.js';
import { redis } from './redis.js';
import { tanstackQueryV5 } from './tanstack-query-v5.js';
import type { Migration } from './types.js';

/** Every migration `cache-codemod migrate <name>` knows, by name. */
export const MIGRATIONS: ReadonlyMap<string, Migration> = new Map([cacheManager, lodashMemoizeBounded, lruCache, nextRevalidateTag, nodeCacheToLruCache, redis, tanstackQueryV5].map((migration) => [migration.name, migration]));
