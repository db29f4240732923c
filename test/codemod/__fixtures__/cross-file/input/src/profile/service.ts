import Redis from 'ioredis';
import { prisma } from '../db';
import { invalidateUser } from '../users/cache';

const redis = new Redis(process.env.REDIS_URL!);

// Invalidates through the caching module: not stale.
export async function updateEmail(id: string, email: string) {
  await prisma.user.update({ where: { id }, data: { email } });
  await invalidateUser(id);
}

// Same key prefix as users/cache.ts, different data: a collision.
export async function getUserSettings(id: string) {
  const cached = await redis.get(`user:${id}`);
  if (cached) return JSON.parse(cached);
  const settings = await fetchSettings(id);
  await redis.set(`user:${id}`, JSON.stringify(settings), 'EX', 60);
  return settings;
}

declare function fetchSettings(id: string): Promise<unknown>;
