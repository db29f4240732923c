import { LRUCache } from 'lru-cache';

interface Rate {
  currency: string;
  perUsd: number;
}

const RATE_SECONDS = 300;

const rates = new LRUCache<string, Rate>({ ttl: RATE_SECONDS * 1000, max: 500 });

export async function rate(currency: string, fetchRate: (c: string) => Promise<Rate>): Promise<Rate> {
  const cached = rates.get(currency);
  if (cached) return cached;
  const fresh = await fetchRate(currency);
  rates.set(currency, fresh, { ttl: 60 * 1000 });
  return fresh;
}

export function invalidate(currency: string): void {
  rates.delete(currency);
}

export function known(): string[] {
  return [...rates.keys()].filter((key) => key.length === 3);
}

export function reset(): void {
  rates.clear();
}
