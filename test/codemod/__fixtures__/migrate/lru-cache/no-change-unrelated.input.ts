import { LRUCache } from 'lru-cache';

// A hand-written LRU with the v6 method names: not lru-cache, so never touched.
class LRU<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly limit: number) {}
  set(key: K, value: V, maxAge?: number): void {
    this.map.delete(key);
    this.map.set(key, value);
    if (this.map.size > this.limit) this.map.delete(this.map.keys().next().value as K);
    void maxAge;
  }
  del(key: K): void {
    this.map.delete(key);
  }
  reset(): void {
    this.map.clear();
  }
  get length(): number {
    return this.map.size;
  }
  keys(): K[] {
    return [...this.map.keys()];
  }
}

const local = new LRU<string, number>(100);
local.set('a', 1, 1000);
local.del('a');
local.reset();
export const localSize = local.length + local.keys().length;

// Already v11: named import, ttl, dispose(value, key).
export const tokens = new LRUCache<string, string>({
  max: 1000,
  ttl: 60_000,
  dispose: (value, key) => console.debug(key, value.length),
});

export function drop(cache: { del(key: string): void }, key: string): void {
  // A parameter named like a cache: not bound to lru-cache.
  cache.del(key);
  tokens.delete(key);
  for (const key of tokens.keys()) console.debug(key);
}
