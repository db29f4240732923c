import { LRUCache as LRU } from 'lru-cache';
import { readFileSync, writeFileSync } from 'node:fs';

const geocodes = new LRU<string, string>({ max: 5000 });

export function save(path: string): void {
  // cache-codemod-todo(lru-cache): `dump()` entries changed shape in v7 (they are [key, { value, ttl, size, start }] pairs): data dumped by v6 cannot be loaded
  writeFileSync(path, JSON.stringify(geocodes.dump()));
}

export function restore(path: string): void {
  // cache-codemod-todo(lru-cache): `load()` entries changed shape in v7 (they are [key, { value, ttl, size, start }] pairs): data dumped by v6 cannot be loaded
  geocodes.load(JSON.parse(readFileSync(path, 'utf8')));
}
