import memoize from 'lodash/memoize.js';
import { prisma } from '../db.js';
import { redis } from '../redis.js';

// Memoised forever, one entry per id, and a failed lookup stays cached as a rejected promise.
export const getUserProfile = memoize(async (id: string) => {
  const user = await prisma.user.findUnique({ where: { id } });
  return { id, name: user?.name ?? 'unknown' };
});

export async function getUser(id: string) {
  const cached = await redis.get(`user:${id}`);
  if (cached) return JSON.parse(cached);
  const user = await prisma.user.findUnique({ where: { id } });
  await redis.set(`user:${id}`, JSON.stringify(user), 'EX', 300);
  return user;
}

export async function invalidateUser(id: string) {
  await redis.del(`user:${id}`);
}
