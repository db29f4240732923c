import LRU from 'lru-cache';
import { readFileSync, writeFileSync } from 'node:fs';

const geocodes = new LRU<string, string>({ max: 5000 });

export function save(path: string): void {
  writeFileSync(path, JSON.stringify(geocodes.dump()));
}

export function restore(path: string): void {
  geocodes.load(JSON.parse(readFileSync(path, 'utf8')));
}
