import LRU from 'lru-cache';

interface Tile {
  id: string;
  bytes: Uint8Array;
}

const layers: Record<string, LRU<string, Tile>> = {};

function cacheFor(layer: string): LRU<string, Tile> {
  let cache = layers[layer];
  if (!cache) {
    cache = new LRU<string, Tile>({ max: 500, maxAge: 60_000 });
    layers[layer] = cache;
  }
  return cache;
}

export function put(layer: string, tile: Tile): void {
  cacheFor(layer).set(tile.id, tile);
}

export function clearLayer(layer: string): void {
  layers[layer]?.reset();
}

export function clearAll(): void {
  for (const name of Object.keys(layers)) layers[name]!.reset();
}

export function count(layer: string): number {
  return cacheFor(layer).length;
}

export function snapshot(layer: string): LRU.Entry<string, Tile>[] {
  return cacheFor(layer).dump();
}

export function restore(layer: string, entries: LRU.Entry<string, Tile>[]): void {
  cacheFor(layer).load(entries);
}
