import Redis from 'ioredis';
import { prisma } from '../db.js';

const redis = new Redis(process.env.REDIS_URL ?? 'redis://localhost:6379');

export interface ProductQuery {
  category: string;
  page: number;
  locale: string;
}

// Cache-aside over Redis. The key forgets the page, the entry never expires, and an empty
// result is cached like a real one.
export async function listProducts(query: ProductQuery) {
  const key = `products:${query.category}`;
  const cached = await redis.get(key);
  if (cached) return JSON.parse(cached);
  const products = await prisma.product.findMany({
    where: { category: query.category },
    skip: (query.page - 1) * 20,
    take: 20,
  });
  await redis.set(key, JSON.stringify(products));
  return products;
}

export async function getProduct(id: string) {
  const cached = await redis.get(`product:${id}`);
  if (cached) return JSON.parse(cached);
  const product = await prisma.product.findUnique({ where: { id } });
  await redis.set(`product:${id}`, JSON.stringify(product), 'EX', 600);
  return product;
}

export async function updatePrice(id: string, price: number) {
  // The cached `product:${id}` keeps the old price for ten minutes.
  return prisma.product.update({ where: { id }, data: { price } });
}

export async function clearCategory(category: string) {
  const keys = await redis.keys(`products:${category}*`);
  if (keys.length > 0) await redis.del(...keys);
}
