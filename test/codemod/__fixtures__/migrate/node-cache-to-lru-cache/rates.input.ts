import NodeCache from 'node-cache';

interface Rate {
  currency: string;
  perUsd: number;
}

const RATE_SECONDS = 300;

const rates = new NodeCache({ stdTTL: RATE_SECONDS, maxKeys: 500, checkperiod: 120, useClones: false });

export async function rate(currency: string, fetchRate: (c: string) => Promise<Rate>): Promise<Rate> {
  const cached = rates.get<Rate>(currency);
  if (cached) return cached;
  const fresh = await fetchRate(currency);
  rates.set(currency, fresh, 60);
  return fresh;
}

export function invalidate(currency: string): void {
  rates.del(currency);
}

export function known(): string[] {
  return rates.keys().filter((key) => key.length === 3);
}

export function reset(): void {
  rates.flushAll();
}
