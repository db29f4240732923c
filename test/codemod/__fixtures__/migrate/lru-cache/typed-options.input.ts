import LRU from 'lru-cache';

export interface Price {
  sku: string;
  cents: number;
}

const options: LRU.Options<string, Price> = { max: 2000, maxAge: 30_000 };

export function priceCache(overrides: Partial<LRU.Options<string, Price>> = {}): LRU<string, Price> {
  return new LRU<string, Price>({ ...options, ...overrides, max: overrides.max ?? 2000 });
}
