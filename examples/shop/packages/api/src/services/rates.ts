import NodeCache from 'node-cache';
import { LRUCache } from 'lru-cache';

// node-cache with neither stdTTL nor maxKeys: entries live forever.
const rates = new NodeCache();

// lru-cache with a TTL and no max: expired entries are only dropped when read again.
const conversions = new LRUCache<string, number>({ ttl: 60_000 });

// A Map used as a cache with nothing that ever evicts.
const taxRules = new Map<string, TaxRule>();

export async function getRate(currency: string): Promise<number> {
  const hit = rates.get<number>(currency);
  if (hit !== undefined) return hit;
  const rate = await fetchRate(currency);
  rates.set(currency, rate);
  return rate;
}

export function convert(amount: number, from: string, to: string): number {
  const key = `${from}:${to}`;
  let factor = conversions.get(key);
  if (factor === undefined) {
    factor = computeFactor(from, to);
    conversions.set(key, factor);
  }
  return amount * factor;
}

export async function getTaxRule(country: string, region: string): Promise<TaxRule> {
  const key = `${country}:${region}`;
  const cached = taxRules.get(key);
  if (cached) return cached;
  const rule = await loadTaxRule(country, region);
  taxRules.set(key, rule);
  return rule;
}

interface TaxRule {
  rate: number;
}
declare function fetchRate(currency: string): Promise<number>;
declare function computeFactor(from: string, to: string): number;
declare function loadTaxRule(country: string, region: string): Promise<TaxRule>;
