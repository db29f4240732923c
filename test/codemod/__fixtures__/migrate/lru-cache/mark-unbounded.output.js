import { LRUCache as LRU } from 'lru-cache';

// Rate-limit windows: expire after a minute, but nothing bounds how many there are.
// cache-codemod-todo(lru-cache): unbounded cache: lru-cache v11 needs a `max` (entry count) or `maxSize`; v6 defaulted to no limit, so choose one
export const windows = new LRU({ ttl: 60 * 1000 });

// Request dedupe: no options at all.
// cache-codemod-todo(lru-cache): unbounded cache: lru-cache v11 needs a `max` (entry count) or `maxSize`; v6 defaulted to no limit, so choose one
export const seen = new LRU();

export function hit(ip) {
  const count = (windows.get(ip) || 0) + 1;
  windows.set(ip, count);
  seen.set(ip, Date.now());
  return count;
}
