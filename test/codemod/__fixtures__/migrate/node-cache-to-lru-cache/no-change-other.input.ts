import { LRUCache } from 'lru-cache';

// Mentions node-cache but does not use it: a local class with node-cache's method names.
class TinyCache {
  private readonly map = new Map<string, string>();
  set(key: string, value: string, seconds?: number): boolean {
    void seconds;
    this.map.set(key, value);
    return true;
  }
  del(key: string): number {
    return this.map.delete(key) ? 1 : 0;
  }
  flushAll(): void {
    this.map.clear();
  }
}

const tiny = new TinyCache();
tiny.set('a', 'b', 10);
tiny.del('a');
tiny.flushAll();

export const replacement = new LRUCache<string, string>({ max: 100, ttl: 60_000 });
