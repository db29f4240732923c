import Redis from 'ioredis';
import { prisma } from '../db';

const redis = new Redis(process.env.REDIS_URL!);

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
