import { createCache } from 'cache-manager';
import { createKeyv } from 'cacheable';

interface Product {
  id: string;
  name: string;
  priceCents: number;
}

const PRODUCT_TTL = 300; // seconds

export const productCache = createCache({ stores: [createKeyv({ lruSize: 1000 })], ttl: PRODUCT_TTL * 1000 });

export async function getProduct(id: string, load: (id: string) => Promise<Product>): Promise<Product> {
  const key = `product:${id}`;
  const hit = await productCache.get<Product>(key);
  if (hit != null) return hit;
  const product = await load(id);
  await productCache.set(key, product, 60 * 1000);
  return product;
}

export async function forgetProduct(id: string): Promise<void> {
  await productCache.del(`product:${id}`);
}

export async function forgetAll(): Promise<void> {
  await productCache.clear();
}
