import { LRUCache } from 'lru-cache';

// Defaults: no TTL, no key limit, clones on.
// cache-codemod-todo(node-cache-to-lru-cache): node-cache had no limit here (maxKeys -1): lru-cache needs a `max` entry count (or maxSize); choose one; also, node-cache cloned values on set and get (useClones defaults to true); lru-cache hands out the stored object, so callers must not mutate what they get
const lookups = new LRUCache();

// cache-codemod-todo(node-cache-to-lru-cache): node-cache events: 'expired'/'del' map to the dispose(value, key, reason) option, which runs on access or purge unless ttlAutopurge is set
lookups.on('expired', (key) => console.debug('expired', key));

export function claim(token) {
  // cache-codemod-todo(node-cache-to-lru-cache): take() is get() followed by delete()
  return lookups.take(token);
}

export function remember(token, owner) {
  // cache-codemod-todo(node-cache-to-lru-cache): node-cache set() returned true; lru-cache set() returns the cache
  return lookups.set(token, owner, { ttl: 120 * 1000 });
}

export function stats() {
  // cache-codemod-todo(node-cache-to-lru-cache): lru-cache keeps no hit/miss statistics: count them yourself
  return lookups.getStats();
}
