import { LRUCache as LRU } from 'lru-cache';

interface Tile {
  id: string;
  bytes: Uint8Array;
}

const layers: Record<string, LRU<string, Tile>> = {};

function cacheFor(layer: string): LRU<string, Tile> {
  let cache = layers[layer];
  if (!cache) {
    cache = new LRU<string, Tile>({ max: 500, ttl: 60_000 });
    layers[layer] = cache;
  }
  return cache;
}

export function put(layer: string, tile: Tile): void {
  cacheFor(layer).set(tile.id, tile);
}

export function clearLayer(layer: string): void {
  layers[layer]?.clear();
}

export function clearAll(): void {
  for (const name of Object.keys(layers)) layers[name]!.clear();
}

export function count(layer: string): number {
  // cache-codemod-todo(lru-cache): v6 `length` is `size` (the entry count) in v11, or `calculatedSize` when the cache was created with a `length` function
  return cacheFor(layer).length;
}

// cache-codemod-todo(lru-cache): `Entry<K, V>` is gone: v11 has `LRUCache.Entry<V>` ({ value, ttl, size, start }), and dump() returns [key, Entry<V>] pairs
export function snapshot(layer: string): LRU.Entry<string, Tile>[] {
  // cache-codemod-todo(lru-cache): `dump()` entries changed shape in v7 (they are [key, { value, ttl, size, start }] pairs): data dumped by v6 cannot be loaded
  return cacheFor(layer).dump();
}

// cache-codemod-todo(lru-cache): `Entry<K, V>` is gone: v11 has `LRUCache.Entry<V>` ({ value, ttl, size, start }), and dump() returns [key, Entry<V>] pairs
export function restore(layer: string, entries: LRU.Entry<string, Tile>[]): void {
  // cache-codemod-todo(lru-cache): `load()` entries changed shape in v7 (they are [key, { value, ttl, size, start }] pairs): data dumped by v6 cannot be loaded
  cacheFor(layer).load(entries);
}
